package dev.commitcollector.fetcher.forge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LongStringsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int LIMIT = LongStrings.HEAD + LongStrings.TAIL;

	@Test
	void passesABodyWithoutLongStringsThroughByteForByte() {
		String body = "[{\"sha\":\"abc\",\"message\":\"Fix \\\"it\\\" \\u00e9 \u00e9 \ud83d\ude00\\\\\",\"n\":[1,2.5,null]},"
				+ "{\"message\":\"" + "x".repeat(LIMIT) + "\"}]";
		LongStrings strings = new LongStrings();

		assertThat(read(strings, body, 7)).isEqualTo(body);
		assertThat(strings.cut()).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 13, 4096, 1 << 20 })
	void keepsTheFirstAndLastBytesOfALongMessageAroundAnEmptyLineInAnyChunking(int chunk) {
		String message = "Headline\n\n" + "body ".repeat(1_000_000) + "\n\nCo-authored-by: Ada <ada@example.org>";
		String body = "[{\"sha\":\"1\",\"message\":" + JSON.writeValueAsString(message) + ",\"after\":\"kept\"}]";
		LongStrings strings = new LongStrings();

		JsonNode item = JSON.readTree(read(strings, body, chunk)).get(0);

		String kept = item.get("message").asString();
		assertThat(kept).startsWith("Headline\n\nbody ").endsWith("body \n\nCo-authored-by: Ada <ada@example.org>");
		assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LIMIT + 2);
		assertThat(message).startsWith(kept.substring(0, kept.indexOf("\n\n", LongStrings.HEAD - 16)));
		assertThat(item.get("after").asString()).isEqualTo("kept");
		assertThat(strings.cut()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4, 5 })
	void cutsBetweenCharactersNeverInsideAnEscapeOrAUtf8Sequence(int shift) {
		String unit = "\u00e9\ud83d\ude00\\\"\n\u20ac\u0001a";
		String message = "a".repeat(shift) + unit.repeat(100_000);
		String body = "{\"message\":" + JSON.writeValueAsString(message) + "}";

		String kept = JSON.readTree(read(new LongStrings(), body, 8192)).get("message").asString();

		assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LIMIT);
		boolean aroundAGap = false;
		for (int gap = kept.indexOf("\n\n"); gap >= 0; gap = kept.indexOf("\n\n", gap + 1)) {
			aroundAGap |= message.startsWith(kept.substring(0, gap)) && message.endsWith(kept.substring(gap + 2));
		}
		assertThat(aroundAGap).as("the start and the end of the message around an empty line").isTrue();
		assertThat(kept.codePoints().filter(c -> Character.getType(c) == Character.SURROGATE)).isEmpty();
	}

	@Test
	void cutsEveryLongStringOfAPageAndKeepsTheItemsAroundThem() {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			items.add("{\"sha\":\"" + i + "\",\"message\":\"" + (i % 2 == 0 ? "m".repeat(3 * LIMIT) : "short") + "\"}");
		}
		LongStrings strings = new LongStrings();

		JsonNode page = JSON.readTree(read(strings, "[" + String.join(",", items) + "]", 65_536));

		assertThat(page).hasSize(5);
		assertThat(page.findValuesAsString("sha")).containsExactly("0", "1", "2", "3", "4");
		assertThat(page.get(1).get("message").asString()).isEqualTo("short");
		assertThat(page.get(2).get("message").asString()).hasSize(LIMIT + 2);
		assertThat(strings.cut()).isEqualTo(3);
	}

	/** {@code body} through {@code strings} in chunks of {@code chunk} bytes. */
	private static String read(LongStrings strings, String body, int chunk) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		List<DataBuffer> chunks = new ArrayList<>();
		for (int at = 0; at < bytes.length; at += chunk) {
			chunks.add(DefaultDataBufferFactory.sharedInstance
				.wrap(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + chunk))));
		}
		DataBuffer joined = DataBufferUtils.join(strings.read(Flux.fromIterable(chunks))).block();
		byte[] out = new byte[joined.readableByteCount()];
		joined.read(out);
		return new String(out, StandardCharsets.UTF_8);
	}

}

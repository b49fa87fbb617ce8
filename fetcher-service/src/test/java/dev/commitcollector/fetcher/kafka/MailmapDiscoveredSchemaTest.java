package dev.commitcollector.fetcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code MailmapDiscovered} against its contract: a mailmap, none, and one too large to
 * pass on.
 */
class MailmapDiscoveredSchemaTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String HEAD = "e".repeat(40);

	private final JsonSchema schema = schema();

	private final Fetch fetch = Fetch.start("gitlab", RepositoryPath.parse("acme/platform/widgets", 20), 10,
			Instant.EPOCH);

	@Test
	void carriesTheTextAsWrittenKeyedByRepository() {
		String text = "# comment\r\nZoë Ångström <zoe@example.org> <zoe@old.example.org>\n\t<a@example.org> <b@example.org>\n";
		MailmapDiscovered event = MailmapDiscovered.of(fetch, HEAD, Mailmap.of(text.getBytes(StandardCharsets.UTF_8)),
				Instant.EPOCH);

		String value = KafkaMailmapLog.value(JSON, event);

		assertThat(schema.validate(value, InputFormat.JSON)).as(value).isEmpty();
		assertThat(event.key()).isEqualTo("gitlab:acme/platform/widgets");
		JsonNode node = JSON.readTree(value);
		assertThat(node.get("mailmap").asString()).isEqualTo(text);
		assertThat(node.get("sha").asString()).isEqualTo(HEAD);
		assertThat(node.get("fetchId").asString()).isEqualTo(fetch.id().toString());
	}

	@Test
	void saysNullWhenTheRepositoryHasNone() {
		String value = KafkaMailmapLog.value(JSON, MailmapDiscovered.of(fetch, HEAD, Mailmap.NONE, Instant.EPOCH));

		assertThat(schema.validate(value, InputFormat.JSON)).as(value).isEmpty();
		assertThat(JSON.readTree(value).get("mailmap").isNull()).isTrue();
		assertThat(JSON.readTree(value).get("truncated").asBoolean()).isFalse();
	}

	@Test
	void saysTruncatedWithoutTextWhenTheFileIsLargerThan256KiB() {
		Mailmap huge = Mailmap.of(new byte[Mailmap.MAX_BYTES + 1]);

		String value = KafkaMailmapLog.value(JSON, MailmapDiscovered.of(fetch, HEAD, huge, Instant.EPOCH));

		assertThat(schema.validate(value, InputFormat.JSON)).as(value).isEmpty();
		assertThat(JSON.readTree(value).get("truncated").asBoolean()).isTrue();
		assertThat(JSON.readTree(value).get("mailmap").isNull()).isTrue();
		assertThat(schema.validate(value.replace("\"mailmap\":null", "\"mailmap\":\"x\""), InputFormat.JSON))
			.as("truncated means no text")
			.isNotEmpty();
	}

	@Test
	void dropsNulAndPassesOnAsTooLargeWhatWouldOutgrowTheBrokersMessageSize() {
		assertThat(Mailmap.of("a\0b".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("ab");
		// every control character is written \\u00XX: six bytes each
		Mailmap controls = Mailmap.of("\u0001".repeat(Mailmap.MAX_BYTES).getBytes(StandardCharsets.UTF_8));
		assertThat(controls.text()).hasSize(Mailmap.MAX_BYTES);

		String value = KafkaMailmapLog.value(JSON, MailmapDiscovered.of(fetch, HEAD, controls, Instant.EPOCH));

		assertThat(value.length()).isLessThan(KafkaMailmapLog.MAX_EVENT_BYTES);
		assertThat(JSON.readTree(value).get("truncated").asBoolean()).isTrue();
	}

	@Test
	void refusesAnEventWithoutItsHeadOrWithNul() {
		String value = KafkaMailmapLog.value(JSON, MailmapDiscovered.of(fetch, HEAD, Mailmap.NONE, Instant.EPOCH));

		assertThat(schema.validate(value.replace("\"sha\":\"" + HEAD + "\",", ""), InputFormat.JSON)).isNotEmpty();
		assertThat(schema.validate(value.replace("\"mailmap\":null", "\"mailmap\":\"a\\u0000b\""), InputFormat.JSON))
			.isNotEmpty();
	}

	static JsonSchema schema() {
		try {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(Files.readString(Path.of("..", "docs", "events", "mailmap-discovered.schema.json")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

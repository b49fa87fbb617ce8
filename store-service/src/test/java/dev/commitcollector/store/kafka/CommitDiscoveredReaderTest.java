package dev.commitcollector.store.kafka;

import static dev.commitcollector.store.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CommitDiscoveredReaderTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final CommitDiscoveredReader reader = new CommitDiscoveredReader(json);

	@Test
	void readsTheFetchersEventsExactlyAsTheMapperDoes() {
		List<String> events = List.of(anEvent().json(), anEvent().by("Ada", "ada@example.org", "AdaL").json(),
				anEvent().by("Zoë \"Ångström\" 李 \uD83D\uDE00\\", null, "zoe").json(),
				anEvent().by(null, "x@example.org", null).json(),
				anEvent().authoredAt(Instant.parse("2024-02-29T23:59:59.123456789Z")).json(),
				anEvent().authoredAt(Instant.parse("0001-01-01T00:00:00.5Z")).json(),
				anEvent().authoredAt(Instant.parse("9999-12-31T23:58:00.000001Z")).json(),
				anEvent().coAuthoredBy("Grace", "grace@example.org").coAuthoredBy(null, "o@x.org").json(),
				anEvent().json().replace("\"sha\"", "\"extra\":{\"nested\":[1,{\"a\":null}]},\"sha\""),
				anEvent().json().replace("\"schemaVersion\":1", "\"schemaVersion\":null"),
				anEvent().json().replace("}", ",\"coAuthors\":[null,{\"name\":\"A\",\"x\":[1]},{}]}"),
				anEvent().json().replace("}", ",\"coAuthors\":null}"), "{}", anEvent().json()
					.replaceAll("\"eventId\":\"[^\"]*\"", "\"eventId\":\"0A1B2C3D-0000-4000-8000-00000000FFFF\""));

		for (String event : events) {
			CommitDiscovered read = reader.read(bytes(event));

			assertThat(read).as(event).isNotNull().isEqualTo(json.readValue(bytes(event), CommitDiscovered.class));
		}
	}

	@Test
	void leavesEveryOtherFormToTheMapper() {
		String event = anEvent().json();
		List<String> unusual = List.of(event.replace("\"provider\":\"github\"", "\"provider\":7"),
				event.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""),
				event.replace("\"schemaVersion\":1", "\"schemaVersion\":1.0"),
				event.replace("\"schemaVersion\":1", "\"schemaVersion\":1,\"schemaVersion\":2"),
				event.replaceAll("\"authoredAt\":\"([^\"]*)Z\"", "\"authoredAt\":\"$1+02:00\""),
				event.replaceAll("\"authoredAt\":\"[^\"]*\"", "\"authoredAt\":\"2024-02-30T00:00:00Z\""),
				event.replaceAll("\"authoredAt\":\"[^\"]*\"", "\"authoredAt\":\"2024-12-31T23:59:60Z\""),
				event.replaceAll("\"authoredAt\":\"[^\"]*\"", "\"authoredAt\":\"1700000000\""),
				event.replaceAll("\"authoredAt\":\"[^\"]*\"", "\"authoredAt\":\"2024-01-01T00:00:00.Z\""),
				event.replaceAll("\"fetchId\":\"[^\"]*\"", "\"fetchId\":\"1-2-3-4-5\""),
				event.replaceAll("\"fetchId\":\"[^\"]*\"", "\"fetchId\":\"٠a1b2c3d-0000-4000-8000-00000000ffff\""),
				event.replace("}", ",\"coAuthors\":\"a@x.org\"}"),
				event.replace("}", ",\"coAuthors\":[{\"email\":\"a@x.org\",\"email\":\"b@x.org\"}]}"),
				event.replace("}", ",\"coAuthors\":[\"a@x.org\"]}"), event + " {}", "[]", "null", "not json");

		assertThat(unusual).allSatisfy(form -> assertThat(reader.read(bytes(form))).as(form).isNull());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

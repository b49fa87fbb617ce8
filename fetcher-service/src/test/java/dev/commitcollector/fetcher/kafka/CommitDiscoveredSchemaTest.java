package dev.commitcollector.fetcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code CommitDiscovered} against its contract: what the fetcher writes (version 2)
 * validates, a version 1 event still does, and what the contract bounds is bounded.
 */
class CommitDiscoveredSchemaTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonSchema schema = schema();

	private final Fetch fetch = Fetch.start("github", RepositoryPath.parse("acme/widgets"), 10, Instant.EPOCH);

	@Test
	void writesVersionTwoWithTheCoAuthorsInOrder() {
		DiscoveredCommit commit = DiscoveredCommit.fromMessage("a".repeat(40),
				new CommitAuthor("Ada", "ada@example.org", "ada"), Instant.EPOCH, Instant.EPOCH,
				"Pair\n\nCo-authored-by: Zoë 李 <zoe@example.org>\nCo-authored-by: <anon@example.org>", List.of());

		String event = JSON.writeValueAsString(CommitDiscovered.of(fetch, commit, Instant.EPOCH));

		assertThat(schema.validate(event, InputFormat.JSON)).as(event).isEmpty();
		assertThat(JSON.readTree(event).get("schemaVersion").asInt()).isEqualTo(2);
		assertThat(event).contains(
				"\"coAuthors\":[{\"name\":\"Zoë 李\",\"email\":\"zoe@example.org\"},{\"name\":null,\"email\":\"anon@example.org\"}]");
	}

	@Test
	void writesAnEmptyListWhenTheMessageCreditsNoOne() {
		DiscoveredCommit commit = DiscoveredCommit.fromMessage("b".repeat(40),
				new CommitAuthor("Ada", "ada@example.org", null), Instant.EPOCH, Instant.EPOCH, "Solo", List.of());

		String event = JSON.writeValueAsString(CommitDiscovered.of(fetch, commit, Instant.EPOCH));

		assertThat(schema.validate(event, InputFormat.JSON)).as(event).isEmpty();
		assertThat(event).contains("\"coAuthors\":[]");
	}

	@Test
	void stillAcceptsVersionOneEventsWithoutCoAuthors() {
		String v1 = """
				{"schemaVersion":1,"eventId":"6f1c1d2e-0000-4000-8000-000000000001","fetchId":"6f1c1d2e-0000-4000-8000-000000000002",
				"provider":"github","repository":"acme/widgets","sha":"%s","authorName":"Ada","authorEmail":"ada@example.org",
				"authorLogin":null,"authoredAt":"2024-01-01T00:00:00Z","committedAt":"2024-01-01T00:00:00Z",
				"messageHeadline":"Fix","discoveredAt":"2024-01-01T00:00:01Z"}"""
			.formatted("c".repeat(40));

		assertThat(schema.validate(v1, InputFormat.JSON)).isEmpty();
		assertThat(schema.validate(v1.replace("\"schemaVersion\":1", "\"schemaVersion\":3"), InputFormat.JSON))
			.isNotEmpty();
	}

	@Test
	void refusesMoreThanSixteenCoAuthorsAndOnesWithoutAnEmail() {
		String seventeen = IntStream.range(0, 17)
			.mapToObj(i -> "{\"name\":null,\"email\":\"p" + i + "@example.org\"}")
			.reduce((a, b) -> a + "," + b)
			.orElseThrow();
		String event = JSON.writeValueAsString(CommitDiscovered.of(fetch, DiscoveredCommit.fromMessage("d".repeat(40),
				new CommitAuthor("Ada", "ada@example.org", null), Instant.EPOCH, Instant.EPOCH, "Solo", List.of()),
				Instant.EPOCH));

		assertThat(schema.validate(event.replace("\"coAuthors\":[]", "\"coAuthors\":[" + seventeen + "]"),
				InputFormat.JSON))
			.isNotEmpty();
		assertThat(schema.validate(event.replace("\"coAuthors\":[]", "\"coAuthors\":[{\"name\":\"Ada\"}]"),
				InputFormat.JSON))
			.isNotEmpty();
	}

	static JsonSchema schema() {
		try {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(Files.readString(Path.of("..", "docs", "events", "commit-discovered.schema.json")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

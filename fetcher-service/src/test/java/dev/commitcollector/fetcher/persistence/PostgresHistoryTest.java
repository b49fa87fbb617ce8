package dev.commitcollector.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history's memory of a repository on a real PostgreSQL, migrated as the service
 * does.
 */
class PostgresHistoryTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final RepositoryRef target = new RepositoryRef(FetcherSchema.ownProvider(),
			RepositoryPath.parse("acme/widgets"));

	@BeforeAll
	static void migrate() {
		FetcherSchema.migrate();
	}

	@Test
	void aWalkThatStartsStopsTheMemoryVouchingForTheHistoryUntilItCompletes() {
		PostgresHistory history = new PostgresHistory(FetcherSchema.newClient());
		history.completed(target, new RepositoryMemory("a".repeat(40), 1000, true, "\"v1\"")).block(WAIT);

		history.walking(target).block(WAIT);

		assertThat(history.recall(target).block(WAIT)).contains(new RepositoryMemory("a".repeat(40), 0, false, null));
		history.completed(target, new RepositoryMemory("b".repeat(40), 1005, true, "\"v2\"")).block(WAIT);
		assertThat(history.recall(target).block(WAIT))
			.contains(new RepositoryMemory("b".repeat(40), 1005, true, "\"v2\""));
	}

	@Test
	void aWalkOfARepositoryNeverFetchedRemembersNothing() {
		PostgresHistory history = new PostgresHistory(FetcherSchema.newClient());

		history.walking(target).block(WAIT);

		assertThat(history.recall(target).block(WAIT)).isEqualTo(Optional.empty());
	}

	@Test
	void remembersTheHeadTheMailmapWasLastReadAtPerRepository() {
		PostgresHistory history = new PostgresHistory(FetcherSchema.newClient());
		RepositoryRef other = new RepositoryRef(FetcherSchema.ownProvider(), RepositoryPath.parse("acme/other"));
		assertThat(history.mailmapReadAt(other).block(WAIT)).isEmpty();

		history.mailmapRead(other, "c".repeat(40)).block(WAIT);
		history.mailmapRead(other, "d".repeat(40)).block(WAIT);

		assertThat(history.mailmapReadAt(other).block(WAIT)).contains("d".repeat(40));
		assertThat(history.mailmapReadAt(target).block(WAIT)).isEmpty();
	}

}

package dev.commitcollector.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A published page's one statement on a real PostgreSQL, migrated as the service does.
 */
class PostgresPublishedPagesTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

	private final RepositoryRef target = new RepositoryRef("pg-" + UUID.randomUUID().toString().substring(0, 8),
			RepositoryPath.parse("acme/widgets"));

	@BeforeAll
	static void migrate() {
		FetcherSchema.migrate();
	}

	@Test
	void remembersThePagesCommitsAndWritesTheFetchsProgressTogether() {
		Fetch running = Fetch.requested(target, 500, FetchMode.FULL, T0).running();
		PostgresFetchRecords records = new PostgresFetchRecords(FetcherSchema.newClient());
		PostgresHistory history = new PostgresHistory(FetcherSchema.newClient());
		records.save(running).block(WAIT);

		Fetch progressed = running.discovered(2).alreadyKnown(1);
		pages().record(progressed, List.of("a1", "b2")).block(WAIT);
		pages().record(progressed.discovered(1), List.of("c3")).block(WAIT);

		assertThat(history.known(target, List.of("a1", "b2", "c3", "d4")).block(WAIT)).containsExactlyInAnyOrder("a1",
				"b2", "c3");
		assertThat(records.find(running.id()).block(WAIT)).contains(progressed.discovered(1));
	}

	@Test
	void remembersTheCommitsOfAPageEvenWhenItsFetchHasEndedAndLeavesTheFetchAsItEnded() {
		Fetch running = Fetch.requested(target, 500, FetchMode.FULL, T0).running();
		PostgresFetchRecords records = new PostgresFetchRecords(FetcherSchema.newClient());
		Fetch failed = running.failed("stopped", T0.plusSeconds(5));
		records.save(failed).block(WAIT);

		pages().record(running.discovered(1), List.of("e5")).block(WAIT);

		assertThat(new PostgresHistory(FetcherSchema.newClient()).known(target, List.of("e5")).block(WAIT))
			.containsExactly("e5");
		assertThat(records.find(running.id()).block(WAIT)).contains(failed);
	}

	private static PostgresPublishedPages pages() {
		return new PostgresPublishedPages(FetcherSchema.newClient());
	}

}

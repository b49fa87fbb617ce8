package dev.commitcollector.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A walk's statements (a published page's, a completed walk's) on a real PostgreSQL,
 * migrated as the service does.
 */
class PostgresWalkRecordsTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

	private final RepositoryRef target = new RepositoryRef(FetcherSchema.ownProvider(),
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

		Fetch progressed = running.discovered(2).alreadyKnown(1).setAside(3);
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

	@Test
	void remembersThePagesOfAnAttemptALaterOneTookOverButLeavesTheFetchAndTheRepositoryToThatOne() {
		Fetch queued = Fetch.requested(target, 500, FetchMode.FULL, T0);
		PostgresFetchRecords records = new PostgresFetchRecords(FetcherSchema.newClient());
		records.requestOnce(queued).block(WAIT);
		Fetch first = records.takeUp(queued.id(), UUID.randomUUID()).block(WAIT).orElseThrow().running();
		Fetch second = records.takeUp(queued.id(), UUID.randomUUID()).block(WAIT).orElseThrow();

		assertThat(pages().record(first.discovered(1), List.of("f6")).block(WAIT)).isFalse();
		assertThat(pages()
			.completed(first.discovered(1).completed(T0.plusSeconds(2)), new RepositoryMemory("f6", 1, true, null))
			.block(WAIT)).isFalse();

		assertThat(new PostgresHistory(FetcherSchema.newClient()).known(target, List.of("f6")).block(WAIT))
			.containsExactly("f6");
		assertThat(new PostgresHistory(FetcherSchema.newClient()).recall(target).block(WAIT))
			.as("where the walk that was taken over left the repository")
			.isEmpty();
		assertThat(records.find(queued.id()).block(WAIT)).contains(second);
		assertThat(pages().record(second.running().discovered(1), List.of("f6")).block(WAIT)).isTrue();
	}

	@Test
	void marksTheRepositoryAsBeingWalkedOnlyForTheAttemptThatRunsTheFetch() {
		PostgresHistory history = new PostgresHistory(FetcherSchema.newClient());
		RepositoryMemory recorded = new RepositoryMemory("a".repeat(40), 500, true, "W/\"head\"");
		history.completed(target, recorded).block(WAIT);
		Fetch queued = Fetch.requested(target, 500, FetchMode.INCREMENTAL, T0);
		PostgresFetchRecords records = new PostgresFetchRecords(FetcherSchema.newClient());
		records.requestOnce(queued).block(WAIT);
		Fetch first = records.takeUp(queued.id(), UUID.randomUUID()).block(WAIT).orElseThrow().running();
		Fetch second = records.takeUp(queued.id(), UUID.randomUUID()).block(WAIT).orElseThrow().running();

		assertThat(pages().walking(first).block(WAIT)).as("the attempt taken over").isFalse();
		assertThat(history.recall(target).block(WAIT)).contains(recorded);

		assertThat(pages().walking(second).block(WAIT)).as("the attempt that runs the fetch").isTrue();
		assertThat(history.recall(target).block(WAIT)).contains(new RepositoryMemory("a".repeat(40), 0, false, null));
		assertThat(records.find(queued.id()).block(WAIT)).contains(second);
	}

	@Test
	void marksTheWalkEvenWhenTheSameStatementWritesItsFetchsRowFirst() {
		PostgresHistory history = new PostgresHistory(FetcherSchema.newClient());
		history.completed(target, new RepositoryMemory("b".repeat(40), 300, true, null)).block(WAIT);
		Fetch running = Fetch.requested(target, 500, FetchMode.INCREMENTAL, T0).running();

		assertThat(pages().walking(running).block(WAIT)).isTrue();

		assertThat(history.recall(target).block(WAIT)).contains(new RepositoryMemory("b".repeat(40), 0, false, null));
		assertThat(new PostgresFetchRecords(FetcherSchema.newClient()).find(running.id()).block(WAIT))
			.contains(running);
	}

	@Test
	void writesWhereTheWalkLeftTheRepositoryAndTheCompletedFetchTogether() {
		Fetch running = Fetch.requested(target, 500, FetchMode.INCREMENTAL, T0).running().discovered(500);
		PostgresFetchRecords records = new PostgresFetchRecords(FetcherSchema.newClient());
		records.save(running).block(WAIT);
		Fetch completed = running.completed(T0.plusSeconds(3));
		RepositoryMemory reached = new RepositoryMemory("f".repeat(40), 500, false, "W/\"head\"");

		pages().completed(completed, reached).block(WAIT);

		assertThat(records.find(running.id()).block(WAIT)).contains(completed);
		assertThat(new PostgresHistory(FetcherSchema.newClient()).recall(target).block(WAIT)).contains(reached);
	}

	@Test
	void remembersNothingOfAWalkWhoseCompletedFetchCannotBeWritten() throws Exception {
		Fetch running = Fetch.requested(target, 500, FetchMode.INCREMENTAL, T0).running();
		PostgresFetchRecords records = new PostgresFetchRecords(FetcherSchema.newClient());
		records.save(running).block(WAIT);
		String refusal = "walk_records_test_" + target.provider().replace('-', '_');
		FetcherSchema.execute("""
				create function fetcher.%1$s() returns trigger language plpgsql as $$
				begin raise exception 'refused (PostgresWalkRecordsTest)'; end $$;
				create trigger %1$s before update on fetcher.fetches for each row
				  when (new.provider = '%2$s' and new.finished_at is not null) execute function fetcher.%1$s();"""
			.formatted(refusal, target.provider()));
		try {
			assertThatThrownBy(() -> pages()
				.completed(running.completed(T0.plusSeconds(3)), new RepositoryMemory("f".repeat(40), 500, true, null))
				.block(WAIT)).hasMessageContaining("refused");
		}
		finally {
			FetcherSchema
				.execute("drop trigger %1$s on fetcher.fetches; drop function fetcher.%1$s();".formatted(refusal));
		}

		assertThat(new PostgresHistory(FetcherSchema.newClient()).recall(target).block(WAIT)).isEmpty();
		assertThat(records.find(running.id()).block(WAIT)).contains(running);
	}

	private static PostgresWalkRecords pages() {
		return new PostgresWalkRecords(FetcherSchema.newClient());
	}

}

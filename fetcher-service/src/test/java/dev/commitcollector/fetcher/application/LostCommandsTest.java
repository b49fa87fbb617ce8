package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A fetch recorded by an instance that died before it sent the fetch's command waits for
 * nothing: a sweep sends its command again once it has waited longer than
 * {@code FETCH_COMMAND_RESEND_AFTER}, once, and the fetch then runs to its end.
 */
class LostCommandsTest {

	private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

	private final MutableClock clock = new MutableClock(T0);

	private final InMemoryFetchRecords records = new InMemoryFetchRecords();

	private final Fetches fetches = new Fetches(records);

	private final InProcessCommands commands = new InProcessCommands();

	private final FetchCommits fetchCommits = new FetchCommits(new Forges(List.of(FakeForge.withCommits(30))),
			(fetch, commits) -> Mono.empty(), fetches, new InMemoryHistory(), clock,
			new FetchSettings(4, 1000, Duration.ofMinutes(5)), commands);

	{
		commands.runBy(fetchCommits);
	}

	@Test
	void sendsTheCommandOfAFetchThatWaitedTooLongOnceAndTheFetchCompletes() {
		Fetch orphan = Fetch.requested(new RepositoryRef("fake", RepositoryPath.parse("acme/orphan")), 30,
				FetchMode.FULL, T0);
		records.requestOnce(orphan).block();

		clock.advance(Duration.ofMinutes(4));
		assertThat(fetchCommits.resendLostCommands().block()).as("not waited long enough yet").isZero();

		clock.advance(Duration.ofMinutes(2));
		assertThat(fetchCommits.resendLostCommands().block()).isEqualTo(1);
		assertThat(commands.sent()).extracting(Fetch::id).containsExactly(orphan.id());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> records.find(orphan.id()).block().map(Fetch::status).orElseThrow() == FetchStatus.COMPLETED);

		assertThat(fetchCommits.resendLostCommands().block()).as("ended: never sent again").isZero();
	}

	@Test
	void sendsAFetchThatStillWaitsAgainOnlyOnceEveryInterval() {
		Fetch waiting = Fetch.requested(new RepositoryRef("fake", RepositoryPath.parse("acme/waiting")), 30,
				FetchMode.FULL, T0);
		records.requestOnce(waiting).block();
		commands.runBy(null);

		clock.advance(Duration.ofMinutes(6));
		assertThat(fetchCommits.resendLostCommands().block()).isEqualTo(1);
		assertThat(fetchCommits.resendLostCommands().block()).as("claimed: sent again only after an interval").isZero();
		clock.advance(Duration.ofMinutes(6));
		assertThat(fetchCommits.resendLostCommands().block()).isEqualTo(1);
	}

}

package dev.commitcollector.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.commitcollector.fetcher.application.FetchListing;
import dev.commitcollector.fetcher.application.FetchQuery;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fetches in the fetcher's schema on a real PostgreSQL, migrated as the service migrates
 * it. Each test has a provider of its own, so that the rows of other tests do not show.
 */
class PostgresFetchRecordsTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

	private final String provider = FetcherSchema.ownProvider();

	@BeforeAll
	static void migrate() {
		FetcherSchema.migrate();
	}

	@Test
	void keepsAFetchFromItsRequestToItsEndAcrossARestart() {
		Fetch queued = Fetch.requested(target("acme/widgets"), 500, FetchMode.FULL, T0);
		PostgresFetchRecords before = adapter();
		before.save(queued).block(WAIT);
		Fetch running = queued.running().waiting(T0.plusSeconds(60)).discovered(100).alreadyKnown(20);
		before.save(running).block(WAIT);

		assertThat(adapter().find(queued.id()).block(WAIT)).contains(running);

		Fetch failed = running.discovered(100).failed("GitHub answered 502", T0.plusSeconds(90));
		before.save(failed).block(WAIT);
		assertThat(adapter().find(queued.id()).block(WAIT)).contains(failed);
	}

	@Test
	void refusesTheWritesOfAnAttemptThatALaterOneTookOver() {
		Fetch queued = Fetch.requested(target("acme/widgets"), 100, FetchMode.FULL, T0);
		PostgresFetchRecords records = adapter();
		records.requestOnce(queued).block(WAIT);
		Fetch first = records.takeUp(queued.id(), UUID.randomUUID()).block(WAIT).orElseThrow().resumed().running();
		assertThat(records.save(first.discovered(10)).block(WAIT)).isTrue();

		Fetch second = records.takeUp(queued.id(), UUID.randomUUID()).block(WAIT).orElseThrow();

		assertThat(second.attempt()).isEqualTo(first.attempt() + 1);
		assertThat(records.save(first.discovered(50)).block(WAIT)).isFalse();
		assertThat(records.save(first.discovered(50).completed(T0.plusSeconds(9))).block(WAIT)).isFalse();
		assertThat(records.find(queued.id()).block(WAIT)).contains(second);
		assertThat(second.commitsDiscovered()).isEqualTo(10);
		Fetch secondRunning = second.resumed().running().discovered(30);
		assertThat(records.save(secondRunning).block(WAIT)).isTrue();
		assertThat(records.find(queued.id()).block(WAIT)).contains(secondRunning);
	}

	@Test
	void takingAFetchUpAgainUnderTheSameTokenIsTheSameAttempt() {
		Fetch queued = Fetch.requested(target("acme/widgets"), 100, FetchMode.FULL, T0);
		PostgresFetchRecords records = adapter();
		records.requestOnce(queued).block(WAIT);
		UUID delivery = UUID.randomUUID();

		assertThat(records.takeUp(queued.id(), delivery).block(WAIT))
			.hasValueSatisfying(fetch -> assertThat(fetch.attempt()).isEqualTo(1));
		assertThat(records.takeUp(queued.id(), delivery).block(WAIT))
			.hasValueSatisfying(fetch -> assertThat(fetch.attempt()).as("a take-up tried again").isEqualTo(1));
		assertThat(records.takeUp(queued.id(), UUID.randomUUID()).block(WAIT))
			.hasValueSatisfying(fetch -> assertThat(fetch.attempt()).as("another delivery").isEqualTo(2));
		assertThat(records.takeUp(queued.id(), delivery).block(WAIT)).hasValueSatisfying(
				fetch -> assertThat(fetch.attempt()).as("the first delivery, taking it back").isEqualTo(3));
	}

	@Test
	void takingUpAFetchThatEndedLeavesItAsItEnded() {
		Fetch queued = Fetch.requested(target("acme/widgets"), 100, FetchMode.FULL, T0);
		PostgresFetchRecords records = adapter();
		records.requestOnce(queued).block(WAIT);
		Fetch completed = queued.running().discovered(100).completed(T0.plusSeconds(4));
		records.save(completed).block(WAIT);

		assertThat(records.takeUp(queued.id(), UUID.randomUUID()).block(WAIT)).contains(completed);
		assertThat(records.takeUp(UUID.randomUUID(), UUID.randomUUID()).block(WAIT)).isEmpty();
	}

	@Test
	void writesTheEndOfAFetchWhoseReasonQuotesWhatAForgeSent() {
		Fetch running = Fetch.requested(target("acme/widgets"), 10, FetchMode.FULL, T0).running();
		PostgresFetchRecords records = adapter();
		records.save(running).block(WAIT);
		Fetch failed = running.failed("github answered with a commit (ab\u0000cd\nfake log line) that is incomplete",
				T0.plusSeconds(1));

		records.save(failed).block(WAIT);

		assertThat(records.find(running.id()).block(WAIT)).contains(failed);
		assertThat(failed.error()).isEqualTo("github answered with a commit (abcd fake log line) that is incomplete");
	}

	@Test
	void neverChangesAFetchThatEndedAgain() {
		Fetch running = Fetch.requested(target("acme/widgets"), 10, FetchMode.INCREMENTAL, T0).running();
		PostgresFetchRecords records = adapter();
		Fetch completed = running.discovered(10).completed(T0.plusSeconds(5));
		records.save(completed).block(WAIT);

		records.save(running.discovered(3)).block(WAIT);
		records.save(running.failed("late", T0.plusSeconds(9))).block(WAIT);

		assertThat(records.find(running.id()).block(WAIT)).contains(completed);
	}

	@Test
	void recordsOneUnfinishedFetchPerRepositoryAndAnswersLaterRequestsWithIt() {
		PostgresFetchRecords records = adapter();
		Fetch first = Fetch.requested(target("acme/widgets"), 10, FetchMode.INCREMENTAL, T0);
		Fetch second = Fetch.requested(target("acme/widgets"), 500, FetchMode.FULL, T0.plusSeconds(1));
		Fetch other = Fetch.requested(target("acme/gadgets"), 10, FetchMode.INCREMENTAL, T0);

		assertThat(records.requestOnce(first).block(WAIT)).isEqualTo(first);
		assertThat(adapter().requestOnce(second).block(WAIT)).isEqualTo(first);
		assertThat(records.requestOnce(other).block(WAIT)).isEqualTo(other);
		assertThat(records.find(second.id()).block(WAIT)).isEmpty();
		assertThat(records.active(first.target()).block(WAIT)).contains(first);

		records.save(first.running().completed(T0.plusSeconds(5))).block(WAIT);
		assertThat(records.active(first.target()).block(WAIT)).isEmpty();
		assertThat(records.requestOnce(second).block(WAIT)).isEqualTo(second);
	}

	@Test
	void widensAFetchToALargerRequestOnlyUntilAnInstanceTakesItUp() {
		PostgresFetchRecords records = adapter();
		Fetch requested = Fetch.requested(target("acme/widened"), 100, FetchMode.INCREMENTAL, T0);
		records.requestOnce(requested).block(WAIT);

		Fetch widened = records.widen(requested.id(), 500, FetchMode.FULL).block(WAIT).orElseThrow();
		assertThat(widened.limit()).isEqualTo(500);
		assertThat(widened.mode()).isEqualTo(FetchMode.FULL);
		Fetch kept = records.widen(requested.id(), 200, FetchMode.INCREMENTAL).block(WAIT).orElseThrow();
		assertThat(kept.limit()).isEqualTo(500);
		assertThat(kept.mode()).isEqualTo(FetchMode.FULL);

		Fetch takenUp = records.takeUp(requested.id(), UUID.randomUUID()).block(WAIT).orElseThrow();
		assertThat(takenUp.limit()).isEqualTo(500);
		assertThat(takenUp.mode()).isEqualTo(FetchMode.FULL);
		assertThat(records.widen(requested.id(), 1000, FetchMode.FULL).block(WAIT)).isEmpty();
		assertThat(records.find(requested.id()).block(WAIT))
			.hasValueSatisfying(f -> assertThat(f.limit()).isEqualTo(500));
	}

	@Test
	void manyInstancesRequestingOneRepositoryAtOnceRecordOneFetch() {
		List<Fetch> requests = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			requests.add(Fetch.requested(target("acme/contended"), 10, FetchMode.INCREMENTAL, T0.plusMillis(i)));
		}

		List<Fetch> answers = reactor.core.publisher.Flux.fromIterable(requests)
			.flatMap(request -> adapter().requestOnce(request), 16)
			.collectList()
			.block(WAIT);

		assertThat(answers).hasSize(16);
		assertThat(answers.stream().map(Fetch::id).distinct()).hasSize(1);
		assertThat(adapter()
			.list(new FetchQuery(Optional.of(provider), Optional.empty(), Optional.empty(), 100, Optional.empty()))
			.block(WAIT)
			.fetches()).hasSize(1);
	}

	@Test
	void countsTheFetchesThatWaitForTheirTurn() {
		PostgresFetchRecords records = adapter();
		long before = records.queued().block(WAIT);
		Fetch waiting = Fetch.requested(target("acme/waiting"), 10, FetchMode.INCREMENTAL, T0);
		Fetch running = Fetch.requested(target("acme/running"), 10, FetchMode.INCREMENTAL, T0);
		records.requestOnce(waiting).block(WAIT);
		records.requestOnce(running).block(WAIT);
		records.save(running.running()).block(WAIT);

		assertThat(records.queued().block(WAIT)).isEqualTo(before + 1);
	}

	@Test
	void claimsAFetchWhoseCommandWasLostForOneInstanceOnlyAndNoOther() {
		PostgresFetchRecords records = adapter();
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		Fetch lost = Fetch.requested(target("acme/lost"), 10, FetchMode.INCREMENTAL, now.minusSeconds(600));
		Fetch fresh = Fetch.requested(target("acme/fresh"), 10, FetchMode.INCREMENTAL, now.minusSeconds(10));
		Fetch running = Fetch.requested(target("acme/running"), 10, FetchMode.INCREMENTAL, now.minusSeconds(600));
		for (Fetch fetch : List.of(lost, fresh, running)) {
			records.requestOnce(fetch).block(WAIT);
		}
		records.save(running.running()).block(WAIT);

		List<Fetch> claimed = records.claimLostCommands(now.minusSeconds(300), now, 100).block(WAIT);

		assertThat(claimed).filteredOn(f -> f.provider().equals(provider)).containsExactly(lost);
		assertThat(adapter().claimLostCommands(now.minusSeconds(300), now, 100).block(WAIT))
			.filteredOn(f -> f.provider().equals(provider))
			.as("claimed: another instance does not send it too")
			.isEmpty();
	}

	@Test
	void findsNothingForAnIdNeverRequested() {
		assertThat(adapter().find(UUID.randomUUID()).block(WAIT)).isEmpty();
	}

	@Test
	void listsNewestFirstAcrossPagesWithoutSkippingOrRepeatingAFetch() {
		List<Fetch> saved = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			// pairs started at the same instant: the id breaks the tie
			// a repository has one unfinished fetch at most: each waiting one has its own
			String path = i % 4 != 0 ? "acme/waiting-" + i : i % 3 == 0 ? "acme/a" : "acme/b";
			Fetch fetch = Fetch.requested(target(path), 10, FetchMode.INCREMENTAL, T0.plusSeconds(i / 2));
			fetch = i % 4 == 0 ? fetch.running().completed(T0.plusSeconds(100)) : fetch;
			adapter().save(fetch).block(WAIT);
			saved.add(fetch);
		}

		List<Fetch> all = walk(
				new FetchQuery(Optional.of(provider), Optional.empty(), Optional.empty(), 5, Optional.empty()));

		assertThat(all).hasSize(23).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(saved);
		assertThat(all).extracting(Fetch::startedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
		List<Fetch> completedOfA = walk(new FetchQuery(Optional.of(provider),
				Optional.of(RepositoryPath.parse("acme/a")), Optional.of(FetchStatus.COMPLETED), 2, Optional.empty()));
		assertThat(completedOfA).containsExactlyElementsOf(all.stream()
			.filter(f -> f.repository().toString().equals("acme/a") && f.status() == FetchStatus.COMPLETED)
			.toList());
		assertThat(completedOfA).hasSize(2);
		assertThat(walk(new FetchQuery(Optional.of(provider), Optional.empty(), Optional.of(FetchStatus.QUEUED), 500,
				Optional.empty())))
			.hasSize(17)
			.allSatisfy(f -> assertThat(f.status()).isEqualTo(FetchStatus.QUEUED));
	}

	@Test
	void saysThereIsNoNextPageWhenThePageEndsTheListing() {
		adapter().save(Fetch.requested(target("acme/a"), 10, FetchMode.INCREMENTAL, T0)).block(WAIT);
		adapter().save(Fetch.requested(target("acme/b"), 10, FetchMode.INCREMENTAL, T0.plusSeconds(1))).block(WAIT);

		FetchListing exact = adapter()
			.list(new FetchQuery(Optional.of(provider), Optional.empty(), Optional.empty(), 2, Optional.empty()))
			.block(WAIT);

		assertThat(exact.fetches()).hasSize(2);
		assertThat(exact.next()).isEmpty();
	}

	/** Follows {@code next} from the first page to the last. */
	private List<Fetch> walk(FetchQuery first) {
		List<Fetch> all = new ArrayList<>();
		FetchQuery query = first;
		for (int page = 0; page < 100; page++) {
			FetchListing listing = adapter().list(query).block(WAIT);
			assertThat(listing.fetches()).hasSizeLessThanOrEqualTo(query.size());
			all.addAll(listing.fetches());
			if (listing.next().isEmpty()) {
				return all;
			}
			query = new FetchQuery(query.provider(), query.repository(), query.status(), query.size(), listing.next());
		}
		throw new AssertionError("the listing did not end");
	}

	private RepositoryRef target(String path) {
		return new RepositoryRef(provider, RepositoryPath.parse(path));
	}

	/** A new adapter on new connections, as a restarted fetcher has. */
	private static PostgresFetchRecords adapter() {
		return new PostgresFetchRecords(FetcherSchema.newClient());
	}

}

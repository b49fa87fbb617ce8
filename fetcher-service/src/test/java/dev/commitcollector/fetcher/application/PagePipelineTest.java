package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryMemory;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A fetch's pages pass three stages, read, publish and record, as a pipeline. Each test
 * holds one stage back until something that must not wait for it has happened: a walk
 * that waited would never end (and the test would time out).
 */
class PagePipelineTest {

	private static final RepositoryPath REPOSITORY = RepositoryPath.parse("acme/widgets");

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final RecordingCommitLog commitLog = new RecordingCommitLog();

	private final InMemoryFetchRecords records = new InMemoryFetchRecords();

	private final Fetches fetches = new Fetches(records);

	private final HeldHistory history = new HeldHistory();

	@Test
	void readsAndPublishesTheNextPagesWhileAPageIsRecorded() {
		FakeForge forge = FakeForge.withCommits(500);
		Sinks.Empty<Void> secondPublished = Sinks.empty();
		AtomicInteger appends = new AtomicInteger();
		CommitLog log = (fetch, commits) -> commitLog.append(fetch, commits).doOnSuccess(done -> {
			if (appends.incrementAndGet() == 2) {
				secondPublished.tryEmitEmpty();
			}
		});
		history.holdFirstRememberUntil(forge.asked(3).and(secondPublished.asMono()));

		Fetch fetch = fetch(forge, log, MailmapLog.NONE, 500, FetchMode.INCREMENTAL);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isEqualTo(500);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.history());
		assertThat(forge.requestedPages()).containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void readsTheNextPageBeforeTheHistoryAnswersUntilAPageHoldsTheKnownHead() {
		HistoryForge forge = new HistoryForge(HistoryForge.linear("c", 1000));
		fetch(forge, commitLog, MailmapLog.NONE, 500, FetchMode.INCREMENTAL);
		List<DiscoveredCommit> pushed = new ArrayList<>(HistoryForge.linear("new", 250));
		pushed.set(249, HistoryForge.commit("new249", List.of(forge.listing().get(0).sha())));
		List<DiscoveredCommit> listing = new ArrayList<>(pushed);
		listing.addAll(forge.listing());
		forge.list(listing);
		int before = forge.requests().size();
		history.holdFirstKnownUntil(forge.asked("2"));

		Fetch again = fetch(forge, commitLog, MailmapLog.NONE, 500, FetchMode.INCREMENTAL);

		assertThat(again.status()).as(String.valueOf(again.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(again.commitsDiscovered()).isEqualTo(250);
		assertThat(commitLog.commits().subList(500, 750)).containsExactlyElementsOf(pushed);
		assertThat(forge.requests().subList(before, forge.requests().size()))
			.as("page 3 holds the known head: nothing read past it")
			.containsExactly("first (conditional)", "2", "3");
	}

	@Test
	void readsTheMailmapWhileTheLastPageIsPublished() {
		FakeForge forge = FakeForge.withCommits(300).readingMailmaps();
		AtomicInteger appends = new AtomicInteger();
		CommitLog log = (fetch,
				commits) -> (appends.incrementAndGet() == 3 ? forge.askedForTheMailmap() : Mono.<Void>empty())
					.then(commitLog.append(fetch, commits));
		List<String> mailmaps = new CopyOnWriteArrayList<>();
		MailmapLog mailmapLog = (fetch, head, mailmap, asked) -> Mono.fromRunnable(() -> mailmaps.add(head));

		Fetch fetch = fetch(forge, log, mailmapLog, 300, FetchMode.INCREMENTAL);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isEqualTo(300);
		assertThat(mailmaps).containsExactly(forge.history().get(0).sha());
		assertThat(forge.requestedPages()).containsExactly(1, 2, 3);
	}

	@Test
	void holdsNoMoreThanOnePageAheadOfTheOneBeingPublished() {
		FakeForge forge = FakeForge.withCommits(1000);
		Sinks.Empty<Void> released = Sinks.empty();
		List<Integer> askedWhileHeld = new CopyOnWriteArrayList<>();
		AtomicInteger appends = new AtomicInteger();
		CommitLog log = (fetch, commits) -> {
			if (appends.incrementAndGet() != 2) {
				return commitLog.append(fetch, commits);
			}
			// page 2's publishing is held once page 3 has been asked for, long enough for
			// a walk that read on regardless to ask for page 4
			return forge.asked(3)
				.then(Mono.delay(Duration.ofMillis(100)))
				.doOnNext(waited -> askedWhileHeld.addAll(forge.requestedPages()))
				.then(commitLog.append(fetch, commits))
				.doOnSuccess(done -> released.tryEmitEmpty());
		};

		Fetch fetch = fetch(forge, log, MailmapLog.NONE, 1000, FetchMode.INCREMENTAL);

		assertThat(fetch.commitsDiscovered()).isEqualTo(1000);
		assertThat(askedWhileHeld).containsExactly(1, 2, 3);
		assertThat(forge.requestedPages()).containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
	}

	@Test
	void recordsAPublishedPageAndAWaitForTheForgeWhileTheNextPageIsStillAwaited() {
		FakeForge fake = FakeForge.withCommits(300);
		Fetch started = Fetch.start(fake.provider(), REPOSITORY, 300, FetchMode.FULL, NOW);
		// page 2 comes only once page 1's progress is recorded, as a forge making the
		// walk
		// wait (a rate limit) would
		Mono<Void> pageOneRecorded = Mono.defer(() -> records.find(started.id()))
			.filter(recorded -> recorded.filter(fetch -> fetch.commitsDiscovered() == 100).isPresent())
			.repeatWhenEmpty(retries -> retries.delayElements(Duration.ofMillis(10)))
			.then();
		Mono<Void> waitRecorded = Mono.defer(() -> records.find(started.id()))
			.filter(recorded -> recorded.filter(fetch -> NOW.plusSeconds(3600).equals(fetch.waitingUntil()))
				.isPresent())
			.repeatWhenEmpty(retries -> retries.delayElements(Duration.ofMillis(10)))
			.then();
		Forge forge = new Forge() {

			@Override
			public String provider() {
				return fake.provider();
			}

			@Override
			public ForgeType type() {
				return fake.type();
			}

			@Override
			public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag,
					RateLimitWaits waits) {
				return fake.firstPage(repository, pageSize, etag, waits);
			}

			@Override
			public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
				if (!cursor.value().startsWith("2:")) {
					return fake.nextPage(repository, cursor, waits);
				}
				waits.waitingUntil(NOW.plusSeconds(3600));
				return pageOneRecorded.then(waitRecorded)
					.then(Mono.fromRunnable(() -> waits.waitingUntil(null)))
					.then(fake.nextPage(repository, cursor, waits));
			}

		};
		FetchCommits useCase = new FetchCommits(new Forges(List.of(forge)), commitLog, MailmapLog.NONE, fetches,
				history, Clock.fixed(NOW, ZoneOffset.UTC), new FetchSettings(1), Unsent.COMMANDS, FetchMeters.NONE,
				FetchTraces.NONE);
		fetches.add(started);

		Fetch fetch = useCase.run(forge, started).block(Duration.ofSeconds(10));

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(fetch.commitsDiscovered()).isEqualTo(300);
	}

	private Fetch fetch(Forge forge, CommitLog log, MailmapLog mailmaps, int limit, FetchMode mode) {
		FetchCommits useCase = new FetchCommits(new Forges(List.of(forge)), log, mailmaps, fetches, history,
				Clock.fixed(NOW, ZoneOffset.UTC), new FetchSettings(1), Unsent.COMMANDS, FetchMeters.NONE,
				FetchTraces.NONE);
		Fetch fetch = Fetch.start(forge.provider(), REPOSITORY, limit, mode, NOW);
		fetches.add(fetch);
		return useCase.run(forge, fetch).block(Duration.ofSeconds(10));
	}

	/**
	 * The history in memory, whose first {@code remember} or {@code known} from some
	 * moment on can be held back.
	 */
	private static final class HeldHistory implements History {

		private final InMemoryHistory memory = new InMemoryHistory();

		private volatile Mono<Void> rememberHold = Mono.empty();

		private volatile Mono<Void> knownHold = Mono.empty();

		void holdFirstRememberUntil(Mono<Void> until) {
			rememberHold = until;
		}

		void holdFirstKnownUntil(Mono<Void> until) {
			knownHold = until;
		}

		@Override
		public Mono<Optional<RepositoryMemory>> recall(RepositoryRef repository) {
			return memory.recall(repository);
		}

		@Override
		public Mono<Set<String>> known(RepositoryRef repository, Collection<String> shas) {
			Mono<Void> hold = knownHold;
			knownHold = Mono.empty();
			return hold.then(Mono.defer(() -> memory.known(repository, shas)));
		}

		@Override
		public Mono<Void> remember(RepositoryRef repository, Collection<String> shas) {
			Mono<Void> hold = rememberHold;
			rememberHold = Mono.empty();
			return hold.then(Mono.defer(() -> memory.remember(repository, shas)));
		}

		@Override
		public Mono<Void> walking(RepositoryRef repository) {
			return memory.walking(repository);
		}

		@Override
		public Mono<Optional<String>> mailmapReadAt(RepositoryRef repository) {
			return memory.mailmapReadAt(repository);
		}

		@Override
		public Mono<Void> mailmapRead(RepositoryRef repository, String head) {
			return memory.mailmapRead(repository, head);
		}

		@Override
		public Mono<Void> completed(RepositoryRef repository, RepositoryMemory memory) {
			return this.memory.completed(repository, memory);
		}

	}

}

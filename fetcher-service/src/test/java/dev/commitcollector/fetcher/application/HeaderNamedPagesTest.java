package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A forge that names the next page in its answers' headers: the walk asks for page k + 1
 * while page k is decoded. Each test holds a page's decoding until something that must
 * not wait for it has happened: a walk that waited would never end (and the test would
 * time out).
 */
class HeaderNamedPagesTest {

	private static final RepositoryPath REPOSITORY = RepositoryPath.parse("acme/widgets");

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final RecordingCommitLog commitLog = new RecordingCommitLog();

	private final Fetches fetches = new Fetches(new InMemoryFetchRecords());

	@Test
	void asksForTheNextPageWhileAPageIsDecoded() {
		HeaderNamingForge forge = new HeaderNamingForge(FakeForge.withCommits(1000));
		forge.holdEachDecodingUntilTheNextPageIsAsked();

		Fetch fetch = fetch(forge, 1000);

		assertThat(fetch.status()).as(String.valueOf(fetch.error())).isEqualTo(FetchStatus.COMPLETED);
		assertThat(commitLog.commits()).containsExactlyElementsOf(forge.fake.history());
		assertThat(forge.events).as("page k + 1 asked for before page k was decoded")
			.containsSubsequence("asked 3", "decoded 2", "asked 4", "decoded 3", "asked 10", "decoded 9", "decoded 10");
		assertThat(forge.fake.requestedPages())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
	}

	@Test
	void asksForNoPageAheadThatTheLimitLeavesUnread() {
		HeaderNamingForge forge = new HeaderNamingForge(FakeForge.withCommits(1000));

		Fetch exact = fetch(forge, 300);
		Fetch within = fetch(forge, 250);

		assertThat(exact.commitsDiscovered()).isEqualTo(300);
		assertThat(within.commitsDiscovered()).isEqualTo(250);
		assertThat(forge.fake.requestedPages()).as("pages 1 to 3, twice").containsExactly(1, 2, 3, 1, 2, 3);
	}

	private Fetch fetch(Forge forge, int limit) {
		FetchCommits useCase = new FetchCommits(new Forges(List.of(forge)), commitLog, MailmapLog.NONE, fetches,
				new InMemoryHistory(), Clock.fixed(NOW, ZoneOffset.UTC), new FetchSettings(1), Unsent.COMMANDS,
				FetchMeters.NONE, FetchTraces.NONE);
		Fetch fetch = Fetch.start(forge.provider(), REPOSITORY, limit, FetchMode.FULL, NOW);
		fetches.add(fetch);
		return useCase.run(forge, fetch).block(Duration.ofSeconds(10));
	}

	/**
	 * The fake forge's pages, received as an HTTP forge receives them: the next page
	 * named before the page is decoded, which may be held until page k + 1 is asked for.
	 */
	private static final class HeaderNamingForge implements Forge {

		final FakeForge fake;

		final List<String> events = new CopyOnWriteArrayList<>();

		private boolean holdDecoding;

		HeaderNamingForge(FakeForge fake) {
			this.fake = fake;
		}

		void holdEachDecodingUntilTheNextPageIsAsked() {
			this.holdDecoding = true;
		}

		@Override
		public String provider() {
			return fake.provider();
		}

		@Override
		public ForgeType type() {
			return fake.type();
		}

		@Override
		public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
			return fake.firstPage(repository, pageSize, etag, waits);
		}

		@Override
		public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
			return receivePage(repository, cursor, waits).flatMap(ReceivedPage::page);
		}

		@Override
		public Mono<ReceivedPage> receivePage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
			int number = Integer.parseInt(cursor.value().split(":")[0]);
			return Mono.defer(() -> {
				events.add("asked " + number);
				return fake.nextPage(repository, cursor, waits);
			}).map(page -> {
				Mono<Void> hold = holdDecoding && page.next().isPresent() ? fake.asked(number + 1) : Mono.empty();
				return new ReceivedPage(page.next(),
						hold.then(Mono.fromSupplier(() -> page)).doOnNext(decoded -> events.add("decoded " + number)));
			});
		}

	}

}

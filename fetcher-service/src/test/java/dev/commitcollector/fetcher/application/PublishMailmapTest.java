package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.Mailmap;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A mailmap is stamped with when its read was asked for: a read that was in flight while
 * its fetcher froze must not outrank the read of the attempt that took the fetch over,
 * however late it arrives.
 */
class PublishMailmapTest {

	private static final Instant ASKED = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant ANSWERED = ASKED.plus(Duration.ofMinutes(5));

	private final MovingClock clock = new MovingClock(ASKED);

	private final List<Instant> stamps = new CopyOnWriteArrayList<>();

	@Test
	void stampsTheMailmapWithWhenItsReadWasAskedForNotWhenItArrived() {
		MailmapLog log = (fetch, head, mailmap, asked) -> Mono.fromRunnable(() -> stamps.add(asked));
		Fetch fetch = Fetch.start("github", RepositoryPath.parse("acme/widgets"), 10, FetchMode.FULL, ASKED);

		new PublishMailmap(log, FetchMeters.NONE, clock)
			.at(new SlowMailmapForge(), fetch, null, "a".repeat(40), RateLimitWaits.NONE)
			.block(Duration.ofSeconds(5));

		assertThat(clock.instant()).isEqualTo(ANSWERED);
		assertThat(stamps).containsExactly(ASKED);
	}

	/** Its mailmap arrives five minutes after it was asked for. */
	private final class SlowMailmapForge implements Forge {

		@Override
		public String provider() {
			return "github";
		}

		@Override
		public ForgeType type() {
			return ForgeType.GITHUB;
		}

		@Override
		public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
			return Mono.error(new UnsupportedOperationException("only the mailmap is read here"));
		}

		@Override
		public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
			return Mono.error(new UnsupportedOperationException("only the mailmap is read here"));
		}

		@Override
		public Mono<Mailmap> mailmap(RepositoryPath repository, String sha, RateLimitWaits waits) {
			return Mono.fromSupplier(() -> {
				clock.now = ANSWERED;
				return Mailmap.NONE;
			});
		}

	}

	private static final class MovingClock extends Clock {

		private volatile Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}

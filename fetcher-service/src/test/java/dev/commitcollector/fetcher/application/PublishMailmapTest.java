package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
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

	private final MutableClock clock = new MutableClock(ASKED);

	private final List<Instant> stamps = new CopyOnWriteArrayList<>();

	@Test
	void stampsTheMailmapWithWhenItsReadWasAskedForNotWhenItArrived() {
		FakeForge forge = FakeForge.withCommits(1).readingMailmaps();
		forge.askedForTheMailmap().doOnSuccess(asked -> clock.advance(Duration.ofMinutes(5))).subscribe();
		MailmapLog log = (fetch, head, mailmap, asked) -> Mono.fromRunnable(() -> stamps.add(asked));
		Fetch fetch = Fetch.start(forge.provider(), RepositoryPath.parse("acme/widgets"), 10, FetchMode.FULL, ASKED);

		new PublishMailmap(log, FetchMeters.NONE, clock)
			.at(forge, fetch, null, forge.history().get(0).sha(), RateLimitWaits.NONE)
			.block(Duration.ofSeconds(5));

		assertThat(clock.instant()).isEqualTo(ASKED.plus(Duration.ofMinutes(5)));
		assertThat(stamps).containsExactly(ASKED);
	}

}

package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.ForgeType;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RunningFetchesTest {

	private final InMemoryFetchRecords records = new InMemoryFetchRecords();

	private final Fetches fetches = new Fetches(records);

	private final RunningFetches running = new RunningFetches(fetches, Clock.systemUTC(), Duration.ofMillis(200));

	@Test
	void forgetsAFetchOnceItEnds() {
		Fetch fetch = registered("acme/done");

		running.start(fetch.id(), Mono.just(fetch)).block();

		assertThat(running.size()).isZero();
	}

	@Test
	void cancelsWhatIsStillRunningAfterTheGracePeriodAndSaysWhyOnTheFetch() {
		Fetch fetch = registered("acme/endless");
		AtomicBoolean cancelled = new AtomicBoolean();
		running.start(fetch.id(), Mono.<Fetch>never().doOnCancel(() -> cancelled.set(true))).block();

		running.stop();

		assertThat(cancelled).isTrue();
		assertThat(running.size()).isZero();
		assertThat(fetches.find(fetch.id())).hasValueSatisfying(stopped -> {
			assertThat(stopped.status()).isEqualTo(FetchStatus.FAILED);
			assertThat(stopped.error()).contains("fetcher stopped").contains("start it again");
		});
		assertThat(records.writes()).last().isEqualTo(fetches.find(fetch.id()).orElseThrow());
	}

	@Test
	void startsNoNewFetchOnceStopping() {
		running.stop();
		Fetch late = registered("acme/late");
		AtomicBoolean subscribed = new AtomicBoolean();

		running.start(late.id(), Mono.fromSupplier(() -> {
			subscribed.set(true);
			return late;
		})).block();

		assertThat(subscribed).isFalse();
		assertThat(fetches.find(late.id()).orElseThrow().status()).isEqualTo(FetchStatus.FAILED);
		assertThat(records.writes()).extracting(Fetch::status).containsExactly(FetchStatus.FAILED);
	}

	private Fetch registered(String path) {
		Fetch fetch = Fetch.start("github", ForgeType.GITHUB.parsePath(path), 10, Instant.now());
		fetches.add(fetch);
		return fetch;
	}

}

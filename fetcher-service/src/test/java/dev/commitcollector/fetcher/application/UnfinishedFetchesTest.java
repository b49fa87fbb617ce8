package dev.commitcollector.fetcher.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import org.junit.jupiter.api.Test;

class UnfinishedFetchesTest {

	private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

	private final InMemoryFetchRecords records = new InMemoryFetchRecords();

	@Test
	void endsWhatADeadFetcherLeftRunningAsFailedSayingWhyAtStart() {
		Fetch left = Fetch
			.requested(new RepositoryRef("github", RepositoryPath.parse("acme/left")), 10, FetchMode.INCREMENTAL,
					NOW.minusSeconds(600))
			.running();
		records.save(left).block();

		new UnfinishedFetches(records, Clock.fixed(NOW, ZoneOffset.UTC)).start();

		Fetch ended = records.find(left.id()).block().orElseThrow();
		assertThat(ended.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(ended.error()).isEqualTo(UnfinishedFetches.REASON);
		assertThat(ended.finishedAt()).isEqualTo(NOW);
	}

	@Test
	void startsEvenWhenTheRecordsCannotBeReached() {
		InMemoryFetchRecords down = new InMemoryFetchRecords().failingWith(new IllegalStateException("down"));
		UnfinishedFetches unfinished = new UnfinishedFetches(down, Clock.fixed(NOW, ZoneOffset.UTC));

		unfinished.start();

		assertThat(unfinished.isRunning()).isTrue();
	}

}

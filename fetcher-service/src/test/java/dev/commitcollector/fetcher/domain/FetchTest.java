package dev.commitcollector.fetcher.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchTest {

	private static final RepositoryPath REPOSITORY = RepositoryPath.parse("octocat/Hello-World");

	private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

	private static final Instant FINISHED = Instant.parse("2026-03-01T10:05:00Z");

	@Test
	void startsRunningWithNothingDiscoveredAndTheWholeLimitRemaining() {
		Fetch fetch = Fetch.start("github", REPOSITORY, 250, STARTED);

		assertThat(fetch.id()).isNotNull();
		assertThat(fetch.provider()).isEqualTo("github");
		assertThat(fetch.repository()).isEqualTo(REPOSITORY);
		assertThat(fetch.status()).isEqualTo(FetchStatus.RUNNING);
		assertThat(fetch.commitsDiscovered()).isZero();
		assertThat(fetch.remaining()).isEqualTo(250);
		assertThat(fetch.error()).isNull();
		assertThat(fetch.startedAt()).isEqualTo(STARTED);
		assertThat(fetch.finishedAt()).isNull();
	}

	@Test
	void coversARequestForNoMoreCommitsAndNoFullerWalk() {
		Fetch incremental = Fetch.start("github", REPOSITORY, 100, FetchMode.INCREMENTAL, STARTED);
		Fetch full = Fetch.start("github", REPOSITORY, 100, FetchMode.FULL, STARTED);

		assertThat(incremental.covers(100, FetchMode.INCREMENTAL)).isTrue();
		assertThat(incremental.covers(99, FetchMode.INCREMENTAL)).isTrue();
		assertThat(incremental.covers(101, FetchMode.INCREMENTAL)).isFalse();
		assertThat(incremental.covers(10, FetchMode.FULL)).isFalse();
		assertThat(full.covers(10, FetchMode.INCREMENTAL)).isTrue();
		assertThat(full.covers(100, FetchMode.FULL)).isTrue();
		assertThat(full.covers(101, FetchMode.FULL)).isFalse();
	}

	@Test
	void widensToTheLargerLimitAndAFullWalkIfEitherAsksForOne() {
		Fetch incremental = Fetch.start("github", REPOSITORY, 100, FetchMode.INCREMENTAL, STARTED);

		Fetch widened = incremental.widened(500, FetchMode.FULL).widened(200, FetchMode.INCREMENTAL);

		assertThat(widened.id()).isEqualTo(incremental.id());
		assertThat(widened.limit()).isEqualTo(500);
		assertThat(widened.mode()).isEqualTo(FetchMode.FULL);
		assertThat(incremental.widened(50, FetchMode.INCREMENTAL)).isEqualTo(incremental);
	}

	@Test
	void givesEveryFetchItsOwnId() {
		assertThat(Fetch.start("github", REPOSITORY, 1, STARTED).id())
			.isNotEqualTo(Fetch.start("github", REPOSITORY, 1, STARTED).id());
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, Integer.MIN_VALUE })
	void refusesALimitBelowOne(int limit) {
		assertThatThrownBy(() -> Fetch.start("github", REPOSITORY, limit, STARTED))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least 1");
	}

	@Test
	void countsDiscoveredCommitsAndShrinksWhatRemains() {
		Fetch fetch = Fetch.start("github", REPOSITORY, 250, STARTED).discovered(100).discovered(100);

		assertThat(fetch.commitsDiscovered()).isEqualTo(200);
		assertThat(fetch.remaining()).isEqualTo(50);
		assertThat(fetch.status()).isEqualTo(FetchStatus.RUNNING);
		assertThat(fetch.discovered(50).remaining()).isZero();
	}

	@Test
	void neverReportsANegativeRemainder() {
		assertThat(Fetch.start("github", REPOSITORY, 10, STARTED).discovered(15).remaining()).isZero();
	}

	@Test
	void leavesTheEarlierSnapshotUnchanged() {
		Fetch started = Fetch.start("github", REPOSITORY, 10, STARTED);

		Fetch progressed = started.discovered(4);

		assertThat(started.commitsDiscovered()).isZero();
		assertThat(progressed.commitsDiscovered()).isEqualTo(4);
		assertThat(progressed.id()).isEqualTo(started.id());
	}

	@Test
	void completesKeepingItsCountAndRecordingWhenItFinished() {
		Fetch started = Fetch.start("github", REPOSITORY, 250, STARTED);

		Fetch completed = started.discovered(120).completed(FINISHED);

		assertThat(completed.status()).isEqualTo(FetchStatus.COMPLETED);
		assertThat(completed.commitsDiscovered()).isEqualTo(120);
		assertThat(completed.error()).isNull();
		assertThat(completed.finishedAt()).isEqualTo(FINISHED);
		assertThat(completed.startedAt()).isEqualTo(STARTED);
		assertThat(completed.id()).isEqualTo(started.id());
		assertThat(completed.limit()).isEqualTo(250);
	}

	@Test
	void failsKeepingWhatWasDiscoveredAndSayingWhy() {
		Fetch failed = Fetch.start("github", REPOSITORY, 250, STARTED)
			.discovered(200)
			.failed("GitHub answered 500 Internal Server Error", FINISHED);

		assertThat(failed.status()).isEqualTo(FetchStatus.FAILED);
		assertThat(failed.commitsDiscovered()).isEqualTo(200);
		assertThat(failed.error()).isEqualTo("GitHub answered 500 Internal Server Error");
		assertThat(failed.finishedAt()).isEqualTo(FINISHED);
	}

	@Test
	void aFailedFetchsReasonIsCleanedAndBoundedAsForgeTextIs() {
		Fetch failed = Fetch.start("github", REPOSITORY, 10, Instant.EPOCH)
			.failed("bad\u0000sha\r\n" + "x".repeat(5000), Instant.EPOCH);

		assertThat(failed.error()).startsWith("badsha  x")
			.doesNotContain("\u0000", "\n")
			.hasSizeLessThanOrEqualTo(Fetch.MAX_REASON_BYTES);
	}

}

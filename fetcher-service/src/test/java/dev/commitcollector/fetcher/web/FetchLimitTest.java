package dev.commitcollector.fetcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.application.Forges;
import dev.commitcollector.fetcher.application.RateLimitWaits;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.CommitPage.PageCursor;
import dev.commitcollector.fetcher.domain.ForgeType;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A fetch's limit, within FETCH_MAX_LIMIT and what its provider can read at once. */
class FetchLimitTest {

	private final Forges forges = new Forges(
			List.of(new Reading("github", Integer.MAX_VALUE), new Reading("local", 500)));

	private final FetchLimits limits = new FetchLimits(1000, 100_000);

	@Test
	void takesTheDefaultOrWhatIsAskedWithinTheMaximum() {
		assertThat(FetchController.limitOf(null, "github", limits, forges)).isEqualTo(1000);
		assertThat(FetchController.limitOf(100_000, "github", limits, forges)).isEqualTo(100_000);
		assertThat(FetchController.limitOf(500, "local", limits, forges)).isEqualTo(500);
	}

	@Test
	void refusesALimitDeeperThanAPlainGitProviderReadsInsteadOfCuttingTheFetchShort() {
		assertThatThrownBy(() -> FetchController.limitOf(501, "local", limits, forges))
			.isInstanceOf(FetchController.InvalidFetchRequest.class)
			.hasMessage("limit must be at most 500 for provider 'local', the deepest history one of its fetches"
					+ " reads (FORGES_GIT_MAXDEPTH), was 501");
		assertThatThrownBy(() -> FetchController.limitOf(null, "local", limits, forges))
			.isInstanceOf(FetchController.InvalidFetchRequest.class);
		assertThatThrownBy(() -> FetchController.limitOf(100_001, "github", limits, forges))
			.hasMessage("limit must be between 1 and 100000, was 100001");
	}

	/** A forge that reads at most {@code most} commits a fetch, and is never asked. */
	private record Reading(String provider, int most) implements Forge {

		@Override
		public ForgeType type() {
			return most == Integer.MAX_VALUE ? ForgeType.GITHUB : ForgeType.GIT;
		}

		@Override
		public int maxLimit() {
			return most;
		}

		@Override
		public Mono<CommitPage> firstPage(RepositoryPath repository, int pageSize, String etag, RateLimitWaits waits) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<CommitPage> nextPage(RepositoryPath repository, PageCursor cursor, RateLimitWaits waits) {
			return Mono.error(new UnsupportedOperationException());
		}

	}

}

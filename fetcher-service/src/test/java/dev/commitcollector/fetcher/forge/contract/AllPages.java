package dev.commitcollector.fetcher.forge.contract;

import java.time.Duration;
import java.util.List;

import dev.commitcollector.fetcher.application.Forge;
import dev.commitcollector.fetcher.domain.CommitPage;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;

/**
 * Reads a whole history as a fetch does, for adapter tests: the first page, then every
 * next page in turn.
 */
public final class AllPages {

	private AllPages() {
	}

	public static List<DiscoveredCommit> read(Forge forge, String repository, int pageSize) {
		RepositoryPath path = forge.type().parsePath(repository);
		return forge.firstPage(path, pageSize)
			.expand(page -> page.next().map(cursor -> forge.nextPage(path, cursor)).orElseGet(Mono::empty))
			.concatMapIterable(CommitPage::commits)
			.collectList()
			.block(Duration.ofSeconds(30));
	}

}

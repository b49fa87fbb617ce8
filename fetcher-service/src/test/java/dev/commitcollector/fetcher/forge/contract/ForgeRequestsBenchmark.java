package dev.commitcollector.fetcher.forge.contract;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.commitcollector.fetcher.application.CommitLog;
import dev.commitcollector.fetcher.application.FetchCommitsProbe;
import dev.commitcollector.fetcher.application.InMemoryHistory;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import reactor.core.publisher.Mono;

/**
 * A benchmark, not a test: per forge type, the requests (or git fetches) and the time of
 * a first fetch of 1000 commits from a 1,500-commit repository on the adapter's own stub,
 * and of a re-fetch of the unchanged repository, through the real use case with the
 * fetcher's memory of what it published.
 *
 * <pre>./mvnw -q -pl fetcher-service -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.commitcollector.fetcher.forge.contract.ForgeRequestsBenchmark</pre>
 */
public final class ForgeRequestsBenchmark {

	private static final List<String> CONTRACTS = List.of("github.GitHubContractTest", "gitlab.GitLabContractTest",
			"bitbucket.BitbucketContractTest", "gitea.GiteaContractTest", "git.GitContractTest");

	public static void main(String[] args) throws Exception {
		System.out.printf("%-10s %14s %12s %16s %14s%n", "forge", "first: reqs", "first: ms", "unchanged: reqs",
				"unchanged: ms");
		for (String contract : CONTRACTS) {
			var constructor = Class.forName("dev.commitcollector.fetcher.forge." + contract).getDeclaredConstructor();
			constructor.setAccessible(true);
			try (StubForge stub = ((ForgeContract) constructor.newInstance()).newStub()) {
				stub.repository(stub.path("bench"), ForgeContract.history("bench", 1500));
				RepositoryPath path = stub.forge().type().parsePath(stub.path("bench"));
				InMemoryHistory memory = new InMemoryHistory();
				fetch(stub, path, memory);
				long[] first = measured(stub, path, memory, true);
				long[] again = measured(stub, path, memory, false);
				System.out.printf("%-10s %14d %12d %16d %14d%n", stub.forge().type().id(), first[0], first[1], again[0],
						again[1]);
			}
		}
		System.exit(0);
	}

	/**
	 * Requests and milliseconds of one fetch; the first measured fetch starts from an
	 * empty memory.
	 */
	private static long[] measured(StubForge stub, RepositoryPath path, InMemoryHistory memory, boolean fresh) {
		InMemoryHistory used = fresh ? new InMemoryHistory() : memory;
		int before = stub.requests();
		long start = System.nanoTime();
		Fetch fetch = fetch(stub, path, used);
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (fetch.error() != null) {
			throw new IllegalStateException(fetch.error());
		}
		return new long[] { stub.requests() - before, millis };
	}

	private static Fetch fetch(StubForge stub, RepositoryPath path, InMemoryHistory memory) {
		CommitLog discard = (fetch, commits) -> Mono.empty();
		return FetchCommitsProbe
			.run(stub.forge(), discard, path, 1000, FetchMode.INCREMENTAL, memory, Clock.systemUTC())
			.block(Duration.ofMinutes(2));
	}

}

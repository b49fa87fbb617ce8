package dev.commitcollector.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Repository names in the fetcher's schema on a real PostgreSQL: the first spelling is
 * the name, also when several spellings arrive at once on connections of their own, as
 * from two fetchers.
 */
class PostgresKnownRepositoriesTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final String provider = FetcherSchema.ownProvider();

	/** Clients on connections of their own, as several fetchers have. */
	private final List<DatabaseClient> clients = IntStream.range(0, 8)
		.mapToObj(i -> FetcherSchema.newClient())
		.toList();

	@BeforeAll
	static void migrate() {
		FetcherSchema.migrate();
	}

	@Test
	void namesARepositoryAsItWasFirstNamedWhateverTheLetterCaseOfLaterRequests() {
		assertThat(name(path("acme/widgets"))).isEqualTo(path("acme/widgets"));

		assertThat(name(path("ACME/Widgets"))).isEqualTo(path("acme/widgets"));
		assertThat(name(path("Acme/WIDGETS"))).isEqualTo(path("acme/widgets"));
		assertThat(name(path("acme/gadgets"))).isEqualTo(path("acme/gadgets"));
	}

	@Test
	void givesOneNameWhenFirstRequestsInSeveralSpellingsArriveAtOnce() {
		for (int round = 0; round < 10; round++) {
			String repository = "acme/race-" + round;
			List<RepositoryPath> spellings = List.of(path(repository), path(repository.toUpperCase()),
					path("Acme/Race-" + round), path("aCME/rACE-" + round));
			Set<RepositoryPath> named = Flux.fromIterable(IntStream.range(0, 8).boxed().toList())
				.parallel(8)
				.runOn(Schedulers.boundedElastic())
				.flatMap(i -> new PostgresKnownRepositories(clients.get(i)).name(provider, spellings.get(i % 4)))
				.sequential()
				.collect(Collectors.toSet())
				.block(WAIT);

			assertThat(named).as("round %d", round).hasSize(1);
			assertThat(spellings).containsAll(named);
		}
	}

	private RepositoryPath name(RepositoryPath repository) {
		return new PostgresKnownRepositories(clients.get(0)).name(provider, repository).block(WAIT);
	}

	private static RepositoryPath path(String repository) {
		return RepositoryPath.parse(repository, 2);
	}

}

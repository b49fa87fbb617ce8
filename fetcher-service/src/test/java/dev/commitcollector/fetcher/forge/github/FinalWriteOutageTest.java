package dev.commitcollector.fetcher.forge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import dev.commitcollector.fetcher.FetcherInfrastructure;
import dev.commitcollector.fetcher.application.FetchRecords;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.store.TestInfrastructure;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A fetch whose end cannot be written (PostgreSQL refusing the write for longer than a
 * few tries) is written once PostgreSQL takes it, and only then is its command done: the
 * repository is not held by a fetch that stays RUNNING, and its next fetch runs. A fetch
 * whose instance stops before its end is written is taken up again and counts what it
 * published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fetcher.topic.name=commits.discovered.final-write-test",
				"fetcher.fetches.final-write-max-backoff=200ms" })
@AutoConfigureWebTestClient
class FinalWriteOutageTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/**
	 * Final writes refused: more than the 6 tries (5 retries) the fetcher used to make
	 * before leaving the row RUNNING for good.
	 */
	private static final int REFUSED = 8;

	/**
	 * Open until the JVM ends: the cached Spring context names it, and a failed test run
	 * once more (Surefire's rerun) runs against it again.
	 */
	private static final MockWebServer github = new MockWebServer();

	private static final GitHubStub stub = GitHubStub.serving(github, "", "acme", "outage")
		.withHistory(GitHubStub.history(30));

	@Autowired
	FetchRecords records;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	WebTestClient http;

	@Autowired
	void http(WebTestClient client) {
		this.http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
		FetcherInfrastructure.register(registry);
		github.start();
		registry.add("forges.providers.github.api-url", () -> github.url("/").toString().replaceAll("/$", ""));
	}

	/**
	 * The first {@link #REFUSED} writes ending a fetch of acme/outage fail in PostgreSQL,
	 * as they would while it is away; the table is shared, so only this repository. Once
	 * the context has run the migrations.
	 */
	@BeforeEach
	void refuseFinalWrites() throws SQLException {
		refuseFinalWrites(REFUSED);
	}

	private static void refuseFinalWrites(long refused) throws SQLException {
		dropRefusals();
		sql("""
				create sequence fetcher.final_write_test_refusals;
				create function fetcher.final_write_test_refuse() returns trigger language plpgsql as $$
				begin
				  if nextval('fetcher.final_write_test_refusals') <= %d then
				    raise exception 'the database is away (FinalWriteOutageTest)';
				  end if;
				  return new;
				end $$;
				create trigger final_write_test_refuse before update on fetcher.fetches for each row
				  when (new.repository = 'acme/outage' and new.finished_at is not null)
				  execute function fetcher.final_write_test_refuse();""".formatted(refused));
	}

	@AfterAll
	static void stop() throws SQLException {
		dropRefusals();
	}

	private static void dropRefusals() throws SQLException {
		sql("""
				drop trigger if exists final_write_test_refuse on fetcher.fetches;
				drop function if exists fetcher.final_write_test_refuse();
				drop sequence if exists fetcher.final_write_test_refusals;""");
	}

	@Test
	void recordsTheEndOfAFetchOnceTheDatabaseTakesItAndTheRepositoryIsFetchedAgain() throws SQLException {
		UUID first = request();

		await().atMost(WAIT).untilAsserted(() -> {
			Fetch recorded = records.find(first).block(WAIT).orElseThrow();
			assertThat(recorded.status()).isEqualTo(FetchStatus.COMPLETED);
			assertThat(recorded.finishedAt()).isNotNull();
		});
		assertThat(refusalsAsked()).as("final writes tried").isGreaterThan(REFUSED);

		UUID next = request();

		assertThat(next).as("a new fetch, not the first one still active").isNotEqualTo(first);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(records.find(next).block(WAIT).orElseThrow().status())
				.isEqualTo(FetchStatus.COMPLETED));
		assertThat(stub.requests()).isNotEmpty();
	}

	/**
	 * The instance running a fetch stops after publishing every commit, while the fetch's
	 * end is being refused; the instance that takes its command up runs it again. Where
	 * the walk left the repository is written with the end, never before it: had it been
	 * written first, the fetch taken up would have found the repository known, published
	 * nothing and ended with none of its commits counted.
	 */
	@Test
	void aFetchTakenUpAgainAfterItsInstanceStoppedBeforeItsEndWasWrittenCountsEveryCommitItPublished()
			throws SQLException {
		refuseFinalWrites(Long.MAX_VALUE);
		sql("delete from fetcher.repositories where repository = 'acme/outage'");
		UUID id = request(30, "incremental");
		await().atMost(WAIT).until(() -> refusalsAsked() >= 1);
		// stopping the fetch's listener (FetchCommandListener.LISTENER) cancels the fetch
		// and leaves its command uncommitted, as a fetcher that stops does
		MessageListenerContainer commands = listeners.getListenerContainer("fetch-commands");

		commands.stop();
		dropRefusals();
		commands.start();

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(records.find(id).block(WAIT).orElseThrow().status())
				.isEqualTo(FetchStatus.COMPLETED));
		Fetch ended = records.find(id).block(WAIT).orElseThrow();
		assertThat(ended.commitsDiscovered()).as(ended.toString()).isEqualTo(30);
	}

	private UUID request() {
		return request(10, "full");
	}

	private UUID request(int limit, String mode) {
		String location = http.post()
			.uri("/api/v1/fetches")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"provider\":\"github\",\"repository\":\"acme/outage\",\"limit\":%d,\"mode\":\"%s\"}"
				.formatted(limit, mode))
			.exchange()
			.expectStatus()
			.isAccepted()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	/** How many final writes of acme/outage the trigger has seen. */
	private static long refusalsAsked() throws SQLException {
		try (Connection connection = owner();
				Statement statement = connection.createStatement();
				ResultSet row = statement
					.executeQuery("select last_value, is_called from fetcher.final_write_test_refusals")) {
			row.next();
			return row.getBoolean(2) ? row.getLong(1) : 0;
		}
	}

	private static void sql(String statements) throws SQLException {
		try (Connection connection = owner(); Statement statement = connection.createStatement()) {
			statement.execute(statements);
		}
	}

	/** As the role the fetcher writes as, which owns its schema. */
	private static Connection owner() throws SQLException {
		var servers = TestInfrastructure.servers();
		return DriverManager.getConnection(servers.jdbcUrl(), servers.user(), servers.password());
	}

}

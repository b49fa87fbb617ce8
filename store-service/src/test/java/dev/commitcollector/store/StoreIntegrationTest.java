package dev.commitcollector.store;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the store's integration tests: the whole service on real Kafka and PostgreSQL,
 * one context for all. Write batches of 7 events, so a polled batch is stored as several
 * transactions and a redelivery meets its own earlier write batches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "store.consumer.first-backoff=100ms", "store.consumer.max-backoff=1s",
				"store.consumer.stall-timeout=3s", "store.consumer.write-batch=7",
				"store.reader.password=" + StoreIntegrationTest.READER_PASSWORD })
@AutoConfigureWebTestClient
public abstract class StoreIntegrationTest {

	/**
	 * Everything that could end a literal or a dollar-quoted block, and then some SQL.
	 */
	public static final String READER_PASSWORD = "it's $$ a \\ \"secret\"; drop table commits; --";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

}

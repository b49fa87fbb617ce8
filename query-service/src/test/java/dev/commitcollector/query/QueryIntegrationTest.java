package dev.commitcollector.query;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the query-service's integration tests: the whole service on the real store
 * schema, one context for all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class QueryIntegrationTest {

	protected WebTestClient web;

	/**
	 * A generous response timeout: a loaded two-core machine can take more than the
	 * default five seconds.
	 */
	@Autowired
	void web(WebTestClient client) {
		this.web = client.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

}

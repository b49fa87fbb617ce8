package dev.commitcollector.query;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the query-service's integration tests: the whole service on the real store
 * schema, one context for all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class QueryIntegrationTest {

	protected static final JsonMapper json = JsonMapper.builder().build();

	protected WebTestClient web;

	/**
	 * A generous response timeout: a loaded two-core machine can take more than the
	 * default five seconds.
	 */
	@Autowired
	void web(WebTestClient client) {
		this.web = client.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
	}

	/** The body of a GET of {@code uri}, which must answer 200. */
	protected String body(String uri) {
		return web.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The JSON of a GET of {@code uri}, which must answer 200. */
	protected JsonNode get(String uri) {
		return json.readTree(body(uri));
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

}

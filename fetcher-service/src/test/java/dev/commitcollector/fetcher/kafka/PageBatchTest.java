package dev.commitcollector.fetcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.commitcollector.fetcher.domain.CommitAuthor;
import dev.commitcollector.fetcher.domain.DiscoveredCommit;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer as configured: a page of events goes to the broker as one batch, so its
 * {@code acks=all} publish is one produce request and not several acknowledged in turn.
 */
class PageBatchTest {

	/** The most commits a forge page holds (GitHub's and GitLab's {@code per_page}). */
	private static final int PAGE = 100;

	/**
	 * Per record, more than its key, headers (the trace context and the fetch's baggage)
	 * and the record format's own framing take.
	 */
	private static final int RECORD_OVERHEAD = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void holdsAPageOfLongCommitsInOneProducerBatch() throws IOException {
		Fetch fetch = Fetch.start("github", RepositoryPath.parse("a-long-organisation-name/a-long-repository-name"),
				1000, Instant.EPOCH);
		long page = IntStream.range(0, PAGE).mapToLong(i -> {
			DiscoveredCommit commit = DiscoveredCommit.fromMessage(String.format("%040x", i + 1),
					new CommitAuthor("Ada Augusta King, Countess of Lovelace " + i,
							"ada.augusta.king." + i + "@analytical-engine.example.org", "ada-lovelace-" + i),
					Instant.EPOCH, Instant.EPOCH, "x".repeat(200) + "\n\nCo-authored-by: Charles Babbage <charles@"
							+ UUID.randomUUID() + ".example.org>",
					List.of());
			return JSON.writeValueAsString(CommitDiscovered.of(fetch, commit, Instant.EPOCH))
				.getBytes(StandardCharsets.UTF_8).length + RECORD_OVERHEAD;
		}).sum();

		Object batchSize = producer().buildProducerProperties().get(ProducerConfig.BATCH_SIZE_CONFIG);

		assertThat(batchSize).as("batch.size").isNotNull();
		assertThat(Long.parseLong(batchSize.toString())).isGreaterThanOrEqualTo(page);
	}

	private static KafkaProperties producer() throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(sources::addLast);
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
			.bindOrCreate("spring.kafka", KafkaProperties.class);
	}

}

package dev.commitcollector.fetcher;

import java.util.UUID;

import dev.commitcollector.store.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The shared Kafka broker and PostgreSQL for a fetcher test context, with a command topic
 * of the context's own: Spring keeps several test contexts alive at once, and each must
 * take up only the fetches it requested (another context's forge stubs are not its own).
 */
public final class FetcherInfrastructure {

	private FetcherInfrastructure() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		String topic = "fetches.requested." + UUID.randomUUID();
		registry.add("fetcher.commands.name", () -> topic);
		registry.add("fetcher.commands.partitions", () -> "3");
		registry.add("fetcher.commands.dead-letter-topic", () -> topic + ".DLT");
	}

}

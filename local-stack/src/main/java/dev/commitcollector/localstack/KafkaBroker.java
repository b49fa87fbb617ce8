package dev.commitcollector.localstack;

/** A running Kafka broker the services connect to: in this JVM, or as its own process. */
public interface KafkaBroker extends AutoCloseable {

	/** The address clients bootstrap from, {@code host:port}. */
	String bootstrapServers();

	/** Stops the broker and removes what it wrote. */
	@Override
	void close() throws Exception;

}

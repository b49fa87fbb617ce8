package dev.commitcollector.fetcher;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Kafka is ({@code KAFKA_BOOTSTRAP_SERVERS}), checked at start, naming the
 * variable: Kafka's client refused a value that is not a list of {@code host:port} with a
 * stack trace, after the topics' setup had taken it for Kafka being away.
 */
@ConfigurationProperties("kafka.bootstrap")
@Validated
record BrokerAddress(@DefaultValue("localhost:9092") @NotEmpty(message = SERVERS) List<@Pattern(
		regexp = "\\s*([A-Za-z_]+://)?(\\[[0-9A-Fa-f:.%]+\\]|[0-9A-Za-z._%-]+):\\d{1,5}\\s*",
		message = SERVERS) String> servers) {

	static final String SERVERS = "KAFKA_BOOTSTRAP_SERVERS must list Kafka's brokers as host:port, separated by "
			+ "commas (such as kafka:9092 or 10.0.0.5:9092,10.0.0.6:9092)";

}

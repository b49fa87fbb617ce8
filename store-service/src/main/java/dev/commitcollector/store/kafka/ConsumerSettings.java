package dev.commitcollector.store.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where events come from and where unreadable ones go (the topics' partitions and
 * replicas, when the store creates them); how many events one transaction stores at most
 * (a polled batch is stored as several, each written while the next is decoded) and how
 * many of those transactions run at once, each on its own connection; how long one such
 * write may take; how the retry of a failed write backs off (forever: a database outage
 * never skips an event); after how long failing the same batch makes the store's
 * readiness DOWN; how long the group waits for a consumer that went silent; the consumer
 * group, the most events a poll takes and how many consumers take them (the last four
 * given to Spring's Kafka settings in application.yml, once checked here: Kafka's and
 * Spring's own checks refused a bad value with a stack trace).
 */
@ConfigurationProperties("store.consumer")
@Validated
record ConsumerSettings(
		@DefaultValue("commits.discovered") @NotBlank(message = "COMMITS_TOPIC must not be blank") String topic,
		@DefaultValue("6") @Min(value = 1, message = "COMMITS_TOPIC_PARTITIONS must be at least 1") int partitions,
		@DefaultValue("1") @Min(value = 1, message = "COMMITS_TOPIC_REPLICAS must be at least 1") short replicas,
		@DefaultValue("commits.discovered.DLT") @NotBlank(
				message = "COMMITS_DLT must not be blank") String deadLetterTopic,
		@DefaultValue("2000") @Min(value = 1, message = "STORE_WRITE_BATCH must be at least 1") int writeBatch,
		@DefaultValue("2") @Min(value = 1, message = "STORE_WRITES_IN_FLIGHT must be at least 1") int writesInFlight,
		@DefaultValue("30s") @NotNull @DurationMin(millis = 1,
				message = "STORE_CONSUMER_WRITETIMEOUT must be positive") Duration writeTimeout,
		@DefaultValue("500ms") @NotNull @DurationMin(millis = 1,
				message = "STORE_CONSUMER_FIRSTBACKOFF must be positive") Duration firstBackoff,
		@DefaultValue("30s") @NotNull @DurationMin(millis = 1,
				message = "STORE_CONSUMER_MAXBACKOFF must be positive") Duration maxBackoff,
		@DefaultValue("2m") @NotNull @DurationMin(millis = 1,
				message = "STORE_STALL_TIMEOUT must be positive") Duration stallTimeout,
		@DefaultValue("15000") @Min(value = 6000, message = SESSION_TIMEOUT_RANGE) @Max(value = 1800000,
				message = SESSION_TIMEOUT_RANGE) int sessionTimeoutMs,
		@DefaultValue("store-service") @NotBlank(message = "STORE_CONSUMER_GROUP must not be blank") String group,
		@DefaultValue("16000") @Min(value = 1,
				message = "STORE_MAX_POLL_RECORDS must be at least 1") int maxPollRecords,
		@DefaultValue("2") @Min(value = 1, message = "STORE_CONSUMERS must be at least 1") int consumers) {

	/**
	 * Kafka's brokers refuse a consumer group's session timeout outside
	 * {@code group.min.session.timeout.ms} to {@code group.max.session.timeout.ms}: the
	 * consumer would start, never join its group and log the refusal without end.
	 */
	static final String SESSION_TIMEOUT_RANGE = "STORE_SESSION_TIMEOUT_MS must be between 6000 and 1800000 (the range "
			+ "Kafka's brokers allow by default, group.min/max.session.timeout.ms)";

}

package dev.commitcollector.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class IngestionTest {

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private static final List<TopicPartition> T0 = List.of(new TopicPartition("t", 0));

	private final Ingestion ingestion = new Ingestion(meters,
			new ConsumerSettings("t", 1, (short) 1, "t.DLT", 2000, 2, Duration.ofSeconds(30), Duration.ofMillis(100),
					Duration.ofSeconds(1), Duration.ofMinutes(2), 15000, "store-service", 16000, 2),
			new Clock() {
				@Override
				public Instant instant() {
					return now;
				}

				@Override
				public java.time.ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					return this;
				}
			});

	@Test
	void staysUpWhileABatchFailsForLessThanTheStallTimeout() {
		ingestion.failed("t-0@0..9", T0, "connection refused");
		now = now.plus(Duration.ofMinutes(1));
		ingestion.failed("t-0@0..9", T0, "connection refused");

		Health health = ingestion.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("retrying");
	}

	@Test
	void turnsDownWithTheBatchAndTheCauseOnceTheSameBatchFailsLongerThanTheStallTimeout() {
		ingestion.failed("t-0@0..9", T0, "connection refused");
		now = now.plus(Duration.ofMinutes(3));
		ingestion.failed("t-0@0..9", T0, "still refused");

		Health health = ingestion.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("reason").toString()).contains("PT2M");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> stalled = (Map<String, Map<String, Object>>) health.getDetails()
			.get("stalled");
		assertThat(stalled.values()).singleElement()
			.satisfies(stall -> assertThat(stall).containsEntry("batch", "t-0@0..9")
				.containsEntry("cause", "still refused")
				.containsEntry("attempts", 2));
	}

	@Test
	void recoversOnceTheBatchIsStoredAndRestartsTheClockForANewBatch() {
		ingestion.failed("t-0@0..9", T0, "refused");
		now = now.plus(Duration.ofMinutes(3));
		ingestion.failed("t-0@10..19", T0, "refused");
		assertThat(ingestion.health(true).getStatus()).isEqualTo(Status.UP);

		now = now.plus(Duration.ofMinutes(3));
		assertThat(ingestion.health(true).getStatus()).isEqualTo(Status.DOWN);
		ingestion.stored(10, Duration.ofMillis(5));
		assertThat(ingestion.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void forgetsAFailureOnceItsConsumerLosesThePartitionsOfTheBatch() {
		ingestion.failed("t-0@0..9", T0, "refused");
		now = now.plus(Duration.ofMinutes(3));
		PartitionsRevoked rebalanced = new PartitionsRevoked(ingestion);

		rebalanced.onPartitionsRevokedAfterCommit(null, List.of(new TopicPartition("t", 1)));
		assertThat(ingestion.health(true).getStatus()).as("still owns the batch's partition").isEqualTo(Status.DOWN);

		rebalanced.onPartitionsRevokedAfterCommit(null,
				List.of(new TopicPartition("t", 0), new TopicPartition("t", 2)));
		assertThat(ingestion.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(ingestion.health(true).getDetails()).doesNotContainKey("retrying");
	}

	@Test
	void countsDeadLettersInTheHealthDetailsAndAsAMeterByTopic() {
		ingestion.deadLettered("commits.discovered.DLT");
		ingestion.deadLettered("commits.discovered.DLT");
		ingestion.deadLettered("mailmaps.discovered.DLT");

		assertThat(ingestion.health(true).getDetails()).containsEntry("deadLettered", 3L);
		assertThat(meters.get("commits.dead.lettered").tag("topic", "commits.discovered.DLT").counter().count())
			.isEqualTo(2.0);
		assertThat(meters.get("commits.dead.lettered").tag("topic", "mailmaps.discovered.DLT").counter().count())
			.isEqualTo(1.0);
	}

}

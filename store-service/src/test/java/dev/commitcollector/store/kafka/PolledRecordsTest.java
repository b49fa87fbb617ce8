package dev.commitcollector.store.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolledRecordsTest {

	private static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";

	private static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Test
	void namesEachPartitionOnceWithItsFirstAndLastOffsetInPartitionOrder() {
		List<ConsumerRecord<String, byte[]>> records = List.of(record("commits", 3, 40), record("commits", 3, 41),
				record("commits", 1, 7), record("commits", 3, 39), record("commits", 1, 9), record("commits", 3, 42));

		assertThat(PolledRecords.where(records)).isEqualTo("commits-1@7..9, commits-3@39..42");
	}

	@Test
	void listsEachTraceOnceInTheOrderItFirstCame() {
		List<ConsumerRecord<String, byte[]>> records = List.of(traced(TRACE_A), traced(TRACE_A), traced(TRACE_B),
				record("commits", 0, 9), traced(TRACE_A));

		assertThat(PolledRecords.traceIds(records)).isEqualTo("[" + TRACE_A + ", " + TRACE_B + "]");
	}

	@Test
	void leavesOutHeadersThatAreNotATraceparent() {
		List<ConsumerRecord<String, byte[]>> records = List.of(
				withTraceparent("00-" + TRACE_A.toUpperCase() + "-b7ad6b7169203331-01"),
				withTraceparent("00-" + TRACE_A + "-b7ad6b7169203331-011"),
				withTraceparent("00_" + TRACE_A + "-b7ad6b7169203331-01"), withTraceparent("not a trace"),
				traced(TRACE_B));

		assertThat(PolledRecords.traceIds(records)).isEqualTo("[" + TRACE_B + "]");
	}

	@Test
	void countsTheTracesPastTheFirstTen() {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			records.add(traced(String.format("%032x", i + 1)));
		}

		assertThat(PolledRecords.traceIds(records)).startsWith("[" + String.format("%032x", 1) + ", ")
			.endsWith(String.format("%032x", 10) + "] and 3 more");
	}

	private static ConsumerRecord<String, byte[]> traced(String traceId) {
		return withTraceparent("00-" + traceId + "-b7ad6b7169203331-01");
	}

	private static ConsumerRecord<String, byte[]> withTraceparent(String value) {
		ConsumerRecord<String, byte[]> record = record("commits", 0, 1);
		record.headers().add("traceparent", value.getBytes(StandardCharsets.US_ASCII));
		return record;
	}

	private static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset) {
		return new ConsumerRecord<>(topic, partition, offset, "key", new byte[0]);
	}

}

package dev.commitcollector.store.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * How the log lines name a polled batch: where its records were read and which traces
 * they carry. Every batch is described, so this walks the records once and builds a
 * string per partition and per trace, not per record (a poll holds up to 8,000).
 */
final class PolledRecords {

	private static final int TRACEPARENT_LENGTH = 55;

	private PolledRecords() {
	}

	/** The partitions the batch's records come from. */
	static Set<TopicPartition> partitions(List<? extends ConsumerRecord<?, ?>> records) {
		Set<TopicPartition> partitions = new HashSet<>();
		records.forEach(record -> partitions.add(new TopicPartition(record.topic(), record.partition())));
		return partitions;
	}

	/** topic-partition@first..last for each partition in the batch. */
	static String where(List<? extends ConsumerRecord<?, ?>> records) {
		Map<String, long[]> ranges = new TreeMap<>();
		ConsumerRecord<?, ?> previous = null;
		long[] range = null;
		for (ConsumerRecord<?, ?> record : records) {
			if (previous == null || record.partition() != previous.partition()
					|| !record.topic().equals(previous.topic())) {
				range = ranges.computeIfAbsent(record.topic() + "-" + record.partition(),
						partition -> new long[] { Long.MAX_VALUE, Long.MIN_VALUE });
			}
			range[0] = Math.min(range[0], record.offset());
			range[1] = Math.max(range[1], record.offset());
			previous = record;
		}
		StringJoiner where = new StringJoiner(", ");
		ranges.forEach((partition, offsets) -> where.add(partition + "@" + offsets[0] + ".." + offsets[1]));
		return where.toString();
	}

	/**
	 * The trace ids the batch's events carry in their W3C {@code traceparent} header,
	 * distinct, in order; at most ten, then how many more. A header that is not a
	 * well-formed {@code traceparent} is left out.
	 */
	static String traceIds(List<? extends ConsumerRecord<?, ?>> records) {
		Set<String> ids = new LinkedHashSet<>();
		byte[] previous = null;
		for (ConsumerRecord<?, ?> record : records) {
			Header header = record.headers().lastHeader("traceparent");
			byte[] value = header != null ? header.value() : null;
			if (value == null || Arrays.equals(value, previous)) {
				continue;
			}
			previous = value;
			if (isTraceparent(value)) {
				ids.add(new String(value, 3, 32, StandardCharsets.US_ASCII));
			}
		}
		List<String> listed = new ArrayList<>(ids);
		return listed.size() <= 10 ? listed.toString()
				: listed.subList(0, 10).toString() + " and " + (listed.size() - 10) + " more";
	}

	/** version-traceid-parentid-flags: 2, 32, 16 and 2 lowercase hex digits. */
	private static boolean isTraceparent(byte[] value) {
		if (value.length != TRACEPARENT_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length; i++) {
			boolean dash = i == 2 || i == 35 || i == 52;
			byte b = value[i];
			boolean valid = dash ? b == '-' : (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f');
			if (!valid) {
				return false;
			}
		}
		return true;
	}

}

package dev.commitcollector.store.kafka;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * A consumer left with no partition after a rebalance (more consumers than partitions,
 * once a second store starts) no longer holds the batch it was failing on: another
 * consumer retries it now. Without this, its old failure would keep readiness DOWN once
 * the stall timeout passed, with nothing failing.
 */
@Component
class PartitionsAssigned implements ConsumerAwareRebalanceListener {

	private final Ingestion ingestion;

	PartitionsAssigned(Ingestion ingestion) {
		this.ingestion = ingestion;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (consumer.assignment().isEmpty()) {
			ingestion.ownsNothing();
		}
	}

}

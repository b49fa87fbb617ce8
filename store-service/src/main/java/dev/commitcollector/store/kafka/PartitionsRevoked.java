package dev.commitcollector.store.kafka;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * A consumer that loses the partitions of the batch it was failing on (a rebalance, once
 * a second store starts) no longer holds that batch: the partitions' new owner retries
 * it. Without this, the old failure would keep readiness DOWN once the stall timeout
 * passed, with nothing failing here.
 */
@Component
class PartitionsRevoked implements ConsumerAwareRebalanceListener {

	private final Ingestion ingestion;

	PartitionsRevoked(Ingestion ingestion) {
		this.ingestion = ingestion;
	}

	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		ingestion.lost(partitions);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		ingestion.lost(partitions);
	}

}

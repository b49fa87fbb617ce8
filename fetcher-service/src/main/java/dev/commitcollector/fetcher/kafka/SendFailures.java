package dev.commitcollector.fetcher.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.stereotype.Component;

/**
 * A record Kafka did not take is told by whoever sent it, once, with its cause: a fetch's
 * end, a command's refusal, a mailmap left out. Spring's default listener also logged
 * each record at ERROR with its stack trace, which a broker away turned into a hundred
 * traces a page; here each is a DEBUG line.
 */
@Component
class SendFailures implements ProducerListener<Object, Object> {

	private static final Logger log = LoggerFactory.getLogger(SendFailures.class);

	@Override
	public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
		log.debug("a record to {} was not sent: {}", record.topic(), exception.toString());
	}

}

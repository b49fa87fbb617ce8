/**
 * The commit log on Kafka: {@code CommitDiscovered} events, their topic and the broker's
 * health.
 */
package dev.commitcollector.fetcher.kafka;

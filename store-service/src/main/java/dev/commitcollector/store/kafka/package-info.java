/**
 * Consuming {@code CommitDiscovered}: decoding, validation, dead letters, at-least-once
 * batches.
 */
package dev.commitcollector.store.kafka;

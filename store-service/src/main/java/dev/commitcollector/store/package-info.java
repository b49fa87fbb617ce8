/**
 * store-service: consumes CommitDiscovered events and stores each commit once; owns the
 * commit store schema.
 */
package dev.commitcollector.store;

/**
 * fetcher-service: reads the newest commits of a repository from a forge and publishes
 * CommitDiscovered events.
 */
package dev.commitcollector.fetcher;

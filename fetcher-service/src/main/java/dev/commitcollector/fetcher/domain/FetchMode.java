package dev.commitcollector.fetcher.domain;

/**
 * How much a fetch reads. {@code INCREMENTAL} stops at what earlier fetches already
 * published, when they reach back far enough; {@code FULL} reads and publishes everything
 * up to the limit again (after a force-push rewrote history, say).
 */
public enum FetchMode {

	INCREMENTAL, FULL

}

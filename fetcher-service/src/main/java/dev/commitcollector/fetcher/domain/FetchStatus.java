package dev.commitcollector.fetcher.domain;

/**
 * Where a fetch stands: {@code QUEUED} until its turn comes (a free slot for a fetch),
 * then {@code RUNNING}, then {@code COMPLETED} or {@code FAILED}.
 */
public enum FetchStatus {

	QUEUED, RUNNING, COMPLETED, FAILED

}

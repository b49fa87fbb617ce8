package dev.commitcollector.fetcher.domain;

/** Where a fetch stands. */
public enum FetchStatus {

	RUNNING, COMPLETED, FAILED

}

package dev.commitcollector.fetcher.domain;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One run that reads up to {@code limit} of a repository's newest commits from a forge.
 * Immutable: each step of the run yields the next snapshot, through a method that names
 * the change. {@code attempt} says which take-up of the fetch this is: 0 while it waits
 * for its first, then one more each time an instance takes it up; only the latest
 * attempt's writes are recorded.
 */
public record Fetch(UUID id, RepositoryRef target, int limit, FetchMode mode, FetchStatus status, Progress progress,
		String error, Instant startedAt, Instant finishedAt, Instant waitingUntil, String traceparent, int attempt) {

	/** The most UTF-8 bytes of the reason a fetch failed. */
	public static final int MAX_REASON_BYTES = 2048;

	/** A W3C trace context: version 00, trace id, parent span id, flags. */
	private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	public Fetch {
		if (traceparent != null && !TRACEPARENT.matcher(traceparent).matches()) {
			traceparent = null;
		}
	}

	/** A fetch not taken up yet. */
	public Fetch(UUID id, RepositoryRef target, int limit, FetchMode mode, FetchStatus status, Progress progress,
			String error, Instant startedAt, Instant finishedAt, Instant waitingUntil, String traceparent) {
		this(id, target, limit, mode, status, progress, error, startedAt, finishedAt, waitingUntil, traceparent, 0);
	}

	/** A fetch that runs at once, requested {@code now}. */
	public static Fetch start(RepositoryRef target, int limit, FetchMode mode, Instant now) {
		return requested(target, limit, mode, now).running();
	}

	/** A fetch requested {@code now}, waiting for its turn. */
	public static Fetch requested(RepositoryRef target, int limit, FetchMode mode, Instant now) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		return new Fetch(UUID.randomUUID(), target, limit, mode, FetchStatus.QUEUED, Progress.NONE, null, now, null,
				null, null);
	}

	public static Fetch start(String provider, RepositoryPath repository, int limit, Instant now) {
		return start(new RepositoryRef(provider, repository), limit, FetchMode.INCREMENTAL, now);
	}

	public static Fetch start(String provider, RepositoryPath repository, int limit, FetchMode mode, Instant now) {
		return start(new RepositoryRef(provider, repository), limit, mode, now);
	}

	/** Its turn came: it runs now. An ended fetch stays as it ended. */
	public Fetch running() {
		if (status != FetchStatus.QUEUED) {
			return this;
		}
		return new Fetch(id, target, limit, mode, FetchStatus.RUNNING, progress, error, startedAt, finishedAt,
				waitingUntil, traceparent, attempt);
	}

	/**
	 * Taken up again after the instance that ran it stopped before it ended: waiting for
	 * its turn, counting from nothing, since it walks the history again from the start
	 * (what the earlier run published stays published; consumers drop repeats). An ended
	 * fetch stays as it ended.
	 */
	public Fetch resumed() {
		if (!active()) {
			return this;
		}
		return new Fetch(id, target, limit, mode, FetchStatus.QUEUED, Progress.NONE, null, startedAt, null, null,
				traceparent, attempt);
	}

	/**
	 * The same fetch, taken up once more: from now on only this attempt's writes are
	 * recorded.
	 */
	public Fetch nextAttempt() {
		return new Fetch(id, target, limit, mode, status, progress, error, startedAt, finishedAt, waitingUntil,
				traceparent, attempt + 1);
	}

	/**
	 * The same fetch, part of the trace {@code traceparent} (W3C {@code traceparent}; one
	 * that is not well formed is dropped).
	 */
	public Fetch traced(String traceparent) {
		return new Fetch(id, target, limit, mode, status, progress, error, startedAt, finishedAt, waitingUntil,
				traceparent, attempt);
	}

	/** The id of the trace it is part of, or null. */
	public String traceId() {
		return traceparent == null ? null : traceparent.substring(3, 35);
	}

	/**
	 * Whether running it does all that a request for {@code limit} commits in
	 * {@code mode} asks: as many commits or more, and a full walk where one is asked.
	 */
	public boolean covers(int limit, FetchMode mode) {
		return this.limit >= limit && (this.mode == FetchMode.FULL || mode == FetchMode.INCREMENTAL);
	}

	/**
	 * The same fetch, asked for what it was asked for and for {@code limit} commits in
	 * {@code mode} too: the larger limit, and a full walk if either asks for one.
	 */
	public Fetch widened(int limit, FetchMode mode) {
		FetchMode either = this.mode == FetchMode.FULL ? FetchMode.FULL : mode;
		return new Fetch(id, target, Math.max(this.limit, limit), either, status, progress, error, startedAt,
				finishedAt, waitingUntil, traceparent, attempt);
	}

	/** Whether it is waiting for its turn or running. */
	public boolean active() {
		return status == FetchStatus.QUEUED || status == FetchStatus.RUNNING;
	}

	/** Published {@code count} more commits. */
	public Fetch discovered(long count) {
		return progressed(progress.discovered(count));
	}

	/** Walked past {@code count} commits an earlier fetch already published. */
	/** {@code count} more commits the forge listed could not be read. */
	public Fetch setAside(long count) {
		return progressed(progress.setAside(count));
	}

	public Fetch alreadyKnown(long count) {
		return progressed(progress.alreadyKnown(count));
	}

	public Fetch completed(Instant now) {
		return ended(FetchStatus.COMPLETED, null, now);
	}

	/**
	 * Ended without completing, because of {@code reason}: cleaned and bounded as forge
	 * text is ({@link ForgeText}, at most {@link #MAX_REASON_BYTES}), since a reason may
	 * quote what a forge sent, and a reason PostgreSQL cannot hold (a NUL) would leave
	 * the fetch's end unwritten for good.
	 */
	public Fetch failed(String reason, Instant now) {
		return ended(FetchStatus.FAILED, ForgeText.clean(reason, MAX_REASON_BYTES), now);
	}

	/**
	 * Waiting for the forge's rate limit until {@code until}; {@code null}: not waiting.
	 */
	public Fetch waiting(Instant until) {
		return new Fetch(id, target, limit, mode, status, progress, error, startedAt, finishedAt, until, traceparent,
				attempt);
	}

	public String provider() {
		return target.provider();
	}

	public RepositoryPath repository() {
		return target.path();
	}

	public long commitsDiscovered() {
		return progress.discovered();
	}

	public long commitsAlreadyKnown() {
		return progress.alreadyKnown();
	}

	public long commitsSetAside() {
		return progress.setAside();
	}

	/** How many more commits this fetch may still publish. */
	public int remaining() {
		return (int) Math.max(0, limit - progress.walked());
	}

	private Fetch progressed(Progress next) {
		return new Fetch(id, target, limit, mode, status, next, error, startedAt, finishedAt, waitingUntil, traceparent,
				attempt);
	}

	private Fetch ended(FetchStatus outcome, String reason, Instant now) {
		return new Fetch(id, target, limit, mode, outcome, progress, reason, startedAt, now, null, traceparent,
				attempt);
	}

	/**
	 * How far a fetch walked: commits it published, commits it walked past because an
	 * earlier fetch published them, and commits the forge listed that could not be read
	 * (set aside).
	 */
	public record Progress(long discovered, long alreadyKnown, long setAside) {

		public static final Progress NONE = new Progress(0, 0, 0);

		public Progress(long discovered, long alreadyKnown) {
			this(discovered, alreadyKnown, 0);
		}

		public Progress discovered(long count) {
			return new Progress(discovered + count, alreadyKnown, setAside);
		}

		public Progress alreadyKnown(long count) {
			return new Progress(discovered, alreadyKnown + count, setAside);
		}

		public Progress setAside(long count) {
			return new Progress(discovered, alreadyKnown, setAside + count);
		}

		/** Every commit walked, published or not. */
		public long walked() {
			return discovered + alreadyKnown;
		}

	}

}

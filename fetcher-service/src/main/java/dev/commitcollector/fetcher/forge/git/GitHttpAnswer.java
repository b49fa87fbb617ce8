package dev.commitcollector.fetcher.forge.git;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * One answer of a plain-git server, failing once it passes its size or its transport's
 * deadline. Each read waits at most the transport's timeout, so a server sending a byte
 * now and then is stopped within a timeout of the deadline.
 */
final class GitHttpAnswer extends FilterInputStream {

	private final long maxBytes;

	private final String what;

	private final Instant deadline;

	private final Clock clock;

	private long read;

	GitHttpAnswer(InputStream answer, long maxBytes, String what, Instant deadline, Clock clock) {
		super(answer);
		this.maxBytes = maxBytes;
		this.what = what;
		this.deadline = deadline;
		this.clock = clock;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		counted(b < 0 ? -1 : 1);
		return b;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		return counted(super.read(bytes, offset, length));
	}

	@Override
	public long skip(long n) throws IOException {
		return counted((int) super.skip(Math.min(n, Integer.MAX_VALUE)));
	}

	private int counted(int bytes) throws IOException {
		if (bytes > 0) {
			read += bytes;
		}
		if (read > maxBytes) {
			throw new TooLarge("the server's answer of " + what + " grew beyond " + maxBytes + " bytes; not read on");
		}
		if (clock.instant().isAfter(deadline)) {
			throw new PastDeadline("the server had not finished answering by the fetch's deadline"
					+ " (FORGES_GIT_FETCHDEADLINE); the fetch was abandoned");
		}
		return bytes;
	}

	/** An answer larger than any honest one. */
	static final class TooLarge extends IOException {

		TooLarge(String message) {
			super(message);
		}

	}

	/** An answer still coming at its transport's deadline. */
	static final class PastDeadline extends IOException {

		PastDeadline(String message) {
			super(message);
		}

	}

}

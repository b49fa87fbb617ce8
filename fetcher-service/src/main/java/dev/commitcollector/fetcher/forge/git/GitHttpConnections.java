package dev.commitcollector.fetcher.forge.git;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * The HTTP connections of one plain-git transport, each answer bounded
 * ({@link GitHttpAnswer}): read in full by the transport's deadline, and no larger than
 * what it can hold. A server that trickles its answer, or advertises refs without end,
 * would otherwise hold the fetch (and its provider's permit) for ever, and the second the
 * heap with it: JGit reads an advertisement into memory whole, and reads inside its own
 * connection, which closing the transport does not break.
 */
final class GitHttpConnections extends JDKHttpConnectionFactory {

	/**
	 * The most bytes of refs an answer may carry: a v0 advertisement, or a v2
	 * {@code ls-refs} answer. A repository with a hundred thousand refs advertises about
	 * 8 MB.
	 */
	static final long MAX_REFS_BYTES = 32L * 1024 * 1024;

	/** What a pack answer may carry beyond the pack itself (its progress and framing). */
	static final long PACK_FRAMING_BYTES = 16L * 1024 * 1024;

	/** Where a server advertises its refs (with {@code ?service=} when it is smart). */
	private static final String INFO_REFS = "/info/refs";

	/** The first pkt-line of a v2 request for refs. */
	private static final String LS_REFS = "command=ls-refs";

	private final Instant deadline;

	private final long maxRefsBytes;

	private final long maxPackBytes;

	private final Clock clock;

	/**
	 * Answers must be read in full by {@code deadline}; one of refs may carry
	 * {@code maxRefsBytes}, one of a pack {@code maxPackBytes}.
	 */
	GitHttpConnections(Instant deadline, long maxRefsBytes, long maxPackBytes, Clock clock) {
		this.deadline = deadline;
		this.maxRefsBytes = maxRefsBytes;
		this.maxPackBytes = maxPackBytes;
		this.clock = clock;
	}

	/**
	 * The connections of a transport opened now: refs bounded by {@link #MAX_REFS_BYTES},
	 * a pack's answer by the pack bound and its framing.
	 */
	static GitHttpConnections of(GitSettings bounds, Clock clock) {
		return new GitHttpConnections(clock.instant().plus(bounds.fetchDeadline()), MAX_REFS_BYTES,
				bounds.maxPackSize().toBytes() + PACK_FRAMING_BYTES, clock);
	}

	@Override
	public HttpConnection create(URL url) throws IOException {
		return new Bounded(url);
	}

	@Override
	public HttpConnection create(URL url, Proxy proxy) throws IOException {
		return new Bounded(url, proxy);
	}

	/**
	 * A connection whose answer is bounded: to refs' size when the request asks for refs
	 * ({@code info/refs}, or a {@code POST} whose first line is {@code command=ls-refs}),
	 * else to a pack's (a smart fetch's answer, or a file of a server that serves the
	 * repository's files as they are).
	 */
	private final class Bounded extends JDKHttpConnection {

		private final ByteArrayOutputStream requestStart = new ByteArrayOutputStream();

		private InputStream answer;

		Bounded(URL url) throws IOException {
			super(url);
		}

		Bounded(URL url, Proxy proxy) throws IOException {
			super(url, proxy);
		}

		@Override
		public OutputStream getOutputStream() throws IOException {
			return new FilterOutputStream(super.getOutputStream()) {

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					keep(bytes, offset, length);
					out.write(bytes, offset, length);
				}

				@Override
				public void write(int b) throws IOException {
					keep(new byte[] { (byte) b }, 0, 1);
					out.write(b);
				}

			};
		}

		private void keep(byte[] bytes, int offset, int length) {
			int room = LS_REFS.length() + 4 - requestStart.size();
			if (room > 0) {
				requestStart.write(bytes, offset, Math.min(room, length));
			}
		}

		@Override
		public synchronized InputStream getInputStream() throws IOException {
			if (answer == null) {
				boolean refs = getURL().getPath().endsWith(INFO_REFS)
						|| requestStart.toString(StandardCharsets.US_ASCII).endsWith(LS_REFS);
				answer = refs ? new GitHttpAnswer(super.getInputStream(), maxRefsBytes, "refs", deadline, clock)
						: new GitHttpAnswer(super.getInputStream(), maxPackBytes, "pack", deadline, clock);
			}
			return answer;
		}

	}

}

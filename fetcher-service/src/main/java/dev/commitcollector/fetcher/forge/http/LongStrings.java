package dev.commitcollector.fetcher.forge.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;

/**
 * A forge's JSON with every string longer than {@link #HEAD} + {@link #TAIL} bytes cut to
 * its first {@value #HEAD} and last {@value #TAIL} bytes, joined by an empty line, while
 * the body streams in. A commit message may be any size (git sets no limit), and one of
 * tens of megabytes made its whole page larger than a page is read
 * ({@link WebClients#MAX_PAGE_BYTES}), so the fetch failed on that page every time. What
 * is kept of a message is what is read from it: its headline at the start and its
 * trailers ({@code Co-authored-by:}) in the last paragraph. Cuts fall between characters,
 * never inside a UTF-8 sequence or an escape, so the JSON stays whole. One instance reads
 * one body.
 */
final class LongStrings {

	static final int HEAD = 16 * 1024;

	static final int TAIL = 16 * 1024;

	/** An empty line, as JSON writes it inside a string. */
	private static final byte[] GAP = { '\\', 'n', '\\', 'n' };

	private final byte[] tail = new byte[TAIL];

	/** Which bytes of {@link #tail} start a character. */
	private final boolean[] starts = new boolean[TAIL];

	private boolean inString;

	/**
	 * -1 right after a backslash; then how many bytes of the escape are still to come.
	 */
	private int escape;

	/** Bytes of the current string written out. */
	private int written;

	private boolean cutting;

	private int tailStart;

	private int tailSize;

	private int cut;

	/** Whether the current string had bytes between its first and last ones dropped. */
	private boolean dropped;

	/** What the buffer being read becomes, up to {@link #length}. */
	private byte[] out;

	private int length;

	/** The body with its long strings cut. */
	Flux<DataBuffer> read(Flux<DataBuffer> body) {
		return body.map(this::read);
	}

	/** How many strings were cut so far. */
	int cut() {
		return cut;
	}

	private DataBuffer read(DataBuffer buffer) {
		byte[] in = new byte[buffer.readableByteCount()];
		buffer.read(in);
		var factory = buffer.factory();
		DataBufferUtils.release(buffer);
		out = new byte[in.length + 16];
		length = 0;
		for (byte b : in) {
			if (!inString) {
				put(b);
				if (b == '"') {
					inString = true;
					written = 0;
					cutting = false;
					dropped = false;
					tailSize = 0;
				}
				continue;
			}
			boolean start;
			if (escape == -1) {
				start = false;
				escape = (b == 'u') ? 4 : 0;
			}
			else if (escape > 0) {
				start = false;
				escape--;
			}
			else if (b == '"') {
				close();
				continue;
			}
			else {
				start = (b & 0xC0) != 0x80;
				if (b == '\\') {
					escape = -1;
				}
			}
			if (!cutting && start && written + mostBytes(b) > HEAD) {
				cutting = true;
			}
			if (cutting) {
				keep(b, start);
			}
			else {
				put(b);
				written++;
			}
		}
		return factory.wrap(ByteBuffer.wrap(out, 0, length));
	}

	/**
	 * The most bytes of the character that {@code first} starts: an escape may be
	 * {@code \u00e9}.
	 */
	private static int mostBytes(byte first) {
		if (first == '\\') {
			return 6;
		}
		int b = first & 0xFF;
		return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
	}

	/** Keeps {@code b} among the string's last {@value #TAIL} bytes. */
	private void keep(byte b, boolean start) {
		int at = (tailStart + tailSize) % TAIL;
		tail[at] = b;
		starts[at] = start;
		if (tailSize < TAIL) {
			tailSize++;
		}
		else {
			tailStart = (tailStart + 1) % TAIL;
			dropped = true;
		}
	}

	/**
	 * Ends the current string: one cut with the gap and its last bytes from the first
	 * whole character on; one that fits whole as it was. Only a string's end can write
	 * more than was read: its last bytes came in with earlier buffers.
	 */
	private void close() {
		if (cutting) {
			room(GAP.length + tailSize);
			if (dropped) {
				cut++;
				System.arraycopy(GAP, 0, out, length, GAP.length);
				length += GAP.length;
			}
			int skipped = 0;
			while (skipped < tailSize && !starts[(tailStart + skipped) % TAIL]) {
				skipped++;
			}
			for (int i = skipped; i < tailSize; i++) {
				out[length++] = tail[(tailStart + i) % TAIL];
			}
			tailStart = 0;
			tailSize = 0;
		}
		put((byte) '"');
		inString = false;
	}

	private void put(byte b) {
		room(1);
		out[length++] = b;
	}

	private void room(int bytes) {
		if (length + bytes > out.length) {
			out = Arrays.copyOf(out, Math.max(out.length * 2, length + bytes));
		}
	}

}

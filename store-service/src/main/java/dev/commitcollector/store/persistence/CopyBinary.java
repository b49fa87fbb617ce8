package dev.commitcollector.store.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.commitcollector.store.domain.CommitRecord;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Commits as the rows of a {@code COPY ... FROM STDIN (format binary)}, in the column
 * order of {@link NewCommitsSql#COPY_BINARY}: each value in the form PostgreSQL's receive
 * function reads, so the server parses no timestamp, uuid or escape. Text goes as the
 * UTF-8 bytes the text format sends (and the server checks them the same way), a
 * timestamptz as microseconds since 2000-01-01 UTC, a uuid as its 16 bytes.
 * <p>
 * Exact only for instants without a part below the microsecond: PostgreSQL rounds those
 * as it parses the text form, and this writer does not imitate that rounding; such a
 * batch goes as text ({@link #exact}).
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */
final class CopyBinary {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

	private static final short FIELDS = 12;

	/** About 64 KB of git/git's commits, far below a humongous array. */
	private static final int ROWS_A_PIECE = 256;

	/** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in Unix seconds. */
	private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

	private CopyBinary() {
	}

	/** Whether every instant of the batch is a whole number of microseconds. */
	static boolean exact(List<CommitRecord> commits) {
		for (CommitRecord commit : commits) {
			if (commit.authoredAt().getNano() % 1000 != 0 || commit.committedAt().getNano() % 1000 != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The whole {@code COPY} input (header, one tuple per commit, trailer) in pieces of
	 * {@value #ROWS_A_PIECE} rows, each sent as its own CopyData message. Pieces and not
	 * one buffer: at the store's heap (-Xmx384m, G1 regions of 1 MB) an array of 512 KB
	 * or more is humongous (allocated in old regions of its own), and a write batch's
	 * whole input is 0.5 MB and more.
	 */
	static List<ByteBuf> of(List<CommitRecord> commits) {
		List<ByteBuf> pieces = new ArrayList<>(commits.size() / ROWS_A_PIECE + 1);
		ByteBuf rows = piece(pieces).writeBytes(SIGNATURE).writeInt(0).writeInt(0);
		for (int i = 0; i < commits.size(); i++) {
			if (i > 0 && i % ROWS_A_PIECE == 0) {
				rows = piece(pieces);
			}
			tuple(rows, commits.get(i));
		}
		rows.writeShort(-1);
		return pieces;
	}

	private static ByteBuf piece(List<ByteBuf> pieces) {
		ByteBuf piece = Unpooled.buffer(ROWS_A_PIECE * 256);
		pieces.add(piece);
		return piece;
	}

	private static void tuple(ByteBuf rows, CommitRecord commit) {
		rows.writeShort(FIELDS);
		text(rows, commit.provider());
		text(rows, commit.repository());
		text(rows, commit.sha());
		text(rows, commit.author().key());
		text(rows, commit.authorName());
		text(rows, commit.authorEmail());
		text(rows, commit.authorLogin());
		timestamp(rows, commit.authoredAt());
		timestamp(rows, commit.committedAt());
		text(rows, commit.messageHeadline());
		uuid(rows, commit.eventId());
		uuid(rows, commit.fetchId());
	}

	/**
	 * The same bytes as the text format's {@code String.getBytes(UTF_8)}, so an unpaired
	 * surrogate becomes the same {@code ?} on both paths.
	 */
	private static void text(ByteBuf rows, String value) {
		if (value == null) {
			rows.writeInt(-1);
			return;
		}
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		rows.writeInt(utf8.length).writeBytes(utf8);
	}

	private static void timestamp(ByteBuf rows, Instant instant) {
		long micros = (instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + instant.getNano() / 1000;
		rows.writeInt(Long.BYTES).writeLong(micros);
	}

	private static void uuid(ByteBuf rows, UUID uuid) {
		rows.writeInt(16).writeLong(uuid.getMostSignificantBits()).writeLong(uuid.getLeastSignificantBits());
	}

}

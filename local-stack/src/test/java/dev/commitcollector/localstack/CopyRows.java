package dev.commitcollector.localstack;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import dev.commitcollector.localstack.SyntheticHistory.Commit;

/**
 * One history as the rows of a {@code COPY} into the commits table's columns, in CSV and
 * in PostgreSQL's binary form, the same rows both ways: the store's author key rule (the
 * lowercased email, no login in a bare repository), one event id per commit, one fetch
 * id. The binary form is the fastest {@code COPY} of those rows (the server parses no
 * timestamp or uuid), so it is the fairer limit for a store that sends binary itself.
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */
record CopyRows(String repository, RealHistory.Read history, List<UUID> eventIds, UUID fetchId) {

	static final String COLUMNS = "provider, repository, sha, author_key, author_name, author_email, author_login,"
			+ " authored_at, committed_at, message_headline, event_id, fetch_id";

	private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

	static CopyRows of(String repository, RealHistory.Read history) {
		return new CopyRows(repository, history, Stream.generate(UUID::randomUUID).limit(history.size()).toList(),
				UUID.randomUUID());
	}

	String csv() {
		StringBuilder csv = new StringBuilder(history.size() * 200);
		for (int i = 0; i < history.size(); i++) {
			Commit c = history.commits().get(i);
			csv.append("github,")
				.append(quoted(repository))
				.append(',')
				.append(c.sha())
				.append(',')
				.append(quoted(authorKey(c)))
				.append(',')
				.append(quoted(c.name()))
				.append(',')
				.append(quoted(c.email()))
				.append(",,")
				.append(c.authoredAt())
				.append(',')
				.append(history.committedAt().get(i).toInstant())
				.append(',')
				.append(quoted(c.headline()))
				.append(',')
				.append(eventIds.get(i))
				.append(',')
				.append(fetchId)
				.append('\n');
		}
		return csv.toString();
	}

	/** Git's instants are whole seconds, so microseconds hold them exactly. */
	byte[] binary() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(history.size() * 320);
		DataOutputStream rows = new DataOutputStream(bytes);
		rows.write(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 });
		rows.writeInt(0);
		rows.writeInt(0);
		for (int i = 0; i < history.size(); i++) {
			Commit c = history.commits().get(i);
			rows.writeShort(12);
			text(rows, "github");
			text(rows, repository);
			text(rows, c.sha());
			text(rows, authorKey(c));
			text(rows, c.name());
			text(rows, c.email());
			text(rows, null);
			timestamp(rows, c.authoredAt());
			timestamp(rows, history.committedAt().get(i).toInstant());
			text(rows, c.headline());
			uuid(rows, eventIds.get(i));
			uuid(rows, fetchId);
		}
		rows.writeShort(-1);
		rows.flush();
		return bytes.toByteArray();
	}

	private static String authorKey(Commit c) {
		return "email:" + c.email().strip().toLowerCase(Locale.ROOT);
	}

	private static void text(DataOutputStream rows, String value) throws IOException {
		if (value == null) {
			rows.writeInt(-1);
			return;
		}
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		rows.writeInt(utf8.length);
		rows.write(utf8);
	}

	private static void timestamp(DataOutputStream rows, Instant instant) throws IOException {
		rows.writeInt(8);
		rows.writeLong((instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + instant.getNano() / 1000);
	}

	private static void uuid(DataOutputStream rows, UUID uuid) throws IOException {
		rows.writeInt(16);
		rows.writeLong(uuid.getMostSignificantBits());
		rows.writeLong(uuid.getLeastSignificantBits());
	}

	private static String quoted(String text) {
		return text == null ? "" : '"' + text.replace("\"", "\"\"") + '"';
	}

}

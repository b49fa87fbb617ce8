package dev.commitcollector.store.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.commitcollector.store.Events;
import dev.commitcollector.store.StoreIntegrationTest;
import dev.commitcollector.store.StoredCommits;
import dev.commitcollector.store.application.Commits;
import dev.commitcollector.store.domain.AuthorIdentity;
import dev.commitcollector.store.domain.CommitRecord;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The binary {@code COPY} against the text one on real PostgreSQL: the same rows, byte
 * for byte (PostgreSQL's text equality compares bytes), for anything the text form has to
 * escape and for every instant the store accepts (EventDecoder: year 1 up to 9999).
 */
class CopyFormsTest extends StoreIntegrationTest {

	private static final String COLUMNS = "provider, repository, sha, author_key, author_name, author_email,"
			+ " author_login, authored_at, committed_at, message_headline, event_id, fetch_id";

	@Autowired
	private PostgresCommits commits;

	private final String repository = "acme/" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void copiesTheSameRowsInBinaryAsInTextForTextThatMustBeEscapedAndInstantsFromYearOneTo9999() throws Exception {
		List<CommitRecord> hostile = List.of(
				commit("C:\\new\\ \\N \\. tab\there\nline\r\n", "a\\b@example.org", "0001-01-01T00:00:00Z"),
				commit("ü 李 \uD83D\uDE00 \uD834\uDD1E", "\uD83D\uDE00@example.org", "9999-12-31T23:59:58.999999Z"),
				commit("", "", "1969-12-31T23:59:59.999999Z"), commit(null, null, "1970-01-01T00:00:00Z"),
				commit("before", "x@example.org", "1999-12-31T23:59:59.999999Z"),
				commit("epoch", "x@example.org", "2000-01-01T00:00:00.000001Z"),
				commit("gregorian gap", "x@example.org", "1582-10-10T12:34:56.5Z"),
				commit("leap", "x@example.org", "1900-02-28T23:59:59Z"));
		List<CommitRecord> batch = new ArrayList<>(hostile);
		for (int i = 0; i < 600; i++) {
			// past two pieces of the binary input
			batch.add(commit("Ada " + i, "ada@example.org", "2024-03-01T12:00:00Z"));
		}
		assertThat(CopyBinary.exact(batch)).isTrue();

		try (Connection db = StoredCommits.connection()) {
			copy(db, "as_text", "", CopyText.of(batch));
			copy(db, "as_binary", " (format binary)", bytes(CopyBinary.of(batch)));

			assertThat(count(db, "select count(*) from as_binary")).isEqualTo(batch.size());
			assertThat(count(db, "select count(*) from (select " + COLUMNS + " from as_text except select " + COLUMNS
					+ " from as_binary) d"))
				.isZero();
			assertThat(count(db, "select count(*) from (select " + COLUMNS + " from as_binary except select " + COLUMNS
					+ " from as_text) d"))
				.isZero();
		}
	}

	@Test
	void refusesANulInBinaryAsTheTextFormDoes() throws Exception {
		List<CommitRecord> nul = List.of(commit("nul\0here", "nul@example.org", "2024-03-01T12:00:00Z"));

		try (Connection db = StoredCommits.connection()) {
			assertThatThrownBy(() -> copy(db, "nul_text", "", CopyText.of(nul))).isInstanceOf(SQLException.class)
				.extracting(error -> ((SQLException) error).getSQLState())
				.isEqualTo("22021");
			db.rollback();
			assertThatThrownBy(() -> copy(db, "nul_binary", " (format binary)", bytes(CopyBinary.of(nul))))
				.isInstanceOf(SQLException.class)
				.extracting(error -> ((SQLException) error).getSQLState())
				.isEqualTo("22021");
		}
		assertThatThrownBy(() -> commits.store(nul).block()).isInstanceOf(Commits.Unstorable.class)
			.hasMessageContaining("22021");
		assertThat(StoredCommits.commits(repository)).isZero();
	}

	@Test
	void storesAnInstantBelowTheMicrosecondRoundedAsPostgresRoundsItsText() {
		CommitRecord nanos = commit("nanos", "nanos@example.org", "2024-03-01T12:00:00.123456789Z");
		assertThat(CopyBinary.exact(List.of(nanos))).isFalse();

		assertThat(commits.store(List.of(nanos)).block()).isEqualTo(1);

		assertThat(StoredCommits.text("select to_char(authored_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
				+ " from commits where repository = ?", repository))
			.isEqualTo("2024-03-01 12:00:00.123457");
	}

	private CommitRecord commit(String name, String email, String instant) {
		Instant at = Instant.parse(instant);
		String login = name == null ? null : "";
		return new CommitRecord("github", repository, Events.randomSha(),
				AuthorIdentity.of(null, email == null ? "nobody@example.org" : email), name, email, login, at, at, name,
				UUID.randomUUID(), UUID.randomUUID());
	}

	/**
	 * A fresh table like commits in this connection's transaction, and the COPY into it.
	 */
	private static void copy(Connection db, String table, String options, byte[] rows) throws Exception {
		db.setAutoCommit(false);
		try (Statement ddl = db.createStatement()) {
			ddl.execute("create temp table " + table + " (like commits including all) on commit drop");
		}
		db.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " (" + COLUMNS + ") from stdin" + options, new ByteArrayInputStream(rows));
	}

	private static byte[] bytes(List<ByteBuf> pieces) {
		ByteBuf rows = Unpooled.wrappedBuffer(pieces.toArray(ByteBuf[]::new));
		try {
			return ByteBufUtil.getBytes(rows);
		}
		finally {
			rows.release();
		}
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement query = db.createStatement(); var rows = query.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}

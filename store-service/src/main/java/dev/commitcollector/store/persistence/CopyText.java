package dev.commitcollector.store.persistence;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.commitcollector.store.domain.CommitRecord;

/**
 * Commits as the rows of a {@code COPY ... FROM STDIN} in PostgreSQL's text format, in
 * the column order of {@link NewCommitsSql#COPY}: fields split by tabs, rows ended by a
 * newline, {@code \N} for null, and a backslash, tab, newline or carriage return inside a
 * value escaped. Each value is the text the batch statement binds (timestamps and uuids
 * included), so PostgreSQL parses it with the same input function. Used for a batch that
 * {@link CopyBinary} cannot write exactly (an instant with a part below the microsecond).
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2
 */
final class CopyText {

	private CopyText() {
	}

	static byte[] of(List<CommitRecord> commits) {
		StringBuilder rows = new StringBuilder(commits.size() * 256);
		for (CommitRecord commit : commits) {
			field(rows, commit.provider()).append('\t');
			field(rows, commit.repository()).append('\t');
			field(rows, commit.sha()).append('\t');
			field(rows, commit.author().key()).append('\t');
			field(rows, commit.authorName()).append('\t');
			field(rows, commit.authorEmail()).append('\t');
			field(rows, commit.authorLogin()).append('\t');
			rows.append(commit.authoredAt()).append('\t');
			rows.append(commit.committedAt()).append('\t');
			field(rows, commit.messageHeadline()).append('\t');
			rows.append(commit.eventId()).append('\t');
			rows.append(commit.fetchId()).append('\n');
		}
		return rows.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static StringBuilder field(StringBuilder rows, String value) {
		if (value == null) {
			return rows.append("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> rows.append("\\\\");
				case '\t' -> rows.append("\\t");
				case '\n' -> rows.append("\\n");
				case '\r' -> rows.append("\\r");
				default -> rows.append(c);
			}
		}
		return rows;
	}

}

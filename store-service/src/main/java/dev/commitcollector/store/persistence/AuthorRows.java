package dev.commitcollector.store.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.commitcollector.store.domain.CommitRecord;

/**
 * New commits folded to what the author counts need ({@link NewCommitsSql#COUNTS}): one
 * row per distinct provider, repository, author key, name, email and login, with how many
 * of the commits carry it and the latest authored_at among them. A few hundred rows stand
 * for a batch of 2,000 commits, and the statement still applies its own {@code max},
 * {@code array_agg(distinct ...)} and sums, so the result is what it would be over the
 * commits themselves.
 */
final class AuthorRows {

	private final Map<Row, Tally> rows = new LinkedHashMap<>();

	private AuthorRows() {
	}

	static AuthorRows of(List<CommitRecord> commits) {
		AuthorRows authors = new AuthorRows();
		for (CommitRecord commit : commits) {
			authors.rows
				.computeIfAbsent(new Row(commit.provider(), commit.repository(), commit.author().key(),
						commit.authorName(), commit.authorEmail(), commit.authorLogin()), row -> new Tally())
				.add(commit.authoredAt());
		}
		return authors;
	}

	int size() {
		return rows.size();
	}

	String[] column(Function<Row, String> field) {
		return rows.keySet().stream().map(field).toArray(String[]::new);
	}

	Long[] commits() {
		return rows.values().stream().map(tally -> tally.commits).toArray(Long[]::new);
	}

	/** As text, parsed by the statement as the batch statement parses authored_at. */
	String[] lastAuthoredAt() {
		return rows.values().stream().map(tally -> tally.lastAuthoredAt.toString()).toArray(String[]::new);
	}

	record Row(String provider, String repository, String authorKey, String name, String email, String login) {
	}

	private static final class Tally {

		private long commits;

		private Instant lastAuthoredAt = Instant.MIN;

		void add(Instant authoredAt) {
			commits++;
			if (authoredAt.isAfter(lastAuthoredAt)) {
				lastAuthoredAt = authoredAt;
			}
		}

	}

}

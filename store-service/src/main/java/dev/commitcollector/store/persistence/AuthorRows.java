package dev.commitcollector.store.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

	/**
	 * The rows by author key: hashing one short string a commit instead of six (the
	 * record's hash over every field was a tenth of the consumer thread's samples), and
	 * an author's few rows told apart by equality. An author spelled many ways costs a
	 * scan of their rows a commit, bounded by the write batch (2,000 rows).
	 */
	private final Map<String, List<Tally>> byAuthor = new HashMap<>();

	/** Each row's tally, in the order the rows were first met. */
	private final List<Tally> rows = new ArrayList<>();

	private AuthorRows() {
	}

	static AuthorRows of(List<CommitRecord> commits) {
		AuthorRows authors = new AuthorRows();
		for (CommitRecord commit : commits) {
			authors.tallyOf(commit).add(commit.authoredAt());
		}
		return authors;
	}

	private Tally tallyOf(CommitRecord commit) {
		List<Tally> known = byAuthor.computeIfAbsent(commit.author().key(), key -> new ArrayList<>(1));
		for (Tally tally : known) {
			if (tally.row.carries(commit)) {
				return tally;
			}
		}
		Tally tally = new Tally(new Row(commit.provider(), commit.repository(), commit.author().key(),
				commit.authorName(), commit.authorEmail(), commit.authorLogin()));
		known.add(tally);
		rows.add(tally);
		return tally;
	}

	int size() {
		return rows.size();
	}

	String[] column(Function<Row, String> field) {
		return rows.stream().map(tally -> field.apply(tally.row)).toArray(String[]::new);
	}

	Long[] commits() {
		return rows.stream().map(tally -> tally.commits).toArray(Long[]::new);
	}

	/** As text, parsed by the statement as the batch statement parses authored_at. */
	String[] lastAuthoredAt() {
		return rows.stream().map(tally -> tally.lastAuthoredAt.toString()).toArray(String[]::new);
	}

	record Row(String provider, String repository, String authorKey, String name, String email, String login) {

		boolean carries(CommitRecord commit) {
			return Objects.equals(name, commit.authorName()) && Objects.equals(email, commit.authorEmail())
					&& Objects.equals(login, commit.authorLogin()) && repository.equals(commit.repository())
					&& provider.equals(commit.provider());
		}

	}

	private static final class Tally {

		private final Row row;

		private long commits;

		private Instant lastAuthoredAt = Instant.MIN;

		Tally(Row row) {
			this.row = row;
		}

		void add(Instant authoredAt) {
			commits++;
			if (authoredAt.isAfter(lastAuthoredAt)) {
				lastAuthoredAt = authoredAt;
			}
		}

	}

}

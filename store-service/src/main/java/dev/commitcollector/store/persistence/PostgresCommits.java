package dev.commitcollector.store.persistence;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.commitcollector.store.application.Commits;
import dev.commitcollector.store.domain.CoAuthor;
import dev.commitcollector.store.domain.CommitRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Stores a batch with one statement, so one round trip and one transaction: the commits
 * go in through {@code unnest} with {@code ON CONFLICT DO NOTHING}, and only the rows
 * that were really inserted move the author and repository counts. A redelivered batch
 * therefore changes nothing. The commits' co-authors go in with the same statement.
 */
@Repository
class PostgresCommits implements Commits {

	private final DatabaseClient db;

	PostgresCommits(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Long> store(List<CommitRecord> batch) {
		if (batch.isEmpty()) {
			return Mono.just(0L);
		}
		return db.sql(StoreBatchSql.STATEMENT)
			.bind(0, column(batch, CommitRecord::provider))
			.bind(1, column(batch, CommitRecord::repository))
			.bind(2, column(batch, CommitRecord::sha))
			.bind(3, column(batch, c -> c.author().key()))
			.bind(4, column(batch, CommitRecord::authorName))
			.bind(5, column(batch, CommitRecord::authorEmail))
			.bind(6, column(batch, CommitRecord::authorLogin))
			.bind(7, column(batch, c -> c.authoredAt().toString()))
			.bind(8, column(batch, c -> c.committedAt().toString()))
			.bind(9, column(batch, CommitRecord::messageHeadline))
			.bind(10, column(batch, c -> c.eventId().toString()))
			.bind(11, column(batch, c -> c.fetchId().toString()))
			.bind(12, coAuthorColumn(batch, (c, a) -> c.provider()))
			.bind(13, coAuthorColumn(batch, (c, a) -> c.repository()))
			.bind(14, coAuthorColumn(batch, (c, a) -> c.sha()))
			.bind(15, coAuthorColumn(batch, (c, a) -> a.identity().key()))
			.bind(16, coAuthorColumn(batch, (c, a) -> a.name()))
			.bind(17, coAuthorColumn(batch, (c, a) -> a.email()))
			.bind(18, coAuthorColumn(batch, (c, a) -> c.authoredAt().toString()))
			.map(row -> row.get("stored", Long.class))
			.one()
			.onErrorMap(SqlStates::isDataError, error -> new Commits.Unstorable(SqlStates.describe(error), error));
	}

	private static String[] column(List<CommitRecord> batch, Function<CommitRecord, String> field) {
		return batch.stream().map(field).toArray(String[]::new);
	}

	/** One element per co-author of each commit of the batch. */
	private static String[] coAuthorColumn(List<CommitRecord> batch, BiFunction<CommitRecord, CoAuthor, String> field) {
		return batch.stream()
			.flatMap(commit -> commit.coAuthors().stream().map(coAuthor -> field.apply(commit, coAuthor)))
			.toArray(String[]::new);
	}

}

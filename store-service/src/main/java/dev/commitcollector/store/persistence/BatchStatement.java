package dev.commitcollector.store.persistence;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.commitcollector.store.domain.CoAuthor;
import dev.commitcollector.store.domain.CommitRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Runs {@link StoreBatchSql#STATEMENT} on a batch: each column of the batch as one typed
 * array, and each co-author of each commit as one element of seven more. Idempotent on
 * its own, so it also takes the batches a concurrent writer sent back from the
 * {@code COPY}.
 */
final class BatchStatement {

	private BatchStatement() {
	}

	/** The batch statement: every commit, {@code ON CONFLICT DO NOTHING}. */
	static Mono<Long> run(DatabaseClient db, List<CommitRecord> batch) {
		DatabaseClient.GenericExecuteSpec statement = db.sql(StoreBatchSql.STATEMENT)
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
			.bind(11, column(batch, c -> c.fetchId().toString()));
		return bindCoAuthors(statement, 12, batch).map(row -> row.get("stored", Long.class)).one();
	}

	static DatabaseClient.GenericExecuteSpec bindCoAuthors(DatabaseClient.GenericExecuteSpec statement, int first,
			List<CommitRecord> batch) {
		return statement.bind(first, coAuthorColumn(batch, (c, a) -> c.provider()))
			.bind(first + 1, coAuthorColumn(batch, (c, a) -> c.repository()))
			.bind(first + 2, coAuthorColumn(batch, (c, a) -> c.sha()))
			.bind(first + 3, coAuthorColumn(batch, (c, a) -> a.identity().key()))
			.bind(first + 4, coAuthorColumn(batch, (c, a) -> a.name()))
			.bind(first + 5, coAuthorColumn(batch, (c, a) -> a.email()))
			.bind(first + 6, coAuthorColumn(batch, (c, a) -> c.authoredAt().toString()));
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

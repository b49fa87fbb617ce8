package dev.commitcollector.store.persistence;

import java.util.ArrayList;
import java.util.List;

import dev.commitcollector.store.application.Commits;
import dev.commitcollector.store.domain.CommitRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores a batch of new commits in one transaction that copies: a {@code COPY} writes its
 * commits (each once), then one statement moves the author and repository counts by
 * exactly those, and the co-authors go in as the batch statement puts them. A
 * {@code COPY} inserts rows many at a time where an {@code INSERT} inserts them one by
 * one (docs/performance.md, ingest).
 * <p>
 * A commit already stored (a redelivery, a repository fetched again, a concurrent writer
 * during a rebalance) makes the {@code COPY} fail on the primary key; the transaction
 * rolls back whole and the batch goes through {@link StoreBatchSql#STATEMENT} instead,
 * whose {@code ON CONFLICT DO NOTHING} skips what is stored. So a commit is stored and
 * counted once either way, and that unique violation is never taken for bad data. No
 * probe of the primary key before the {@code COPY} ({@code sha = any($3)}): tried first,
 * it made each batch slower as the table grew from empty (0.6 s to 2.2 s a batch over
 * git/git's history), most likely a plan cached while the table was small.
 */
@Repository
class PostgresCommits implements Commits {

	private final DatabaseClient db;

	private final TransactionalOperator transaction;

	private final Counter copied;

	private final Counter statements;

	PostgresCommits(DatabaseClient db, ReactiveTransactionManager transactions, MeterRegistry meters) {
		this.db = db;
		this.transaction = TransactionalOperator.create(transactions);
		this.copied = written(meters, "copy");
		this.statements = written(meters, "statement");
	}

	private static Counter written(MeterRegistry meters, String path) {
		return Counter.builder("store.batches.written")
			.description("Batches stored by COPY, or by the batch statement after a concurrent writer's conflict")
			.tag("path", path)
			.register(meters);
	}

	@Override
	public Mono<Long> store(List<CommitRecord> batch) {
		if (batch.isEmpty()) {
			return Mono.just(0L);
		}
		return copy(batch).doOnSuccess(stored -> copied.increment())
			.onErrorResume(SqlStates::isUniqueViolation,
					conflict -> BatchStatement.run(db, batch).doOnSuccess(stored -> statements.increment()))
			.onErrorMap(SqlStates::isDataError, error -> new Commits.Unstorable(SqlStates.describe(error), error));
	}

	private Mono<Long> copy(List<CommitRecord> batch) {
		List<CommitRecord> distinct = distinct(batch);
		return copyIn(distinct).then(counts(distinct))
			.then(coAuthors(batch))
			.thenReturn((long) distinct.size())
			.as(transaction::transactional);
	}

	/**
	 * Each commit of the batch once, the first of any it repeats, in key order: the
	 * {@code COPY} inserts them so, as the batch statement does (StoreBatchSql), and two
	 * writers meeting each other's uncommitted commits then wait one for the other
	 * instead of deadlocking. (String order is PostgreSQL's {@code collate "C"} for the
	 * ASCII of providers, repository paths and shas.) Sorted first, then each key kept
	 * once: the sort is stable, so the first of equal keys is the batch's first.
	 */
	private static List<CommitRecord> distinct(List<CommitRecord> batch) {
		List<CommitRecord> sorted = new ArrayList<>(batch);
		sorted.sort(PostgresCommits::byKey);
		List<CommitRecord> distinct = new ArrayList<>(sorted.size());
		for (CommitRecord commit : sorted) {
			if (distinct.isEmpty() || byKey(distinct.get(distinct.size() - 1), commit) != 0) {
				distinct.add(commit);
			}
		}
		return distinct;
	}

	private static int byKey(CommitRecord one, CommitRecord other) {
		int order = one.provider().compareTo(other.provider());
		if (order == 0) {
			order = one.repository().compareTo(other.repository());
		}
		return order != 0 ? order : one.sha().compareTo(other.sha());
	}

	/**
	 * In binary form where it is exact (the server then parses no text), else in text
	 * form: the same rows either way (CopyBinary).
	 */
	private Mono<Void> copyIn(List<CommitRecord> commits) {
		boolean binary = CopyBinary.exact(commits);
		Publisher<ByteBuf> rows = binary ? Flux.defer(() -> Flux.fromIterable(CopyBinary.of(commits)))
				: Mono.fromSupplier(() -> Unpooled.wrappedBuffer(CopyText.of(commits)));
		String copy = binary ? NewCommitsSql.COPY_BINARY : NewCommitsSql.COPY;
		return db.inConnection(connection -> postgres(connection).copyIn(copy).from(rows).build()).then();
	}

	private Mono<Void> counts(List<CommitRecord> commits) {
		AuthorRows authors = AuthorRows.of(commits);
		return db.sql(NewCommitsSql.COUNTS)
			.bind(0, authors.column(AuthorRows.Row::provider))
			.bind(1, authors.column(AuthorRows.Row::repository))
			.bind(2, authors.column(AuthorRows.Row::authorKey))
			.bind(3, authors.column(AuthorRows.Row::name))
			.bind(4, authors.column(AuthorRows.Row::email))
			.bind(5, authors.column(AuthorRows.Row::login))
			.bind(6, authors.commits())
			.bind(7, authors.lastAuthoredAt())
			.then();
	}

	private Mono<Void> coAuthors(List<CommitRecord> batch) {
		if (batch.stream().allMatch(commit -> commit.coAuthors().isEmpty())) {
			return Mono.empty();
		}
		return BatchStatement.bindCoAuthors(db.sql(NewCommitsSql.CO_AUTHORS), 0, batch).then();
	}

	/**
	 * The driver's own connection under the pool's and Spring's wrappers: {@code COPY} is
	 * not in the R2DBC SPI.
	 */
	private static PostgresqlConnection postgres(Connection connection) {
		Object target = connection;
		while (!(target instanceof PostgresqlConnection) && target instanceof Wrapped<?> wrapped) {
			target = wrapped.unwrap();
		}
		if (target instanceof PostgresqlConnection postgres) {
			return postgres;
		}
		throw new IllegalStateException("COPY needs an r2dbc-postgresql connection, not " + connection.getClass());
	}

}

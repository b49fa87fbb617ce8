package dev.commitcollector.fetcher.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.commitcollector.fetcher.application.Watches;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import dev.commitcollector.fetcher.domain.Watch;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@link Watches} in the fetcher's schema, one row per watch. */
@Repository
class PostgresWatches implements Watches {

	/** Paths of every forge type fit in this many segments ({@code RepositoryPath}). */
	private static final int ANY_DEPTH = Integer.MAX_VALUE;

	private static final String COLUMNS = """
			id, provider, repository, "limit", interval_ms, created_at, next_run_at, last_fetch_id, failed_turns""";

	private final DatabaseClient db;

	PostgresWatches(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The unique constraint decides between two adds of one repository at once: the
	 * second inserts nothing and is told the first's id.
	 */
	@Override
	public Mono<Watch> add(Watch watch, int most) {
		// the count is the statement's snapshot: adds at the same moment may pass the
		// bound by as many as they are
		return db.sql("insert into fetcher.watches (" + COLUMNS + """
				) select $1, $2, $3, $4, $5, $6, $7, null, 0
				where (select count(*) from fetcher.watches) < $8
				on conflict (provider, repository) do nothing returning id""")
			.bind(0, watch.id())
			.bind(1, watch.provider())
			.bind(2, watch.repository().toString())
			.bind(3, watch.limit())
			.bind(4, watch.interval().toMillis())
			.bind(5, watch.createdAt())
			.bind(6, watch.nextRunAt())
			.bind(7, most)
			.map(row -> row.get("id", UUID.class))
			.one()
			.map(id -> watch)
			.switchIfEmpty(Mono.defer(() -> existing(watch.target(), most)));
	}

	private Mono<Watch> existing(RepositoryRef target, int most) {
		return db.sql("""
				select (select id from fetcher.watches where provider = $1 and repository = $2) as id,
				       (select count(*) from fetcher.watches) as watches""")
			.bind(0, target.provider())
			.bind(1, target.path().toString())
			.map(row -> {
				UUID id = row.get("id", UUID.class);
				return id != null ? new WatchExists(id) : new TooManyWatches(row.get("watches", Long.class), most);
			})
			.one()
			.flatMap(refusal -> Mono.<Watch>error(refusal));
	}

	@Override
	public Mono<Optional<Watch>> find(UUID id) {
		return db.sql("select " + COLUMNS + " from fetcher.watches where id = $1")
			.bind(0, id)
			.map(PostgresWatches::watchOf)
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	@Override
	public Mono<List<Watch>> list(int max, Optional<RepositoryRef> after) {
		if (after.isEmpty()) {
			return db.sql("select " + COLUMNS + " from fetcher.watches order by provider, repository limit $1")
				.bind(0, max)
				.map(PostgresWatches::watchOf)
				.all()
				.collectList();
		}
		return db.sql("select " + COLUMNS + """
				 from fetcher.watches where (provider, repository) > ($2, $3)
				order by provider, repository limit $1""")
			.bind(0, max)
			.bind(1, after.get().provider())
			.bind(2, after.get().path().toString())
			.map(PostgresWatches::watchOf)
			.all()
			.collectList();
	}

	@Override
	public Mono<Boolean> remove(UUID id) {
		return db.sql("delete from fetcher.watches where id = $1")
			.bind(0, id)
			.fetch()
			.rowsUpdated()
			.map(deleted -> deleted > 0);
	}

	@Override
	public Mono<List<Watch>> due(Instant now, int max) {
		return db
			.sql("select " + COLUMNS
					+ " from fetcher.watches where next_run_at <= $1 order by next_run_at, id limit $2")
			.bind(0, now)
			.bind(1, max)
			.map(PostgresWatches::watchOf)
			.all()
			.collectList();
	}

	/**
	 * Compare and set on {@code next_run_at}: the row is moved on only if it still holds
	 * what was read, so of several instances that read the same due watch, one moves it
	 * and the others update nothing.
	 */
	@Override
	public Mono<Optional<Watch>> claim(Watch watch, Instant now, Instant next) {
		return db
			.sql("update fetcher.watches set next_run_at = $1 where id = $2 and next_run_at = $3"
					+ " and next_run_at <= $4 returning " + COLUMNS)
			.bind(0, next)
			.bind(1, watch.id())
			.bind(2, watch.nextRunAt())
			.bind(3, now)
			.map(PostgresWatches::watchOf)
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	@Override
	public Mono<Void> started(UUID watch, Instant lease, UUID fetch, Instant next, int failedTurns) {
		return db
			.sql("update fetcher.watches set last_fetch_id = $1, next_run_at = $2, failed_turns = $3"
					+ " where id = $4 and next_run_at = $5")
			.bind(0, fetch)
			.bind(1, next)
			.bind(2, failedTurns)
			.bind(3, watch)
			.bind(4, lease)
			.then();
	}

	@Override
	public Mono<Void> skipped(UUID watch, Instant lease, Instant next) {
		return db.sql("update fetcher.watches set next_run_at = $1 where id = $2 and next_run_at = $3")
			.bind(0, next)
			.bind(1, watch)
			.bind(2, lease)
			.then();
	}

	private static Watch watchOf(Readable row) {
		RepositoryRef target = new RepositoryRef(row.get("provider", String.class),
				RepositoryPath.parse(row.get("repository", String.class), ANY_DEPTH));
		return new Watch(row.get("id", UUID.class), target, row.get("limit", Integer.class),
				Duration.ofMillis(row.get("interval_ms", Long.class)), row.get("created_at", Instant.class),
				row.get("next_run_at", Instant.class), row.get("last_fetch_id", UUID.class),
				row.get("failed_turns", Integer.class));
	}

}

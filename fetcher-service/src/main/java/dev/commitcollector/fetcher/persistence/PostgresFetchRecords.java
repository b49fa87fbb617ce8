package dev.commitcollector.fetcher.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.commitcollector.fetcher.application.FetchListing;
import dev.commitcollector.fetcher.application.FetchQuery;
import dev.commitcollector.fetcher.application.FetchRecords;
import dev.commitcollector.fetcher.domain.Fetch;
import dev.commitcollector.fetcher.domain.FetchMode;
import dev.commitcollector.fetcher.domain.FetchStatus;
import dev.commitcollector.fetcher.domain.RepositoryPath;
import dev.commitcollector.fetcher.domain.RepositoryRef;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@link FetchRecords} in the fetcher's schema, one row per fetch. */
@Repository
class PostgresFetchRecords implements FetchRecords {

	/** Paths of every forge type fit in this many segments ({@code RepositoryPath}). */
	private static final int ANY_DEPTH = Integer.MAX_VALUE;

	private static final String COLUMNS = """
			id, provider, repository, "limit", mode, status, commits_discovered, commits_already_known, error,
			started_at, finished_at, waiting_until, traceparent, attempt, commits_set_aside""";

	/**
	 * How many parameters {@link #upsert} binds, $1 to $15: a statement run with it
	 * numbers its own from {@code $16} on (zero-based index 15).
	 */
	static final int UPSERT_PARAMETERS = 15;

	private final DatabaseClient db;

	PostgresFetchRecords(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Boolean> save(Fetch fetch) {
		return written(upsert(db, "", fetch));
	}

	/** Whether the statement {@link #upsert} built wrote the fetch's row. */
	static Mono<Boolean> written(DatabaseClient.GenericExecuteSpec upsert) {
		return upsert.fetch().rowsUpdated().map(rows -> rows > 0);
	}

	@Override
	public Mono<Optional<Fetch>> takeUp(UUID id, UUID token) {
		Mono<Optional<Fetch>> takenUp = db.sql("""
				update fetcher.fetches set attempt = attempt + 1, taken_by = $2
				where id = $1 and finished_at is null and taken_by is distinct from $2 returning""" + " " + COLUMNS)
			.bind(0, id)
			.bind(1, token)
			.map(PostgresFetchRecords::fetchOf)
			.one()
			.map(Optional::of);
		return takenUp.switchIfEmpty(Mono.defer(() -> find(id)));
	}

	@Override
	public Mono<Optional<Fetch>> widen(UUID id, int limit, FetchMode mode) {
		return db.sql("""
				update fetcher.fetches set "limit" = greatest("limit", $2),
				    mode = case when $3 = 'FULL' then 'FULL' else mode end
				where id = $1 and finished_at is null and attempt = 0 returning""" + " " + COLUMNS)
			.bind(0, id)
			.bind(1, limit)
			.bind(2, mode.name())
			.map(PostgresFetchRecords::fetchOf)
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	/**
	 * The statement {@link #save} runs, its parameters $1 to $15, after {@code before} (a
	 * {@code with} clause of statements to run with it, or empty). It writes the row only
	 * while the fetch has not ended and {@code fetch}'s attempt is the recorded one.
	 */
	static DatabaseClient.GenericExecuteSpec upsert(DatabaseClient db, String before, Fetch fetch) {
		var statement = db.sql(before + "insert into fetcher.fetches (" + COLUMNS + """
				) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
				on conflict (id) do update set
				    status = excluded.status, commits_discovered = excluded.commits_discovered,
				    commits_already_known = excluded.commits_already_known,
				    commits_set_aside = excluded.commits_set_aside, error = excluded.error,
				    finished_at = excluded.finished_at, waiting_until = excluded.waiting_until
				where fetches.finished_at is null and fetches.attempt = excluded.attempt""")
			.bind(0, fetch.id())
			.bind(1, fetch.provider())
			.bind(2, fetch.repository().toString())
			.bind(3, fetch.limit())
			.bind(4, fetch.mode().name())
			.bind(5, fetch.status().name())
			.bind(6, fetch.commitsDiscovered())
			.bind(7, fetch.commitsAlreadyKnown())
			.bind(9, fetch.startedAt())
			.bind(13, fetch.attempt())
			.bind(14, fetch.commitsSetAside());
		statement = fetch.error() == null ? statement.bindNull(8, String.class) : statement.bind(8, fetch.error());
		statement = fetch.finishedAt() == null ? statement.bindNull(10, Instant.class)
				: statement.bind(10, fetch.finishedAt());
		statement = fetch.waitingUntil() == null ? statement.bindNull(11, Instant.class)
				: statement.bind(11, fetch.waitingUntil());
		return fetch.traceparent() == null ? statement.bindNull(12, String.class)
				: statement.bind(12, fetch.traceparent());
	}

	@Override
	public Mono<Fetch> requestOnce(Fetch fetch) {
		var insert = db.sql("insert into fetcher.fetches (" + COLUMNS + """
				, command_sent_at) values ($1, $2, $3, $4, $5, 'QUEUED', 0, 0, null, $6, null, null, $7, 0, 0, $6)
				on conflict (provider, repository) where finished_at is null do nothing""")
			.bind(0, fetch.id())
			.bind(1, fetch.provider())
			.bind(2, fetch.repository().toString())
			.bind(3, fetch.limit())
			.bind(4, fetch.mode().name())
			.bind(5, fetch.startedAt());
		insert = fetch.traceparent() == null ? insert.bindNull(6, String.class) : insert.bind(6, fetch.traceparent());
		Mono<Boolean> inserted = insert.fetch().rowsUpdated().map(rows -> rows > 0);
		// the one that was there first may end between the insert and the read: ask again
		Mono<Fetch> attempt = inserted
			.flatMap(recorded -> recorded ? Mono.just(fetch) : active(fetch.target()).flatMap(Mono::justOrEmpty));
		return attempt.repeatWhenEmpty(3, repeats -> repeats)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException(
					"the repository's fetches changed too fast to tell which one is active; try again")));
	}

	@Override
	public Mono<List<Fetch>> claimLostCommands(Instant sentBefore, Instant now, int limit) {
		return db.sql("update fetcher.fetches set command_sent_at = $2 where id in (" + """
				select id from fetcher.fetches
				where status = 'QUEUED' and finished_at is null and command_sent_at < $1
				order by command_sent_at limit $3 for update skip locked)""" + " returning " + COLUMNS)
			.bind(0, sentBefore)
			.bind(1, now)
			.bind(2, limit)
			.map(PostgresFetchRecords::fetchOf)
			.all()
			.sort(Comparator.comparing(Fetch::startedAt))
			.collectList();
	}

	@Override
	public Mono<Optional<Fetch>> active(RepositoryRef target) {
		return db
			.sql("select " + COLUMNS
					+ " from fetcher.fetches where provider = $1 and repository = $2 and finished_at is null")
			.bind(0, target.provider())
			.bind(1, target.path().toString())
			.map(PostgresFetchRecords::fetchOf)
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	@Override
	public Mono<Long> queued() {
		return db.sql("select count(*) from fetcher.fetches where status = 'QUEUED' and finished_at is null")
			.map(row -> row.get(0, Long.class))
			.one();
	}

	@Override
	public Mono<Optional<Fetch>> find(UUID id) {
		return db.sql("select " + COLUMNS + " from fetcher.fetches where id = $1")
			.bind(0, id)
			.map(PostgresFetchRecords::fetchOf)
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	@Override
	public Mono<FetchListing> list(FetchQuery query) {
		List<String> conditions = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		query.provider().ifPresent(provider -> where(conditions, values, "provider = ?", provider));
		query.repository().ifPresent(path -> where(conditions, values, "repository = ?", path.toString()));
		query.status().ifPresent(status -> where(conditions, values, "status = ?", status.name()));
		query.after().ifPresent(after -> {
			values.add(after.startedAt());
			values.add(after.id());
			conditions.add("(started_at, id) < ($" + (values.size() - 1) + ", $" + values.size() + ")");
		});
		String sql = "select " + COLUMNS + " from fetcher.fetches"
				+ (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
				+ " order by started_at desc, id desc limit " + (query.size() + 1);
		var statement = db.sql(sql);
		for (int i = 0; i < values.size(); i++) {
			statement = statement.bind(i, values.get(i));
		}
		return statement.map(PostgresFetchRecords::fetchOf).all().collectList().map(rows -> page(rows, query.size()));
	}

	private static void where(List<String> conditions, List<Object> values, String condition, Object value) {
		values.add(value);
		conditions.add(condition.replace("?", "$" + values.size()));
	}

	/** One more row than asked for was read: it says whether there is a next page. */
	private static FetchListing page(List<Fetch> rows, int size) {
		if (rows.size() <= size) {
			return new FetchListing(rows, Optional.empty());
		}
		List<Fetch> fetches = rows.subList(0, size);
		Fetch last = fetches.get(size - 1);
		return new FetchListing(List.copyOf(fetches), Optional.of(new FetchQuery.After(last.startedAt(), last.id())));
	}

	private static Fetch fetchOf(Readable row) {
		RepositoryRef target = new RepositoryRef(row.get("provider", String.class),
				RepositoryPath.parse(row.get("repository", String.class), ANY_DEPTH));
		return new Fetch(row.get("id", UUID.class), target, row.get("limit", Integer.class),
				FetchMode.valueOf(row.get("mode", String.class)), FetchStatus.valueOf(row.get("status", String.class)),
				new Fetch.Progress(row.get("commits_discovered", Long.class),
						row.get("commits_already_known", Long.class), row.get("commits_set_aside", Long.class)),
				row.get("error", String.class), row.get("started_at", Instant.class),
				row.get("finished_at", Instant.class), row.get("waiting_until", Instant.class),
				row.get("traceparent", String.class), row.get("attempt", Integer.class));
	}

}

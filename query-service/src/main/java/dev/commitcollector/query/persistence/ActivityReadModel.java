package dev.commitcollector.query.persistence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.commitcollector.query.domain.Activity.DayCount;
import dev.commitcollector.query.domain.RepositoryKey;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Commits per day (UTC) of a repository and of some of its authors: one pass over the
 * repository's range of the {@code commits_by_author} index, grouped in PostgreSQL, so
 * the service receives at most one row per day.
 */
@Repository
public class ActivityReadModel {

	private final DatabaseClient db;

	ActivityReadModel(DatabaseClient db) {
		this.db = db;
	}

	/** The repository's commits per day, oldest first; empty when none is stored. */
	public Mono<List<DayCount>> days(RepositoryKey repository) {
		return db.sql("""
				select (authored_at at time zone 'UTC')::date as day, count(*) as commits from commits
				where provider = $1 and repository = $2
				group by 1
				order by 1""")
			.bind(0, repository.provider())
			.bind(1, repository.path())
			.map(row -> new DayCount(row.get("day", LocalDate.class), row.get("commits", Long.class)))
			.all()
			.collectList();
	}

	/**
	 * The commits per day, from {@code from} on, of each of {@code authors} (by key) in
	 * the repository; an author without such commits has an empty list.
	 */
	public Mono<Map<String, List<DayCount>>> authorDays(RepositoryKey repository, List<String> authors,
			LocalDate from) {
		Map<String, List<DayCount>> byAuthor = new LinkedHashMap<>();
		authors.forEach(author -> byAuthor.put(author, new java.util.ArrayList<>()));
		return db.sql("""
				select author_key, (authored_at at time zone 'UTC')::date as day, count(*) as commits from commits
				where provider = $1 and repository = $2 and author_key = any($3) and authored_at >= $4
				group by 1, 2
				order by 1, 2""")
			.bind(0, repository.provider())
			.bind(1, repository.path())
			.bind(2, byAuthor.keySet().toArray(String[]::new))
			.bind(3, from.atStartOfDay().atOffset(ZoneOffset.UTC))
			.map(row -> {
				byAuthor.get(row.get("author_key", String.class))
					.add(new DayCount(row.get("day", LocalDate.class), row.get("commits", Long.class)));
				return 1;
			})
			.all()
			.then(Mono.fromSupplier(() -> byAuthor));
	}

}

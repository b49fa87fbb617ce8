package dev.commitcollector.store.persistence;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The one statement that stores a batch. Data-modifying CTEs run exactly once and see the
 * same snapshot; the counts are derived from {@code inserted}, the rows this statement
 * really added. An author keeps at most 32 distinct names and 32 emails (the first in
 * sort order), so a hostile history that varies them on every commit cannot grow one row
 * without bound. (No array slices here: Spring reads {@code :32} as a named parameter.)
 * <p>
 * Shaped by its profile (docs/performance.md, ingest): the columns arrive as typed
 * arrays, so each value is parsed once by the array's input function; a commit repeated
 * within the batch needs no {@code DISTINCT ON} sort, since
 * {@code ON CONFLICT DO NOTHING} skips the second copy as it does a stored one; an
 * author's names and emails are merged (a sort per author row) only when the batch brings
 * one the row does not hold; and the repository counts are two aggregates instead of a
 * scan of the batch per repository.
 * <p>
 * The co-author CTEs ({@code co_*}, parameters 13 to 19, one element per co-author of a
 * commit) insert into {@code commit_co_authors} with {@code ON CONFLICT DO NOTHING} and
 * move the {@code co_authors} counts by the rows really inserted: a redelivered batch
 * adds none, and a commit stored before co-authors were read gets them when it is fetched
 * again. Data-modifying CTEs run whether or not the final select reads them.
 */
final class StoreBatchSql {

	/**
	 * The batch, one row per event: twelve typed arrays, each parsed once by its input
	 * function.
	 */
	private static final String INCOMING = """
			incoming as (
			    select *
			    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
			                $8::timestamptz[], $9::timestamptz[], $10::text[], $11::uuid[], $12::uuid[])
			         as t(provider, repository, sha, author_key, author_name, author_email, author_login,
			              authored_at, committed_at, message_headline, event_id, fetch_id)
			)""";

	/**
	 * The commits not stored yet; {@code ON CONFLICT DO NOTHING} also skips a commit
	 * repeated within the batch. Inserted in key order, byte by byte as the {@code COPY}
	 * path orders them ({@link PostgresCommits}): a writer that meets another's
	 * uncommitted commit waits for it, and two writers taking keys in one order cannot
	 * each wait for the other.
	 */
	private static final String INSERTED = """
			inserted as (
			    insert into commits (provider, repository, sha, author_key, author_name, author_email, author_login,
			                         authored_at, committed_at, message_headline, event_id, fetch_id)
			    select * from incoming
			    order by provider collate "C", repository collate "C", sha collate "C"
			    on conflict (provider, repository, sha) do nothing
			    returning provider, repository, author_key, author_name, author_email, author_login, authored_at
			)""";

	/**
	 * What the inserted commits add to each author.
	 */
	private static final String AUTHOR_DELTA = """
			author_delta as (
			    select provider, repository, author_key,
			           max(author_login) as login,
			           coalesce(array_agg(distinct author_name) filter (where author_name <> ''), '{}') as names,
			           coalesce(array_agg(distinct author_email) filter (where author_email <> ''), '{}') as emails,
			           count(*) as commits,
			           max(authored_at) as last_authored_at
			    from inserted
			    group by provider, repository, author_key
			)""";

	/**
	 * Moves each author's row by {@code author_delta} (provider, repository, author_key,
	 * login, names, emails, commits, last_authored_at); shared by both ways of storing a
	 * batch. Rows are upserted, and so locked, in key order, as the repositories after
	 * them and the co-authors: two transactions storing the same repository at once
	 * (write batches in flight side by side, a rebalance) take their locks in the same
	 * order, so one waits for the other instead of deadlocking. PostgreSQL's executor
	 * inserts the rows of {@code insert ... select ... order by} in that order.
	 */
	static final String AUTHORS_UPSERTED = """
			authors_upserted as (
			    insert into authors as a (provider, repository, author_key, login, names, emails, commit_count, last_authored_at)
			    select provider, repository, author_key, login,
			           array(select n from unnest(names) as n limit 32), array(select e from unnest(emails) as e limit 32),
			           commits, last_authored_at
			    from author_delta
			    order by provider, repository, author_key
			    on conflict (provider, repository, author_key) do update set
			        login = coalesce(a.login, excluded.login),
			        names = case when excluded.names <@ a.names then a.names
			                     else array(select distinct n from unnest(a.names || excluded.names) as n order by n limit 32) end,
			        emails = case when excluded.emails <@ a.emails then a.emails
			                      else array(select distinct e from unnest(a.emails || excluded.emails) as e order by e limit 32) end,
			        commit_count = a.commit_count + excluded.commit_count,
			        last_authored_at = greatest(a.last_authored_at, excluded.last_authored_at)
			    returning provider, repository, (xmax = 0) as created
			)""";

	/**
	 * What the inserted commits and the authors created add to each repository.
	 */
	private static final String REPOSITORY_DELTA = """
			repository_delta as (
			    select provider, repository, sum(commits) as commits, sum(authors) as authors
			    from (select provider, repository, count(*) as commits, 0 as authors from inserted group by 1, 2
			          union all
			          select provider, repository, 0, count(*) filter (where created) from authors_upserted group by 1, 2) d
			    group by provider, repository
			)""";

	/**
	 * Moves each repository's row by {@code repository_delta} (provider, repository,
	 * commits, authors); shared by both ways of storing a batch.
	 */
	static final String REPOSITORIES_UPSERTED = """
			repositories_upserted as (
			    insert into repositories as r (provider, repository, commit_count, author_count, last_stored_at)
			    select provider, repository, commits, authors, now() from repository_delta
			    order by provider, repository
			    on conflict (provider, repository) do update set
			        commit_count = r.commit_count + excluded.commit_count,
			        author_count = r.author_count + excluded.author_count,
			        last_stored_at = excluded.last_stored_at
			    returning 1
			)""";

	static final String STATEMENT = with("""
			select (select count(*) from inserted) as stored,
			       (select count(*) from repositories_upserted) as repositories""", INCOMING, INSERTED, AUTHOR_DELTA,
			AUTHORS_UPSERTED, REPOSITORY_DELTA, REPOSITORIES_UPSERTED, coAuthors(13));

	private StoreBatchSql() {
	}

	/** One statement: the CTEs in order, then the final select. */
	static String with(String select, String... ctes) {
		return "with " + String.join(",\n", ctes) + "\n" + select;
	}

	/**
	 * The four co-author CTEs, reading their seven arrays from parameter {@code first}
	 * on.
	 */
	static String coAuthors(int first) {
		return """
				co_incoming as (
				    select distinct on (provider, repository, sha, author_key) *
				    from unnest(%s)
				         as t(provider, repository, sha, author_key, name, email, authored_at)
				),
				co_inserted as (
				    insert into commit_co_authors (provider, repository, sha, author_key, name, email, authored_at)
				    select provider, repository, sha, author_key, name, email, authored_at::timestamptz from co_incoming
				    on conflict (provider, repository, sha, author_key) do nothing
				    returning provider, repository, author_key, name, email, authored_at
				),
				co_author_delta as (
				    select provider, repository, author_key,
				           coalesce(array_agg(distinct name) filter (where name <> ''), '{}') as names,
				           coalesce(array_agg(distinct email) filter (where email <> ''), '{}') as emails,
				           count(*) as co_authored, max(authored_at) as last_co_authored_at
				    from co_inserted
				    group by provider, repository, author_key
				),
				co_authors_upserted as (
				    insert into co_authors as a (provider, repository, author_key, names, emails, co_authored_count,
				                                 last_co_authored_at)
				    select provider, repository, author_key,
				           array(select n from unnest(names) as n order by n limit 32),
				           array(select e from unnest(emails) as e order by e limit 32),
				           co_authored, last_co_authored_at
				    from co_author_delta
				    order by provider, repository, author_key
				    on conflict (provider, repository, author_key) do update set
				        names = array(select distinct n from unnest(a.names || excluded.names) as n order by n limit 32),
				        emails = array(select distinct e from unnest(a.emails || excluded.emails) as e order by e limit 32),
				        co_authored_count = a.co_authored_count + excluded.co_authored_count,
				        last_co_authored_at = greatest(a.last_co_authored_at, excluded.last_co_authored_at)
				)"""
			.formatted(textArrays(first, 7));
	}

	/** {@code $first::text[], ...}, {@code count} of them. */
	private static String textArrays(int first, int count) {
		return IntStream.range(first, first + count)
			.mapToObj(i -> "$" + i + "::text[]")
			.collect(Collectors.joining(", "));
	}

}

package dev.commitcollector.store.persistence;

/**
 * The statements of the copy path ({@link PostgresCommits}): a {@code COPY} of a batch's
 * commits, and one statement that moves the author and repository counts by them. The
 * counts read the new commits' authors pre-aggregated ({@link AuthorRows}: one row per
 * distinct provider, repository, author key, name, email and login, with its commits and
 * latest authored_at), and fold them with the same functions the batch statement applies
 * to the rows it inserted, so both paths leave the same counts, names, emails and logins.
 */
final class NewCommitsSql {

	/** Text format: the columns {@link CopyText} writes, in its order. */
	static final String COPY = """
			copy commits (provider, repository, sha, author_key, author_name, author_email, author_login,
			              authored_at, committed_at, message_headline, event_id, fetch_id) from stdin
			""";

	/** Binary format: the columns {@link CopyBinary} writes, in the same order. */
	static final String COPY_BINARY = COPY.strip() + " (format binary)";

	static final String COUNTS = StoreBatchSql.with("select count(*) from repositories_upserted", """
			incoming as (
			    select *
			    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[],
			                $8::timestamptz[])
			         as t(provider, repository, author_key, author_name, author_email, author_login, commits,
			              last_authored_at)
			)""", """
			author_delta as (
			    select provider, repository, author_key,
			           max(author_login) as login,
			           coalesce(array_agg(distinct author_name) filter (where author_name <> ''), '{}') as names,
			           coalesce(array_agg(distinct author_email) filter (where author_email <> ''), '{}') as emails,
			           sum(commits)::bigint as commits,
			           max(last_authored_at) as last_authored_at
			    from incoming
			    group by provider, repository, author_key
			)""", StoreBatchSql.AUTHORS_UPSERTED,
			"""
					repository_delta as (
					    select provider, repository, sum(commits) as commits, sum(authors) as authors
					    from (select provider, repository, sum(commits)::bigint as commits, 0 as authors from incoming group by 1, 2
					          union all
					          select provider, repository, 0, count(*) filter (where created) from authors_upserted group by 1, 2) d
					    group by provider, repository
					)""",
			StoreBatchSql.REPOSITORIES_UPSERTED);

	/**
	 * Every co-author of the batch, stored or not, as the batch statement does it: a
	 * commit stored before its co-authors were read gets them when it arrives again.
	 */
	static final String CO_AUTHORS = StoreBatchSql.with("select 1", StoreBatchSql.coAuthors(1));

	private NewCommitsSql() {
	}

}

-- The statements KeysetReadModel/AuthorsReadModel run for a first authors page without a filter
-- (size 50: 51 rows); pgbench binds :repository and :author as the driver binds $n.
select commit_count, author_count, last_stored_at from repositories
where provider = :provider and repository = :repository;
select author_key, login, names, emails, commit_count, last_authored_at from authors
where provider = :provider and repository = :repository
  and (-commit_count, author_key) > (-9223372036854775808, '')
  and (null::text is null or author_key ilike null::text or array_to_string(names, ' ') ilike null::text
       or array_to_string(emails, ' ') ilike null::text)
order by -commit_count, author_key
limit 51;

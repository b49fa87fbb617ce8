-- The rows KeysetReadModel.authors reads (AUTHORS, no filter) for a first authors page of size 50
-- ($5 = 51 rows), as the plain statement it ran before it read them as one row of arrays: the
-- same authors, counts and co-authored counts. Run by pgbench (text results) the array statement
-- was 20-30 % slower than this one (array_out formats every value; the CTE is materialised and
-- read three times; docs/performance.md, "Then: the authors page as one row of arrays"), so it
-- would flatter the ratio; the stricter limit stays. pgbench binds the :variables as the driver
-- binds $n (it cannot bind an empty string: the first page's empty cursor key is a literal '').
select r.commit_count as total_commits, r.author_count, r.last_stored_at,
       a.author_key, a.login, a.names, a.emails, a.commit_count, a.last_authored_at,
       coalesce(c.co_authored_count, 0) as co_authored_count
from repositories r left join lateral (
    select author_key, login, names, emails, commit_count, last_authored_at from authors
    where provider = :provider and repository = :repository and (-commit_count, author_key) > (:after_count, '')
    order by -commit_count, author_key
    limit 51) a on true
left join co_authors c on c.provider = :provider and c.repository = :repository and c.author_key = a.author_key
where r.provider = :provider and r.repository = :repository
order by -a.commit_count, a.author_key;

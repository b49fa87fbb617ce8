-- The statement KeysetReadModel.commits runs for an author's first page of size 100 ($6 = 101 rows); pgbench binds the
-- :variables as the driver binds $n (it cannot bind an empty string: the first page's empty cursor
-- sha is a literal '').
select sha, authored_at, committed_at, message_headline from commits
where provider = :provider and repository = :repository and author_key = :author
  and (authored_at, sha) < (:before_date::timestamptz, '')
order by authored_at desc, sha desc
limit 101;

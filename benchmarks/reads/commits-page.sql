-- The statement KeysetReadModel.commits runs for an author's first page (size 100: 101 rows).
select sha, authored_at, committed_at, message_headline from commits
where provider = :provider and repository = :repository and author_key = :author
  and (authored_at, sha) < ('9999-12-31T23:59:59Z'::timestamptz, '')
order by authored_at desc, sha desc
limit 101;

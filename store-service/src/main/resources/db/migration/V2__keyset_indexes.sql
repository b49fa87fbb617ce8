-- Keyset pagination for the read side: an author's commits newest first, by (authored_at, sha)
-- descending, is a backward scan of this index from the cursor on.
drop index commits_by_author;
create index commits_by_author on commits (provider, repository, author_key, authored_at, sha);

-- A repository's authors by commit count descending, ties by key ascending: the negated count lets
-- one row comparison, (-commit_count, author_key) > (cursor), start the scan at the cursor.
drop index authors_by_commit_count;
create index authors_by_commit_count on authors (provider, repository, (-commit_count), author_key);

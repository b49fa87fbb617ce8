-- The commit store. A commit is unique per (provider, repository, sha).
create table commits (
    provider         text        not null,
    repository       text        not null,
    sha              text        not null,
    author_key       text        not null,
    author_name      text,
    author_email     text,
    author_login     text,
    authored_at      timestamptz not null,
    committed_at     timestamptz not null,
    message_headline text,
    event_id         uuid        not null,
    fetch_id         uuid        not null,
    stored_at        timestamptz not null default now(),
    primary key (provider, repository, sha)
);

-- An author's commits, newest first, without a sort.
create index commits_by_author on commits (provider, repository, author_key, authored_at desc, sha);

-- The read model of authors, kept in the same transaction as the commits, so that listing a
-- repository's authors costs O(authors) instead of a GROUP BY over all its commits.
create table authors (
    provider         text        not null,
    repository       text        not null,
    author_key       text        not null,
    login            text,
    names            text[]      not null default '{}',
    emails           text[]      not null default '{}',
    commit_count     bigint      not null,
    last_authored_at timestamptz not null,
    primary key (provider, repository, author_key)
);

create index authors_by_commit_count on authors (provider, repository, commit_count desc, author_key);

create table repositories (
    provider       text        not null,
    repository     text        not null,
    commit_count   bigint      not null,
    author_count   bigint      not null,
    last_stored_at timestamptz not null,
    primary key (provider, repository)
);

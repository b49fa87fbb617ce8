-- The fetcher's own schema: what it has published per repository, for incremental re-fetches.
create table repositories (
    provider   text        not null,
    repository text        not null,
    head_sha   text,
    depth      bigint      not null,
    complete   boolean     not null,
    etag       text,
    fetched_at timestamptz not null,
    primary key (provider, repository)
);

create table published_commits (
    provider   text not null,
    repository text not null,
    sha        text not null,
    primary key (provider, repository, sha)
);

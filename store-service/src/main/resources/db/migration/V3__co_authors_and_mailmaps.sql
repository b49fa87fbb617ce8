-- Co-authors: who each commit credits besides its author (Co-authored-by trailers), each once per
-- commit, keyed by the identity rule (for a trailer always email:<lowercased email>). Written in the
-- statement that stores the batch; a redelivered batch conflicts on the primary key and moves nothing.
create table commit_co_authors (
    provider    text        not null,
    repository  text        not null,
    sha         text        not null,
    author_key  text        not null,
    name        text,
    email       text,
    authored_at timestamptz not null,
    primary key (provider, repository, sha, author_key)
);

-- A co-author's commits newest first by keyset (authored_at, sha), as commits_by_author does for authors.
create index commit_co_authors_by_author on commit_co_authors (provider, repository, author_key, authored_at, sha);

-- The read model of co-authors per repository, kept in the same statement: one primary-key lookup
-- gives an author's co-authored count beside the authors row, and a co-author who never authored a
-- commit of the repository has a row here and none in authors.
create table co_authors (
    provider            text        not null,
    repository          text        not null,
    author_key          text        not null,
    names               text[]      not null default '{}',
    emails              text[]      not null default '{}',
    co_authored_count   bigint      not null,
    last_co_authored_at timestamptz not null,
    primary key (provider, repository, author_key)
);

-- A repository's .mailmap, parsed, one row per repository: entry i is (proper_names[i],
-- proper_emails[i], commit_names[i], commit_emails[i]) in file order; a null proper part leaves that
-- part as committed, a null commit name matches any name. A repository without a .mailmap has a row
-- with no entries. The newest event (discovered_at, then event_id) replaces the row wholesale; an
-- older one redelivered changes nothing.
create table mailmaps (
    provider      text        not null,
    repository    text        not null,
    sha           text,
    event_id      uuid        not null,
    fetch_id      uuid        not null,
    discovered_at timestamptz not null,
    present       boolean     not null,
    truncated     boolean     not null,
    proper_names  text[]      not null,
    proper_emails text[]      not null,
    commit_names  text[]      not null,
    commit_emails text[]      not null,
    stored_at     timestamptz not null default now(),
    primary key (provider, repository)
);

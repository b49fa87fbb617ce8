-- Every fetch from the moment it is requested, as last written: ids survive restarts.
-- A fetch that ended (finished_at set) is never changed again.
create table fetches (
    id                    uuid        primary key,
    provider              text        not null,
    repository            text        not null,
    "limit"               integer     not null check ("limit" >= 1),
    mode                  text        not null check (mode in ('INCREMENTAL', 'FULL')),
    status                text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    commits_discovered    bigint      not null default 0,
    commits_already_known bigint      not null default 0,
    error                 text,
    -- when it was requested
    started_at            timestamptz not null,
    finished_at           timestamptz,
    waiting_until         timestamptz
);

-- listing newest first, by keyset (started_at, id); with or without a provider or status filter
create index fetches_newest_first on fetches (started_at desc, id desc);

-- one repository's fetches, newest first
create index fetches_by_repository on fetches (provider, repository, started_at desc, id desc);

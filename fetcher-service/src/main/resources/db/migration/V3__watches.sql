-- Repositories kept up to date: an incremental fetch every interval, shared by every instance.
-- A watch's turn is taken by moving next_run_at on, only if it still holds the value read
-- (compare and set): of several instances, one gets each turn.
create table watches (
    id            uuid        primary key,
    provider      text        not null,
    repository    text        not null,
    "limit"       integer     not null check ("limit" >= 1),
    interval_ms   bigint      not null check (interval_ms >= 1),
    created_at    timestamptz not null,
    next_run_at   timestamptz not null,
    -- the fetch it started last (fetcher.fetches), kept when that row is not
    last_fetch_id uuid,
    constraint one_watch_per_repository unique (provider, repository)
);

create index watches_due on watches (next_run_at);

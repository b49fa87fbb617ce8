-- The head at which each repository's .mailmap was last read and published (none found included):
-- a read that failed, or that the forge could not make then, leaves it behind, so the next fetch
-- reads it again even at an unchanged head.
create table mailmap_reads (
    provider   text not null,
    repository text not null,
    head_sha   text not null,
    read_at    timestamptz not null,
    primary key (provider, repository)
);

-- The name each repository of a forge whose names ignore letter case goes by: the first one it was
-- fetched or watched under (RepositoryNames). One row per lowercased name, taken with
-- `insert ... on conflict do nothing`, so that two first requests in two spellings at the same
-- instant (on one fetcher or on two) end up under one name.
create table repository_names (
    provider   text        not null,
    folded     text        not null,
    repository text        not null,
    named_at   timestamptz not null default now(),
    primary key (provider, folded)
);

insert into repository_names (provider, folded, repository, named_at)
select distinct on (provider, lower(repository)) provider, lower(repository), repository, since
from (
    select provider, repository, started_at as since from fetches
    union all
    select provider, repository, created_at from watches
) named
order by provider, lower(repository), since, repository;

-- the lookups V9 served now go to repository_names
drop index fetches_by_repository_ignoring_case;
drop index watches_by_repository_ignoring_case;

-- A repository on a forge whose names ignore letter case is fetched under the name it was first
-- fetched or watched under (RepositoryNames): found by its lowercased name.
create index fetches_by_repository_ignoring_case on fetches (provider, lower(repository), started_at);

create index watches_by_repository_ignoring_case on watches (provider, lower(repository), created_at);

-- The query-service's 404 names the stored spelling of a repository asked for in another letter case.
create index repositories_by_name_ignoring_case on repositories (provider, lower(repository));

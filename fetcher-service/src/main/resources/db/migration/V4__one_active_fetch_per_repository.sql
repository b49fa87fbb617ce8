-- Fetch commands (issue 9): any fetcher instance may be asked to fetch a repository, and the
-- database says whether that repository has a fetch waiting or running already. At most one
-- row per repository is unfinished; requests insert "on conflict do nothing" against this index.

-- rows earlier single-instance runs may have left unfinished: all but the newest end as FAILED
update fetches f set status = 'FAILED', finished_at = now(), waiting_until = null,
    error = 'the fetcher stopped before this fetch ended; what it published is kept, start it again'
where finished_at is null
  and exists (select 1 from fetches newer
              where newer.provider = f.provider and newer.repository = f.repository
                and newer.finished_at is null
                and (newer.started_at, newer.id) > (f.started_at, f.id));

create unique index fetches_one_active_per_repository on fetches (provider, repository)
    where finished_at is null;

-- how many fetches wait for their turn, counted by every request (FETCH_MAX_QUEUED)
create index fetches_queued on fetches (status) where finished_at is null;

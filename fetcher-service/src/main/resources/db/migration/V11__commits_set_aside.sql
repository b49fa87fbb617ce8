-- Commits the forge listed that could not be read (no sha, a date out of range, ...): set aside,
-- logged and counted (commits_unreadable_total), and now said on the fetch itself too.
alter table fetches add column commits_set_aside bigint not null default 0;

-- Turns in a row whose previous fetch had FAILED: a watch of a repository that keeps failing (deleted,
-- made private, a token revoked) backs off, its interval doubled per failure up to a day (Watch).
alter table watches add column failed_turns integer not null default 0;

-- Which take-up of a fetch its row belongs to. Each time an instance takes a fetch up (its command
-- delivered to it, the first time or after the partition moved) it counts one more attempt, and a
-- write of the fetch's row is recorded only while its attempt is the row's: an instance that has not
-- noticed yet that its partition moved (a pause, a lost session) cannot overwrite the state, the
-- progress or the end of the attempt that took the fetch over from it.
alter table fetches add column attempt integer not null default 0;

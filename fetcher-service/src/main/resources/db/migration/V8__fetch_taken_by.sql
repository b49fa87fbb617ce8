-- Which delivery of a fetch's command took it up last (a token the taking instance draws per
-- delivery). Taking a fetch up again under the same token counts no new attempt: a take-up
-- statement tried again after a timeout, whose first try PostgreSQL ran late, cannot leave the
-- instance holding an attempt that is no longer the row's.
alter table fetches add column taken_by uuid;

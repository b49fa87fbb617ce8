-- The W3C trace context a fetch is part of (issue 11): its request's trace, followed through the
-- FetchRequested command and every CommitDiscovered event. Null for fetches recorded before.
alter table fetches add column traceparent text;

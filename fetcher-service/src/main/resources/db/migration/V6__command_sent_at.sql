-- When the fetch's FetchRequested command was last sent. A fetch still QUEUED long after that may
-- have lost its command (its instance died between recording it and sending it): any instance sends
-- it again, claiming the row first so only one does (FetchCommits.resendLostCommands).
alter table fetches add column command_sent_at timestamptz not null default now();

create index fetches_queued_by_command on fetches (command_sent_at) where status = 'QUEUED' and finished_at is null;

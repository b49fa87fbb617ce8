-- Runs after every migration: the read-only role the query-service connects as. Its password follows
-- configuration (QUERY_DB_USER, QUERY_DB_PASSWORD) on every start; it arrives hex-encoded (ReaderRole),
-- so no character of it can break out of a literal.
do $$
declare
    secret text := convert_from(decode('${reader_password_hex}', 'hex'), 'UTF8');
begin
    if not exists (select from pg_roles where rolname = '${reader_user}') then
        execute format('create role %I login password %L', '${reader_user}', secret);
    else
        execute format('alter role %I login password %L', '${reader_user}', secret);
    end if;
end
$$;

revoke create on schema public from public;
grant usage on schema public to "${reader_user}";
grant select on commits, authors, repositories, commit_co_authors, co_authors, mailmaps to "${reader_user}";

#!/bin/sh
# Runs once, when the compose PostgreSQL initialises its data directory: the roles the services connect
# as, none of them a superuser. The store owns the database (it migrates the schema and creates the
# query-service's read-only role, hence CREATEROLE); the fetcher may create its own schema, nothing more.
# Passwords reach SQL as psql variables (:'name'), quoted by psql: any character is safe in them.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v store_password="$STORE_DB_PASSWORD" -v fetcher_password="$FETCHER_DB_PASSWORD" <<'SQL'
create role commit_store login createrole nosuperuser password :'store_password';
create role commit_fetcher login nosuperuser password :'fetcher_password';
alter database commits owner to commit_store;
alter schema public owner to commit_store;
grant create on database commits to commit_fetcher;
SQL

#!/usr/bin/env bash
# The read benchmark of docs/performance.md ("Reads near the SQL"): git/git's history in a
# PostgreSQL with the store's schema, the query-service jar as its own process, and for each
# page wrk (HTTP) against pgbench running the very statements the service runs, at 32 clients and
# 1 client, warm-up then RUNS measured runs, each printed next to its limit. Then the grouped
# endpoint: first byte and heap while serving.
#
#   ./mvnw -B -o -pl query-service -DskipTests package
#   benchmarks/reads/run.sh /path/to/git.git      # git clone --bare https://github.com/git/git
#
# Settings (environment): RUNS (5), SECONDS_PER_RUN (5), WARMUP_SECONDS (20: C2 needs that much load to settle),
# JVM_OPTS (the run command's: -Xmx384m, the default JIT (C2) and collector (G1)),
# QUERY_DB_POOL (10), JFR=file.jfr (profile the service while it serves), ONLY=reads|grouped,
# WORK (/tmp/reads-bench: the database is loaded once there and reused).
# Needs: java 17, git, python3, PostgreSQL 15 server binaries (initdb, pg_ctl), psql, pgbench, wrk.
set -euo pipefail

REPO=${1:?usage: run.sh <bare git repository, e.g. git clone --bare https://github.com/git/git>}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/reads-bench}
RUNS=${RUNS:-5}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
JVM_OPTS=${JVM_OPTS:--Xmx384m}
PG_PORT=${PG_PORT:-55433}
QUERY_PORT=${QUERY_PORT:-18083}
REPOSITORY=git/git
JAR=${JAR:-$ROOT/query-service/target/query-service.jar}
PG_BIN=${PG_BIN:-$(dirname "$(readlink -f "$(command -v postgres)")")}
export PGPASSWORD=commit_reader PGHOST=127.0.0.1 PGPORT=$PG_PORT PGDATABASE=commits PGUSER=commit_reader

[ -f "$JAR" ] || { echo "build it first: ./mvnw -B -o -pl query-service -DskipTests package" >&2; exit 1; }
mkdir -p "$WORK"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  local data=$WORK/pg fresh=0
  if [ ! -d "$data" ]; then
    mkdir -p "$data"; [ "$(id -u)" = 0 ] && chown postgres "$WORK" "$data"
    as_pg "$PG_BIN/initdb" -D "$data" -U postgres -A trust >/dev/null
    fresh=1
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/log" -w -o "-p $PG_PORT -k /tmp -c max_connections=100 -c fsync=off" start >/dev/null
  if [ $fresh = 1 ]; then load; fi
}

stop_postgres() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null || true; }

# The store's own migrations, in version order, as the store runs them (owner role; afterMigrate
# creates the reader role), then the history, then the author and repository rows as the store's
# batch statement derives them (StoreBatchSql).
load() {
  psql -q -U postgres -c "create role commits login createrole password 'commits'" \
       -c "create database commits owner commits" postgres
  psql -q -U postgres -c "alter schema public owner to commits"
  local migrations=$ROOT/store-service/src/main/resources/db/migration
  for f in $(ls "$migrations"/V*__*.sql | sort -V) "$migrations/afterMigrate.sql"; do
    sed -e "s/\${reader_user}/commit_reader/g" \
        -e "s/\${reader_password_hex}/$(printf commit_reader | od -An -tx1 | tr -d ' \n')/g" "$f" \
      | PGPASSWORD=commits psql -q -v ON_ERROR_STOP=1 -U commits >/dev/null
  done
  python3 "$HERE/history.py" "$REPO" "$REPOSITORY" > "$WORK/history.csv"
  PGPASSWORD=commits psql -q -v ON_ERROR_STOP=1 -U commits <<SQL
\copy commits (provider, repository, sha, author_key, author_name, author_email, author_login, authored_at, committed_at, message_headline, event_id, fetch_id) from '$WORK/history.csv' with (format csv)
insert into authors (provider, repository, author_key, login, names, emails, commit_count, last_authored_at)
select provider, repository, author_key, max(author_login),
       array(select n from unnest(coalesce(array_agg(distinct author_name) filter (where author_name <> ''), '{}')) n order by n limit 32),
       array(select e from unnest(coalesce(array_agg(distinct author_email) filter (where author_email <> ''), '{}')) e order by e limit 32),
       count(*), max(authored_at)
from commits group by provider, repository, author_key;
insert into repositories (provider, repository, commit_count, author_count, last_stored_at)
select provider, repository, count(*), count(distinct author_key), now() from commits group by provider, repository;
analyze commits; analyze authors; analyze repositories;
SQL
}

SERVICE_PID=
start_service() {
  local jfr=()
  [ -n "${JFR:-}" ] && jfr=("-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true")
  POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=$PG_PORT POSTGRES_DB=commits QUERY_PORT=$QUERY_PORT \
    QUERY_DB_USER=commit_reader QUERY_DB_PASSWORD=commit_reader QUERY_DB_POOL=${QUERY_DB_POOL:-10} \
    java $JVM_OPTS "${jfr[@]}" -jar "$JAR" ${SERVICE_ARGS:-} > "$WORK/query-service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$QUERY_PORT/actuator/health/readiness" >/dev/null && return 0
    sleep 0.1
  done
  echo "query-service did not start; see $WORK/query-service.log" >&2; exit 1
}

stop_service() { [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" && wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=; }

trap 'stop_service; stop_postgres' EXIT
start_postgres
start_service
BASE=http://127.0.0.1:$QUERY_PORT
AUTHOR=$(psql -At -c "select author_key from authors where repository = '$REPOSITORY' order by commit_count desc, author_key limit 1")
echo "history: $(psql -At -c "select commit_count || ' commits, ' || author_count || ' authors' from repositories") of $REPOSITORY; JVM: $JVM_OPTS; pool ${QUERY_DB_POOL:-10}; $(nproc) cores"

http_run() { # url clients seconds
  wrk -t1 -c"$2" -d"$3"s --latency -s "$HERE/report.lua" "$1" | grep '^FIGURES' | cut -d' ' -f2-
}
sql_run() { # script clients seconds
  pgbench -n -M prepared -c "$2" -j 1 -T "$3" -f "$1" -D provider=github -D repository="$REPOSITORY" -D author="$AUTHOR" -D after_count=-9223372036854775808 -D before_date=9999-12-31T23:59:59Z 2>/dev/null \
    | awk '/^latency average/ {mean=$4} /^tps/ {tps=$3} END {printf "tps=%s mean_ms=%s\n", tps, mean}'
}

reads() {
  local results=$WORK/results.txt; : > "$results"
  local authors_url="$BASE/api/v1/repository/authors?repository=$REPOSITORY&size=50"
  local commits_url="$BASE/api/v1/authors/$AUTHOR/commits?repository=$REPOSITORY&size=100"
  for page in authors commits; do
    local url; [ $page = authors ] && url=$authors_url || url=$commits_url
    curl -sf "$url" >/dev/null || { echo "$url does not answer 200" >&2; exit 1; }
    for clients in 32 1; do
      http_run "$url" "$clients" "$WARMUP_SECONDS" >/dev/null
      sql_run "$HERE/$page-page.sql" "$clients" "$WARMUP_SECONDS" >/dev/null
      for run in $(seq "$RUNS"); do
        echo "$page $clients http $(http_run "$url" "$clients" "$SECONDS_PER_RUN")" >> "$results"
        echo "$page $clients sql $(sql_run "$HERE/$page-page.sql" "$clients" "$SECONDS_PER_RUN")" >> "$results"
      done
    done
  done
  python3 "$HERE/summary.py" "$results"
}

# The grouped endpoint: time to first byte and in all of page 0 (size 50, the default), and the
# service's heap while 4 clients read the largest page (size 500) against the smallest (size 1).
grouped() {
  local url="$BASE/api/v1/authors?repository=$REPOSITORY&page=0"
  for _ in 1 2 3; do curl -sf -o /dev/null "$url"; done
  echo "GET /api/v1/authors page 0 (size 50), $RUNS runs: first byte, whole answer, bytes"
  for _ in $(seq "$RUNS"); do curl -sf -o /dev/null -w '%{time_starttransfer} %{time_total} %{size_download}\n' "$url"; done \
    | python3 "$HERE/summary.py" --grouped
  for size in 1 500; do
    for _ in 1 2; do curl -sf -o /dev/null "$url&size=$size"; done
    jcmd "$SERVICE_PID" GC.run >/dev/null
    jstat -gc "$SERVICE_PID" 20 > "$WORK/jstat-$size.txt" & local sampler=$!
    local start=$(date +%s%N) bytes
    bytes=$(for _ in 1 2 3 4; do (for _ in 1 2 3; do curl -sf -o /dev/null -w '%{size_download}\n' "$url&size=$size"; done) & done; wait)
    local elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    kill $sampler; wait $sampler 2>/dev/null || true
    python3 "$HERE/summary.py" --heap "$WORK/jstat-$size.txt" "size=$size: 4 clients x 3 answers of $(echo "$bytes" | head -1) bytes in $elapsed ms"
  done
}

case ${ONLY:-all} in
  reads) reads ;;
  grouped) grouped ;;
  *) reads; grouped ;;
esac

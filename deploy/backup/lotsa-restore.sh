#!/usr/bin/env bash
# Restores a dump made by lotsa-backup.sh into an EMPTY database (docs/OPERATIONS.md, "Restore").
# Usage: TARGET_DATABASE_URL=postgres://… lotsa-restore.sh DUMP-FILE
#    or: lotsa-restore.sh DUMP-FILE TARGET-DATABASE-URL (only for a URL without a password: every
#        user of the host can read a command line in ps)
# Refuses, before it touches the target, a dump that is truncated or damaged (its .sha256 does not
# match, or pg_restore cannot read it to the end), one from a newer Lotsa (it holds a migration that
# this copy of Lotsa does not have), and a target database that already has tables. The restore runs
# in one transaction: on any error nothing of it stays. Exit codes: 0 restored, 1 refused or failed.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
here=$(cd "$(dirname "$0")" && pwd)
MIGRATIONS_DIR=${MIGRATIONS_DIR:-$here/../../migrations}
# shellcheck source=pg-env.sh
. "$here/pg-env.sh"
refuse() { echo "lotsa-restore: REFUSED: $*" >&2; exit 1; }

usage="usage: TARGET_DATABASE_URL=postgres://… lotsa-restore.sh DUMP-FILE (or DUMP-FILE TARGET-DATABASE-URL)"
{ [ $# -eq 1 ] && [ -n "${TARGET_DATABASE_URL:-}" ]; } || [ $# -eq 2 ] || { echo "$usage" >&2; exit 2; }
dump=$1 target=${2:-${TARGET_DATABASE_URL:-}}
[ -r "$dump" ] || refuse "$dump cannot be read"

# 1. Whole: the checksum written at backup time, then a full read of every entry.
if [ -f "$dump.sha256" ]; then
  expected=$(awk '{print $1}' "$dump.sha256")
  actual=$(sha256sum "$dump" | awk '{print $1}')
  [ "$expected" = "$actual" ] ||
    refuse "$dump does not match its checksum ($dump.sha256): it is truncated or damaged; take the previous night's dump"
else
  echo "lotsa-restore: no $dump.sha256 beside the dump; reading it through instead" >&2
fi
"$PG_BIN/pg_restore" --list "$dump" >/dev/null 2>&1 ||
  refuse "$dump is not a complete pg_dump custom-format file (pg_restore cannot read its table of contents): it is truncated or damaged"
if ! errors=$("$PG_BIN/pg_restore" --file=/dev/null "$dump" 2>&1); then
  refuse "$dump is truncated or damaged: pg_restore cannot read it to the end (${errors//$'\n'/ })"
fi

# 2. Not newer than this Lotsa: every migration recorded in the dump must be one we ship.
known=$(ls "$MIGRATIONS_DIR" | sed -n 's/^\([0-9]\{4\}\)_.*\.sql$/\1/p' | sort -n | tail -1)
[ -n "$known" ] || refuse "no migrations found in $MIGRATIONS_DIR"
in_dump=$("$PG_BIN/pg_restore" --data-only --table=schema_migrations --file=- "$dump" |
  awk '/^COPY .*schema_migrations/ {copy = 1; next} /^\\\.$/ {copy = 0} copy {print $1}' | sort -n | tail -1)
[ -n "$in_dump" ] || refuse "$dump holds no schema_migrations rows: it is not a Lotsa database dump"
if [ "$((10#$in_dump))" -gt "$((10#$known))" ]; then
  refuse "$dump comes from a newer Lotsa (its schema is at migration $in_dump, this copy knows up to $known): restore it with that version of Lotsa or newer"
fi

# 3. Into an empty database only, in one transaction.
pg_url_env "$target"
tables=$("$PG_BIN/psql" -X -At -v ON_ERROR_STOP=1 -c \
  "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
[ "$tables" = 0 ] ||
  refuse "the target database $PGDATABASE already has $tables tables; restore into a new, empty database (createdb -O lotsa lotsa_restored) and switch DATABASE_URL or rename it afterwards"
"$PG_BIN/pg_restore" --single-transaction --exit-on-error --no-owner --no-privileges --dbname="$PGDATABASE" "$dump" ||
  { echo "lotsa-restore: FAILED: pg_restore stopped; the transaction was rolled back and $PGDATABASE is still empty" >&2; exit 1; }
echo "lotsa-restore: restored $dump into $PGDATABASE (schema at migration $in_dump)"

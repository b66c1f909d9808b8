#!/usr/bin/env bash
# Backup and restore drill (docs/OPERATIONS.md, "Backups"): a PostgreSQL 15 cluster of Debian's
# packages (its own, dropped at the end) gets Lotsa's schema and demo data (`lotsa seed` with
# LOTSA_SEED_DEMO=true); deploy/backup/lotsa-backup.sh dumps it, deploy/backup/lotsa-restore.sh
# restores the dump into an empty database, and every table's row count and checksum
# (md5 of its rows as text, in order) must be the same in both. Then the refusals: a truncated dump
# (with and without its .sha256) and a dump from a newer schema are refused and leave the target
# database empty. Run as root (it uses pg_createcluster). Ends with "N passed, N failed".
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
backup=$repo/deploy/backup
export PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ "$(id -u)" -eq 0 ] || { echo "backup-restore: run as root" >&2; exit 2; }
[ -x "$PG_BIN/pg_dump" ] || { echo "backup-restore: $PG_BIN/pg_dump missing (apt-get install postgresql-15)" >&2; exit 2; }

passed=0; failed=0
ok() { echo "ok   - $*"; passed=$((passed + 1)); }
fail() { echo "FAIL - $*"; failed=$((failed + 1)); }
# The counts as node's test runner closes (.ci/run adds them up), then the plain closing line.
summary() { printf '# pass %d\n# fail %d\n%d passed, %d failed\n' "$passed" "$failed" "$passed" "$failed"; }

R=$(mktemp -d /tmp/lotsa-backup-drill.XXXXXX)
chmod 755 "$R"
PORT=$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
CLUSTER=lotsabackup$$
cleanup() { set +e; pg_dropcluster --stop 15 "$CLUSTER" 2>/dev/null; rm -rf "$R"; }
trap cleanup EXIT

pg_createcluster 15 "$CLUSTER" -p "$PORT" >/dev/null
pg_ctlcluster 15 "$CLUSTER" start
PASSWORD=$(openssl rand -hex 16)
sql() { su postgres -c "psql -X -q -At -p $PORT $*"; }
sql "-c \"CREATE ROLE lotsa LOGIN CREATEDB PASSWORD '$PASSWORD'\""
url() { echo "postgres://lotsa:$PASSWORD@127.0.0.1:$PORT/$1"; }
for db in lotsa lotsa_restored lotsa_refused; do su postgres -c "createdb -p $PORT -O lotsa $db"; done

echo "--- a populated database: lotsa seed with the demo data"
(cd "$repo" && DATABASE_URL=$(url lotsa) LOTSA_DATA_DIR=$R/data LOTSA_SEED_DEMO=true LOG_LEVEL=warn \
  node bin/lotsa.js seed)

echo "--- backup (lotsa-backup.sh) and restore (lotsa-restore.sh) into an empty database"
dump=$(DATABASE_URL=$(url lotsa) BACKUP_DIR=$R/backups "$backup/lotsa-backup.sh")
ls -l "$dump" "$dump.sha256"
DATABASE_URL= "$backup/lotsa-restore.sh" "$dump" "$(url lotsa_restored)"

# Every table: rows and an md5 of all rows as text in a fixed order, and each sequence's position.
fingerprint() {
  sql "-d $1" <<'SQL'
DO $$ BEGIN CREATE TEMP TABLE fp (name text, rows bigint, md5 text); END $$;
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT schemaname, tablename FROM pg_tables
           WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2 LOOP
    EXECUTE format('INSERT INTO fp SELECT %L, count(*), md5(coalesce(string_agg(x::text, E''\n'' ORDER BY x::text), '''')) FROM %I.%I x',
                   t.schemaname || '.' || t.tablename, t.schemaname, t.tablename);
  END LOOP;
  FOR t IN SELECT schemaname, sequencename FROM pg_sequences ORDER BY 1, 2 LOOP
    EXECUTE format('INSERT INTO fp SELECT %L, last_value, '''' FROM %I.%I',
                   'sequence ' || t.schemaname || '.' || t.sequencename, t.schemaname, t.sequencename);
  END LOOP;
END $$;
SELECT name || ' ' || rows || ' ' || md5 FROM fp ORDER BY name;
SQL
}
fingerprint lotsa > "$R/source.txt"
fingerprint lotsa_restored > "$R/restored.txt"
tables=$(grep -vc '^sequence ' "$R/source.txt")
rows=$(grep -v '^sequence ' "$R/source.txt" | awk '{s += $2} END {print s}')
echo "    $tables tables, $rows rows in the source; largest:"
grep -v '^sequence ' "$R/source.txt" | sort -k2 -n -r | head -5 | sed 's/^/      /'
if [ "$tables" -gt 20 ] && [ "$rows" -gt 1000 ] && diff -u "$R/source.txt" "$R/restored.txt"; then
  ok "every table's row count and checksum (and every sequence) is the same after the restore"
else
  fail "the restored database differs from the source (or the source was not populated)"
fi

empty() { [ "$(sql "-d $1 -c \"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'\"")" = 0 ]; }
refused() { # what, expected message, dump
  local what=$1 expect=$2 file=$3 out
  if out=$("$backup/lotsa-restore.sh" "$file" "$(url lotsa_refused)" 2>&1); then
    fail "$what: restored"; return
  fi
  echo "    $out" | tail -1
  if grep -q "REFUSED: .*$expect" <<< "$out" && empty lotsa_refused; then ok "$what: refused, target still empty"
  else fail "$what: no clear refusal, or the target is not empty"; fi
}

echo "--- refusals"
size=$(stat -c %s "$dump")
head -c $((size * 2 / 3)) "$dump" > "$R/truncated.dump"
cp "$dump.sha256" "$R/truncated.dump.sha256"
refused "a truncated dump with its .sha256" "truncated or damaged" "$R/truncated.dump"
rm "$R/truncated.dump.sha256"
refused "a truncated dump without a .sha256" "truncated or damaged" "$R/truncated.dump"

sql "-d lotsa_restored -c \"INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'from_the_future', 'x')\""
newer=$(DATABASE_URL=$(url lotsa_restored) BACKUP_DIR=$R/newer "$backup/lotsa-backup.sh")
refused "a dump from a newer schema" "newer Lotsa" "$newer"
"$backup/lotsa-restore.sh" "$dump" "$(url lotsa_refused)" >/dev/null
before=$(fingerprint lotsa_refused)
if out=$("$backup/lotsa-restore.sh" "$dump" "$(url lotsa_refused)" 2>&1); then out="(restored)"; fi
echo "    $out"
if grep -q "REFUSED: .*already has" <<< "$out" && [ "$(fingerprint lotsa_refused)" = "$before" ]; then
  ok "a restore into a database that already has tables is refused and changes nothing"
else
  fail "a restore into a database that already has tables was not refused"
fi

summary
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Nightly backup of Lotsa's database (lotsa-backup.timer → lotsa-backup.service; docs/OPERATIONS.md).
# pg_dump in custom format to $BACKUP_DIR/lotsa-<UTC time>.dump, with a .sha256 beside it; a dump
# is only renamed into place once pg_dump has finished and pg_restore has read it through, so a
# file named *.dump is always whole. Keeps $BACKUP_KEEP_DAYS days (default 14).
# Needs DATABASE_URL (from /etc/lotsa/lotsa.env) and Debian's postgresql-client of the server's
# major version or newer (PG_BIN, default /usr/lib/postgresql/15/bin).
# Prints the path of the new dump on stdout.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is not set (EnvironmentFile=/etc/lotsa/lotsa.env)}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/lotsa}
BACKUP_KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=pg-env.sh
. "$here/pg-env.sh"

umask 077
mkdir -p "$BACKUP_DIR"
name=lotsa-$(date -u +%Y%m%dT%H%M%SZ)
partial=$BACKUP_DIR/.$name.dump.partial
trap 'rm -f "$partial"' EXIT
pg_url_env "$DATABASE_URL"
"$PG_BIN/pg_dump" --format=custom --compress=6 --no-owner --no-privileges --file="$partial"
"$PG_BIN/pg_restore" --list "$partial" >/dev/null
"$PG_BIN/pg_restore" --file=/dev/null "$partial"
(cd "$BACKUP_DIR" && sha256sum "$(basename "$partial")" | sed "s| \.$name\.dump\.partial| $name.dump|" > "$name.dump.sha256")
mv "$partial" "$BACKUP_DIR/$name.dump"
find "$BACKUP_DIR" -maxdepth 1 -name 'lotsa-*.dump*' -mtime "+$BACKUP_KEEP_DAYS" -delete
echo "$BACKUP_DIR/$name.dump"

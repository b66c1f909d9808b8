#!/usr/bin/env bash
# Runs a systemd service unit the way systemd would, for machines whose PID 1 is not systemd (CI's
# containers): reads ExecStart=, Environment=, EnvironmentFile=, User=, Group=, WorkingDirectory=,
# Restart= and RestartSec= from the unit file itself, starts the command with only that environment
# as that user, and starts it again whenever it exits (Restart=always) until this script gets
# SIGTERM, which it passes on. It does not apply the sandboxing options (ProtectSystem=, …);
# `systemd-analyze verify` checks those.
# Usage: supervise-unit.sh UNIT-FILE [PID-FILE]
#        supervise-unit.sh --exec UNIT-FILE COMMAND [ARG…]   (COMMAND once, with the unit's
#        environment, user and working directory, like `systemd-run --pipe --wait -p …`)
set -euo pipefail
once=false
if [ "${1:-}" = --exec ]; then once=true; shift; fi
unit=$1; shift
pidfile=
if ! $once; then pidfile=${1:-}; fi

# The [Service] section's assignments, one "Key=Value" per line (later ones win, as in systemd,
# except Environment= and EnvironmentFile=, which add up).
service_lines() {
  awk '/^\[/{in_s = ($0 == "[Service]"); next} in_s && /^[A-Za-z]+=/' "$unit"
}
value() { service_lines | awk -v k="$1" 'index($0, k "=") == 1 { v = substr($0, length(k) + 2) } END { print v }'; }

declare -a env_pairs=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
while IFS= read -r file; do
  optional=false
  [[ $file == -* ]] && { optional=true; file=${file#-}; }
  if [ ! -r "$file" ]; then
    $optional && continue
    echo "supervise-unit: EnvironmentFile $file cannot be read" >&2; exit 1
  fi
  while IFS= read -r line || [ -n "$line" ]; do
    [[ $line =~ ^[[:space:]]*(#|;|$) ]] && continue
    key=${line%%=*}; val=${line#*=}
    key=$(echo "$key" | xargs)
    if [[ $val =~ ^\"(.*)\"$ || $val =~ ^\'(.*)\'$ ]]; then val=${BASH_REMATCH[1]}; fi
    env_pairs+=("$key=$val")
  done < "$file"
done < <(service_lines | sed -n 's/^EnvironmentFile=//p')
while IFS= read -r assignment; do
  # One assignment per line in Lotsa's units; an assignment in double quotes loses them.
  if [[ $assignment =~ ^\"(.*)\"$ ]]; then assignment=${BASH_REMATCH[1]}; fi
  env_pairs+=("$assignment")
done < <(service_lines | sed -n 's/^Environment=//p')

exec_start=$(value ExecStart)
user=$(value User); group=$(value Group)
workdir=$(value WorkingDirectory)
restart=$(value Restart); restart_sec=$(value RestartSec)
[ -n "$exec_start" ] || { echo "supervise-unit: $unit has no ExecStart=" >&2; exit 1; }
read -r -a command <<< "$exec_start"
if $once; then command=("$@"); restart=no; fi
env_pairs+=("HOME=$(getent passwd "${user:-root}" | cut -d: -f6)" "USER=${user:-root}")

run() {
  cd "${workdir:-/}"
  if [ -n "$user" ]; then
    exec setpriv --reuid="$user" --regid="${group:-$user}" --init-groups env -i "${env_pairs[@]}" "${command[@]}"
  fi
  exec env -i "${env_pairs[@]}" "${command[@]}"
}
if $once; then run; fi

child=0
stopping=false
stop() {
  stopping=true
  [ "$child" -gt 0 ] && kill -TERM "$child" 2>/dev/null || true
}
trap stop TERM INT

while :; do
  (run) &
  child=$!
  [ -n "$pidfile" ] && echo "$child" > "$pidfile"
  set +e; wait "$child"; code=$?; set -e
  # wait returns early when a trapped signal arrives: wait for the child to end.
  while kill -0 "$child" 2>/dev/null; do set +e; wait "$child"; code=$?; set -e; done
  echo "supervise-unit: $(basename "$unit") exited with status $code" >&2
  $stopping && exit 0
  case "${restart:-no}" in
    always) ;;
    on-failure) [ "$code" -ne 0 ] || exit 0 ;;
    *) exit "$code" ;;
  esac
  sleep "${restart_sec:-0.1}"
done

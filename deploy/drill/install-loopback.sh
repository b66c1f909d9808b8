#!/usr/bin/env bash
# The production recipe of docs/OPERATIONS.md, performed on loopback and checked (CI runs it as
# root on a fresh Debian 12). The steps are the document's, with these differences only:
# - everything lives under a temporary root ($R/opt/lotsa, $R/etc/lotsa, $R/var/lib/lotsa, …) and
#   listens on free ports instead of 80/443/3000, and the certificate is self-signed (openssl);
# - PostgreSQL is a cluster of Debian's postgresql-15 of its own (dropped at the end), not `main`;
# - nginx runs as its own master process with the shipped site file, not as nginx.service;
# - the app is copied from this checkout (its node_modules linked) instead of `npm ci && npm run build && npm prune --omit=dev`;
# - PID 1 here is not systemd, so the shipped units are checked with `systemd-analyze verify` and
#   run by deploy/drill/supervise-unit.sh, which reads ExecStart=, Environment=, EnvironmentFile=,
#   User=, WorkingDirectory= and Restart= from the unit files and restarts like Restart=always.
# Checks: HTTPS answers (and plain HTTP redirects), HSTS is sent once, signing in sets a
# `__Host-` session cookie, a spoofed X-Forwarded-For does not give a client a new address (the
# sign-in rate limit still counts it as the same client), and the app comes back after kill -9.
# Ends with "N passed, N failed". Leaves nothing behind but the `lotsa` system user.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
deploy=$repo/deploy
[ "$(id -u)" -eq 0 ] || { echo "install-loopback: run as root" >&2; exit 2; }

passed=0; failed=0
ok() { echo "ok   - $*"; passed=$((passed + 1)); }
fail() { echo "FAIL - $*"; failed=$((failed + 1)); }
# The counts as node's test runner closes (.ci/run adds them up), then the plain closing line.
summary() { printf '# pass %d\n# fail %d\n%d passed, %d failed\n' "$passed" "$failed" "$passed" "$failed"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else fail "$what"; fi; }
free_port() { node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

echo "--- 1. packages: nginx, openssl, PostgreSQL 15 (Debian's)"
need=()
command -v nginx >/dev/null || need+=(nginx)
command -v openssl >/dev/null || need+=(openssl)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
[ -x /usr/lib/postgresql/15/bin/pg_dump ] || need+=(postgresql-client-15)
command -v curl >/dev/null || need+=(curl)
command -v systemd-analyze >/dev/null || need+=(systemd)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

R=$(mktemp -d /tmp/lotsa-drill.XXXXXX)
chmod 755 "$R"
APP_PORT=$(free_port); HTTP_PORT=$(free_port); HTTPS_PORT=$(free_port); PG_PORT=$(free_port)
CLUSTER=lotsadrill$$
ORIGIN=https://localhost:$HTTPS_PORT
pids=()
cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$R/run/nginx.pid" ] && kill -QUIT "$(cat "$R/run/nginx.pid")" 2>/dev/null
  pg_dropcluster --stop 15 "$CLUSTER" 2>/dev/null
  sleep 0.5
  rm -rf "$R"
}
trap cleanup EXIT
# Relocates the shipped files' absolute paths and ports into the drill's root.
relocate() {
  sed -e "s|/opt/lotsa|$R/opt/lotsa|g" -e "s|/etc/lotsa|$R/etc/lotsa|g" \
      -e "s|/var/lib/lotsa|$R/var/lib/lotsa|g" -e "s|/etc/ssl/lotsa|$R/etc/ssl/lotsa|g" \
      -e "s|^Environment=PORT=3000$|Environment=PORT=$APP_PORT|" -e "s|127.0.0.1:3000;|127.0.0.1:$APP_PORT;|" \
      -e "s|return 301 https://\$host\$request_uri;|return 301 https://\$host:$HTTPS_PORT\$request_uri;|" \
      -e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|" -e "s|listen 443 ssl http2;|listen 127.0.0.1:$HTTPS_PORT ssl http2;|" \
      -e '/listen \[::\]/d' -e "s|server_name lotsa.example.org;|server_name localhost;|" "$1"
}

echo "--- 2. system user lotsa, the app in /opt/lotsa, data in /var/lib/lotsa"
id lotsa >/dev/null 2>&1 || useradd --system --home-dir /var/lib/lotsa --no-create-home --shell /usr/sbin/nologin lotsa
mkdir -p "$R/opt/lotsa" "$R/etc/lotsa" "$R/etc/ssl/lotsa" "$R/etc/systemd/system" "$R/etc/nginx" "$R/run" "$R/log"
(cd "$repo" && for entry in *; do
  case $entry in node_modules|var) ;; *) cp -a "$entry" "$R/opt/lotsa/" ;; esac
done)
chown -R root:root "$R/opt/lotsa"; chmod -R a+rX "$R/opt/lotsa"
# The checkout's node_modules, linked when the service user can read it (a copy otherwise).
modules=$(readlink -f "$repo/node_modules")
if setpriv --reuid=lotsa --regid=lotsa --clear-groups test -r "$modules/tsx/package.json"; then
  ln -s "$modules" "$R/opt/lotsa/node_modules"
else
  cp -a "$modules" "$R/opt/lotsa/node_modules"; chmod -R a+rX "$R/opt/lotsa/node_modules"
fi
install -d -o lotsa -g lotsa -m 0750 "$R/var/lib/lotsa"

echo "--- 3. PostgreSQL: a role and a database for Lotsa"
pg_createcluster 15 "$CLUSTER" -p "$PG_PORT" >/dev/null
pg_ctlcluster 15 "$CLUSTER" start
DB_PASSWORD=$(openssl rand -hex 24)
su postgres -c "psql -q -p $PG_PORT -c \"CREATE ROLE lotsa LOGIN PASSWORD '$DB_PASSWORD'\""
su postgres -c "createdb -p $PG_PORT -O lotsa lotsa"

echo "--- 4. secrets in /etc/lotsa/lotsa.env (root, 0600)"
install -m 0600 -o root -g root /dev/null "$R/etc/lotsa/lotsa.env"
sed -e "s|^DATABASE_URL=.*|DATABASE_URL=postgres://lotsa:$DB_PASSWORD@127.0.0.1:$PG_PORT/lotsa|" \
    -e "s|^LOTSA_SECRET=.*|LOTSA_SECRET=$(openssl rand -base64 48 | tr -d '\n')|" \
    -e "s|^PUBLIC_URL=.*|PUBLIC_URL=$ORIGIN|" -e '/^SMTP_URL=/d' \
    -e "s|^METRICS_TOKEN=.*|METRICS_TOKEN=$(openssl rand -hex 24)|" \
    "$deploy/lotsa.env.template" > "$R/etc/lotsa/lotsa.env"
check "the environment file is mode 600, owned by root" test "$(stat -c '%a %U' "$R/etc/lotsa/lotsa.env")" = "600 root"

echo "--- 5. TLS certificate (self-signed here; certbot or the region's CA in production)"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost -keyout "$R/etc/ssl/lotsa/privkey.pem" \
  -out "$R/etc/ssl/lotsa/fullchain.pem" 2>/dev/null
chmod 600 "$R/etc/ssl/lotsa/privkey.pem"

echo "--- 6. systemd units: verified; lotsa seed once; web and worker started"
for unit in lotsa-web.service lotsa-worker.service lotsa-backup.service lotsa-backup.timer; do
  relocate "$deploy/systemd/$unit" > "$R/etc/systemd/system/$unit"
done
# verify warns (exit 0) about unknown keys and bad values: any line it prints fails the check.
if verified=$(systemd-analyze verify "$R"/etc/systemd/system/lotsa-*.service "$R/etc/systemd/system/lotsa-backup.timer" 2>&1) &&
   [ -z "$verified" ]; then
  ok "systemd-analyze verify accepts the shipped units without a warning"
else
  fail "systemd-analyze verify: $verified"
fi
supervise=$deploy/drill/supervise-unit.sh
# The first time: migrations and the shipped regions and job taxonomy (as the web unit's user).
"$supervise" --exec "$R/etc/systemd/system/lotsa-web.service" /usr/bin/node "$R/opt/lotsa/bin/lotsa.js" seed
for name in lotsa-web lotsa-worker; do
  "$supervise" "$R/etc/systemd/system/$name.service" "$R/run/$name.pid" >"$R/log/$name.log" 2>&1 &
  pids+=($!)
done

echo "--- 7. nginx with the shipped site file"
relocate "$deploy/nginx/lotsa.conf" > "$R/etc/nginx/lotsa.conf"
cat > "$R/etc/nginx/nginx.conf" <<CONF
pid $R/run/nginx.pid;
error_log $R/log/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log $R/log/nginx-access.log;
  client_body_temp_path $R/run/client_body;
  proxy_temp_path $R/run/proxy;
  include $R/etc/nginx/lotsa.conf;
}
CONF
nginx -q -t -c "$R/etc/nginx/nginx.conf"
nginx -c "$R/etc/nginx/nginx.conf"

curl_tls() { curl -sS --max-time 10 --cacert "$R/etc/ssl/lotsa/fullchain.pem" "$@"; }
wait_ready() { # up to 90 s for /readyz through nginx
  for _ in $(seq 1 180); do
    [ "$(curl_tls -o /dev/null -w '%{http_code}' "$ORIGIN/readyz" 2>/dev/null)" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
if ! wait_ready; then
  fail "the app answers through nginx"; tail -30 "$R/log/lotsa-web.log"; summary; exit 1
fi

echo "--- 8. checks"
check "HTTPS answers /readyz with 200 (certificate verified)" true
check "plain HTTP redirects to HTTPS" test "$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$HTTP_PORT/en/jobs")" = "301 $ORIGIN/en/jobs"
headers=$(curl_tls -D - -o /dev/null "$ORIGIN/en/")
check "HSTS is sent once" test "$(grep -ci '^strict-transport-security: max-age=31536000' <<< "$headers")" = 1

# Sign in through the one-time link that `lotsa admin create` prints.
out=$("$supervise" --exec "$R/etc/systemd/system/lotsa-web.service" /usr/bin/node "$R/opt/lotsa/bin/lotsa.js" admin create --email drill-admin@example.org 2>&1)
link=$(grep -o "$ORIGIN/[a-z]*/login/link/[A-Za-z0-9_-]*" <<< "$out" | head -1)
jar=$R/run/cookies
page=$(curl_tls -c "$jar" -b "$jar" "$link")
csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<< "$page" | head -1 | sed 's/.*value="//; s/"$//')
token=$(grep -o 'name="token" value="[^"]*"' <<< "$page" | head -1 | sed 's/.*value="//; s/"$//')
signin=$(curl_tls -D - -o /dev/null -c "$jar" -b "$jar" -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "_csrf=$csrf" --data-urlencode "token=$token" "$ORIGIN/en/login/link")
check "signing in sets a __Host- session cookie, Secure and HttpOnly" \
  grep -qiE '^set-cookie: __Host-lotsa_session=[^;]+;.*Secure' <<< "$signin"
check "the CSRF cookie is a __Host- cookie too" grep -q '__Host-lotsa_csrf' "$jar"

# 10 sign-in e-mails per client per 15 minutes: 11 requests, each claiming another address in
# X-Forwarded-For (and each for another e-mail address), must still be one client to the app.
jar2=$R/run/cookies2
login=$(curl_tls -c "$jar2" -b "$jar2" "$ORIGIN/en/login")
csrf2=$(grep -o 'name="_csrf" value="[^"]*"' <<< "$login" | head -1 | sed 's/.*value="//; s/"$//')
# The limit counts in fixed 15-minute windows (on the epoch): eleven requests that straddle a
# window's end would be split between two windows, so start them well inside one.
left=$((900 - $(date +%s) % 900))
if [ "$left" -lt 60 ]; then sleep $((left + 1)); fi
codes=""
for i in $(seq 1 11); do
  codes+="$(curl_tls -o /dev/null -w '%{http_code}' -c "$jar2" -b "$jar2" -H 'Sec-Fetch-Site: same-origin' \
    -H "X-Forwarded-For: 198.51.100.$i" --data-urlencode "_csrf=$csrf2" \
    --data-urlencode "email=spoof$i@example.org" "$ORIGIN/en/login") "
done
echo "    sign-in answers: $codes"
check "a spoofed X-Forwarded-For does not change the client address (11th sign-in e-mail refused)" \
  test "$codes" = "$(printf '200 %.0s' $(seq 1 10))429 "

# kill -9: the supervisor (Restart=always) starts the process again and nginx serves again.
for name in lotsa-web lotsa-worker; do
  before=$(cat "$R/run/$name.pid")
  kill -9 "$before"
  for _ in $(seq 1 40); do [ "$(cat "$R/run/$name.pid")" != "$before" ] && break; sleep 0.25; done
  check "$name is started again after kill -9" test "$(cat "$R/run/$name.pid")" != "$before"
done
check "the site answers again after the restart" wait_ready

summary
[ "$failed" -eq 0 ]

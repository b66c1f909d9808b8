# Sourced by lotsa-backup.sh and lotsa-restore.sh: pg_url_env URL exports PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE from a postgres:// URL, so that the password never appears on a
# command line (which every user of the host can read in ps): not pg_dump's, and not the URL parser's
# either, which reads the URL from its environment.
pg_url_env() {
  local vars
  vars=$(LOTSA_PG_URL=$1 node -e '
    const u = new URL(process.env.LOTSA_PG_URL);
    const q = (s) => "\x27" + s.replace(/\x27/g, "\x27\\\x27\x27") + "\x27";
    const d = decodeURIComponent;
    const out = {
      PGHOST: u.searchParams.get("host") || d(u.hostname).replace(/^\[|\]$/g, "") || "localhost",
      PGPORT: u.port || u.searchParams.get("port") || "5432",
      PGUSER: d(u.username) || u.searchParams.get("user") || "",
      PGPASSWORD: d(u.password) || u.searchParams.get("password") || "",
      PGDATABASE: d(u.pathname.slice(1)) || u.searchParams.get("dbname") || "",
      PGSSLMODE: u.searchParams.get("sslmode") || "",
    };
    for (const [k, v] of Object.entries(out)) if (v) console.log(`export ${k}=${q(v)}`);
  ')
  eval "$vars"
}

/**
 * Part events: the calendar, an event's pages and the organisers' back-office (issue 17,
 * src/modules/events/) at a large region's scale, through the real app in this process (buildApp +
 * app.inject, as the HTTP tests and the navigator part run it), on the bench PostgreSQL
 * (servers/db.ts: migrated, regions seeded; the modules' seeds run here with the demo data, so the
 * demo organisations, accounts and the seven demo events are there).
 *
 *   data      Dalarna with EVENTS published events over the next year (every kind; 85 % in one of
 *             the 15 municipalities, skewed towards the larger, the rest away or online; owned by the
 *             region, the municipalities and the demo employers; fairs with 3–7 exhibiting demo
 *             employers; a programme for fairs and test-living weekends, two questions for a quarter;
 *             1 % cancelled), plus 400 past ones, 120 drafts and 25 waiting for review; REGISTRATIONS
 *             registrations in all: 2,000 for one fair running today (600 checked in), 190 for the
 *             race's event, the rest over the others (heavier on some; confirmed while seats last,
 *             then waiting; 5 % cancelled; applications for test-living weekends), with
 *             events.seats_taken summed from them. Bulk INSERT … SELECT generate_series (setseed).
 *   pages     GET /sv/events (no filter, each filter kind, the last page), an event's page (random
 *             published events), the feed /sv/events/calendar.ics, /admin/events (a region admin; an
 *             employer admin), the fair's back-office page, its registrations (first page, a name
 *             search) and its check-in list.json; ROUNDS times each, one at a time.
 *   race      RACERS people POST /sv/events/:slug/register at once for the last RACE_SEATS seats of
 *             one event (capacity RACE_CAPACITY): how long until every answer is in, and a check that
 *             the seats never exceed the capacity (seats_taken, and the confirmed registrations'
 *             seats) — a check, not a timing assertion.
 *
 * The figures are in-process (no socket): the server's time for a page, including PostgreSQL.
 *
 * Standalone: `node --import tsx bench/parts/events.ts [events] [--skip=calendar.ics,…]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { CONSENT_TEXT_VERSIONS } from '../../src/modules/events/model.ts';
import { modules } from '../../src/modules/index.ts';
import { createRegionDirectory } from '../../src/modules/regions/service.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { RateLimiter } from '../../src/platform/http/rate-limit.ts';
import { createMailTransport } from '../../src/platform/mail/outbox.ts';
import { seedModules } from '../../src/platform/module.ts';
import { TaskQueue } from '../../src/platform/tasks/queue.ts';
import { registerTasks } from '../../src/runtime.ts';
import { cleanupAll, onCleanup } from '../lib/cleanup.ts';
import { startBenchDatabase, type BenchDatabase } from '../lib/db.ts';
import { memberSession } from '../lib/session.ts';
import { describeMachine, type Machine } from '../lib/machine.ts';
import { ROOT } from '../lib/proc.ts';
import { latencyStats, type LatencyStats } from './search-db.ts';

const REGION = 'dalarna';
const EVENTS = 2000;
const REGISTRATIONS = 40_000;
const BIG_REGISTRATIONS = 2000;
const BIG_CHECKED_IN = 600;
const RACE_CAPACITY = 200;
const RACE_SEATS = 10;
const RACERS = 200;
/** Requests per page (the feed and the check-in list, the heaviest, get half). */
const ROUNDS = 100;
const WARMUP = 5;

export interface EventsPageResult {
  group: 'public' | 'back-office';
  label: string;
  path: string;
  status: number;
  bytes: number;
  stats: LatencyStats;
}

export interface EventsRaceResult {
  racers: number;
  capacity: number;
  /** Seats free when the race began. */
  seats: number;
  /** 303 to ?done=registered. */
  confirmed: number;
  /** 303 to ?done=waiting. */
  waiting: number;
  other: number;
  /** After the race: events.seats_taken, and the confirmed registrations' seats summed. */
  seatsTaken: number;
  confirmedSeats: number;
  /** seatsTaken ≤ capacity, seatsTaken = confirmedSeats, and every free seat was taken once. */
  ok: boolean;
  /** From the first POST sent until the last answer came. */
  allMs: number;
  stats: LatencyStats;
}

export interface EventsBenchResult {
  measuredAt: string;
  /** Published events starting later than now (the calendar's pool before its cap). */
  upcoming: number;
  events: number;
  registrations: number;
  bigRegistrations: number;
  bigCheckedIn: number;
  organisations: number;
  buildMs: number;
  /** How many upcoming events the calendar reads at most (UPCOMING_CAP) and its last page. */
  calendarCap: number;
  lastPage: number;
  /** How many events the feed holds at most (FEED_CAP). */
  feedCap: number;
  /** The machine, in the result itself: the report's "Machine" table is that of its latest run. */
  machine: Pick<Machine, 'cpus' | 'cpuModel' | 'memoryGiB' | 'node' | 'code'>;
  pages: EventsPageResult[];
  race: EventsRaceResult;
  loadAtStart: number[];
  loadAtEnd: number[];
}

/** Never limits: the race's people come from as many addresses anyway (see below). */
const unlimited: RateLimiter = { hit: async () => undefined, sweep: async () => 0 };

const count = async (db: Kysely<DB>, query: RawBuilder<{ n: string }>) =>
  Number((await query.execute(db)).rows[0]?.n ?? 0);

/** Builds the region's events and registrations (see the file's comment); returns the ids used. */
export async function buildEventsData(db: Kysely<DB>, events = EVENTS, registrations = REGISTRATIONS) {
  await sql`SELECT setseed(0.17)`.execute(db);
  // Owners: the region (k 0), the municipalities (1..15), the employers (16..). Employers exhibit.
  await sql`CREATE TEMP TABLE bench_owners AS
    SELECT (row_number() OVER (ORDER BY CASE kind WHEN 'region' THEN 0 WHEN 'municipality' THEN 1 ELSE 2 END,
        municipality_code, name) - 1)::int AS k, id, kind, municipality_code
    FROM organisations WHERE region_id = ${REGION} AND kind IN ('region', 'municipality', 'employer')`.execute(
    db,
  );
  await sql`CREATE TEMP TABLE bench_employers AS
    SELECT (row_number() OVER (ORDER BY k) - 1)::int AS e, id FROM bench_owners WHERE kind = 'employer'`.execute(
    db,
  );
  const owners = await count(db, sql`SELECT count(*) AS n FROM bench_owners`);
  const employers = await count(db, sql`SELECT count(*) AS n FROM bench_employers`);
  if (owners < 16 + 3 || employers < 3)
    throw new Error(`expected the region, 15 municipalities and the demo employers; found ${owners} owners`);
  const codes = (
    await sql<{
      code: string;
    }>`SELECT municipality_code AS code FROM bench_owners WHERE kind = 'municipality' ORDER BY k`.execute(db)
  ).rows.map((r) => r.code);

  // i 1..events: published, over the next year; then 400 past, 120 drafts, 25 in review.
  const past = 400;
  const drafts = 120;
  const review = 25;
  const total = events + past + drafts + review;
  await sql`
    CREATE TEMP TABLE bench_events AS
    SELECT i,
      CASE WHEN i <= ${events} THEN 'upcoming' WHEN i <= ${events + past} THEN 'past'
        WHEN i <= ${events + past + drafts} THEN 'draft' ELSE 'in_review' END AS phase,
      (SELECT s FROM (VALUES (0.10, 'fair'), (0.25, 'afterwork'), (0.50, 'company_visit'), (0.55, 'test_living'),
        (0.75, 'meetup'), (0.85, 'online'), (1.01, 'info')) v(p, s) WHERE v.p > r.x ORDER BY v.p LIMIT 1) AS kind,
      random() AS r1, random() AS r2, random() AS r3, random() AS r4
    FROM generate_series(1, ${total}) i, LATERAL (SELECT random() + i * 0 AS x) r`.execute(db);
  await sql`
    INSERT INTO events (region_id, slug, organisation_id, kind, status, title_sv, title_en, summary_sv, summary_en,
      description_sv, description_en, starts_at, ends_at, location_kind, municipality_code, venue, street_address,
      postal_code, locality, online_url, languages, personas, registration, capacity, max_group, offer_hours,
      cancelled_at, cancel_reason, published_at, created_at, updated_at)
    SELECT ${REGION}, 'bench-' || replace(b.kind, '_', '-') || '-' || b.i, o.id, b.kind,
      CASE WHEN b.phase = 'draft' THEN 'draft' WHEN b.phase = 'in_review' THEN 'in_review'
        WHEN b.phase = 'upcoming' AND b.i % 100 = 42 THEN 'cancelled' ELSE 'published' END,
      (ARRAY['Rekryteringsmässa','Afterwork för studenter','Företagsbesök','Provbo-helg','Nyinflyttade träffas',
        'Digital jobbdag','Informationsträff'])[k.n] || ' ' || b.i,
      (ARRAY['Recruitment fair','After-work for students','Company visit','Test-living weekend','Newcomers meet',
        'Online job day','Information meeting'])[k.n] || ' ' || b.i,
      'Träffa arbetsgivare och kommuner i Dalarna. Evenemang ' || b.i,
      'Meet employers and municipalities in Dalarna. Event ' || b.i,
      repeat('Vi berättar om jobben, boendet och livet här. Fika finns. ', 12),
      repeat('We tell you about the jobs, housing and life here. Coffee is served. ', 12),
      s.at, s.at + CASE b.kind WHEN 'test_living' THEN interval '2 days 6 hours' WHEN 'fair' THEN interval '7 hours'
        ELSE interval '2 hours' END,
      l.kind,
      CASE WHEN l.kind = 'region' THEN (${codes}::text[])[1 + floor(15 * power(b.r2, 1.6))::int] END,
      CASE WHEN l.kind = 'online' THEN '' ELSE 'Kulturhuset' END,
      CASE WHEN l.kind = 'online' THEN '' ELSE 'Storgatan ' || (1 + b.i % 60) END,
      CASE WHEN l.kind = 'online' THEN '' ELSE '791 ' || lpad((b.i % 100)::text, 2, '0') END,
      CASE WHEN l.kind = 'away' THEN (ARRAY['Malmö','Uppsala','Göteborg','Stockholm'])[1 + b.i % 4]
        WHEN l.kind = 'region' THEN 'Dalarna' ELSE '' END,
      CASE WHEN l.kind = 'online' THEN 'https://meet.example.org/bench-' || b.i END,
      CASE WHEN b.i % 3 = 0 THEN ARRAY['sv','en'] ELSE ARRAY['sv'] END,
      string_to_array((ARRAY['families', 'students', 'international,families', '', 'nature,cottage',
        'dreamers,students,international'])[1 + b.i % 6], ','),
      CASE WHEN b.kind = 'test_living' THEN 'application' WHEN b.kind = 'meetup' AND b.i % 5 = 0 THEN 'none'
        ELSE 'open' END,
      CASE WHEN b.kind = 'test_living' THEN 12 WHEN b.i % 10 = 3 THEN NULL
        WHEN b.kind = 'fair' THEN 300 + (b.i * 37) % 700 ELSE 15 + (b.i * 37) % 120 END,
      4, 24,
      CASE WHEN b.phase = 'upcoming' AND b.i % 100 = 42 THEN now() - interval '2 days' END,
      CASE WHEN b.phase = 'upcoming' AND b.i % 100 = 42 THEN 'Lokalen är inte tillgänglig.' ELSE '' END,
      CASE WHEN b.phase IN ('upcoming', 'past') THEN s.at - interval '60 days' END,
      s.at - interval '70 days', s.at - interval '60 days'
    FROM bench_events b
    JOIN (VALUES ('fair', 1), ('afterwork', 2), ('company_visit', 3), ('test_living', 4), ('meetup', 5),
      ('online', 6), ('info', 7)) k(kind, n) ON k.kind = b.kind
    CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) + CASE b.phase
        WHEN 'past' THEN - interval '1 day' * (1 + floor(b.r1 * 180))
        ELSE interval '1 day' * (1 + floor(b.r1 * 364)) END
      + interval '1 hour' * floor(b.r3 * 10) AS at) s
    CROSS JOIN LATERAL (SELECT CASE WHEN b.kind = 'online' THEN 'online' WHEN b.r4 < 0.12 THEN 'away'
      ELSE 'region' END AS kind) l
    JOIN bench_owners o ON o.k = CASE WHEN b.r2 < 0.3 THEN 0 WHEN b.r2 < 0.7 THEN 1 + b.i % 15
      ELSE 16 + b.i % ${employers} END`.execute(db);

  // The fair running today whose door has 2,000 registrations, and the race's event.
  const regionOrg = await sql<{
    id: string;
  }>`SELECT id FROM bench_owners WHERE k = 0`.execute(db);
  const made = await sql<{ id: string; slug: string }>`
    INSERT INTO events (region_id, slug, organisation_id, kind, status, title_sv, title_en, summary_sv, summary_en,
      starts_at, ends_at, location_kind, municipality_code, venue, languages, personas, registration, capacity,
      max_group, published_at)
    VALUES
      (${REGION}, 'bench-stora-massan', ${regionOrg.rows[0]!.id}, 'fair', 'published', 'Dalarnas stora jobbmässa',
        'Dalarna''s big job fair', 'Hela länets arbetsgivare på ett ställe.', 'The whole county''s employers in one place.',
        now() - interval '2 hours', now() + interval '5 hours', 'region', '2080', 'Lugnet', '{sv,en}',
        '{families,international}', 'open', ${BIG_REGISTRATIONS + 500}, 4, now() - interval '60 days'),
      (${REGION}, 'bench-sista-platserna', ${regionOrg.rows[0]!.id}, 'info', 'published', 'De sista platserna',
        'The last seats', 'Tio platser kvar.', 'Ten seats left.', now() + interval '60 days',
        now() + interval '60 days 2 hours', 'region', '2080', 'Kulturhuset', '{sv}', '{families}', 'open',
        ${RACE_CAPACITY}, 4, now() - interval '30 days')
    RETURNING id, slug`.execute(db);
  const big = made.rows.find((r) => r.slug === 'bench-stora-massan')!;
  const race = made.rows.find((r) => r.slug === 'bench-sista-platserna')!;

  // Exhibitors at fairs (3–7 employers each), programmes, questions.
  await sql`
    INSERT INTO event_organisations (region_id, event_id, organisation_id, role, stand, position)
    SELECT DISTINCT ON (e.id, em.id) ${REGION}, e.id, em.id, 'exhibitor', 'Monter ' || n, n
    FROM events e CROSS JOIN LATERAL generate_series(1, 3 + (abs(hashtext(e.slug)) % 5)) n
    JOIN bench_employers em ON em.e = (abs(hashtext(e.slug)) + n * 2) % ${employers}
    WHERE e.region_id = ${REGION} AND e.kind = 'fair' AND e.slug LIKE 'bench-%'
      AND em.id <> e.organisation_id`.execute(db);
  await sql`
    INSERT INTO event_programme (region_id, event_id, starts_at, ends_at, kind, title_sv, title_en, place)
    SELECT ${REGION}, e.id, e.starts_at + interval '1 hour' * (n - 1), e.starts_at + interval '1 hour' * n,
      (ARRAY['session','company_visit','meal','session'])[n], 'Programpunkt ' || n, 'Item ' || n, 'Sal ' || n
    FROM events e, generate_series(1, 4) n
    WHERE e.region_id = ${REGION} AND e.kind IN ('fair', 'test_living') AND e.slug LIKE 'bench-%'`.execute(
    db,
  );
  await sql`
    INSERT INTO event_questions (region_id, event_id, position, kind, label_sv, label_en, choices, required)
    SELECT ${REGION}, e.id, n, CASE n WHEN 1 THEN 'text' ELSE 'yes_no' END,
      CASE n WHEN 1 THEN 'Allergier?' ELSE 'Vill du ha fika?' END,
      CASE n WHEN 1 THEN 'Allergies?' ELSE 'Would you like coffee?' END, '[]', false
    FROM events e, generate_series(1, 2) n
    WHERE e.region_id = ${REGION} AND e.slug LIKE 'bench-%' AND e.slug <> 'bench-sista-platserna'
      AND e.registration <> 'none' AND abs(hashtext(e.slug)) % 4 = 0`.execute(db);

  // Registrations. Eligible: every bench event people could have signed up for, but the two above.
  await sql`CREATE TEMP TABLE bench_eligible AS
    SELECT (row_number() OVER (ORDER BY random()))::int AS k, id, capacity, registration
    FROM events WHERE region_id = ${REGION} AND slug LIKE 'bench-%' AND status IN ('published', 'cancelled')
      AND registration <> 'none' AND id NOT IN (${big.id}, ${race.id})`.execute(db);
  await sql`CREATE INDEX ON bench_eligible (k)`.execute(db);
  const eligible = await count(db, sql`SELECT count(*) AS n FROM bench_eligible`);
  const rest = registrations - BIG_REGISTRATIONS - (RACE_CAPACITY - RACE_SEATS);
  const first = ['Ana', 'Jonas', 'Priya', 'Tomasz', 'Elena', 'Mehmet', 'Julia', 'Kofi', 'Sofia', 'Marco'];
  const last = [
    'Ferreira',
    'Kowalski',
    'Müller',
    'Sharma',
    'García',
    'Yilmaz',
    'Nowak',
    'Rossi',
    'Mensah',
    'Dubois',
  ];
  await sql`
    CREATE TEMP TABLE bench_regs AS
    SELECT r.i, e.id AS event_id, e.capacity, e.registration,
      CASE WHEN r.i % 5 = 0 THEN 2 ELSE 1 END AS seats, r.i % 20 = 7 AS cancelled
    FROM (SELECT i, 1 + floor(power(random(), 1.4) * ${eligible})::int AS k FROM generate_series(1, ${rest}) i) r
    JOIN bench_eligible e ON e.k = r.k
    UNION ALL
    SELECT ${rest}::int + n, ${big.id}::uuid, ${BIG_REGISTRATIONS + 500}::int, 'open'::text,
      CASE WHEN n % 5 = 0 THEN 2 ELSE 1 END, false FROM generate_series(1, ${BIG_REGISTRATIONS}) n
    UNION ALL
    SELECT ${rest + BIG_REGISTRATIONS}::int + n, ${race.id}::uuid, ${RACE_CAPACITY}::int, 'open'::text, 1, false
    FROM generate_series(1, ${RACE_CAPACITY - RACE_SEATS}) n`.execute(db);
  await sql`
    INSERT INTO event_registrations (region_id, id, event_id, name, email, language, seats, status, queued_at,
      answers, consent_text_version, share_with_exhibitors, manage_hash, ticket_hash, cancelled_at, created_at,
      updated_at)
    SELECT ${REGION}, x.id, x.event_id,
      (${first}::text[])[1 + x.i % 10] || ' ' || (${last}::text[])[1 + (x.i / 10) % 10] || ' ' || x.i,
      'person-' || x.i || '@example.org', CASE WHEN x.i % 4 = 0 THEN 'en' ELSE 'sv' END, x.seats,
      CASE WHEN x.cancelled THEN 'cancelled'
        WHEN x.capacity IS NULL OR x.run <= x.capacity THEN 'confirmed'
        WHEN x.registration = 'application' THEN 'applied' ELSE 'waiting' END,
      now() - interval '1 minute' * (50000 - x.i), '{}', ${CONSENT_TEXT_VERSIONS.registration}, x.i % 3 = 0,
      encode(sha256(('manage:' || x.id)::bytea), 'hex'), encode(sha256(('ticket:' || x.id)::bytea), 'hex'),
      CASE WHEN x.cancelled THEN now() - interval '1 day' END,
      now() - interval '1 minute' * (50000 - x.i), now() - interval '1 minute' * (50000 - x.i)
    FROM (SELECT b.*, gen_random_uuid() AS id,
        sum(CASE WHEN b.cancelled THEN 0 ELSE b.seats END) OVER (PARTITION BY b.event_id ORDER BY b.i) AS run
      FROM bench_regs b) x`.execute(db);
  await sql`UPDATE events e SET seats_taken = s.seats FROM (
      SELECT event_id, sum(seats)::int AS seats FROM event_registrations
      WHERE region_id = ${REGION} AND status = 'confirmed' GROUP BY event_id) s
    WHERE e.region_id = ${REGION} AND e.id = s.event_id`.execute(db);
  await sql`
    INSERT INTO event_checkins (region_id, event_id, registration_id, people, checked_in_at, method)
    SELECT ${REGION}, event_id, id, seats, now() - interval '1 minute' * (row_number() OVER (ORDER BY queued_at) % 100),
      CASE WHEN row_number() OVER (ORDER BY queued_at) % 3 = 0 THEN 'search' ELSE 'qr' END
    FROM event_registrations WHERE region_id = ${REGION} AND event_id = ${big.id} AND status = 'confirmed'
    ORDER BY queued_at LIMIT ${BIG_CHECKED_IN}`.execute(db);

  for (const t of [
    'events',
    'event_organisations',
    'event_programme',
    'event_questions',
    'event_registrations',
    'event_checkins',
  ])
    await sql`VACUUM ANALYZE ${sql.table(t)}`.execute(db);
  return {
    big,
    race,
    upcoming: await count(
      db,
      sql`SELECT count(*) AS n FROM events WHERE region_id = ${REGION} AND status IN ('published', 'cancelled')
        AND ends_at > now()`,
    ),
    events: await count(db, sql`SELECT count(*) AS n FROM events WHERE region_id = ${REGION}`),
    registrations: await count(
      db,
      sql`SELECT count(*) AS n FROM event_registrations WHERE region_id = ${REGION}`,
    ),
    bigRegistrations: await count(
      db,
      sql`SELECT count(*) AS n FROM event_registrations WHERE region_id = ${REGION} AND event_id = ${big.id}`,
    ),
    bigCheckedIn: await count(
      db,
      sql`SELECT count(*) AS n FROM event_checkins WHERE region_id = ${REGION} AND event_id = ${big.id}`,
    ),
    organisations: owners,
  };
}

async function timedGet(app: FastifyInstance, url: string, cookie?: string) {
  const started = performance.now();
  const response = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: response.statusCode, bytes: response.rawPayload.length, ms: performance.now() - started };
}

/** The race: RACERS people from as many addresses POST for the event's last RACE_SEATS seats. */
async function registrationRace(
  app: FastifyInstance,
  db: Kysely<DB>,
  event: { id: string; slug: string },
): Promise<EventsRaceResult> {
  const before = await db
    .selectFrom('events')
    .select(['capacity', 'seats_taken'])
    .where('region_id', '=', REGION)
    .where('id', '=', event.id)
    .executeTakeFirstOrThrow();
  const capacity = before.capacity ?? 0;
  // A browser's CSRF cookie and token (as test/helpers/client.ts formClient gets them).
  const url = `/sv/events/${event.slug}/register`;
  const page = await app.inject({ method: 'GET', url });
  const setCookie = page.headers['set-cookie'];
  const csrfCookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  if (!token) throw new Error(`no CSRF token on ${url} (${page.statusCode})`);
  const post = async (n: number) => {
    const body = new URLSearchParams({
      _csrf: token,
      name: `Racer ${n}`,
      email: `racer-${n}@example.org`,
      seats: '1',
      consent: 'yes',
    });
    const started = performance.now();
    const response = await app.inject({
      method: 'POST',
      url,
      remoteAddress: `10.17.${Math.floor(n / 250)}.${(n % 250) + 1}`,
      payload: body.toString(),
      headers: {
        cookie: csrfCookie,
        origin: 'http://localhost',
        host: 'localhost',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    return {
      status: response.statusCode,
      location: String(response.headers.location ?? ''),
      ms: performance.now() - started,
    };
  };
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: RACERS }, (_, n) => post(n)));
  const allMs = performance.now() - started;
  const after = await db
    .selectFrom('events')
    .select('seats_taken')
    .where('region_id', '=', REGION)
    .where('id', '=', event.id)
    .executeTakeFirstOrThrow();
  const confirmedSeats = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('seats'), sql<string>`0`).as('n'))
    .where('region_id', '=', REGION)
    .where('event_id', '=', event.id)
    .where('status', 'in', ['confirmed', 'offered'])
    .executeTakeFirstOrThrow();
  const confirmed = answers.filter((a) => a.status === 303 && a.location.includes('done=registered')).length;
  const waiting = answers.filter((a) => a.status === 303 && a.location.includes('done=waiting')).length;
  const seats = capacity - before.seats_taken;
  const seatsTaken = after.seats_taken;
  return {
    racers: RACERS,
    capacity,
    seats,
    confirmed,
    waiting,
    other: RACERS - confirmed - waiting,
    seatsTaken,
    confirmedSeats: Number(confirmedSeats.n),
    ok:
      seatsTaken <= capacity &&
      seatsTaken === Number(confirmedSeats.n) &&
      confirmed === Math.min(seats, RACERS) &&
      waiting === RACERS - confirmed,
    allMs: Math.round(allMs * 10) / 10,
    stats: latencyStats(answers.map((a) => a.ms)),
  };
}

export async function runEvents(
  options: { events?: number; database?: BenchDatabase; rounds?: number; skip?: string[] } = {},
): Promise<EventsBenchResult> {
  const ownDatabase = !options.database;
  const bench = options.database ?? (await startBenchDatabase());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-events-'));
  const removeDir = onCleanup(`temp dir ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  const database = openDatabase(bench.url, { max: 10 });
  const rounds = options.rounds ?? ROUNDS;
  try {
    const db = database.db;
    const config: Config = loadConfig({
      LOTSA_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: 'http://localhost:3000',
      DATABASE_URL: bench.url,
    });
    const logger = pino({ level: 'warn' }, pino.destination('/dev/null'));
    const seeding = performance.now();
    await seedModules(db, modules, { demo: true, config, logger });
    console.log(`  demo data seeded in ${Math.round((performance.now() - seeding) / 1000)} s`);
    const started = performance.now();
    const data = await buildEventsData(db, options.events ?? EVENTS);
    const buildMs = Math.round(performance.now() - started);
    console.log(
      `  ${data.events} events (${data.upcoming} upcoming), ${data.registrations} registrations (${data.bigRegistrations} on the fair, ${data.bigCheckedIn} checked in) in ${Math.round(buildMs / 1000)} s`,
    );

    const queue = new TaskQueue(db, logger);
    const mail = createMailTransport(config.smtpUrl, path.join(dataDir, 'mail'));
    registerTasks(queue, database, mail, config);
    const regions = await createRegionDirectory(db);
    const app = await buildApp({
      config,
      database,
      logger,
      queue,
      regions,
      secret: 'bench-secret-bench-secret-bench-secret!',
      rateLimiter: unlimited,
    });
    await app.ready();
    try {
      const { FEED_CAP, UPCOMING_CAP } = await import('../../src/modules/events/public/repository.ts');
      const { PAGE_SIZE } = await import('../../src/modules/events/public/filters.ts');
      const lastPage = Math.ceil(Math.min(data.upcoming, UPCOMING_CAP) / PAGE_SIZE);
      const company = (
        await sql<{ id: string }>`SELECT eo.organisation_id AS id FROM event_organisations eo
          JOIN events e ON e.region_id = eo.region_id AND e.id = eo.event_id
          WHERE eo.region_id = ${REGION} AND e.status = 'published' AND e.ends_at > now()
          GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`.execute(db)
      ).rows[0]?.id;
      if (!company) throw new Error('no exhibiting employer');
      const slugs = (
        await sql<{
          slug: string;
        }>`SELECT slug FROM events WHERE region_id = ${REGION} AND status = 'published'
          AND ends_at > now() AND slug LIKE 'bench-%' ORDER BY md5(slug) LIMIT 500`.execute(db)
      ).rows.map((r) => r.slug);
      const admin = await memberSession(db, REGION, 'admin@example.org');
      const employer = await memberSession(db, REGION, 'hr@example.org');
      const big = data.big.id;
      let next = 0;
      const list: Array<[EventsPageResult['group'], string, () => string, string | undefined, number]> = [
        ['public', 'Calendar, no filter', () => '/sv/events', undefined, rounds],
        ['public', 'Calendar, kind', () => '/sv/events?kind=company_visit', undefined, rounds],
        ['public', 'Calendar, where', () => '/sv/events?where=online', undefined, rounds],
        ['public', 'Calendar, municipality', () => '/sv/events?municipality=falun', undefined, rounds],
        ['public', 'Calendar, target group', () => '/sv/events?persona=students', undefined, rounds],
        ['public', 'Calendar, employer', () => `/sv/events?company=${company}`, undefined, rounds],
        ['public', 'Calendar, two filters', () => '/sv/events?kind=fair&persona=families', undefined, rounds],
        [
          'public',
          `Calendar, last page (${lastPage})`,
          () => `/sv/events?page=${lastPage}`,
          undefined,
          rounds,
        ],
        [
          'public',
          'Event page (random events)',
          () => `/sv/events/${slugs[next++ % slugs.length]}`,
          undefined,
          rounds,
        ],
        ['public', "Event page, today's fair", () => '/sv/events/bench-stora-massan', undefined, rounds],
        ['public', 'Calendar feed', () => '/sv/events/calendar.ics', undefined, Math.max(20, rounds / 2)],
        ['back-office', 'Events list, region admin', () => '/admin/events', admin.cookie, rounds],
        ['back-office', 'Events list, past tab', () => '/admin/events?tab=past', admin.cookie, rounds],
        ['back-office', 'Events list, employer admin', () => '/admin/events', employer.cookie, rounds],
        ['back-office', "The fair's page", () => `/admin/events/${big}`, admin.cookie, rounds],
        [
          'back-office',
          "The fair's registrations",
          () => `/admin/events/${big}/registrations`,
          admin.cookie,
          rounds,
        ],
        [
          'back-office',
          "The fair's registrations, search",
          () => `/admin/events/${big}/registrations?q=kowalski`,
          admin.cookie,
          rounds,
        ],
        [
          'back-office',
          "The fair's check-in list.json",
          () => `/admin/events/${big}/checkin/list.json`,
          admin.cookie,
          Math.max(20, rounds / 2),
        ],
      ];
      const loadAtStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
      const pages: EventsPageResult[] = [];
      for (const [group, label, url, cookie, n] of list) {
        if (options.skip?.some((s) => url().includes(s))) continue;
        for (let i = 0; i < WARMUP; i++) await timedGet(app, url(), cookie);
        const samples: number[] = [];
        let last = { status: 0, bytes: 0, ms: 0 };
        let bad = 0;
        for (let i = 0; i < n; i++) {
          last = await timedGet(app, url(), cookie);
          if (last.status !== 200) bad += 1;
          samples.push(last.ms);
        }
        const stats = latencyStats(samples);
        const shown = url()
          .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
          .replace(/\/sv\/events\/bench-[a-z-]+-\d+$/, '/sv/events/:slug');
        console.log(
          `  ${label.padEnd(36)} ${last.status}${bad ? ` (${bad} not 200)` : ''}, ${last.bytes} B, p50 ${stats.p50} ms, p95 ${stats.p95} ms, max ${stats.max} ms`,
        );
        if (bad) throw new Error(`${shown}: ${bad} of ${n} answers were not 200 (last ${last.status})`);
        pages.push({ group, label, path: shown, status: last.status, bytes: last.bytes, stats });
      }
      const race = await registrationRace(app, db, data.race);
      console.log(
        `  race: ${race.racers} POST …/register for ${race.seats} seats (capacity ${race.capacity}) → ${race.confirmed} confirmed, ${race.waiting} waiting, ${race.other} other; ` +
          `seats_taken ${race.seatsTaken} (confirmed seats ${race.confirmedSeats}): ${race.ok ? 'ok' : 'WRONG'}; all answered in ${race.allMs} ms (p50 ${race.stats.p50}, max ${race.stats.max} ms)`,
      );
      return {
        measuredAt: new Date().toISOString(),
        upcoming: data.upcoming,
        events: data.events,
        registrations: data.registrations,
        bigRegistrations: data.bigRegistrations,
        bigCheckedIn: data.bigCheckedIn,
        organisations: data.organisations,
        buildMs,
        calendarCap: UPCOMING_CAP,
        lastPage,
        feedCap: FEED_CAP,
        machine: (({ cpus, cpuModel, memoryGiB, node, code }) => ({ cpus, cpuModel, memoryGiB, node, code }))(
          describeMachine(ROOT),
        ),
        pages,
        race,
        loadAtStart,
        loadAtEnd: os.loadavg().map((v) => Math.round(v * 100) / 100),
      };
    } finally {
      await app.close();
      mail.close();
    }
  } finally {
    await database.close();
    await removeDir();
    if (ownDatabase) await bench.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const machine = describeMachine(ROOT);
  console.log(
    `${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAverage.join(' / ')}, ${new Date().toISOString()}`,
  );
  let code = 0;
  try {
    // `--skip=calendar.ics,…`: leave out the pages whose path contains one of these.
    const skip = process.argv
      .find((a) => a.startsWith('--skip='))
      ?.slice(7)
      .split(',');
    const events = process.argv.slice(2).find((a) => /^\d+$/.test(a));
    const r = await runEvents({ events: Number(events ?? EVENTS), skip });
    console.log('| page | path | status | bytes | p50 ms | p95 ms | max ms |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const p of r.pages)
      console.log(
        `| ${p.label} | \`${p.path}\` | ${p.status} | ${p.bytes} | ${p.stats.p50} | ${p.stats.p95} | ${p.stats.max} |`,
      );
  } catch (error) {
    console.error(error);
    code = 1;
  } finally {
    await cleanupAll();
  }
  process.exit(code);
}

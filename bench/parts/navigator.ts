/**
 * Part navigator: the navigators' back-office pages (issue 16, src/modules/relocation/) at a large
 * region's scale, through the real app in this process (buildApp + app.inject, as the HTTP tests
 * run it), on the bench PostgreSQL (servers/db.ts: migrated, regions seeded; the modules' base data
 * — the region's and municipalities' organisations — seeded here).
 *
 *   data      Dalarna with 20,000 relocation cases over its 15 municipalities (15 % "not sure yet",
 *             the region's inbox) and every stage, created over the last 3 years (new ones in the
 *             last 45 days), ~60 % with a first response, moved/settled ones with outcomes and
 *             moved_on, closed ones with a reason; each with a main mover (e-mail; 1 % share one
 *             with another case, for the duplicates page), a partner for half, 1–3 children for a
 *             third, consents (2 % of main movers withdrew 'contact'), 5 history events, a task for 30 %, a meeting for 40 % (a booked past
 *             slot for 30 %), 12-month follow-ups (sent; answered for 45 %) for the moves over a
 *             year old; 30 navigators (2 of the region, 2 per municipality but 1 in the two smallest); 2,000 open slots ahead.
 *             Everything is written by bulk INSERT … SELECT generate_series (setseed: repeatable).
 *   pages     GET /admin/cases (the "new" tab), /admin/cases?view=open (every open case), a case
 *             file /admin/cases/:id (random cases of the navigator's scope), the dashboard
 *             (?view=region, default period: the last 12 months) and its CSV, /admin/cases/duplicates,
 *             each ROUNDS times one at a time, for a region navigator and a municipality navigator
 *             (Falun, 2080) whose sessions have shown a second factor. Target: p95 ≤ 300 ms.
 *   booking   50 households POST /sv/move at once for the same 10 slots (Falun, e-mail): exactly 10
 *             are booked (303), the other 40 get the form again with "taken" (409); the time until
 *             every answer is in.
 *
 * The figures are in-process (no socket): the server's time for a page, including PostgreSQL.
 *
 * Standalone: `node --import tsx bench/parts/navigator.ts [cases] [--skip=duplicates,…]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { modules } from '../../src/modules/index.ts';
import { createRegionDirectory } from '../../src/modules/regions/service.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { RateLimiter } from '../../src/platform/http/rate-limit.ts';
import { createMailTransport } from '../../src/platform/mail/outbox.ts';
import { seedModules } from '../../src/platform/module.ts';
import { TaskQueue } from '../../src/platform/tasks/queue.ts';
import { registerTasks } from '../../src/runtime.ts';
import { cleanupAll, onCleanup } from '../lib/cleanup.ts';
import { startBenchDatabase, type BenchDatabase } from '../lib/db.ts';
import { benchSession } from '../lib/session.ts';
import { latencyStats, type LatencyStats } from './search-db.ts';

export const NAVIGATOR_TARGET_P95_MS = 300;
const REGION = 'dalarna';
const CASES = 20_000;
const NAVIGATORS_PER_MUNICIPALITY = 2;
const REGION_NAVIGATORS = 2;
const OPEN_SLOTS = 2000;
const CONTENDED_SLOTS = 10;
const CONTENDERS = 50;
/** Requests per page and navigator (the duplicates page, the heaviest, gets a quarter). */
const ROUNDS = 100;
const WARMUP = 5;

export interface NavigatorPageResult {
  navigator: 'region' | 'municipality';
  label: string;
  path: string;
  status: number;
  bytes: number;
  stats: LatencyStats;
}

export interface NavigatorBookingResult {
  contenders: number;
  slots: number;
  booked: number;
  taken: number;
  other: number;
  /** Slots that ended with a case: must equal `slots`. */
  slotsWithCase: number;
  /** From the first POST sent until the last answer came. */
  allMs: number;
  stats: LatencyStats;
}

export interface NavigatorBenchResult {
  measuredAt: string;
  cases: number;
  persons: number;
  events: number;
  navigators: number;
  openSlots: number;
  buildMs: number;
  /** Cases in the municipality navigator's scope. */
  municipalityScope: number;
  pages: NavigatorPageResult[];
  booking: NavigatorBookingResult;
  /** The machine's 1/5/15-minute load averages when the measuring began and ended (shared machine). */
  loadAtStart: number[];
  loadAtEnd: number[];
}

/** Never limits: the booking's 50 households come from 50 addresses anyway (see below). */
const unlimited: RateLimiter = { hit: async () => undefined, sweep: async () => 0 };

/** Builds the region's cases (see the file's comment); returns the counts. */
export async function buildNavigatorData(db: Kysely<DB>, cases = CASES) {
  await sql`SELECT setseed(0.16)`.execute(db);
  const munis = await db
    .selectFrom('organisations')
    .select(['id', 'municipality_code'])
    .where('region_id', '=', REGION)
    .where('kind', '=', 'municipality')
    .orderBy('municipality_code')
    .execute();
  if (munis.length !== 15) throw new Error(`expected Dalarna's 15 municipalities, found ${munis.length}`);
  const regionOrg = await db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', REGION)
    .where('kind', '=', 'region')
    .executeTakeFirstOrThrow();

  // Navigators: accounts, memberships, confirmed TOTP secrets. `k` 0 is the region's inbox.
  await sql`CREATE TEMP TABLE bench_orgs (k int PRIMARY KEY, org uuid NOT NULL, code text)`.execute(db);
  await sql`INSERT INTO bench_orgs VALUES (0, ${regionOrg.id}, NULL)`.execute(db);
  for (const [i, m] of munis.entries())
    await sql`INSERT INTO bench_orgs VALUES (${i + 1}, ${m.id}, ${m.municipality_code})`.execute(db);
  await sql`CREATE TEMP TABLE bench_navs (k int, n int, account uuid, org uuid)`.execute(db);
  await sql`
    WITH made AS (
      INSERT INTO accounts (region_id, email, language, display_name)
      SELECT ${REGION}, 'navigator-' || o.k || '-' || n || '@bench.lotsa.invalid', 'sv',
        (ARRAY['Anna','Erik','Maria','Lars','Karin','Johan','Sara','Per'])[1 + (o.k * 3 + n) % 8] || ' ' ||
        (ARRAY['Lind','Berg','Dahl','Holm','Nilsson','Ek','Sjöberg','Falk'])[1 + (o.k + n * 5) % 8]
      FROM bench_orgs o, generate_series(1, CASE WHEN o.k = 0 THEN ${REGION_NAVIGATORS}::int WHEN o.k > 13 THEN 1 ELSE ${NAVIGATORS_PER_MUNICIPALITY}::int END) n
      RETURNING id, email)
    INSERT INTO bench_navs
    SELECT split_part(email, '-', 2)::int, split_part(split_part(email, '-', 3), '@', 1)::int, id, o.org
    FROM made JOIN bench_orgs o ON o.k = split_part(made.email, '-', 2)::int`.execute(db);
  await sql`INSERT INTO memberships (region_id, organisation_id, account_id, role)
    SELECT ${REGION}, org, account, 'navigator' FROM bench_navs`.execute(db);
  await sql`INSERT INTO totp_secrets (region_id, account_id, secret, confirmed_at)
    SELECT ${REGION}, account, 'JBSWY3DPEHPK3PXP', now() FROM bench_navs`.execute(db);

  // Cases. Municipality: skewed towards the larger ones (k 1..15), 15 % none (k 0).
  await sql`
    CREATE TEMP TABLE bench_cases AS
    SELECT i,
      CASE WHEN random() < 0.15 THEN 0 ELSE 1 + floor(15 * power(random(), 1.6))::int END AS k,
      (SELECT s FROM (VALUES
        (0.08, 'new'), (0.20, 'in_contact'), (0.35, 'exploring'), (0.43, 'visit_planned'),
        (0.50, 'offer'), (0.55, 'moving'), (0.70, 'moved'), (0.85, 'settled'), (1.01, 'closed')
      ) v(p, s) WHERE v.p > r.x ORDER BY v.p LIMIT 1) AS stage,
      random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
    FROM generate_series(1, ${cases}) i, LATERAL (SELECT random() + i * 0 AS x) r`.execute(db);
  await sql`
    INSERT INTO relocation_cases (region_id, organisation_id, municipality_code, navigator_id, stage,
      stage_changed_at, needs, channel, language, housing, message, first_response_at, first_response_by,
      outcome_municipality, outcome_main_employment, outcome_partner_employment, moved_on,
      close_reason, closed_at, created_at, updated_at)
    SELECT ${REGION}, o.org, o.code, nav.account, b.stage,
      least(now(), created + interval '20 days' * (1 + b.r3 * 5)),
      (ARRAY['{job,housing}', '{job,partner_job,school}', '{housing}', '{job,partner_job,housing,school}',
        '{permits,social}', '{job}'])[1 + (b.i % 6)]::text[],
      (ARRAY['email','phone','video'])[1 + (b.i % 3)],
      (ARRAY['sv','en','en','sv','Deutsch'])[1 + (b.i % 5)],
      (ARRAY['rent','buy','either','not_sure'])[1 + (b.i % 4)],
      CASE WHEN b.r4 < 0.5 THEN 'Vi vill flytta till Dalarna för jobbet och naturen. Ärende ' || b.i ELSE '' END,
      CASE WHEN b.stage <> 'new' AND b.r2 < 0.65 THEN created + interval '1 hour' * (1 + b.r3 * 96) END,
      CASE WHEN b.stage <> 'new' AND b.r2 < 0.65 THEN nav.account END,
      CASE WHEN b.stage IN ('moved', 'settled') THEN coalesce(o.code, '2080') END,
      CASE WHEN b.stage IN ('moved', 'settled') THEN (ARRAY['employed','employed','self_employed','searching','studying','other'])[1 + (b.i % 6)] END,
      CASE WHEN b.stage IN ('moved', 'settled') THEN (ARRAY['employed','searching','no_partner','studying','other','self_employed'])[1 + (b.i % 6)] END,
      CASE WHEN b.stage IN ('moved', 'settled') THEN least(current_date, (created + interval '1 day' * (60 + b.r3 * 240))::date) END,
      CASE WHEN b.stage = 'closed' THEN (ARRAY['not_moving','withdrawn','no_contact','duplicate','spam','other'])[1 + (b.i % 6)] END,
      CASE WHEN b.stage = 'closed' THEN least(now(), created + interval '1 day' * (10 + b.r3 * 200)) END,
      created, created
    FROM (SELECT *, now() - CASE WHEN stage = 'new' THEN interval '45 days' ELSE interval '3 years' END * r1 AS created
          FROM bench_cases) b
    JOIN bench_orgs o ON o.k = b.k
    LEFT JOIN bench_navs nav ON b.stage <> 'new' AND nav.k = b.k AND nav.n = CASE WHEN b.k > 13 THEN 1 ELSE 1 + (b.i % 2) END
    ORDER BY created`.execute(db);
  await sql`CREATE TEMP TABLE bench_case_ids AS
    SELECT row_number() OVER (ORDER BY ref)::int AS i, id, created_at, stage, moved_on, navigator_id,
      organisation_id, random() AS r1, random() AS r2, random() AS r3
    FROM relocation_cases WHERE region_id = ${REGION}`.execute(db);
  await sql`CREATE INDEX ON bench_case_ids (i)`.execute(db);

  // Households: the main mover (e-mail; 1 % share the e-mail of the case 1,001 before), partners
  // for half, 1–3 children for a third.
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
    INSERT INTO relocation_persons (region_id, case_id, role, name, email, phone, citizenship, occupation, created_at)
    SELECT ${REGION}, c.id, 'main',
      (${first}::text[])[1 + c.i % 10] || ' ' || (${last}::text[])[1 + (c.i / 10) % 10] || ' ' || c.i,
      'mover-' || CASE WHEN c.i % 100 = 7 AND c.i > 1000 THEN c.i - 1001 ELSE c.i END || '@example.org',
      CASE WHEN c.r1 < 0.4 THEN '+46 70 ' || lpad((1000000 + c.i)::text, 7, '0') END,
      (ARRAY['nordic','eu','eu','non_eu','unknown'])[1 + c.i % 5],
      (ARRAY['Sjuksköterska','Nurse','Software developer','Elektriker','Lärare','Civilingenjör'])[1 + c.i % 6],
      c.created_at
    FROM bench_case_ids c`.execute(db);
  await sql`
    INSERT INTO relocation_persons (region_id, case_id, role, name, email, citizenship, occupation, created_at)
    SELECT ${REGION}, c.id, 'partner',
      (${first}::text[])[1 + (c.i + 3) % 10] || ' ' || (${last}::text[])[1 + (c.i / 10) % 10] || ' ' || c.i,
      CASE WHEN c.r2 < 0.3 THEN 'partner-' || c.i || '@example.org' END,
      (ARRAY['nordic','eu','non_eu','unknown'])[1 + c.i % 4],
      (ARRAY['Läkare','Teacher','Projektledare','Chef','Undersköterska'])[1 + c.i % 5],
      c.created_at
    FROM bench_case_ids c WHERE c.i % 2 = 0`.execute(db);
  await sql`
    INSERT INTO relocation_persons (region_id, case_id, role, age, age_on, created_at)
    SELECT ${REGION}, c.id, 'child', (c.i * 7 + n * 5) % 18, c.created_at::date, c.created_at
    FROM bench_case_ids c, generate_series(1, 1 + c.i % 3) n WHERE c.i % 3 = 0`.execute(db);
  await sql`
    INSERT INTO relocation_consents (region_id, person_id, purpose, text_version, given_at, withdrawn_at)
    SELECT p.region_id, p.id, purpose, v, p.created_at,
      CASE WHEN p.role = 'main' AND cv.purpose = 'contact' AND get_byte(decode(md5(p.id::text), 'hex'), 1) < 6
        THEN least(now(), p.created_at + interval '30 days') END
    FROM relocation_persons p,
      (VALUES ('contact', ${'2026-01'}), ('followup', ${'2026-01'})) cv(purpose, v)
    WHERE p.region_id = ${REGION} AND p.role <> 'child'
      AND (cv.purpose = 'contact' OR get_byte(decode(md5(p.id::text), 'hex'), 0) < 180)`.execute(db);
  // Fix the consent text versions to the shipped ones.
  const { CONSENT_TEXT_VERSIONS } = await import('../../src/modules/relocation/model.ts');
  for (const [purpose, version] of Object.entries(CONSENT_TEXT_VERSIONS))
    await sql`UPDATE relocation_consents SET text_version = ${version} WHERE region_id = ${REGION} AND purpose = ${purpose}`.execute(
      db,
    );

  // History: 5 events per case, over its life.
  await sql`
    INSERT INTO relocation_case_events (region_id, case_id, at, actor_id, kind, body, data)
    SELECT ${REGION}, c.id, least(now(), c.created_at + interval '1 day' * n * n * 3),
      CASE WHEN n > 1 THEN c.navigator_id END,
      (ARRAY['note','taken','contact','stage','note'])[n],
      CASE (ARRAY['note','taken','contact','stage','note'])[n]
        WHEN 'note' THEN 'Pratade om jobb och boende. Partnern söker jobb inom vården. Anteckning ' || n
        WHEN 'contact' THEN 'Ringde upp, de återkommer efter besöket.' ELSE '' END,
      CASE (ARRAY['note','taken','contact','stage','note'])[n]
        WHEN 'contact' THEN '{"channel":"phone"}'::jsonb
        WHEN 'stage' THEN jsonb_build_object('from', 'new', 'to', c.stage)
        WHEN 'taken' THEN '{"from":null}'::jsonb ELSE '{}'::jsonb END
    FROM bench_case_ids c, generate_series(1, 5) n`.execute(db);

  // Tasks (30 %), meetings (40 %), booked past slots (30 %).
  await sql`
    INSERT INTO relocation_tasks (region_id, case_id, title, due_on, assignee_id, created_by, created_at, done_at)
    SELECT ${REGION}, c.id, 'Skicka information om förskolor', (c.created_at + interval '14 days')::date,
      c.navigator_id, c.navigator_id, c.created_at,
      CASE WHEN c.stage IN ('moved','settled','closed') OR c.r3 < 0.5 THEN c.created_at + interval '10 days' END
    FROM bench_case_ids c WHERE c.r1 < 0.3`.execute(db);
  await sql`
    INSERT INTO relocation_slots (region_id, navigator_id, organisation_id, starts_at, minutes, channels, case_id, booked_at, created_at)
    SELECT ${REGION}, nav.account, nav.org,
      date_trunc('hour', c.created_at) + interval '2 days' + interval '1 minute' * (c.i % 60), 30,
      ARRAY['email','phone','video'], c.id, c.created_at, c.created_at - interval '3 days'
    FROM bench_case_ids c
    JOIN bench_navs nav ON nav.org = c.organisation_id
      AND nav.n = least(1 + (c.i % 2), (SELECT max(n) FROM bench_navs x WHERE x.org = c.organisation_id))
    WHERE c.r2 < 0.3
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    INSERT INTO relocation_meetings (region_id, case_id, slot_id, navigator_id, starts_at, minutes, channel, place, created_at)
    SELECT ${REGION}, c.id, s.id, coalesce(s.navigator_id, c.navigator_id),
      coalesce(s.starts_at, c.created_at + interval '9 days'), 30,
      (ARRAY['video','phone','in_person'])[1 + c.i % 3], '', c.created_at
    FROM bench_case_ids c
    LEFT JOIN relocation_slots s ON s.region_id = ${REGION} AND s.case_id = c.id
    WHERE c.r2 < 0.4`.execute(db);

  // 12-month follow-ups of the moves over a year ago (sent; answered for 45 %).
  await sql`
    INSERT INTO relocation_followups (region_id, case_id, months, due_on, sent_at, answered_at, answers)
    SELECT ${REGION}, c.id, m, (c.moved_on + make_interval(months => m))::date,
      (c.moved_on + make_interval(months => m))::timestamptz,
      CASE WHEN m = 12 AND c.r3 < 0.45 THEN (c.moved_on + make_interval(months => m, days => 4))::timestamptz END,
      CASE WHEN m = 12 AND c.r3 < 0.45 THEN jsonb_build_object(
        'living', CASE WHEN c.r1 < 0.9 THEN 'yes' ELSE 'no' END,
        'municipality', '2080',
        'main', (ARRAY['employed','employed','self_employed','searching','studying'])[1 + c.i % 5],
        'partner', (ARRAY['employed','searching','no_partner','studying','other'])[1 + c.i % 5],
        'satisfied', 1 + c.i % 5,
        'helped', 'Hjälpen med förskolan.') END
    FROM bench_case_ids c, (VALUES (3), (12)) f(m)
    WHERE c.moved_on IS NOT NULL AND c.moved_on + make_interval(months => m) < current_date`.execute(db);

  // 2,000 open slots over the coming weeks (the navigators' working hours, UTC).
  await sql`
    INSERT INTO relocation_slots (region_id, navigator_id, organisation_id, starts_at, minutes, channels)
    SELECT ${REGION}, nav.account, nav.org,
      date_trunc('day', now()) + interval '1 day' * (1 + (s / 8)) + interval '1 hour' * (7 + s % 8), 30,
      CASE WHEN s % 5 = 0 THEN ARRAY['phone'] ELSE ARRAY['email','phone','video'] END
    FROM (SELECT row_number() OVER () AS r, account, org FROM bench_navs) nav,
      generate_series(0, ${Math.ceil(OPEN_SLOTS / 30) - 1}) s
    ORDER BY s, nav.r
    LIMIT ${OPEN_SLOTS}`.execute(db);

  for (const t of [
    'relocation_cases',
    'relocation_persons',
    'relocation_consents',
    'relocation_case_events',
    'relocation_tasks',
    'relocation_meetings',
    'relocation_slots',
    'relocation_followups',
    'accounts',
    'memberships',
  ])
    await sql`VACUUM ANALYZE ${sql.table(t)}`.execute(db);
  const count = async (t: string) =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db)).rows[0]?.n ?? 0);
  return {
    cases: await count('relocation_cases'),
    persons: await count('relocation_persons'),
    events: await count('relocation_case_events'),
    navigators: Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM bench_navs`.execute(db)).rows[0]?.n ?? 0,
    ),
  };
}

async function timedGet(app: FastifyInstance, url: string, cookie: string) {
  const started = performance.now();
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: response.statusCode, bytes: response.rawPayload.length, ms: performance.now() - started };
}

/** The booking race: CONTENDERS households from as many addresses POST for CONTENDED_SLOTS slots. */
async function bookingRace(app: FastifyInstance, db: Kysely<DB>): Promise<NavigatorBookingResult> {
  const falun = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
    )
    .select(['m.account_id', 'm.organisation_id'])
    .where('m.region_id', '=', REGION)
    .where('o.municipality_code', '=', '2080')
    .where('m.role', '=', 'navigator')
    .orderBy('m.account_id')
    .executeTakeFirstOrThrow();
  const slots = await db
    .insertInto('relocation_slots')
    .values(
      Array.from({ length: CONTENDED_SLOTS }, (_, n) => ({
        region_id: REGION,
        navigator_id: falun.account_id,
        organisation_id: falun.organisation_id,
        starts_at: sql<Date>`date_trunc('day', now()) + interval '1 year' + make_interval(hours => ${n})`,
        minutes: 30,
        channels: ['email', 'phone', 'video'],
      })),
    )
    .returning('id')
    .execute();
  // A browser's CSRF cookie and token (as test/helpers/client.ts formClient gets them).
  const page = await app.inject({ method: 'GET', url: '/sv/move?municipality=2080' });
  const setCookie = page.headers['set-cookie'];
  const csrfCookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  if (!token) throw new Error(`no CSRF token on /sv/move (${page.statusCode})`);
  const post = async (n: number) => {
    const body = new URLSearchParams({ _csrf: token });
    const fields: Record<string, string | string[]> = {
      needs: ['job', 'housing'],
      municipality: '2080',
      channel: 'email',
      language: 'sv',
      citizenship: 'eu',
      has_partner: 'no',
      children: '',
      housing: 'rent',
      message: 'Vi vill flytta till Falun.',
      name: `Hushåll ${n}`,
      email: `race-${n}@example.org`,
      phone: '',
      consent_contact: 'yes',
      slot: slots[n % CONTENDED_SLOTS]!.id,
      action: 'send',
    };
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    const started = performance.now();
    const response = await app.inject({
      method: 'POST',
      url: '/sv/move',
      remoteAddress: `10.16.${Math.floor(n / 250)}.${(n % 250) + 1}`,
      payload: body.toString(),
      headers: {
        cookie: csrfCookie,
        origin: 'http://localhost',
        host: 'localhost',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    return { status: response.statusCode, ms: performance.now() - started };
  };
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: CONTENDERS }, (_, n) => post(n)));
  const allMs = performance.now() - started;
  const withCase = await db
    .selectFrom('relocation_slots')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_id', '=', REGION)
    .where(
      'id',
      'in',
      slots.map((s) => s.id),
    )
    .where('case_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return {
    contenders: CONTENDERS,
    slots: CONTENDED_SLOTS,
    booked: answers.filter((a) => a.status === 303).length,
    taken: answers.filter((a) => a.status === 409).length,
    other: answers.filter((a) => a.status !== 303 && a.status !== 409).length,
    slotsWithCase: Number(withCase.n),
    allMs: Math.round(allMs * 10) / 10,
    stats: latencyStats(answers.map((a) => a.ms)),
  };
}

export async function runNavigator(
  options: { cases?: number; database?: BenchDatabase; rounds?: number; skip?: string[] } = {},
): Promise<NavigatorBenchResult> {
  const ownDatabase = !options.database;
  const bench = options.database ?? (await startBenchDatabase());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-navigator-'));
  const removeDir = onCleanup(`temp dir ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  const database = openDatabase(bench.url, { max: 10 });
  const rounds = options.rounds ?? ROUNDS;
  try {
    const db = database.db;
    await seedModules(db, modules, { demo: false });
    const started = performance.now();
    const counts = await buildNavigatorData(db, options.cases ?? CASES);
    const buildMs = Math.round(performance.now() - started);
    console.log(
      `  ${counts.cases} cases, ${counts.persons} persons, ${counts.events} history events, ${counts.navigators} navigators in ${Math.round(buildMs / 1000)} s`,
    );

    const config = loadConfig({
      LOTSA_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: 'http://localhost:3000',
      DATABASE_URL: bench.url,
    });
    const logger = pino({ level: 'warn' }, pino.destination('/dev/null'));
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
      const navigatorOf = async (code: string | null) =>
        db
          .selectFrom('memberships as m')
          .innerJoin('organisations as o', (j) =>
            j.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
          )
          .select(['m.account_id', 'm.organisation_id'])
          .where('m.region_id', '=', REGION)
          .where('m.role', '=', 'navigator')
          .where('o.kind', '=', code ? 'municipality' : 'region')
          .$if(code !== null, (q) => q.where('o.municipality_code', '=', code))
          .orderBy('m.account_id')
          .executeTakeFirstOrThrow();
      const people = {
        region: await navigatorOf(null),
        municipality: await navigatorOf('2080'),
      };
      const municipalityScope = Number(
        (
          await sql<{ n: string }>`SELECT count(*) AS n FROM relocation_cases c WHERE c.region_id = ${REGION}
            AND (c.organisation_id = ${people.municipality.organisation_id} OR c.navigator_id = ${people.municipality.account_id}
              OR c.municipality_code = '2080')`.execute(db)
        ).rows[0]?.n,
      );
      const loadAtStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
      const pages: NavigatorPageResult[] = [];
      for (const who of ['region', 'municipality'] as const) {
        const nav = people[who];
        const cookie = await benchSession(db, REGION, nav.account_id, nav.organisation_id);
        const scopeIds = (
          await sql<{ id: string }>`SELECT id FROM relocation_cases c WHERE c.region_id = ${REGION}
            ${who === 'municipality' ? sql`AND (c.organisation_id = ${nav.organisation_id} OR c.navigator_id = ${nav.account_id} OR c.municipality_code = '2080')` : sql``}
            ORDER BY md5(id::text) LIMIT 500`.execute(db)
        ).rows.map((r) => r.id);
        let next = 0;
        const list: Array<[string, () => string, number]> = [
          ['Inbox, "new" tab', () => '/admin/cases', rounds],
          ['Inbox, "all open" tab', () => '/admin/cases?view=open', rounds],
          ['Case file (random cases)', () => `/admin/cases/${scopeIds[next++ % scopeIds.length]}`, rounds],
          ['Dashboard, region, default period', () => '/admin/cases/dashboard?view=region', rounds],
          ['Dashboard CSV, region, default period', () => '/admin/cases/dashboard.csv?view=region', rounds],
          ['Possible duplicates', () => '/admin/cases/duplicates', Math.max(50, rounds / 2)],
        ];
        for (const [label, url, n] of list) {
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
          const shown = url().replace(/[0-9a-f-]{36}$/, ':id');
          console.log(
            `  ${who.padEnd(12)} ${label.padEnd(38)} ${last.status}${bad ? ` (${bad} not 200)` : ''}, ${last.bytes} B, p50 ${stats.p50} ms, p95 ${stats.p95} ms, max ${stats.max} ms`,
          );
          if (bad)
            throw new Error(`${who} ${shown}: ${bad} of ${n} answers were not 200 (last ${last.status})`);
          pages.push({ navigator: who, label, path: shown, status: last.status, bytes: last.bytes, stats });
        }
      }
      const booking = await bookingRace(app, db);
      console.log(
        `  booking: ${booking.contenders} POST /sv/move for ${booking.slots} slots → ${booking.booked} booked (303), ${booking.taken} taken (409), ${booking.other} other; ` +
          `${booking.slotsWithCase} slots hold a case; all answered in ${booking.allMs} ms (p50 ${booking.stats.p50}, max ${booking.stats.max} ms)`,
      );
      return {
        measuredAt: new Date().toISOString(),
        cases: counts.cases,
        persons: counts.persons,
        events: counts.events,
        navigators: counts.navigators,
        openSlots: OPEN_SLOTS,
        buildMs,
        municipalityScope,
        pages,
        booking,
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
  const { describeMachine } = await import('../lib/machine.ts');
  const { ROOT } = await import('../lib/proc.ts');
  const machine = describeMachine(ROOT);
  console.log(
    `${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAverage.join(' / ')}, ${new Date().toISOString()}`,
  );
  let code = 0;
  try {
    // `--skip=duplicates,…`: leave out the pages whose path contains one of these.
    const skip = process.argv
      .find((a) => a.startsWith('--skip='))
      ?.slice(7)
      .split(',');
    const cases = process.argv.slice(2).find((a) => /^\d+$/.test(a));
    const r = await runNavigator({ cases: Number(cases ?? CASES), skip });
    console.log('| navigator | page | status | bytes | p50 ms | p95 ms | max ms |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const p of r.pages)
      console.log(
        `| ${p.navigator} | ${p.label} \`${p.path}\` | ${p.status} | ${p.bytes} | ${p.stats.p50} | ${p.stats.p95} | ${p.stats.max} |`,
      );
  } catch (error) {
    console.error(error);
    code = 1;
  } finally {
    await cleanupAll();
  }
  process.exit(code);
}

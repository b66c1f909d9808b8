/**
 * Part toolbox: the employer toolbox (issue 18, src/modules/toolbox/) at a large region's scale,
 * through the real app in this process (buildApp + app.inject, as the events part runs it), on the
 * bench PostgreSQL (servers/db.ts: migrated, regions seeded; the modules' seeds run here with the
 * demo data, so the demo organisations, accounts, media library, job board and toolbox are there).
 *
 *   data      Dalarna with ORGANISATIONS organisations using the toolbox (the demo employer of
 *             hr@example.org and bench employers, two accounts each, a quarter English-speaking);
 *             ASSETS published assets (most photos — toolbox assets over the demo library's
 *             photographs — then logos, graphic profiles, documents and templates sharing the demo
 *             files), each with 1–3 topics, 1–2 personas, 2–4 permitted uses and a last day 60–660
 *             days ahead, plus 100 drafts; DOWNLOADS download-log rows over the last 23 months
 *             (assets and organisations skewed: a few popular, the demo employer the heaviest);
 *             TEXTS approved texts over every persona, topic and the 15 municipalities (a third
 *             region-wide), plus 100 drafts; a widget for each organisation (WIDGETS). Bulk
 *             INSERT … SELECT generate_series (setseed).
 *   pages     the organisations' assets grid (no filter, each filter, a deep page), an asset's page,
 *             a download (logged; a photo's JPEG), the organisation's downloads, the texts (no filter,
 *             a municipality), the builder with a job and every block (and format=html), the widget's
 *             JSON (cold and with If-None-Match) and page, the back-office's assets list and the most
 *             downloaded asset's log as CSV; ROUNDS times each, one at a time.
 *   expiry    toolbox.assets.expiry's runAssetExpiry at a day after every bench asset's last day:
 *             run after run until one queues nothing (bounded): how long each took, how many assets
 *             and mails; a check that the mails are exactly one per asset and downloader (still an
 *             account) and that the run after the last queues none — a check, not a timing assertion.
 *   widget    the size of public/js/lotsa-widget.js (bytes, and gzip -9).
 *
 * The figures are in-process (no socket): the server's time for a page, including PostgreSQL.
 *
 * Standalone: `node --import tsx bench/parts/toolbox.ts [--rounds=N]`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { modules } from '../../src/modules/index.ts';
import { createRegionDirectory } from '../../src/modules/regions/service.ts';
import { runAssetExpiry } from '../../src/modules/toolbox/assets/service.ts';
import { PERSONAS, TOPICS, USES } from '../../src/modules/toolbox/model.ts';
import { TEXTS_CAP } from '../../src/modules/toolbox/texts/public-routes.ts';
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
const ORGANISATIONS = 500;
const ASSETS = 2000;
const DOWNLOADS = 200_000;
const TEXTS = 2000;
const DRAFTS = 100;
/** Requests per page (the download, the CSV and the builder's HTML get half). */
const ROUNDS = 100;
const WARMUP = 5;
/** Runs of the expiry task at most before giving up on it draining. */
const MAX_EXPIRY_RUNS = 40;
/** The expiry task's day: this many days after today (every bench asset's last day is before). */
const EXPIRY_AFTER_DAYS = 700;
const WIDGET_SCRIPT = 'public/js/lotsa-widget.js';

export interface ToolboxPageResult {
  group: 'organisation' | 'widget' | 'back-office';
  label: string;
  path: string;
  status: number;
  bytes: number;
  stats: LatencyStats;
}

export interface ToolboxExpiryRun {
  ms: number;
  warned: number;
  notified: number;
  mails: number;
}

export interface ToolboxExpiryResult {
  /** The day the task ran for (YYYY-MM-DD). */
  day: string;
  /** Assets past their last day on that day, or withdrawn, not yet notified (every region). */
  expiring: number;
  /** Distinct accounts still present that downloaded one of them: the mails owed (one a person). */
  expectedMails: number;
  runs: ToolboxExpiryRun[];
  /** Mails queued in all runs (mail_outbox rows added). */
  mails: number;
  /** The most assets one run handled. */
  perRunCap: number;
  /** Every expiring asset notified once, mails = expectedMails, and the last run queued none. */
  ok: boolean;
  /** Whether the second run queued none (true only when the first handled every asset). */
  secondRunNone: boolean;
  /** The most mails queued to one address in all runs (one a person per run: the digest). */
  mostToOneAddress: number;
}

export interface ToolboxBenchResult {
  measuredAt: string;
  organisations: number;
  accounts: number;
  assets: number;
  photos: number;
  downloads: number;
  heaviestOrganisationDownloads: number;
  mostDownloadedAsset: number;
  texts: number;
  widgets: number;
  jobsOfDemoEmployer: number;
  buildMs: number;
  lastGridPage: number;
  /** The most approved texts /:lang/toolbox/texts reads (TEXTS_CAP), the newest. */
  textsCap: number;
  machine: Pick<Machine, 'cpus' | 'cpuModel' | 'memoryGiB' | 'node' | 'code'>;
  pages: ToolboxPageResult[];
  expiry: ToolboxExpiryResult;
  widgetScript: { bytes: number; gzip: number };
  loadAtStart: number[];
  loadAtEnd: number[];
}

/** Never limits: the widget's API and the builder are rate-limited per address. */
const unlimited: RateLimiter = { hit: async () => undefined, sweep: async () => 0 };

const count = async (db: Kysely<DB>, query: RawBuilder<{ n: string }>) =>
  Number((await query.execute(db)).rows[0]?.n ?? 0);

/** Builds the toolbox's data (see the file's comment). */
export async function buildToolboxData(db: Kysely<DB>) {
  await sql`SELECT setseed(0.18)`.execute(db);
  const hr = await db
    .selectFrom('accounts as a')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.region_id', '=', 'a.region_id').onRef('m.account_id', '=', 'a.id'),
    )
    .select(['a.id', 'm.organisation_id'])
    .where('a.region_id', '=', REGION)
    .where('a.email', '=', 'hr@example.org')
    .executeTakeFirstOrThrow();

  // Organisations: k 0 is the demo employer, 1..ORGANISATIONS-1 bench employers with two accounts.
  await sql`
    INSERT INTO organisations (region_id, kind, name, org_number)
    SELECT ${REGION}, 'employer', 'Bänkföretaget ' || i || ' AB', '8999' || lpad(i::text, 6, '0')
    FROM generate_series(1, ${ORGANISATIONS - 1}) i`.execute(db);
  await sql`
    INSERT INTO accounts (region_id, email, display_name, language)
    SELECT ${REGION}, 'bench-' || i || '-' || n || '@example.org', 'Person ' || i || '.' || n,
      CASE WHEN (i + n) % 4 = 0 THEN 'en' ELSE 'sv' END
    FROM generate_series(1, ${ORGANISATIONS - 1}) i, generate_series(1, 2) n`.execute(db);
  await sql`
    INSERT INTO memberships (region_id, organisation_id, account_id, role)
    SELECT ${REGION}, o.id, a.id, CASE WHEN a.email LIKE '%-1@example.org' THEN 'employer_admin'
      ELSE 'employer_member' END
    FROM organisations o
    JOIN accounts a ON a.region_id = o.region_id
      AND a.email LIKE 'bench-' || substring(o.name FROM 'Bänkföretaget ([0-9]+) AB') || '-_@example.org'
    WHERE o.region_id = ${REGION} AND o.name LIKE 'Bänkföretaget %'`.execute(db);
  await sql`CREATE TEMP TABLE bench_orgs AS
    SELECT 0 AS k, ${hr.organisation_id}::uuid AS id, ${hr.id}::uuid AS a1, ${hr.id}::uuid AS a2
    UNION ALL
    SELECT substring(o.name FROM 'Bänkföretaget ([0-9]+) AB')::int, o.id,
      (SELECT m.account_id FROM memberships m WHERE m.region_id = o.region_id AND m.organisation_id = o.id
        AND m.role = 'employer_admin' LIMIT 1),
      (SELECT m.account_id FROM memberships m WHERE m.region_id = o.region_id AND m.organisation_id = o.id
        AND m.role = 'employer_member' LIMIT 1)
    FROM organisations o WHERE o.region_id = ${REGION} AND o.name LIKE 'Bänkföretaget %'`.execute(db);
  await sql`CREATE INDEX ON bench_orgs (k)`.execute(db);

  // Assets. Photos over the demo library's photographs; other kinds share the demo files.
  const photos = (
    await sql<{ id: string }>`SELECT id FROM media_images WHERE region_id = ${REGION} AND kind = 'photo'
      ORDER BY slug`.execute(db)
  ).rows.map((r) => r.id);
  if (photos.length < 3) throw new Error(`expected the demo library's photographs; found ${photos.length}`);
  const file = async (kind: string) =>
    (
      await sql<{ file_key: string; file_name: string; content_type: string; bytes: string; sha256: string }>`
        SELECT file_key, file_name, content_type, bytes, sha256 FROM toolbox_assets
        WHERE region_id = ${REGION} AND kind = ${kind} AND file_key IS NOT NULL LIMIT 1`.execute(db)
    ).rows[0];
  const logo = await file('logo');
  const pdf = await file('graphic-profile');
  if (!logo || !pdf) throw new Error('expected the demo wordmark and graphic-profile files');
  await sql`
    CREATE TEMP TABLE bench_assets AS
    SELECT i, CASE WHEN i > ${ASSETS} THEN 'draft' ELSE 'published' END AS status,
      (SELECT s FROM (VALUES (0.65, 'photo'), (0.75, 'logo'), (0.80, 'graphic-profile'), (0.95, 'document'),
        (1.01, 'template')) v(p, s) WHERE v.p > r.x ORDER BY v.p LIMIT 1) AS kind,
      random() AS r1, random() AS r2, random() AS r3
    FROM generate_series(1, ${ASSETS + DRAFTS}) i, LATERAL (SELECT random() + i * 0 AS x) r`.execute(db);
  await sql`
    INSERT INTO toolbox_assets (region_id, kind, status, title_sv, title_en, description_sv, description_en,
      topics, personas, media_image_id, file_key, file_name, content_type, bytes, sha256, creator, licence,
      licence_url, permitted_uses, use_note_sv, use_note_en, expires_on, created_at, updated_at)
    SELECT ${REGION}, b.kind, b.status,
      (ARRAY['Sjön i morgonljus','Skolgården','Pendeltåget','Trähuset','Fabriken','Fjället','Kontoret'])[1 + b.i % 7]
        || ' ' || b.i,
      (ARRAY['The lake at dawn','The schoolyard','The commuter train','The wooden house','The plant','The fell',
        'The office'])[1 + b.i % 7] || ' ' || b.i,
      repeat('En bild av livet i Dalarna för rekrytering. ', 4), repeat('A picture of life in Dalarna for recruiting. ', 4),
      ARRAY(SELECT t FROM unnest(${[...TOPICS]}::text[]) WITH ORDINALITY u(t, o)
        WHERE o = 1 + b.i % 8 OR (b.r1 < 0.6 AND o = 1 + (b.i / 8) % 8) OR (b.r1 < 0.2 AND o = 1 + (b.i / 3) % 8)),
      ARRAY(SELECT p FROM unnest(${[...PERSONAS]}::text[]) WITH ORDINALITY u(p, o)
        WHERE o = 1 + b.i % 7 OR (b.r2 < 0.4 AND o = 1 + (b.i / 7) % 7)),
      CASE WHEN b.kind = 'photo' THEN (${photos}::uuid[])[1 + b.i % ${photos.length}] END,
      CASE WHEN b.kind = 'photo' THEN NULL WHEN b.kind = 'logo' THEN ${logo.file_key} ELSE ${pdf.file_key} END,
      CASE WHEN b.kind = 'photo' THEN NULL WHEN b.kind = 'logo' THEN ${logo.file_name} ELSE ${pdf.file_name} END,
      CASE WHEN b.kind = 'photo' THEN NULL WHEN b.kind = 'logo' THEN ${logo.content_type} ELSE ${pdf.content_type} END,
      CASE WHEN b.kind = 'photo' THEN NULL WHEN b.kind = 'logo' THEN ${logo.bytes}::bigint ELSE ${pdf.bytes}::bigint END,
      CASE WHEN b.kind = 'photo' THEN NULL WHEN b.kind = 'logo' THEN ${logo.sha256} ELSE ${pdf.sha256} END,
      CASE WHEN b.kind = 'photo' THEN '' ELSE 'Region Dalarna' END,
      CASE WHEN b.kind = 'photo' THEN '' ELSE 'Fri användning i rekrytering' END, '',
      ARRAY(SELECT u FROM unnest(${[...USES]}::text[]) WITH ORDINALITY x(u, o)
        WHERE o IN (1 + b.i % 7, 1 + (b.i / 7) % 7) OR (b.r3 < 0.5 AND o = 1 + (b.i / 49) % 7)
          OR (b.r3 < 0.25 AND o = 1 + (b.i / 3) % 7)),
      'Ange fotografen.', 'Credit the photographer.',
      current_date + 60 + floor(b.r3 * 600)::int,
      now() - interval '2 years' - interval '1 minute' * b.i, now() - interval '1 minute' * b.i
    FROM bench_assets b`.execute(db);
  await sql`CREATE TEMP TABLE bench_published AS
    SELECT (row_number() OVER (ORDER BY md5(id::text)) - 1)::int AS k, id
    FROM toolbox_assets WHERE region_id = ${REGION} AND status = 'published' AND title_sv ~ ' [0-9]+$'`.execute(
    db,
  );
  await sql`CREATE INDEX ON bench_published (k)`.execute(db);
  const published = await count(db, sql`SELECT count(*) AS n FROM bench_published`);

  // The download log: popular assets and heavy organisations, over the last 23 months.
  await sql`
    INSERT INTO toolbox_downloads (region_id, asset_id, account_id, organisation_id, downloaded_at)
    SELECT ${REGION}, a.id, CASE WHEN x.i % 2 = 0 THEN o.a1 ELSE o.a2 END, o.id,
      now() - interval '1 minute' * floor(x.t * 60 * 24 * 30 * 23)
    FROM (SELECT i, floor(power(random(), 1.5) * ${published})::int AS ak,
        floor(power(random(), 2) * ${ORGANISATIONS})::int AS ok, random() AS t
      FROM generate_series(1, ${DOWNLOADS}) i) x
    JOIN bench_published a ON a.k = x.ak
    JOIN bench_orgs o ON o.k = x.ok`.execute(db);

  // Texts: approved over every persona, topic and municipality (a third region-wide), and drafts.
  await sql`
    INSERT INTO toolbox_texts (region_id, status, persona, topic, municipality_code, title_sv, title_en, body_sv,
      body_en, source_name, source_url, source_date, approved_at)
    SELECT ${REGION}, CASE WHEN i > ${TEXTS} THEN 'draft' ELSE 'approved' END,
      (${[...PERSONAS]}::text[])[1 + i % 7], (${[...TOPICS]}::text[])[1 + (i / 7) % 8],
      CASE WHEN random() < 0.33 THEN NULL ELSE (SELECT array_agg(code ORDER BY code) FROM municipalities
        WHERE region_id = ${REGION})[1 + floor(power(random(), 1.5) * 15)::int] END,
      'Argument ' || i, 'Argument ' || i,
      repeat('Här är naturen nära och vardagen enkel. ', 8) || E'\n\n' || repeat('Skolorna är små och goda. ', 6),
      repeat('Nature is close here and everyday life is simple. ', 8) || E'\n\n' ||
        repeat('The schools are small and good. ', 6),
      'Region Dalarna', 'https://www.regiondalarna.se/', current_date - 200,
      CASE WHEN i > ${TEXTS} THEN NULL ELSE now() - interval '1 hour' * i END
    FROM generate_series(1, ${TEXTS + DRAFTS}) i`.execute(db);

  // A widget for every bench organisation (the demo employer's is seeded).
  await sql`
    INSERT INTO toolbox_widgets (region_id, organisation_id, key, lang, municipality_code, show_jobs, max_jobs)
    SELECT ${REGION}, o.id, 'benchwidget' || lpad(o.k::text, 6, '0'), CASE WHEN o.k % 4 = 0 THEN 'en' ELSE 'sv' END,
      (SELECT array_agg(code ORDER BY code) FROM municipalities WHERE region_id = ${REGION})[1 + o.k % 16],
      true, 5
    FROM bench_orgs o WHERE o.k > 0
    ON CONFLICT DO NOTHING`.execute(db);

  for (const t of [
    'organisations',
    'accounts',
    'memberships',
    'toolbox_assets',
    'toolbox_downloads',
    'toolbox_texts',
  ])
    await sql`VACUUM ANALYZE ${sql.table(t)}`.execute(db);
  const org = await db
    .selectFrom('organisations')
    .select('org_number')
    .where('region_id', '=', REGION)
    .where('id', '=', hr.organisation_id)
    .executeTakeFirstOrThrow();
  return {
    organisationId: hr.organisation_id,
    orgNumber: org.org_number ?? '',
    organisations: await count(
      db,
      sql`SELECT count(DISTINCT organisation_id) AS n FROM toolbox_downloads
      WHERE region_id = ${REGION}`,
    ),
    accounts: await count(
      db,
      sql`SELECT count(DISTINCT account_id) AS n FROM toolbox_downloads
      WHERE region_id = ${REGION}`,
    ),
    assets: await count(
      db,
      sql`SELECT count(*) AS n FROM toolbox_assets WHERE region_id = ${REGION} AND status = 'published'`,
    ),
    photos: await count(
      db,
      sql`SELECT count(*) AS n FROM toolbox_assets WHERE region_id = ${REGION} AND status = 'published'
        AND kind = 'photo'`,
    ),
    downloads: await count(db, sql`SELECT count(*) AS n FROM toolbox_downloads WHERE region_id = ${REGION}`),
    heaviest: await count(
      db,
      sql`SELECT count(*) AS n FROM toolbox_downloads WHERE region_id = ${REGION}
        AND organisation_id = ${hr.organisation_id}`,
    ),
    texts: await count(
      db,
      sql`SELECT count(*) AS n FROM toolbox_texts WHERE region_id = ${REGION} AND status = 'approved'`,
    ),
    widgets: await count(db, sql`SELECT count(*) AS n FROM toolbox_widgets WHERE region_id = ${REGION}`),
  };
}

async function timedGet(app: FastifyInstance, url: string, headers: Record<string, string>) {
  const started = performance.now();
  const response = await app.inject({ method: 'GET', url, headers });
  return {
    status: response.statusCode,
    bytes: response.rawPayload.length,
    etag: String(response.headers.etag ?? ''),
    type: String(response.headers['content-type'] ?? ''),
    ms: performance.now() - started,
  };
}

/** The expiry task, run after run at `day` until one queues nothing (see the file's comment). */
async function expiryRuns(db: Kysely<DB>, queue: TaskQueue, day: string): Promise<ToolboxExpiryResult> {
  const now = new Date(`${day}T06:00:00Z`);
  const expiring = await count(
    db,
    sql`SELECT count(*) AS n FROM toolbox_assets a LEFT JOIN media_images m
      ON m.region_id = a.region_id AND m.id = a.media_image_id
      WHERE a.expiry_notified_at IS NULL AND (a.status = 'withdrawn'
        OR (a.status = 'published' AND least(a.expires_on, m.expires_on) < ${day}::date))`,
  );
  const expectedMails = await count(
    db,
    sql`SELECT count(*) AS n FROM (SELECT DISTINCT d.region_id, d.account_id
      FROM toolbox_downloads d
      JOIN accounts p ON p.region_id = d.region_id AND p.id = d.account_id
      JOIN toolbox_assets a ON a.region_id = d.region_id AND a.id = d.asset_id
      LEFT JOIN media_images m ON m.region_id = a.region_id AND m.id = a.media_image_id
      WHERE a.expiry_notified_at IS NULL AND (a.status = 'withdrawn'
        OR (a.status = 'published' AND least(a.expires_on, m.expires_on) < ${day}::date))) x`,
  );
  const outbox = () => count(db, sql`SELECT count(*) AS n FROM mail_outbox`);
  const before = await outbox();
  const lastId = await count(db, sql`SELECT coalesce(max(id), 0) AS n FROM mail_outbox`);
  const runs: ToolboxExpiryRun[] = [];
  for (let i = 0; i < MAX_EXPIRY_RUNS; i++) {
    const started = performance.now();
    const done = await runAssetExpiry({ db, queue, origin: 'http://localhost:3000' }, now);
    const ms = Math.round(performance.now() - started);
    runs.push({ ms, ...done });
    console.log(
      `  expiry run ${i + 1}: ${done.notified} assets notified, ${done.warned} warned, ${done.mails} mails in ${ms} ms`,
    );
    if (done.mails === 0 && done.notified === 0 && done.warned === 0) break;
  }
  const mails = (await outbox()) - before;
  const mostToOneAddress = await count(
    db,
    sql`SELECT coalesce(max(n), 0) AS n FROM (SELECT count(*) AS n FROM mail_outbox
      WHERE id > ${lastId} GROUP BY to_address) x`,
  );
  const notified = runs.reduce((s, r) => s + r.notified, 0);
  const last = runs[runs.length - 1];
  return {
    day,
    expiring,
    expectedMails,
    runs,
    mails,
    perRunCap: Math.max(...runs.map((r) => r.notified + r.warned)),
    ok:
      notified === expiring &&
      mails === expectedMails &&
      runs.reduce((s, r) => s + r.mails, 0) === mails &&
      last !== undefined &&
      last.mails === 0,
    secondRunNone: runs.length >= 2 && runs[1]!.mails === 0,
    mostToOneAddress,
  };
}

export async function runToolbox(
  options: { database?: BenchDatabase; rounds?: number } = {},
): Promise<ToolboxBenchResult> {
  const ownDatabase = !options.database;
  const bench = options.database ?? (await startBenchDatabase());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-toolbox-'));
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
    const data = await buildToolboxData(db);
    const buildMs = Math.round(performance.now() - started);
    console.log(
      `  ${data.assets} published assets (${data.photos} photos), ${data.downloads} downloads by ${data.organisations} organisations ` +
        `(${data.heaviest} by the demo employer), ${data.texts} approved texts, ${data.widgets} widgets in ${Math.round(buildMs / 1000)} s`,
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
      const employer = await memberSession(db, REGION, 'hr@example.org');
      const admin = await memberSession(db, REGION, 'admin@example.org');
      const lastGridPage = Math.ceil(data.assets / 24);
      const assetIds = (
        await sql<{ id: string; kind: string }>`SELECT id, kind FROM toolbox_assets
          WHERE region_id = ${REGION} AND status = 'published' AND title_sv ~ ' [0-9]+$'
          ORDER BY md5(id::text) LIMIT 500`.execute(db)
      ).rows;
      const photoIds = assetIds.filter((a) => a.kind === 'photo').map((a) => a.id);
      const mostDownloaded = (
        await sql<{ id: string; n: string }>`SELECT asset_id AS id, count(*) AS n FROM toolbox_downloads
          WHERE region_id = ${REGION} GROUP BY 1 ORDER BY 2 DESC LIMIT 1`.execute(db)
      ).rows[0]!;
      const job = (
        await sql<{ id: string; n: string }>`SELECT id, count(*) OVER () AS n FROM job_ads
          WHERE region_id = ${REGION} AND status = 'open' AND employer_orgnr = ${data.orgNumber}
          ORDER BY published_at DESC LIMIT 1`.execute(db)
      ).rows[0];
      const anyJob = job
        ? undefined
        : (
            await sql<{
              id: string;
            }>`SELECT id FROM job_ads WHERE region_id = ${REGION} AND status = 'open' ORDER BY published_at DESC LIMIT 1`.execute(
              db,
            )
          ).rows[0];
      const jobId = job?.id ?? anyJob?.id;
      if (!jobId) throw new Error('no open job on the demo board');
      const demoWidget = (
        await db
          .selectFrom('toolbox_widgets')
          .select('key')
          .where('region_id', '=', REGION)
          .where('organisation_id', '=', data.organisationId)
          .executeTakeFirstOrThrow()
      ).key;
      const widgetKeys = (
        await sql<{
          key: string;
        }>`SELECT key FROM toolbox_widgets WHERE region_id = ${REGION} ORDER BY md5(key)`.execute(db)
      ).rows.map((r) => r.key);
      const municipality = (
        await sql<{ slug: string }>`SELECT m.slug FROM municipalities m WHERE m.region_id = ${REGION}
          ORDER BY (SELECT count(*) FROM toolbox_texts t WHERE t.region_id = m.region_id
            AND t.municipality_code = m.code AND t.status = 'approved') DESC LIMIT 1`.execute(db)
      ).rows[0]!.slug;
      const builder = `/sv/toolbox/builder?job=${jobId}&persona=international&text=sv&blocks=partner&blocks=navigator&blocks=english`;
      const etag = (await timedGet(app, `/api/v1/widget/${demoWidget}`, {})).etag;
      if (!etag) throw new Error('the widget JSON sent no ETag');
      let next = 0;
      const at = <T>(list: T[]) => list[next++ % list.length]!;
      const emp = { cookie: employer.cookie };
      const adm = { cookie: admin.cookie };
      type Row = [ToolboxPageResult['group'], string, () => string, Record<string, string>, number, number?];
      const list: Row[] = [
        ['organisation', 'Assets grid, no filter', () => '/sv/toolbox/assets', emp, rounds],
        ['organisation', 'Assets grid, kind', () => '/sv/toolbox/assets?kind=photo', emp, rounds],
        ['organisation', 'Assets grid, topic', () => '/sv/toolbox/assets?topic=nature', emp, rounds],
        ['organisation', 'Assets grid, persona', () => '/sv/toolbox/assets?persona=families', emp, rounds],
        ['organisation', 'Assets grid, use', () => '/sv/toolbox/assets?use=social', emp, rounds],
        [
          'organisation',
          'Assets grid, all four filters',
          () => '/sv/toolbox/assets?kind=photo&topic=nature&persona=families&use=web',
          emp,
          rounds,
        ],
        [
          'organisation',
          `Assets grid, last page (${lastGridPage})`,
          () => `/sv/toolbox/assets?page=${lastGridPage}`,
          emp,
          rounds,
        ],
        [
          'organisation',
          'Asset page (random assets)',
          () => `/sv/toolbox/assets/${at(assetIds).id}`,
          emp,
          rounds,
        ],
        [
          'organisation',
          "Download, a photo's JPEG (logged)",
          () => `/sv/toolbox/assets/${at(photoIds)}/download`,
          emp,
          Math.max(20, rounds / 2),
        ],
        ['organisation', "The organisation's downloads", () => '/sv/toolbox/assets/downloads', emp, rounds],
        ['organisation', 'Texts, no filter', () => '/sv/toolbox/texts', emp, rounds],
        [
          'organisation',
          'Texts, a municipality',
          () => `/sv/toolbox/texts?municipality=${municipality}`,
          emp,
          rounds,
        ],
        ['organisation', 'Builder, a job and every block', () => builder, emp, rounds],
        [
          'organisation',
          'Builder, format=html',
          () => `${builder}&format=html`,
          emp,
          Math.max(20, rounds / 2),
        ],
        ['widget', "Widget JSON, the demo employer's", () => `/api/v1/widget/${demoWidget}`, {}, rounds],
        [
          'widget',
          'Widget JSON, If-None-Match',
          () => `/api/v1/widget/${demoWidget}`,
          { 'if-none-match': etag },
          rounds,
          304,
        ],
        ['widget', 'Widget JSON, random widgets', () => `/api/v1/widget/${at(widgetKeys)}`, {}, rounds],
        ['widget', "Widget page, the demo employer's", () => `/sv/widget/${demoWidget}`, {}, rounds],
        ['back-office', 'Assets list', () => '/admin/toolbox/assets', adm, rounds],
        [
          'back-office',
          'Assets list, last page',
          () => `/admin/toolbox/assets?page=${Math.ceil((data.assets + DRAFTS) / 50)}`,
          adm,
          rounds,
        ],
        [
          'back-office',
          `Download log CSV (${mostDownloaded.n} rows)`,
          () => `/admin/toolbox/assets/${mostDownloaded.id}/downloads.csv`,
          adm,
          Math.max(20, rounds / 2),
        ],
      ];
      const loadAtStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
      const pages: ToolboxPageResult[] = [];
      for (const [group, label, url, headers, n, expected = 200] of list) {
        for (let i = 0; i < WARMUP; i++) await timedGet(app, url(), headers);
        const samples: number[] = [];
        let last = { status: 0, bytes: 0, etag: '', type: '', ms: 0 };
        let bad = 0;
        for (let i = 0; i < n; i++) {
          last = await timedGet(app, url(), headers);
          if (last.status !== expected) bad += 1;
          samples.push(last.ms);
        }
        const stats = latencyStats(samples);
        const shown = url()
          .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
          .replace(/widget\/[a-z0-9]{12,32}/, 'widget/:key')
          .replace(/job=[^&]+/, 'job=:id');
        console.log(
          `  ${label.padEnd(38)} ${last.status}${bad ? ` (${bad} not ${expected})` : ''}, ${last.bytes} B, p50 ${stats.p50} ms, p95 ${stats.p95} ms, max ${stats.max} ms`,
        );
        if (bad)
          throw new Error(`${shown}: ${bad} of ${n} answers were not ${expected} (last ${last.status})`);
        if (label.startsWith('Download,') && !last.type.startsWith('image/jpeg'))
          throw new Error(`${shown}: sent ${last.type}, not a JPEG`);
        pages.push({ group, label, path: shown, status: last.status, bytes: last.bytes, stats });
      }

      const day = new Date(Date.now() + EXPIRY_AFTER_DAYS * 86_400_000).toISOString().slice(0, 10);
      const expiry = await expiryRuns(db, queue, day);
      console.log(
        `  expiry: ${expiry.expiring} assets expiring, ${expiry.mails} mails queued of ${expiry.expectedMails} owed in ${expiry.runs.length} runs ` +
          `(at most ${expiry.perRunCap} assets a run; the second run queued ${expiry.runs[1]?.mails ?? '–'}); ${expiry.ok ? 'ok' : 'WRONG'}`,
      );
      const script = readFileSync(path.join(ROOT, WIDGET_SCRIPT));
      const widgetScript = { bytes: script.length, gzip: gzipSync(script, { level: 9 }).length };
      console.log(`  ${WIDGET_SCRIPT}: ${widgetScript.bytes} B, ${widgetScript.gzip} B gzip`);
      return {
        measuredAt: new Date().toISOString(),
        organisations: data.organisations,
        accounts: data.accounts,
        assets: data.assets,
        photos: data.photos,
        downloads: data.downloads,
        heaviestOrganisationDownloads: data.heaviest,
        mostDownloadedAsset: Number(mostDownloaded.n),
        texts: data.texts,
        widgets: data.widgets,
        jobsOfDemoEmployer: Number(job?.n ?? 0),
        buildMs,
        lastGridPage,
        textsCap: TEXTS_CAP,
        machine: (({ cpus, cpuModel, memoryGiB, node, code }) => ({ cpus, cpuModel, memoryGiB, node, code }))(
          describeMachine(ROOT),
        ),
        pages,
        expiry,
        widgetScript,
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
    const rounds = process.argv.find((a) => a.startsWith('--rounds='))?.slice(9);
    const r = await runToolbox({ rounds: rounds ? Number(rounds) : undefined });
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

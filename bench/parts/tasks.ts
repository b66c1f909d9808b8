/**
 * Part `tasks`: a sign-in e-mail while a snapshot ingests. The app runs as `npm start` runs it
 * (bench/servers/app.ts: the web server with the task worker inside, TASK_CONCURRENCY_* at their
 * defaults) against a fresh bench database prepared by `lotsa seed` (no demo ads), with SMTP_URL
 * pointing at a local sink (lib/smtp-sink.ts) and JOBTECH_STREAM_URL at the JobStream stand-in
 * serving the 100,000-ad corpus of the `ingest` part. A `jobs.ingest.snapshot` task is queued; until
 * it ends, a person asks for a sign-in link every few seconds (GET /sv/login, then POST /sv/login
 * with a fresh e-mail address, as a browser does; each from its own loopback address, 127.0.0.10
 * and up, so the per-client sign-in limit of 10 per 15 minutes does not end the series). Measured per e-mail: from sending the POST to the
 * message's last byte reaching the SMTP server (target ≤ 5 s, every e-mail), and whether the
 * snapshot was still running then; also the snapshot's own wall time as a task.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAppServer } from '../lib/app-server.ts';
import { onCleanup, sleep } from '../lib/cleanup.ts';
import { startBenchDatabase } from '../lib/db.ts';
import { connect, runCli, startCli, type IngestEnv, type RunningCli } from '../lib/ingest-cli.ts';
import { REGION_ID, writeCorpus } from '../lib/ingest-corpus.ts';
import { startJobStreamServer } from '../lib/jobstream-server.ts';
import { send, type ChildServer } from '../lib/proc.ts';
import { startSmtpSink, type SmtpSink } from '../lib/smtp-sink.ts';
import { median, round } from '../lib/stats.ts';
import { CORPUS_ADS, CORPUS_SEED } from './ingest.ts';

export const MAIL_TARGET_MS = 5_000;
/** At most this many e-mails, one every MAIL_GAP_MS until the snapshot ends. */
export const MAILS = 100;
/** Pause between one e-mail's arrival and the next request. */
export const MAIL_GAP_MS = 6_000;

/**
 * `inline`: one `serve` process runs the web and every task (the default, as `npm start`).
 * `worker`: `serve` with TASK_CONCURRENCY_LONG=0, and one `lotsa worker` beside it that runs the
 * snapshot (both send mail), as OPERATIONS.md suggests for production.
 */
export type TasksLayout = 'inline' | 'worker';
export const LAYOUTS: readonly TasksLayout[] = ['inline', 'worker'];

export interface MailTrial {
  /** Seconds after the snapshot task was queued that the sign-in was asked for. */
  askedAtS: number;
  /** `download` while the stand-in was still sending the snapshot, `apply` after. */
  phase: 'download' | 'apply';
  /** POST /sv/login answer time. */
  answerMs: number;
  status: number;
  /** POST sent → the message's last byte at the SMTP server; null when none came within 60 s. */
  ms: number | null;
  /** The snapshot task was still running when the e-mail arrived. */
  whileRunning: boolean;
}

export interface TasksRun {
  layout: TasksLayout;
  loadBefore: number;
  loadAfter: number;
  snapshot: {
    /** Queued → done, as a task. */
    ms: number | null;
    /** Queued → the stand-in finished sending the snapshot. */
    downloadMs: number | null;
    state: string;
    openAds: number;
  };
  trials: MailTrial[];
  /** Over the e-mails sent while the snapshot ran. */
  medianMs: number | null;
  maxMs: number | null;
  pass: boolean;
  problems: string[];
}

export interface TasksResult {
  measuredAt: string;
  /** CPU model, logical CPUs and memory of the machine measured on. */
  machine?: string;
  corpus: { ads: number; bytes: number; seed: number };
  target: number;
  runs: TasksRun[];
  pass: boolean;
}

/** One request to the app from `from` (a loopback address: each person has their own rate limits). */
async function request(port: number, from: string, method: string, urlPath: string, headers = {}, body = '') {
  const answer = await send(port, urlPath, { method, headers, body, localAddress: from, timeoutMs: 60_000 });
  return { ...answer, body: answer.body.toString(), ms: round(answer.ms) };
}

/** Asks for a sign-in link as a browser does; returns when the POST was sent and its answer. */
async function askForSignIn(port: number, from: string, email: string) {
  const page = await request(port, from, 'GET', '/sv/login');
  const cookie = (page.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (page.status !== 200 || !token) throw new Error(`GET /sv/login: ${page.status}, no form token`);
  const sentAt = performance.now();
  const form = new URLSearchParams({ _csrf: token, email }).toString();
  const answer = await request(
    port,
    from,
    'POST',
    '/sv/login',
    {
      'content-type': 'application/x-www-form-urlencoded',
      cookie,
      origin: `http://localhost:${port}`,
      'sec-fetch-site': 'same-origin',
    },
    form,
  );
  return { sentAt, status: answer.status, ms: answer.ms };
}

/** The e-mails: one every MAIL_GAP_MS while the snapshot task runs. */
async function mailWhileRunning(
  port: number,
  smtp: SmtpSink,
  stateOf: () => Promise<string>,
  phaseNow: () => MailTrial['phase'],
  queuedAt: number,
  mails: number,
): Promise<MailTrial[]> {
  const trials: MailTrial[] = [];
  for (let i = 0; i < mails && (await stateOf()) === 'running'; i++) {
    const email = `bench-signin-${i + 1}-${Date.now()}@example.se`;
    const phase = phaseNow();
    const askedAtS = round((performance.now() - queuedAt) / 1000, 1);
    const asked = await askForSignIn(port, `127.0.0.${10 + i}`, email);
    const arrived = await smtp.arrivalFor(email, 60_000).catch(() => null);
    const whileRunning = (await stateOf()) === 'running';
    const ms = arrived === null ? null : round(arrived - asked.sentAt);
    trials.push({ askedAtS, phase, answerMs: asked.ms, status: asked.status, ms, whileRunning });
    console.log(
      `    e-mail ${i + 1} (${askedAtS} s in, ${phase}): POST answered in ${asked.ms} ms (${asked.status}), ` +
        `sent ${ms === null ? 'not within 60 s' : `${ms} ms`} after the POST${whileRunning ? '' : ' (the snapshot had ended)'}`,
    );
    await sleep(MAIL_GAP_MS);
  }
  return trials;
}

/** Waits until `check()` is false, looking every `everyMs`; throws naming `what` after `limitMs`. */
async function whileTrue(what: string, check: () => Promise<boolean>, limitMs: number, everyMs = 100) {
  const until = performance.now() + limitMs;
  while (await check()) {
    if (performance.now() > until) throw new Error(`${what} took longer than ${limitMs / 1000} s`);
    await sleep(everyMs);
  }
}

/** One layout on a fresh database: queue the snapshot, mail while it runs, wait for its end. */
async function runLayout(
  layout: TasksLayout,
  snapshotFile: string,
  dir: string,
  ads: number,
  mails: number,
): Promise<TasksRun> {
  const problems: string[] = [];
  const db = await startBenchDatabase();
  const server = await startJobStreamServer();
  const smtp = await startSmtpSink();
  const { client, close } = await connect(db.url);
  let app: ChildServer | undefined;
  let worker: RunningCli | undefined;
  try {
    server.set('/snapshot', { file: snapshotFile });
    const env: IngestEnv = { databaseUrl: db.url, streamUrl: server.url, dataDir: dir };
    const seed = await runCli(['seed'], env);
    if (seed.code !== 0) throw new Error(`lotsa seed exited with ${seed.code}:\n${seed.output.slice(-2000)}`);
    const appEnv = { SMTP_URL: smtp.url, JOBTECH_STREAM_URL: server.url, LOTSA_SEED_DEMO: 'false' };
    app = await startAppServer(db, {
      name: `app (tasks, ${layout})`,
      env: layout === 'worker' ? { ...appEnv, TASK_CONCURRENCY_LONG: '0' } : appEnv,
    });
    if (layout === 'worker') worker = startCli(['worker'], { ...env, extra: { SMTP_URL: smtp.url } });

    const loadBefore = round(os.loadavg()[0] ?? 0, 2);
    let downloadedAt: number | undefined;
    server
      .nextServed('/snapshot', 900_000)
      .then((served) => (downloadedAt = served.finishedAt))
      .catch(() => {});
    const queuedAt = performance.now();
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO jobs (name, payload) VALUES ('jobs.ingest.snapshot', $1) RETURNING id`,
      [JSON.stringify({ regionId: REGION_ID })],
    );
    const taskId = rows[0]?.id;
    const stateOf = async () =>
      (await client.query<{ state: string }>(`SELECT state FROM jobs WHERE id = $1`, [taskId])).rows[0]
        ?.state ?? 'gone';
    await whileTrue('starting the snapshot task', async () => (await stateOf()) !== 'running', 60_000, 50);
    console.log(
      `  ${layout}: snapshot task running ${round(performance.now() - queuedAt)} ms after it was queued`,
    );
    const phaseNow = () => (downloadedAt === undefined ? 'download' : 'apply');
    const trials = await mailWhileRunning(app.port, smtp, stateOf, phaseNow, queuedAt, mails);
    await whileTrue(
      'the snapshot task',
      async () => ['running', 'queued'].includes(await stateOf()),
      900_000,
      250,
    );
    const state = await stateOf();
    const snapshotMs = round(performance.now() - queuedAt);
    const open = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM job_ads WHERE region_id = $1 AND status = 'open'`,
      [REGION_ID],
    );
    const openAds = Number(open.rows[0]?.n ?? 0);
    if (state !== 'done') problems.push(`the snapshot task ended ${state}`);
    if (openAds !== ads) problems.push(`${openAds} open ads after the snapshot, not ${ads}`);
    const during = trials.filter((t) => t.whileRunning);
    const times = during.map((t) => t.ms);
    const all = times.length > 0 && times.every((t): t is number => t !== null);
    const medianMs = all ? round(median(times as number[])) : null;
    const maxMs = all ? Math.max(...(times as number[])) : null;
    const pass = maxMs !== null && maxMs <= MAIL_TARGET_MS && trials.every((t) => t.status === 200);
    console.log(
      `  ${layout}: snapshot task ${state} after ${(snapshotMs / 1000).toFixed(1)} s, ${openAds} open ads;` +
        ` sign-in e-mails sent while it ran (${during.length}): median ${medianMs ?? '–'} ms, max ${maxMs ?? '–'} ms (target ≤ ${MAIL_TARGET_MS} ms): ${pass ? 'pass' : 'MISS'}`,
    );
    for (const p of problems) console.log(`  ! ${p}`);
    return {
      layout,
      loadBefore,
      loadAfter: round(os.loadavg()[0] ?? 0, 2),
      snapshot: {
        ms: state === 'done' ? snapshotMs : null,
        downloadMs: downloadedAt === undefined ? null : round(downloadedAt - queuedAt),
        state,
        openAds,
      },
      trials,
      medianMs,
      maxMs,
      pass,
      problems,
    };
  } finally {
    if (worker) {
      worker.child.kill('SIGTERM');
      await worker.done;
    }
    await app?.stop();
    await close();
    await smtp.close();
    await server.close();
    await db.stop();
  }
}

export async function runTasks(
  options: { ads?: number; mails?: number; layouts?: readonly TasksLayout[] } = {},
): Promise<TasksResult> {
  const ads = options.ads ?? CORPUS_ADS;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-tasks-'));
  chmodSync(dir, 0o755);
  const removeDir = onCleanup(`temp dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  try {
    const file = path.join(dir, 'snapshot.json');
    const corpus = await writeCorpus(file, {
      count: ads,
      seed: CORPUS_SEED,
      now: new Date(),
      prefix: 'bench',
    });
    console.log(`  corpus: ${corpus.ads} ads, ${(corpus.bytes / 1e6).toFixed(1)} MB (seed ${CORPUS_SEED})`);
    const runs: TasksRun[] = [];
    for (const layout of options.layouts ?? LAYOUTS) {
      runs.push(await runLayout(layout, file, dir, ads, options.mails ?? MAILS));
    }
    const cpus = os.cpus();
    return {
      measuredAt: new Date().toISOString(),
      machine: `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} logical CPUs, ${round(os.totalmem() / 2 ** 30, 1)} GiB`,
      corpus: { ads: corpus.ads, bytes: corpus.bytes, seed: CORPUS_SEED },
      target: MAIL_TARGET_MS,
      runs,
      pass: runs.every((r) => r.pass),
    };
  } finally {
    await removeDir();
  }
}

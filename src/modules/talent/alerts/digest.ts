/**
 * The alerts' digests, a task every 15 minutes (`talent.alerts.digest`). Each confirmed alert that
 * is due — the last digest (or the confirmation) at least a day ago for 'daily', a week for
 * 'weekly', less the task's own period so the hour does not drift — is handled in its own
 * transaction holding its row (SKIP LOCKED: two runs never send the same digest; a second run
 * finds it no longer due). A search alert lists the region's open ads published or first seen since
 * then that fit its search (SQL over job_ads: the in-memory search lives in the web process only);
 * the matches digest lists talent_match_inbox's unsent rows and marks them sent. Nothing new: no
 * mail, and the alert stays due. Links are absolute, from configuration (the region's canonical
 * origin, else PUBLIC_URL); every digest has List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Config } from '../../../platform/config.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { hashSecret } from '../../../platform/auth/secrets.ts';
import { shell } from '../../../platform/html/messages.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import { loadSecret } from '../../../platform/secret.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { loadRegions } from '../../regions/repository.ts';
import type { JobQuery } from '../../jobs/query.ts';
import { alertMessages } from './messages.ts';
import { describeSearch, storedSearch } from './search-words.ts';
import { unsubscribeToken } from './service.ts';

export const DIGEST_TASK = 'talent.alerts.digest';
const PERIOD_SECONDS = 900;
/** Jobs listed in one digest. */
export const DIGEST_LIMIT = 20;

export function registerAlertTasks(queue: TaskQueue, deps: { database: { db: Kysely<DB> }; config: Config }) {
  const secret = loadSecret(deps.config.secret, deps.config.dataDir);
  const publicOrigin = deps.config.publicUrl.origin;
  queue.define({
    name: DIGEST_TASK,
    run: async () => {
      await runDigests(deps.database.db, queue, { secret, publicOrigin });
    },
  });
  queue.schedule({ name: DIGEST_TASK, task: DIGEST_TASK, everySeconds: PERIOD_SECONDS });
}

interface DigestContext {
  secret: string;
  publicOrigin: string;
}

interface DueAlert {
  id: string;
  account_id: string | null;
  email: string;
  language: 'sv' | 'en';
  kind: 'search' | 'matches';
  query: string;
  frequency: 'daily' | 'weekly';
  since: Date;
}

/** Sends every due digest of every region; returns how many mails were queued. */
export async function runDigests(db: Kysely<DB>, queue: TaskQueue, context: DigestContext): Promise<number> {
  let sent = 0;
  for (const region of await loadRegions(db)) {
    const due = await db
      .selectFrom('job_alerts')
      .select('id')
      .where('region_id', '=', region.id)
      .where('confirmed_at', 'is not', null)
      .where('stopped_at', 'is', null)
      .where(dueCondition())
      .orderBy('id')
      .execute();
    for (const { id } of due) if (await sendDigest(db, queue, context, region, id)) sent += 1;
  }
  return sent;
}

/** Due: the last digest (else the confirmation) a day or a week ago, less the task's period. */
function dueCondition() {
  return sql<boolean>`coalesce(last_sent_at, confirmed_at) <= now() - CASE frequency
    WHEN 'weekly' THEN interval '7 days' ELSE interval '1 day' END + make_interval(secs => ${PERIOD_SECONDS})`;
}

async function sendDigest(
  db: Kysely<DB>,
  queue: TaskQueue,
  context: DigestContext,
  region: Region,
  id: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const alert = await trx
      .selectFrom('job_alerts')
      .select(['id', 'account_id', 'email', 'language', 'kind', 'query', 'frequency'])
      .select(sql<Date>`coalesce(last_sent_at, confirmed_at)`.as('since'))
      .where('region_id', '=', region.id)
      .where('id', '=', id)
      .where('confirmed_at', 'is not', null)
      .where('stopped_at', 'is', null)
      .where(dueCondition())
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!alert) return false;
    // A person with an account gets alerts only while their alerts consent is live.
    if (alert.account_id && !(await consents(trx, region.id, alert.account_id))) return false;
    const mail =
      alert.kind === 'search'
        ? await searchDigest(trx, region, alert, context)
        : await matchesDigest(trx, region, alert, context);
    if (!mail) return false;
    const token = unsubscribeToken(context.secret, region.id, alert.id);
    const origin = region.canonicalOrigin ?? context.publicOrigin;
    const unsubscribeUrl = `${origin}/alerts/unsubscribe/${token}`;
    const lang = alert.language;
    const footer = alertMessages.t(lang, 'mail.digest.footer', {
      frequency: alertMessages.t(lang, `mail.frequency.${alert.frequency}`),
      unsubscribe: `${origin}/${lang}/alerts/unsubscribe/${token}`,
      me: `${origin}/${lang}/me`,
    });
    await queueMail(trx, queue, {
      regionId: region.id,
      to: mail.to,
      language: lang,
      subject: mail.subject,
      text: `${mail.text}\n\n-- \n${footer}\n`,
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    await trx
      .updateTable('job_alerts')
      .set({ last_sent_at: sql<Date>`now()`, unsubscribe_token_hash: hashSecret(token) })
      .where('region_id', '=', region.id)
      .where('id', '=', alert.id)
      .execute();
    return true;
  });
}

async function consents(db: Kysely<DB>, regionId: string, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('talent_consents')
    .select('id')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('purpose', '=', 'alerts')
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

interface DigestMail {
  to: string;
  subject: string;
  text: string;
}

interface ListedJob {
  id: string;
  headline: string;
  employer_name: string;
  municipality_code: string | null;
}

function jobLines(
  region: Region,
  lang: Lang,
  origin: string,
  jobs: ListedJob[],
  extra?: (job: ListedJob) => string,
) {
  return jobs
    .map((job, i) => {
      const place = region.municipalities.find((m) => m.code === job.municipality_code)?.shortName;
      const more = extra?.(job);
      return [
        `${i + 1}. ${job.headline}`,
        `   ${[job.employer_name, place].filter(Boolean).join(', ')}`,
        ...(more ? [`   ${more}`] : []),
        `   ${origin}/${lang}/jobs/${encodeURIComponent(job.id)}`,
      ].join('\n');
    })
    .join('\n\n');
}

function count(
  lang: Lang,
  n: number,
  one: 'mail.digest.subject.one' | 'mail.matches.subject.one',
  params = {},
) {
  const key = (
    new Intl.PluralRules(lang).select(n) === 'one' ? one : one.replace('.one', '.other')
  ) as typeof one;
  return alertMessages.t(lang, key, { count: n, ...params });
}

/** Open ads of the search published or first seen since `since`, newest first. */
export async function newJobsFor(
  db: Kysely<DB>,
  regionId: string,
  query: JobQuery,
  since: Date,
  limit: number,
) {
  let select = db
    .selectFrom('job_ads')
    .select(['id', 'headline', 'employer_name', 'municipality_code'])
    .select(sql<string>`count(*) over ()`.as('total'))
    .where('region_id', '=', regionId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('first_seen_at', '>', since), eb('published_at', '>', since)]));
  if (query.q)
    select = select.where(
      sql<boolean>`(search @@ websearch_to_tsquery('swedish'::regconfig, ${query.q})
        OR search @@ websearch_to_tsquery('english'::regconfig, ${query.q}))`,
    );
  if (query.municipality.length) select = select.where('municipality_code', 'in', query.municipality);
  if (query.occupationField.length) select = select.where('occupation_field_id', 'in', query.occupationField);
  if (query.occupationGroup.length) select = select.where('occupation_group_id', 'in', query.occupationGroup);
  if (query.employmentType.length) select = select.where('employment_type_id', 'in', query.employmentType);
  if (query.worktime.length) select = select.where('worktime_extent_id', 'in', query.worktime);
  if (query.remote) select = select.where('remote', '=', true);
  if (query.employer.length) select = select.where('employer_key', 'in', query.employer);
  if (query.language.length) select = select.where('lang', 'in', query.language);
  const rows = await select.orderBy('published_at', 'desc').orderBy('id').limit(limit).execute();
  return { jobs: rows, total: Number(rows[0]?.total ?? 0) };
}

async function searchDigest(
  db: Kysely<DB>,
  region: Region,
  alert: DueAlert,
  context: DigestContext,
): Promise<DigestMail | undefined> {
  const query = await storedSearch(db, region, alert.query);
  const { jobs, total } = await newJobsFor(db, region.id, query, alert.since, DIGEST_LIMIT);
  if (jobs.length === 0) return undefined;
  const lang = alert.language;
  const origin = region.canonicalOrigin ?? context.publicOrigin;
  const site = shell.t(lang, 'siteName', { region: region.name[lang] });
  const words = await describeSearch(db, region, lang, query);
  const intro = alertMessages.t(lang, 'mail.digest.intro', {
    site,
    search: words.map((l) => `  ${l}`).join('\n'),
  });
  const all = `${origin}/${lang}/jobs?${new URLSearchParams([...new URLSearchParams(alert.query), ['sort', 'newest']]).toString()}`;
  const more = total > jobs.length ? `\n\n${alertMessages.t(lang, 'mail.digest.more', { link: all })}` : '';
  return {
    to: alert.email,
    subject: count(lang, total, 'mail.digest.subject.one', { search: words.join(', ').slice(0, 80) }),
    text: `${intro}\n\n${jobLines(region, lang, origin, jobs)}${more}`,
  };
}

async function matchesDigest(
  db: Kysely<DB>,
  region: Region,
  alert: DueAlert,
  context: DigestContext,
): Promise<DigestMail | undefined> {
  if (!alert.account_id) return undefined;
  const account = await db
    .selectFrom('accounts')
    .select('email')
    .where('region_id', '=', region.id)
    .where('id', '=', alert.account_id)
    .executeTakeFirst();
  if (!account) return undefined;
  const rows = await db
    .selectFrom('talent_match_inbox as i')
    .innerJoin('job_ads as j', (join) =>
      join.onRef('j.region_id', '=', 'i.region_id').onRef('j.id', '=', 'i.job_id'),
    )
    .select(['j.id', 'j.headline', 'j.employer_name', 'j.municipality_code', 'i.reasons', 'i.score'])
    .where('i.region_id', '=', region.id)
    .where('i.account_id', '=', alert.account_id)
    .where('i.sent_at', 'is', null)
    .where('j.status', '=', 'open')
    .orderBy('i.score', 'desc')
    .orderBy('j.id')
    .execute();
  // Every unsent row is handled now: listed, or closed meanwhile.
  await db
    .updateTable('talent_match_inbox')
    .set({ sent_at: sql<Date>`now()` })
    .where('region_id', '=', region.id)
    .where('account_id', '=', alert.account_id)
    .where('sent_at', 'is', null)
    .execute();
  // One job may match both sides of a household: listed once, with the best score.
  const seen = new Set<string>();
  const jobs = rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).slice(0, DIGEST_LIMIT);
  if (jobs.length === 0) return undefined;
  const lang = alert.language;
  const origin = region.canonicalOrigin ?? context.publicOrigin;
  const site = shell.t(lang, 'siteName', { region: region.name[lang] });
  const reasons = new Map(jobs.map((j) => [j.id, j.reasons]));
  const why = (job: ListedJob) => {
    const text = reasons.get(job.id)?.[lang];
    return text ? alertMessages.t(lang, 'mail.matches.why', { reasons: text }) : '';
  };
  return {
    to: account.email,
    subject: count(lang, seen.size, 'mail.matches.subject.one'),
    text: `${alertMessages.t(lang, 'mail.matches.intro', { site })}\n\n${jobLines(region, lang, origin, jobs, why)}`,
  };
}

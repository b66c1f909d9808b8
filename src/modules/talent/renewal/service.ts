/**
 * Consent renewal: the person confirms once every `renew_after_months` (talent_settings) that they
 * want to stay. The daily task, for each region, with `now` injected:
 *
 *   ask     an active profile renewed longer ago than renew_after_months, not yet asked: one e-mail
 *           with a link (only the token's SHA-256 is stored); renewal_asked_at = now
 *   hide    asked more than hide_after_days ago without an answer: status 'hidden', hidden_at = now
 *   delete  hidden more than delete_after_months ago: the profile, its consents and its matches are
 *           deleted; the account stays
 *
 * Renewing (the link's POST) sets renewed_at = now, status 'active' and clears the asking and the
 * hiding. Each step is audited without anything identifying in its facts.
 */
import { sql, type Kysely } from 'kysely';
import { accountActor, recordAudit, SYSTEM_ACTOR } from '../../../platform/audit.ts';
import { hashSecret, randomToken } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { isLang, type Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import type { TalentSettings } from '../model.ts';
import { talentSettings } from '../profiles.ts';
import { renewalMessages as m } from './messages.ts';

/** Not /talent-pool/renew: that is join's new link for an expired sign-up. */
export const RENEW_PATH = '/talent-pool/stay';
/** Profiles handled per step and region in one run; the next run goes on. */
export const RENEWAL_BATCH = 500;

export const renewPath = (lang: Lang, token: string) => localPath(lang, `${RENEW_PATH}/${token}`);

export interface RenewalRunResult {
  asked: number;
  hidden: number;
  deleted: number;
}

interface RegionRow {
  id: string;
  name_sv: string;
  name_en: string;
  canonical_origin: string | null;
}

const at = (now: Date) => sql<Date>`${now.toISOString()}::timestamptz`;

async function askRegion(
  db: Kysely<DB>,
  queue: TaskQueue,
  region: RegionRow,
  settings: TalentSettings,
  now: Date,
  origin: string,
): Promise<number> {
  const due = await db
    .selectFrom('talent_profiles as p')
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'p.region_id').onRef('a.id', '=', 'p.account_id'),
    )
    .select(['p.id', 'p.account_id', 'a.email', 'a.language'])
    .where('p.region_id', '=', region.id)
    .where('p.status', '=', 'active')
    .where('p.renewal_asked_at', 'is', null)
    .where('p.renewed_at', '<', sql<Date>`${at(now)} - make_interval(months => ${settings.renewAfterMonths})`)
    .orderBy('p.renewed_at')
    .limit(RENEWAL_BATCH)
    .execute();
  let asked = 0;
  for (const row of due) {
    const lang: Lang = isLang(row.language) ? row.language : 'sv';
    const token = randomToken();
    await db.transaction().execute(async (trx) => {
      // Asked once: another run that got here first wins.
      const claimed = await trx
        .updateTable('talent_profiles')
        .set({ renewal_asked_at: now })
        .where('region_id', '=', region.id)
        .where('id', '=', row.id)
        .where('renewal_asked_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      await trx
        .insertInto('talent_renewal_tokens')
        .values({ region_id: region.id, token_hash: hashSecret(token), profile_id: row.id })
        .execute();
      await queueMail(trx, queue, {
        regionId: region.id,
        to: row.email,
        language: lang,
        subject: m.t(lang, 'mail.subject'),
        text: m.t(lang, 'mail.text', {
          region: lang === 'sv' ? region.name_sv : region.name_en,
          months: settings.renewAfterMonths,
          link: `${origin}${renewPath(lang, token)}`,
          days: settings.hideAfterDays,
          deleteMonths: settings.deleteAfterMonths,
        }),
      });
      await recordAudit(trx, {
        regionId: region.id,
        actor: SYSTEM_ACTOR,
        action: 'talent.renewal.asked',
        subjectType: 'talent-profile',
        subjectId: row.id,
      });
      asked++;
    });
  }
  return asked;
}

async function hideRegion(db: Kysely<DB>, regionId: string, settings: TalentSettings, now: Date) {
  return db.transaction().execute(async (trx) => {
    const hidden = await trx
      .updateTable('talent_profiles')
      .set({ status: 'hidden', hidden_at: now, updated_at: now })
      .where('region_id', '=', regionId)
      .where('status', '=', 'active')
      .where(
        'renewal_asked_at',
        '<',
        sql<Date>`${at(now)} - make_interval(days => ${settings.hideAfterDays})`,
      )
      // Renewed some other way since (joining again counts): not hidden.
      .whereRef('renewed_at', '<', 'renewal_asked_at')
      .returning('id')
      .execute();
    for (const { id } of hidden)
      await recordAudit(trx, {
        regionId,
        actor: SYSTEM_ACTOR,
        action: 'talent.renewal.hidden',
        subjectType: 'talent-profile',
        subjectId: id,
      });
    return hidden.length;
  });
}

async function deleteRegion(db: Kysely<DB>, regionId: string, settings: TalentSettings, now: Date) {
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('talent_profiles')
      .where('region_id', '=', regionId)
      .where('status', '=', 'hidden')
      .where('hidden_at', '<', sql<Date>`${at(now)} - make_interval(months => ${settings.deleteAfterMonths})`)
      .returning(['id', 'account_id'])
      .execute();
    const accounts = gone.map((g) => g.account_id);
    if (accounts.length) {
      await trx
        .deleteFrom('talent_consents')
        .where('region_id', '=', regionId)
        .where('account_id', 'in', accounts)
        .execute();
      await trx
        .deleteFrom('talent_match_inbox')
        .where('region_id', '=', regionId)
        .where('account_id', 'in', accounts)
        .execute();
    }
    for (const { id } of gone)
      await recordAudit(trx, {
        regionId,
        actor: SYSTEM_ACTOR,
        action: 'talent.renewal.deleted',
        subjectType: 'talent-profile',
        subjectId: id,
      });
    return gone.length;
  });
}

/** One pass over every region: ask, hide, delete (in that order, each with `now`). */
export async function runRenewal(
  db: Kysely<DB>,
  queue: TaskQueue,
  options: { now: Date; publicOrigin: string },
): Promise<RenewalRunResult> {
  const regions = await db
    .selectFrom('regions')
    .select(['id', 'name_sv', 'name_en', 'canonical_origin'])
    .orderBy('id')
    .execute();
  const result: RenewalRunResult = { asked: 0, hidden: 0, deleted: 0 };
  for (const region of regions) {
    const settings = await talentSettings(db, region.id);
    const origin = region.canonical_origin ?? options.publicOrigin;
    result.asked += await askRegion(db, queue, region, settings, options.now, origin);
    result.hidden += await hideRegion(db, region.id, settings, options.now);
    result.deleted += await deleteRegion(db, region.id, settings, options.now);
  }
  return result;
}

/** The profile a renewal link names: its id and status, or undefined for an unknown link. */
export async function profileForToken(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<{ id: string; accountId: string; status: 'active' | 'hidden' } | undefined> {
  if (token.length > 100) return undefined;
  const row = await db
    .selectFrom('talent_renewal_tokens as t')
    .innerJoin('talent_profiles as p', (j) =>
      j.onRef('p.region_id', '=', 't.region_id').onRef('p.id', '=', 't.profile_id'),
    )
    .select(['p.id', 'p.account_id', 'p.status'])
    .where('t.region_id', '=', regionId)
    .where('t.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  return row && { id: row.id, accountId: row.account_id, status: row.status };
}

/** Renews the profile a link names; false when the link is unknown (or its profile gone). */
export async function renewByToken(
  db: Kysely<DB>,
  regionId: string,
  token: string,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const profile = await profileForToken(trx, regionId, token);
    if (!profile) return false;
    await trx
      .updateTable('talent_profiles')
      .set({ renewed_at: now, status: 'active', renewal_asked_at: null, hidden_at: null, updated_at: now })
      .where('region_id', '=', regionId)
      .where('id', '=', profile.id)
      .execute();
    // The link has done its work; the next renewal brings a new one.
    await trx
      .deleteFrom('talent_renewal_tokens')
      .where('region_id', '=', regionId)
      .where('profile_id', '=', profile.id)
      .execute();
    await recordAudit(trx, {
      regionId,
      actor: accountActor(profile.accountId),
      action: 'talent.renewal.renewed',
      subjectType: 'talent-profile',
      subjectId: profile.id,
    });
    return true;
  });
}

export const RENEWAL_TASK = 'talent.renewal';

export function registerRenewalTasks(queue: TaskQueue, db: Kysely<DB>, publicOrigin: string): void {
  queue.define({
    name: RENEWAL_TASK,
    async run(_payload, { log }) {
      const result = await runRenewal(db, queue, { now: new Date(), publicOrigin });
      if (result.asked + result.hidden + result.deleted > 0) log.info(result, 'talent consent renewal ran');
    },
  });
  queue.schedule({ name: `${RENEWAL_TASK}.daily`, task: RENEWAL_TASK, everySeconds: 86_400 });
}

/**
 * Follow-ups at 3, 12 and 24 months after the move. The daily task `relocation.followups.send`
 * first adds the rows a moved case is missing (idempotent: one per case and months), then, for each
 * due row (due_on ≤ today in Stockholm, not sent) of a case whose adults still hold a live
 * 'followup' consent, e-mails those adults in their language a link `/:lang/move/followup/:token`
 * (random token, only its SHA-256 stored, valid 60 days) and sets sent_at — each row in its own
 * transaction holding it (SKIP LOCKED), so two runs never send twice. Without a consent the row is
 * marked sent without a link and the history says it was skipped. The survey's GET never spends the
 * link; its POST stores the answers once.
 */
import { sql, type Kysely } from 'kysely';
import { hashSecret, randomToken } from '../../../platform/auth/secrets.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit.ts';
import type { Config } from '../../../platform/config.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { loadRegions } from '../../regions/repository.ts';
import { addCaseEvent } from '../cases.ts';
import { relocationMessages } from '../messages.ts';
import {
  EMPLOYMENTS,
  FOLLOWUP_MONTHS,
  isOneOf,
  PARTNER_EMPLOYMENTS,
  PATHS,
  stockholmToday,
  type Employment,
  type PartnerEmployment,
} from '../model.ts';
import { householdMessages } from './messages.ts';

export const FOLLOWUP_TASK = 'relocation.followups.send';
export const LINK_DAYS = 60;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** What a survey stores (answers json). */
export interface SurveyAnswers {
  living: 'yes' | 'no';
  /** A municipality code of the region, or 'other'. */
  municipality: string;
  main: Employment;
  partner: PartnerEmployment;
  satisfied: number;
  helped: string;
}

export const SURVEY_FIELDS = ['living', 'municipality', 'main', 'partner', 'satisfied', 'helped'] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];
export type SurveyErrors = Partial<Record<SurveyField, 'required' | 'helped'>>;
export const HELPED_MAX = 1000;

export function registerFollowupTasks(
  queue: TaskQueue,
  deps: { database: { db: Kysely<DB> }; config: Config },
) {
  queue.define({
    name: FOLLOWUP_TASK,
    run: async () => {
      await sendFollowups(deps.database.db, queue, { publicOrigin: deps.config.publicUrl.origin });
    },
  });
  queue.schedule({ name: FOLLOWUP_TASK, task: FOLLOWUP_TASK, everySeconds: 86_400 });
}

/** Adds the follow-up rows a moved case lacks (moved_on + 3, 12, 24 months); nothing twice. */
export async function ensureFollowups(db: Kysely<DB>, regionId: string): Promise<void> {
  for (const months of FOLLOWUP_MONTHS) {
    await sql`INSERT INTO relocation_followups (region_id, case_id, months, due_on)
      SELECT c.region_id, c.id, ${months}, (c.moved_on + make_interval(months => ${months}))::date
      FROM relocation_cases c
      WHERE c.region_id = ${regionId} AND c.moved_on IS NOT NULL AND c.merged_into IS NULL
        AND c.stage IN ('moved', 'settled')
      ON CONFLICT (region_id, case_id, months) DO NOTHING`.execute(db);
  }
}

/** Sends every due follow-up of every region; returns how many were sent (mails, not rows). */
export async function sendFollowups(
  db: Kysely<DB>,
  queue: TaskQueue,
  context: { publicOrigin: string; now?: Date },
): Promise<number> {
  const today = stockholmToday(context.now ?? new Date());
  let sent = 0;
  for (const region of await loadRegions(db)) {
    await ensureFollowups(db, region.id);
    const due = await db
      .selectFrom('relocation_followups')
      .select('id')
      .where('region_id', '=', region.id)
      .where('sent_at', 'is', null)
      .where('due_on', '<=', sql<Date>`${today}::date`)
      .orderBy('due_on')
      .execute();
    const origin = region.canonicalOrigin ?? context.publicOrigin;
    for (const { id } of due) sent += await sendOne(db, queue, region, origin, id);
  }
  return sent;
}

async function sendOne(db: Kysely<DB>, queue: TaskQueue, region: Region, origin: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('relocation_followups')
      .select(['id', 'case_id', 'months'])
      .where('region_id', '=', region.id)
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return 0;
    const adults = await trx
      .selectFrom('relocation_persons as p')
      .innerJoin('relocation_consents as k', (j) =>
        j.onRef('k.region_id', '=', 'p.region_id').onRef('k.person_id', '=', 'p.id'),
      )
      .innerJoin('relocation_cases as c', (j) =>
        j.onRef('c.region_id', '=', 'p.region_id').onRef('c.id', '=', 'p.case_id'),
      )
      .leftJoin('accounts as a', (j) =>
        j.onRef('a.region_id', '=', 'p.region_id').onRef('a.id', '=', 'p.account_id'),
      )
      .select(['p.id', 'p.email', 'a.email as accountEmail', 'a.language', 'c.language as caseLanguage'])
      .where('p.region_id', '=', region.id)
      .where('p.case_id', '=', row.case_id)
      .where('p.role', 'in', ['main', 'partner'])
      .where('k.purpose', '=', 'followup')
      .where('k.withdrawn_at', 'is', null)
      .where('c.stage', '!=', 'closed')
      .execute();
    const recipients = adults.flatMap((a) => {
      const to = a.email ?? a.accountEmail;
      if (!to) return [];
      const language: Lang = (a.language ?? a.caseLanguage) === 'en' ? 'en' : 'sv';
      return [{ to, language }];
    });
    if (recipients.length === 0) {
      await trx
        .updateTable('relocation_followups')
        .set({ sent_at: sql<Date>`now()` })
        .where('region_id', '=', region.id)
        .where('id', '=', row.id)
        .execute();
      await addCaseEvent(trx, {
        regionId: region.id,
        caseId: row.case_id,
        actorId: null,
        kind: 'followup.skipped',
        body: `${row.months}`,
        data: { months: row.months },
      });
      return 0;
    }
    const token = randomToken();
    await trx
      .updateTable('relocation_followups')
      .set({ sent_at: sql<Date>`now()`, token_hash: hashSecret(token) })
      .where('region_id', '=', region.id)
      .where('id', '=', row.id)
      .execute();
    for (const r of recipients) {
      const link = `${origin}${localPath(r.language, `${PATHS.move}/followup/${token}`)}`;
      await queueMail(trx, queue, {
        regionId: region.id,
        to: r.to,
        language: r.language,
        subject: householdMessages.t(r.language, 'mail.subject'),
        text: householdMessages.t(r.language, 'mail.text', {
          months: row.months,
          link,
          movePage: `${origin}${localPath(r.language, PATHS.ownMove)}`,
        }),
      });
    }
    await addCaseEvent(trx, {
      regionId: region.id,
      caseId: row.case_id,
      actorId: null,
      kind: 'followup.sent',
      body: `${row.months}`,
      data: { months: row.months },
    });
    await recordAudit(trx, {
      regionId: region.id,
      actor: SYSTEM_ACTOR,
      action: 'relocation.followup.sent',
      subjectType: 'relocation_case',
      subjectId: row.case_id,
      data: { months: row.months },
    });
    return recipients.length;
  });
}

/** The follow-up a link names (live: sent within LINK_DAYS), with whether the household has a partner. */
export async function followupByToken(db: Kysely<DB>, regionId: string, token: string) {
  if (!TOKEN.test(token)) return undefined;
  const row = await db
    .selectFrom('relocation_followups as f')
    .select([
      'f.id',
      'f.case_id',
      'f.months',
      'f.answered_at',
      sql<boolean>`exists (select 1 from relocation_persons p where p.region_id = f.region_id
        and p.case_id = f.case_id and p.role = 'partner')`.as('hasPartner'),
    ])
    .where('f.region_id', '=', regionId)
    .where('f.token_hash', '=', hashSecret(token))
    .where('f.sent_at', '>', sql<Date>`now() - make_interval(days => ${LINK_DAYS})`)
    .executeTakeFirst();
  return row;
}

/** Reads the survey's form: the answers, or what was typed and the errors by field. */
export function readSurvey(
  body: Partial<Record<SurveyField, string>>,
  region: Region,
  hasPartner: boolean,
):
  | { ok: true; answers: SurveyAnswers }
  | { ok: false; values: Partial<Record<SurveyField, string>>; errors: SurveyErrors } {
  const values = Object.fromEntries(SURVEY_FIELDS.map((f) => [f, (body[f] ?? '').trim()])) as Record<
    SurveyField,
    string
  >;
  values.helped = (body.helped ?? '').trim();
  const errors: SurveyErrors = {};
  if (!['yes', 'no'].includes(values.living)) errors.living = 'required';
  const municipalities = region.municipalities.map((m) => m.code);
  if (values.living === 'yes' && !municipalities.includes(values.municipality))
    errors.municipality = 'required';
  if (!isOneOf(EMPLOYMENTS, values.main)) errors.main = 'required';
  if (hasPartner && !isOneOf(EMPLOYMENTS, values.partner)) errors.partner = 'required';
  if (!/^[1-5]$/.test(values.satisfied)) errors.satisfied = 'required';
  if (values.helped.length > HELPED_MAX) errors.helped = 'helped';
  if (Object.keys(errors).length) return { ok: false, values, errors };
  return {
    ok: true,
    answers: {
      living: values.living as 'yes' | 'no',
      municipality: values.living === 'yes' ? values.municipality : 'other',
      main: values.main as Employment,
      partner: hasPartner ? (values.partner as PartnerEmployment) : 'no_partner',
      satisfied: Number(values.satisfied),
      helped: values.helped,
    },
  };
}

/** The answers in one line (the history entry; the case panel), in a language. */
export function answersSummary(lang: Lang, region: Region, a: SurveyAnswers): string {
  const t = householdMessages.t;
  const place =
    a.municipality === 'other'
      ? t(lang, 'q.municipalityOther')
      : (region.municipalities.find((m) => m.code === a.municipality)?.shortName ?? a.municipality);
  const employment = (v: string) =>
    isOneOf(PARTNER_EMPLOYMENTS, v) ? relocationMessages.t(lang, `employment.${v}`) : v;
  return [
    t(lang, 'summary.living', { value: t(lang, a.living === 'yes' ? 'answer.yes' : 'answer.no') }),
    t(lang, 'summary.municipality', { value: place }),
    t(lang, 'summary.main', { value: employment(a.main) }),
    t(lang, 'summary.partner', { value: employment(a.partner) }),
    t(lang, 'summary.satisfied', { value: a.satisfied }),
  ].join('; ');
}

/** Stores the answers once; 'gone' for a dead link, 'already' for a second answer. */
export async function answerFollowup(
  db: Kysely<DB>,
  region: Region,
  token: string,
  answers: SurveyAnswers,
): Promise<'saved' | 'gone' | 'already'> {
  const found = await followupByToken(db, region.id, token);
  if (!found) return 'gone';
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('relocation_followups')
      .set({ answers: JSON.stringify(answers), answered_at: sql<Date>`now()` })
      .where('region_id', '=', region.id)
      .where('id', '=', found.id)
      .where('answered_at', 'is', null)
      .returning(['case_id', 'months'])
      .executeTakeFirst();
    if (!row) return 'already';
    await addCaseEvent(trx, {
      regionId: region.id,
      caseId: row.case_id,
      actorId: null,
      kind: 'followup.answered',
      body: `${row.months}: ${answersSummary('sv', region, answers)}`,
      data: { months: row.months },
    });
    await recordAudit(trx, {
      regionId: region.id,
      actor: SYSTEM_ACTOR,
      action: 'relocation.followup.answered',
      subjectType: 'relocation_case',
      subjectId: row.case_id,
      data: { months: row.months },
    });
    return 'saved';
  });
}

/**
 * Matching an approved ambassador to a household (CasesWork, the case within the navigator's
 * scope). Needs an adult's live 'ambassador' consent (relocation_consents): the ambassador is told
 * that adult's first name, e-mail, the case's language and what the household wants help with —
 * nothing else — and the household the ambassador's first name and e-mail. The case's history and
 * the audit record it; ending a match is recorded the same way.
 */
import type { Kysely } from 'kysely';
import { accountActor, recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { shell } from '../../../platform/html/messages.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { addCaseEvent, caseInScope, type CaseRow, type CaseScope, type PersonRow } from '../cases.ts';
import { relocationMessages } from '../messages.ts';
import { isOneOf, NEEDS } from '../model.ts';
import { networkMessages } from './messages.ts';
import { AMBASSADOR_LANGUAGES } from './model.ts';
import { ambassadorById, consentingAdults, endMatch, insertMatch, matchById } from './repository.ts';
import { languageCode, type HouseholdFacts } from './score.ts';

/** The first word of a name; the part of the address before @ when there is no name. */
export function firstName(name: string, email = ''): string {
  const first = name.trim().split(/\s+/)[0];
  return first || email.split('@')[0] || '';
}

/** What the score reads of a household. */
export function householdFacts(c: CaseRow, persons: readonly PersonRow[]): HouseholdFacts {
  const adults = persons.filter((p) => p.role !== 'child');
  return {
    municipalityCodes: [c.municipality_code, c.outcome_municipality].filter((x): x is string => !!x),
    language: c.language,
    occupations: adults.map((p) => p.occupation).filter(Boolean),
    children: persons.length - adults.length,
    citizenships: adults.map((p) => p.citizenship),
    needs: c.needs,
  };
}

/** A language code's name in `lang` (the case's language as typed when it is not one we know). */
export function languageName(lang: Lang, language: string): string {
  const code = languageCode(language);
  return code && isOneOf(AMBASSADOR_LANGUAGES, code) ? networkMessages.t(lang, `language.${code}`) : language;
}

export type MatchOutcome =
  | { kind: 'done' }
  | { kind: 'not-found' }
  | { kind: 'refused'; reason: 'noConsent' | 'noEmail' | 'notApproved' | 'already' };

export interface MatchDeps {
  db: Kysely<DB>;
  queue: TaskQueue;
}

function caseRef(c: CaseRow): string {
  return `#${c.ref}`;
}

export async function matchAmbassador(
  deps: MatchDeps,
  region: Region,
  origin: string,
  scope: CaseScope,
  caseId: string,
  ambassadorId: string,
): Promise<MatchOutcome> {
  return deps.db.transaction().execute(async (trx): Promise<MatchOutcome> => {
    const c = await caseInScope(trx, scope, caseId);
    if (!c) return { kind: 'not-found' };
    const ambassador = await ambassadorById(trx, region.id, ambassadorId);
    if (!ambassador) return { kind: 'not-found' };
    if (ambassador.status !== 'approved') return { kind: 'refused', reason: 'notApproved' };
    const adult = (await consentingAdults(trx, region.id, [caseId])).get(caseId);
    if (!adult) return { kind: 'refused', reason: 'noConsent' };
    if (!adult.email) return { kind: 'refused', reason: 'noEmail' };
    const matchId = await insertMatch(trx, region.id, {
      caseId,
      ambassadorId,
      matchedBy: scope.accountId,
      note: '',
    });
    if (!matchId) return { kind: 'refused', reason: 'already' };
    const account = await trx
      .selectFrom('accounts')
      .select(['email', 'display_name', 'language'])
      .where('region_id', '=', region.id)
      .where('id', '=', ambassador.account_id)
      .executeTakeFirstOrThrow();
    const ambassadorName = firstName(account.display_name, account.email);
    const householdName = firstName(adult.name, adult.email);
    await addCaseEvent(trx, {
      regionId: region.id,
      caseId,
      actorId: scope.accountId,
      kind: 'network.ambassador',
      body: networkMessages.t('sv', 'history.matched', { name: ambassadorName }),
      data: { ambassadorId, matchId, event: 'matched' },
    });
    await recordAudit(trx, {
      regionId: region.id,
      actor: accountActor(scope.accountId),
      organisationId: scope.organisationId,
      action: 'relocation.network.match.created',
      subjectType: 'account',
      subjectId: ambassador.account_id,
      data: { name: caseRef(c) },
    });

    const ambLang: Lang = account.language === 'en' ? 'en' : 'sv';
    const interests = c.needs
      .filter((n) => isOneOf(NEEDS, n))
      .map((n) => relocationMessages.t(ambLang, `need.${n as (typeof NEEDS)[number]}`).toLowerCase());
    await queueMail(trx, deps.queue, {
      regionId: region.id,
      to: account.email,
      language: ambLang,
      subject: networkMessages.t(ambLang, 'mail.amb.subject', { region: region.name[ambLang] }),
      text: networkMessages.t(ambLang, 'mail.amb.text', {
        region: region.name[ambLang],
        name: householdName,
        email: adult.email,
        language: languageName(ambLang, c.language),
        interests: interests.length
          ? interests.join(', ')
          : networkMessages.t(ambLang, 'mail.interests.none'),
        url: `${origin}/${ambLang}/me#ambassador`,
        site: shell.t(ambLang, 'siteName', { region: region.name[ambLang] }),
      }),
    });
    const homeLang: Lang = languageCode(c.language) === 'sv' ? 'sv' : 'en';
    await queueMail(trx, deps.queue, {
      regionId: region.id,
      to: adult.email,
      language: homeLang,
      subject: networkMessages.t(homeLang, 'mail.household.subject', { region: region.name[homeLang] }),
      text: networkMessages.t(homeLang, 'mail.household.text', {
        household: householdName,
        name: ambassadorName,
        email: account.email,
        site: shell.t(homeLang, 'siteName', { region: region.name[homeLang] }),
      }),
    });
    return { kind: 'done' };
  });
}

/** Ends a match of the case; false when there is no such match in the navigator's scope. */
export async function endAmbassadorMatch(
  db: Kysely<DB>,
  region: Region,
  scope: CaseScope,
  caseId: string,
  matchId: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const c = await caseInScope(trx, scope, caseId);
    const match = c && (await matchById(trx, region.id, matchId));
    if (!c || !match || match.case_id !== caseId) return false;
    if (!(await endMatch(trx, region.id, matchId))) return true;
    const ambassador = await ambassadorById(trx, region.id, match.ambassador_id);
    const account =
      ambassador &&
      (await trx
        .selectFrom('accounts')
        .select(['email', 'display_name'])
        .where('region_id', '=', region.id)
        .where('id', '=', ambassador.account_id)
        .executeTakeFirst());
    await addCaseEvent(trx, {
      regionId: region.id,
      caseId,
      actorId: scope.accountId,
      kind: 'network.ambassador',
      body: networkMessages.t('sv', 'history.ended', {
        name: account ? firstName(account.display_name, account.email) : '',
      }),
      data: { ambassadorId: match.ambassador_id, matchId, event: 'ended' },
    });
    if (ambassador)
      await recordAudit(trx, {
        regionId: region.id,
        actor: accountActor(scope.accountId),
        organisationId: scope.organisationId,
        action: 'relocation.network.match.ended',
        subjectType: 'account',
        subjectId: ambassador.account_id,
        data: { name: caseRef(c) },
      });
    return true;
  });
}

/**
 * The household's side of a case: which cases an account may act on (as the main mover or the
 * partner), the checklist with its ticks, the household's facts they correct, consents per adult,
 * and the documents they share. Each change runs in one transaction with its history entry and
 * audit event; anything not the account's own is `undefined` (the routes answer 404).
 */
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { accountActor, recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { shell } from '../../../platform/html/messages.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import type { Storage } from '../../../platform/storage/index.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import {
  addCaseEvent,
  casesOfAccount,
  giveConsent,
  personsOf,
  withdrawConsent,
  type CaseRow,
  type PersonRow,
} from '../cases.ts';
import {
  CITIZENSHIPS,
  HOUSING,
  casePath,
  type Citizenship,
  type ConsentPurpose,
  type Housing,
} from '../model.ts';
import { householdMessages } from './messages.ts';
import {
  countDocuments,
  navigatorOf,
  deleteTick,
  documentOf,
  documentsOf,
  insertTick,
  ticksOf,
  type DocumentRow,
  type Tick,
} from './repository.ts';
import { checklistFor, stepByKey, type ChecklistItem, type HouseholdFacts } from './steps.ts';

/** Documents: at most this many per case, each at most this large. */
export const MAX_DOCUMENTS = 20;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Children a household may list. */
export const MAX_CHILDREN = 10;

/** The account's place in a case. */
export interface OwnCase {
  case: CaseRow;
  role: 'main' | 'partner';
  persons: PersonRow[];
  /** The adults that are this account (their consents are theirs to give). */
  own: PersonRow[];
  /**
   * The adults whose consents this account may give or withdraw: its own, and — for the main
   * mover — a partner without an account of their own (on their behalf, with their agreement).
   * A partner with an account acts only for themself.
   */
  actsFor: PersonRow[];
}

const MS_PER_YEAR = 365.25 * 86_400_000;

/** A child's age today, counted on from the age they had when told. */
export function ageNow(person: Pick<PersonRow, 'age' | 'age_on'>, now = new Date()): number | null {
  if (person.age === null) return null;
  if (!person.age_on) return person.age;
  return person.age + Math.max(0, Math.floor((now.getTime() - person.age_on.getTime()) / MS_PER_YEAR));
}

function ownCase(c: CaseRow, persons: PersonRow[], accountId: string): OwnCase | undefined {
  const main = persons.find((p) => p.role === 'main');
  const own = persons.filter((p) => p.role !== 'child' && p.account_id === accountId);
  if (c.account_id === accountId && main && !own.includes(main)) own.unshift(main);
  if (own.length === 0 && c.account_id !== accountId) return undefined;
  const role = c.account_id === accountId || own.some((p) => p.role === 'main') ? 'main' : 'partner';
  const onBehalf =
    role === 'main' ? persons.filter((p) => p.role === 'partner' && p.account_id === null) : [];
  return { case: c, role, persons, own, actsFor: [...own, ...onBehalf.filter((p) => !own.includes(p))] };
}

/**
 * Links to the account the open cases whose main mover gave the account's e-mail address (trimmed,
 * case-insensitive) and that no account holds yet: signing in proved the address, as the welcome
 * link does. Likewise the partner whose address the main mover gave: the partner then sees the case
 * and gives their own consents (the case stays the main mover's). Each person in its own
 * transaction with its history entry and audit event; returns how many were linked. The moving page
 * and the own page's section call it before they read.
 */
export async function linkCasesByEmail(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  email: string,
): Promise<number> {
  const address = email.trim().toLowerCase();
  if (!address) return 0;
  const found = await db
    .selectFrom('relocation_persons as p')
    .innerJoin('relocation_cases as c', (j) =>
      j.onRef('c.region_id', '=', 'p.region_id').onRef('c.id', '=', 'p.case_id'),
    )
    .select(['p.id as personId', 'p.role', 'c.id as caseId', 'c.ref'])
    .where('p.region_id', '=', regionId)
    .where('p.account_id', 'is', null)
    .where(sql<string>`lower(trim(p.email))`, '=', address)
    .where((eb) =>
      eb.or([
        eb.and([eb('p.role', '=', 'main'), eb('c.account_id', 'is', null)]),
        // A partner, unless this account is already an adult of the case.
        eb.and([
          eb('p.role', '=', 'partner'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('relocation_persons as o')
                .select(sql`1`.as('one'))
                .whereRef('o.region_id', '=', 'c.region_id')
                .whereRef('o.case_id', '=', 'c.id')
                .where('o.account_id', '=', accountId),
            ),
          ),
          eb.or([eb('c.account_id', 'is', null), eb('c.account_id', '!=', accountId)]),
        ]),
      ]),
    )
    .where('c.merged_into', 'is', null)
    .where('c.stage', '!=', 'closed')
    .execute();
  let linked = 0;
  for (const row of found) {
    const done = await db
      .transaction()
      .execute(async (trx) => {
        // Again under the lock: a welcome link spent meanwhile has linked it already.
        const person = await trx
          .updateTable('relocation_persons')
          .set({ account_id: accountId, updated_at: sql<Date>`now()` })
          .where('region_id', '=', regionId)
          .where('id', '=', row.personId)
          .where('account_id', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!person) return false;
        if (row.role === 'partner') {
          await addCaseEvent(trx, {
            regionId,
            caseId: row.caseId,
            actorId: accountId,
            kind: 'account.linked',
            data: { by: 'email', role: 'partner' },
          });
          await recordAudit(trx, {
            regionId,
            actor: accountActor(accountId),
            action: 'relocation.case.linked_by_email',
            subjectType: 'relocation_case',
            subjectId: row.caseId,
            data: { name: `#${row.ref}` },
          });
          return true;
        }
        const kase = await trx
          .updateTable('relocation_cases')
          .set({ account_id: accountId })
          .where('region_id', '=', regionId)
          .where('id', '=', row.caseId)
          .where('account_id', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!kase) throw new AlreadyHeld();
        await addCaseEvent(trx, {
          regionId,
          caseId: row.caseId,
          actorId: accountId,
          kind: 'account.linked',
          data: { by: 'email' },
        });
        await recordAudit(trx, {
          regionId,
          actor: accountActor(accountId),
          action: 'relocation.case.linked_by_email',
          subjectType: 'relocation_case',
          subjectId: row.caseId,
          data: { name: `#${row.ref}` },
        });
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof AlreadyHeld) return false;
        throw error;
      });
    if (done) linked += 1;
  }
  return linked;
}

/** Another account came to hold the case meanwhile: nothing is linked. */
class AlreadyHeld extends Error {}

/** The account's open cases (newest first) with its place in each. */
export async function ownCases(db: Kysely<DB>, regionId: string, accountId: string): Promise<OwnCase[]> {
  const cases = (await casesOfAccount(db, regionId, accountId)).filter((c) => c.stage !== 'closed');
  const result: OwnCase[] = [];
  for (const c of cases) {
    const own = ownCase(c, await personsOf(db, regionId, c.id), accountId);
    if (own) result.push(own);
  }
  return result;
}

/** One of the account's cases, or undefined (another's, closed, or no such case). */
export async function ownCaseById(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  caseId: string,
): Promise<OwnCase | undefined> {
  return (await ownCases(db, regionId, accountId)).find((o) => o.case.id === caseId);
}

/** What the checklist is generated from, read from the household. */
export function factsOf(c: CaseRow, persons: PersonRow[], now = new Date()): HouseholdFacts {
  return {
    adults: persons.filter((p) => p.role !== 'child').map((p) => p.citizenship as Citizenship),
    hasPartner: persons.some((p) => p.role === 'partner'),
    childrenAges: persons.filter((p) => p.role === 'child').flatMap((p) => ageNow(p, now) ?? []),
    housing: c.housing as Housing,
  };
}

export interface Checklist {
  items: (ChecklistItem & { tick: Tick | undefined })[];
  done: number;
  total: number;
}

/** The case's checklist with what is ticked (ticks of steps the household no longer has are left out). */
export async function checklistOf(
  db: Kysely<DB>,
  regionId: string,
  c: CaseRow,
  persons: PersonRow[],
): Promise<Checklist> {
  const ticks = await ticksOf(db, regionId, c.id);
  const items = checklistFor(factsOf(c, persons)).map((item) => ({
    ...item,
    tick: ticks.get(item.step.key),
  }));
  return { items, done: items.filter((i) => i.tick).length, total: items.length };
}

/** Ticks a step of the household's checklist off or on; undefined when not theirs to tick. */
export async function tickStep(
  db: Kysely<DB>,
  input: { regionId: string; accountId: string; caseId: string; step: string; done: boolean },
): Promise<'changed' | 'unchanged' | undefined> {
  const own = await ownCaseById(db, input.regionId, input.accountId, input.caseId);
  const step = stepByKey(input.step);
  if (!own || !step) return undefined;
  if (!checklistFor(factsOf(own.case, own.persons)).some((i) => i.step.key === step.key)) return undefined;
  return db.transaction().execute(async (trx) => {
    const changed = input.done
      ? await insertTick(trx, input.regionId, input.caseId, step.key, input.accountId)
      : await deleteTick(trx, input.regionId, input.caseId, step.key);
    if (!changed) return 'unchanged';
    const verb = input.done ? 'done' : 'undone';
    await addCaseEvent(trx, {
      regionId: input.regionId,
      caseId: input.caseId,
      actorId: input.accountId,
      kind: `checklist.${verb}`,
      body: step.title.sv,
      data: { step: step.key },
    });
    await recordAudit(trx, {
      regionId: input.regionId,
      actor: accountActor(input.accountId),
      action: `relocation.checklist.${verb}`,
      subjectType: 'relocation_case',
      subjectId: input.caseId,
      data: { name: `#${own.case.ref}`, step: step.key },
    });
    return 'changed';
  });
}

/** The household's facts as posted: a citizenship per adult, the children's ages, housing. */
export interface HouseholdInput {
  citizenship: Record<string, string>;
  children: string;
  housing: string;
}

export type HouseholdErrors = Partial<Record<string, 'citizenship' | 'children' | 'housing'>>;

/** "3, 9 och 12" → [3, 9, 12]; undefined when not a list of ages 0–25 (at most MAX_CHILDREN). */
export function parseAges(text: string): number[] | undefined {
  const parts = text
    .trim()
    .split(/[\s,;]+|\b(?:och|and)\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_CHILDREN) return undefined;
  const ages: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,2}$/.test(part)) return undefined;
    const age = Number(part);
    if (age > 25) return undefined;
    ages.push(age);
  }
  return ages;
}

/** Saves the household's corrected facts; the checklist follows. */
export async function saveHousehold(
  db: Kysely<DB>,
  input: { regionId: string; accountId: string; caseId: string; values: HouseholdInput },
): Promise<{ kind: 'saved' } | { kind: 'invalid'; errors: HouseholdErrors } | undefined> {
  const own = await ownCaseById(db, input.regionId, input.accountId, input.caseId);
  if (!own) return undefined;
  const errors: HouseholdErrors = {};
  const adults = own.persons.filter((p) => p.role !== 'child');
  const citizenship = new Map<string, Citizenship>();
  for (const adult of adults) {
    const value = input.values.citizenship[adult.id] ?? adult.citizenship;
    if ((CITIZENSHIPS as readonly string[]).includes(value)) citizenship.set(adult.id, value as Citizenship);
    else errors[`citizenship_${adult.id}`] = 'citizenship';
  }
  const ages = parseAges(input.values.children);
  if (!ages) errors.children = 'children';
  const housing = input.values.housing;
  if (!(HOUSING as readonly string[]).includes(housing)) errors.housing = 'housing';
  if (Object.keys(errors).length > 0 || !ages) return { kind: 'invalid', errors };
  const { regionId, caseId, accountId } = input;
  await db.transaction().execute(async (trx) => {
    for (const adult of adults) {
      const value = citizenship.get(adult.id)!;
      if (value === adult.citizenship) continue;
      await trx
        .updateTable('relocation_persons')
        .set({ citizenship: value, updated_at: sql`now()` })
        .where('region_id', '=', regionId)
        .where('id', '=', adult.id)
        .execute();
    }
    const before = own.persons
      .filter((p) => p.role === 'child')
      .map((p) => ageNow(p))
      .sort((a, b) => (b ?? 0) - (a ?? 0));
    const after = [...ages].sort((a, b) => b - a);
    if (before.join(',') !== after.join(',')) {
      await trx
        .deleteFrom('relocation_persons')
        .where('region_id', '=', regionId)
        .where('case_id', '=', caseId)
        .where('role', '=', 'child')
        .execute();
      for (const age of after) {
        await trx
          .insertInto('relocation_persons')
          .values({
            region_id: regionId,
            case_id: caseId,
            role: 'child',
            age,
            age_on: sql<string>`current_date`,
          })
          .execute();
      }
    }
    await trx
      .updateTable('relocation_cases')
      .set({ housing })
      .where('region_id', '=', regionId)
      .where('id', '=', caseId)
      .execute();
    await addCaseEvent(trx, {
      regionId,
      caseId,
      actorId: accountId,
      kind: 'household.updated',
      body: `${adults.map((a) => citizenship.get(a.id)).join(', ')}; ${after.join(', ') || '–'}; ${housing}`,
    });
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'relocation.household.updated',
      subjectType: 'relocation_case',
      subjectId: caseId,
      data: { name: `#${own.case.ref}` },
    });
  });
  return { kind: 'saved' };
}

/**
 * Gives or withdraws a consent of an adult the account acts for in a case (its own, or as the main
 * mover its partner's when the partner has no account); undefined when not theirs to change.
 * Withdrawing 'contact' tells the case's navigator (the case file shows it at the top too).
 */
export async function setConsent(
  db: Kysely<DB>,
  mail: { queue: TaskQueue; region: Region; origin: string },
  input: {
    regionId: string;
    accountId: string;
    caseId: string;
    personId: string;
    purpose: ConsentPurpose;
    give: boolean;
  },
): Promise<boolean | undefined> {
  const own = await ownCaseById(db, input.regionId, input.accountId, input.caseId);
  const person = own?.actsFor.find((p) => p.id === input.personId);
  if (!own || !person) return undefined;
  const forPartner = !own.own.includes(person);
  return db.transaction().execute(async (trx) => {
    const changed = input.give
      ? await giveConsent(trx, input.regionId, person.id, input.purpose)
      : await withdrawConsent(trx, input.regionId, person.id, input.purpose);
    if (!changed) return false;
    const verb = input.give ? 'given' : 'withdrawn';
    await addCaseEvent(trx, {
      regionId: input.regionId,
      caseId: own.case.id,
      actorId: input.accountId,
      kind: `consent.${verb}`,
      body: input.purpose,
      data: { person: person.id, purpose: input.purpose, ...(forPartner ? { forPartner: true } : {}) },
    });
    await recordAudit(trx, {
      regionId: input.regionId,
      actor: accountActor(input.accountId),
      action: `relocation.consent.${verb}`,
      subjectType: 'relocation_case',
      subjectId: own.case.id,
      data: { name: `#${own.case.ref}`, purpose: input.purpose, ...(forPartner ? { forPartner: true } : {}) },
    });
    if (!input.give && input.purpose === 'contact' && person.role === 'main' && own.case.navigator_id)
      await mailContactWithdrawn(trx, mail, own.case, own.case.navigator_id);
    return true;
  });
}

/**
 * Tells the case's navigator that the main mover withdrew the consent to be contacted (in the
 * navigator's language, with the case's link); nothing is deleted.
 */
async function mailContactWithdrawn(
  trx: Kysely<DB>,
  mail: { queue: TaskQueue; region: Region; origin: string },
  c: CaseRow,
  navigatorId: string,
): Promise<void> {
  // Once a day at most: withdrawing and giving again in a loop must not flood the navigator.
  const recent = await trx
    .selectFrom('relocation_case_events')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('region_id', '=', mail.region.id)
    .where('case_id', '=', c.id)
    .where('kind', '=', 'consent.withdrawn')
    .where(sql<boolean>`data->>'purpose' = 'contact'`)
    .where('at', '>', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  if ((recent?.n ?? 0) > 1) return;
  const navigator = await navigatorOf(trx, mail.region.id, navigatorId);
  if (!navigator) return;
  const lang: Lang = navigator.language === 'en' ? 'en' : 'sv';
  const ref = String(c.ref);
  await queueMail(trx, mail.queue, {
    regionId: mail.region.id,
    to: navigator.email,
    language: lang,
    subject: householdMessages.t(lang, 'navMail.contactWithdrawn.subject', { ref }),
    text: householdMessages.t(lang, 'navMail.contactWithdrawn.text', {
      ref,
      url: `${mail.origin}${casePath(c.id)}`,
      site: shell.t(lang, 'siteName', { region: mail.region.name[lang] }),
    }),
  });
}

/** The kinds of file the household may share, recognised by their first bytes. */
export const DOCUMENT_TYPES = [
  { type: 'application/pdf', extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
] as const;
export const DOCUMENT_CONTENT_TYPES: readonly string[] = DOCUMENT_TYPES.map((t) => t.type);

export function documentTypeOf(bytes: Uint8Array): (typeof DOCUMENT_TYPES)[number] | undefined {
  return DOCUMENT_TYPES.find((t) => t.magic.every((b, i) => bytes[i] === b));
}

/**
 * A file name to keep and show: the last path segment, control and markup characters and anything
 * outside letters, digits, spaces and . _ - ( ) removed, at most 120 characters, with the extension
 * of its real type; a name left empty becomes "dokument".
 */
export function cleanFilename(name: string | undefined, extension: string): string {
  const last = (name ?? '').split(/[/\\]/).pop() ?? '';
  const stem = last
    .normalize('NFC')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  return `${stem || 'dokument'}.${extension}`;
}

export type UploadError = 'missing' | 'tooLarge' | 'type' | 'tooMany';

/** Stores a document the household shares; undefined when the case is not theirs. */
export async function uploadDocument(
  db: Kysely<DB>,
  storage: Storage,
  input: {
    regionId: string;
    accountId: string;
    caseId: string;
    file: Buffer | undefined;
    fileName: string | undefined;
    tooLarge: boolean;
  },
): Promise<{ kind: 'done'; id: string } | { kind: 'invalid'; error: UploadError } | undefined> {
  const own = await ownCaseById(db, input.regionId, input.accountId, input.caseId);
  if (!own) return undefined;
  if (input.tooLarge || (input.file && input.file.length > MAX_DOCUMENT_BYTES))
    return { kind: 'invalid', error: 'tooLarge' };
  if (!input.file || input.file.length === 0) return { kind: 'invalid', error: 'missing' };
  const type = documentTypeOf(input.file);
  if (!type) return { kind: 'invalid', error: 'type' };
  if ((await countDocuments(db, input.regionId, input.caseId)) >= MAX_DOCUMENTS)
    return { kind: 'invalid', error: 'tooMany' };
  const id = randomUUID();
  const key = `relocation/${input.regionId}/${input.caseId}/${id}.${type.extension}`;
  const filename = cleanFilename(input.fileName, type.extension);
  // The file first: a row never names a file that is not there. A failed insert leaves a file
  // nobody names, which is removed below.
  await storage.put(key, input.file, type.type);
  try {
    await db.transaction().execute(async (trx) => {
      // The case row locked first: uploads to the same case at once wait here one by one, so the
      // count below sees the others' rows (under READ COMMITTED a bare count would not).
      await trx
        .selectFrom('relocation_cases')
        .select('id')
        .where('region_id', '=', input.regionId)
        .where('id', '=', input.caseId)
        .forUpdate()
        .execute();
      await trx
        .insertInto('relocation_documents')
        .values({
          region_id: input.regionId,
          id,
          case_id: input.caseId,
          storage_key: key,
          filename,
          content_type: type.type,
          bytes: input.file!.length,
          uploaded_by: input.accountId,
        })
        .execute();
      // The count again, under the lock: two uploads at once do not pass the limit together.
      if ((await countDocuments(trx, input.regionId, input.caseId)) > MAX_DOCUMENTS) throw new TooMany();
      await addCaseEvent(trx, {
        regionId: input.regionId,
        caseId: input.caseId,
        actorId: input.accountId,
        kind: 'document.added',
        body: filename,
        data: { document: id },
      });
      await recordAudit(trx, {
        regionId: input.regionId,
        actor: accountActor(input.accountId),
        action: 'relocation.document.added',
        subjectType: 'relocation_case',
        subjectId: input.caseId,
        data: { name: `#${own.case.ref}` },
      });
    });
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    if (error instanceof TooMany) return { kind: 'invalid', error: 'tooMany' };
    throw error;
  }
  return { kind: 'done', id };
}

class TooMany extends Error {}

/** Deletes a document the account shared; undefined when not theirs. */
export async function deleteDocument(
  db: Kysely<DB>,
  storage: Storage,
  input: { regionId: string; accountId: string; caseId: string; documentId: string },
): Promise<true | undefined> {
  const own = await ownCaseById(db, input.regionId, input.accountId, input.caseId);
  if (!own) return undefined;
  const doc = await documentOf(db, input.regionId, input.caseId, input.documentId);
  if (!doc || doc.uploaded_by !== input.accountId) return undefined;
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('relocation_documents')
      .where('region_id', '=', input.regionId)
      .where('id', '=', doc.id)
      .execute();
    await addCaseEvent(trx, {
      regionId: input.regionId,
      caseId: input.caseId,
      actorId: input.accountId,
      kind: 'document.deleted',
      body: doc.filename,
    });
    await recordAudit(trx, {
      regionId: input.regionId,
      actor: accountActor(input.accountId),
      action: 'relocation.document.deleted',
      subjectType: 'relocation_case',
      subjectId: input.caseId,
      data: { name: `#${own.case.ref}` },
    });
  });
  // After the commit: a file left by a failed delete is named by nothing and harms nobody.
  await storage.delete(doc.storage_key).catch(() => undefined);
  return true;
}

export { documentsOf, type DocumentRow };

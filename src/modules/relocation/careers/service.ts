/**
 * The careers part's rules. Each change runs in one transaction with its audit event and, for a
 * case, its history entry: an adult's job search and applications; introducing an adult to an
 * employer (only with their 'employers' consent; the employer is shown `shared`, while that
 * consent is live, and nothing of the case) and the employer's answer; linking an adult to their
 * talent pool account (only a proven address; otherwise the person is sent a link to confirm);
 * merging two cases that are the same household. History entries and e-mails name no adult: the
 * entries say the role and keep the person's id (the case file shows the name while the person is
 * in the household), the employer's and navigator's mails point to the page.
 */
import { sql, type Kysely } from 'kysely';
import type { AuditActor } from '../../../platform/audit.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { parseDate } from '../../../platform/html/forms.ts';
import { isUuid } from '../../../platform/http/params.ts';
import { randomToken } from '../../../platform/auth/secrets.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { isLang, type Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { PersonalDataPart } from '../../../platform/personal-data.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { conceptsById, openJobsOf } from '../../talent/employers/repository.ts';
import {
  addCaseEvent,
  caseInScope,
  liveConsentsOf,
  navigatorName,
  personsOf,
  type CaseRow,
  type CaseScope,
  type PersonRow,
} from '../cases.ts';
import { relocationMessages } from '../messages.ts';
import { casePath, dayOf, isOneOf, JOB_SEARCH, PATHS, stockholmToday, type JobSearch } from '../model.ts';
import { insertLink } from '../request/repository.ts';
import { LINK_DAYS } from '../request/service.ts';
import { careersMessages, type CareersMessageKey } from './messages.ts';
import { adultProfile, sideOf } from './profiles.ts';
import {
  APPLICATION_STATUSES,
  applicationOfCase,
  applicationsOf,
  employerAdmins,
  employerById,
  eventCount,
  INTRO_ANSWERS,
  introductionOfOrganisation,
  introductionsOfPersons,
  lockCases,
  mergePersonRows,
  moveCaseRows,
  openJobExists,
  type ApplicationStatus,
  type IntroAnswer,
  type SharedFacts,
} from './repository.ts';
import { FOLD_FROM, FOLD_TO } from '../../jobs/words.ts';

export const EMPLOYER_MAX = 200;
export const TITLE_MAX = 200;
export const NOTE_MAX = 1000;
export const MESSAGE_MAX = 1000;
export const JOB_ID_MAX = 64;

export const INTRODUCTIONS_PATH = '/admin/talent/introductions';
export const introductionPath = (id: string) => `${INTRODUCTIONS_PATH}/${id}`;

/** The navigator (or admin) acting, in their language. */
export interface Actor {
  regionId: string;
  accountId: string;
  organisationId: string;
  lang: Lang;
  audit: AuditActor;
}

export type FormErrors = Record<string, string>;

export type Outcome<T = object> =
  | ({ kind: 'done' } & T)
  | { kind: 'not-found' }
  | { kind: 'invalid'; errors: FormErrors }
  | { kind: 'refused'; message: string };

const t = (lang: Lang, key: CareersMessageKey, params?: Record<string, string | number>) =>
  careersMessages.t(lang, key, params);

const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

function langOf(value: string | null | undefined): Lang {
  return isLang(value) ? value : 'sv';
}

/** The case in scope and the adult of it named by `personId`. */
async function caseAndAdult(
  db: Kysely<DB>,
  scope: CaseScope,
  caseId: string,
  personId: unknown,
): Promise<{ kase: CaseRow; persons: PersonRow[]; person: PersonRow | undefined } | undefined> {
  if (!isUuid(caseId)) return undefined;
  const kase = await caseInScope(db, scope, caseId);
  if (!kase) return undefined;
  const persons = await personsOf(db, scope.regionId, caseId);
  const person = isUuid(personId) ? persons.find((p) => p.id === personId && p.role !== 'child') : undefined;
  return { kase, persons, person };
}

function personLabel(lang: Lang, person: PersonRow): string {
  return person.name.trim() || relocationMessages.t(lang, `role.${person.role as 'main' | 'partner'}`);
}

/**
 * The adult by role ("Partnern", "The main mover") for what is stored: history entries never carry
 * a name (the case file shows the person's name from the household while they are in it).
 */
function roleWord(lang: Lang, role: string): string {
  return t(lang, role === 'partner' ? 'who.partner' : 'who.main');
}

// ------------------------------------------------------------------ job search

export async function setJobSearch(
  db: Kysely<DB>,
  scope: CaseScope,
  actor: Actor,
  caseId: string,
  input: { person: unknown; status: unknown },
): Promise<Outcome> {
  const found = await caseAndAdult(db, scope, caseId, input.person);
  if (!found) return { kind: 'not-found' };
  if (found.kase.merged_into) return { kind: 'refused', message: t(actor.lang, 'error.merged') };
  if (!found.person) return { kind: 'invalid', errors: { person: t(actor.lang, 'error.person') } };
  const status = str(input.status);
  if (!isOneOf(JOB_SEARCH, status))
    return {
      kind: 'invalid',
      errors: {
        job_search: t(actor.lang, 'error.choose', { field: t(actor.lang, 'jobSearch.label').toLowerCase() }),
      },
    };
  const person = found.person;
  if (person.job_search === status) return { kind: 'done' };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('relocation_persons')
      .set({ job_search: status, updated_at: sql`now()` })
      .where('region_id', '=', scope.regionId)
      .where('id', '=', person.id)
      .execute();
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId,
      actorId: actor.accountId,
      kind: 'jobsearch.status',
      body: t(actor.lang, 'event.jobsearch', {
        who: roleWord(actor.lang, person.role),
        status: relocationMessages.t(actor.lang, `jobSearch.${status}`),
      }),
      data: { person_id: person.id, from: person.job_search, to: status },
    });
    await recordAudit(trx, {
      regionId: scope.regionId,
      actor: actor.audit,
      organisationId: actor.organisationId,
      action: 'relocation.jobsearch.changed',
      subjectType: 'relocation_case',
      subjectId: caseId,
      data: { ref: String(found.kase.ref), status, role: person.role },
    });
  });
  return { kind: 'done' };
}

// ------------------------------------------------------------------ applications

export interface ApplicationInput {
  person: string;
  employer: string;
  title: string;
  job: string;
  status: string;
  noted_on: string;
  note: string;
}

export function readApplication(body: Record<string, unknown>): ApplicationInput {
  return {
    person: str(body.person),
    employer: str(body.employer),
    title: str(body.title),
    job: str(body.job),
    status: str(body.status) || 'applied',
    noted_on: str(body.noted_on),
    note: str(body.note),
  };
}

export async function addApplication(
  db: Kysely<DB>,
  scope: CaseScope,
  actor: Actor,
  caseId: string,
  input: ApplicationInput,
): Promise<Outcome> {
  const found = await caseAndAdult(db, scope, caseId, input.person);
  if (!found) return { kind: 'not-found' };
  if (found.kase.merged_into) return { kind: 'refused', message: t(actor.lang, 'error.merged') };
  const lang = actor.lang;
  const errors: FormErrors = {};
  const field = (key: CareersMessageKey) => t(lang, key).toLowerCase();
  if (!found.person) errors.person = t(lang, 'error.person');
  if (!input.employer) errors.employer = t(lang, 'error.required', { field: field('apps.employer') });
  else if (input.employer.length > EMPLOYER_MAX)
    errors.employer = t(lang, 'error.tooLong', { field: t(lang, 'apps.employer'), max: EMPLOYER_MAX });
  if (!input.title) errors.title = t(lang, 'error.required', { field: field('apps.jobTitle') });
  else if (input.title.length > TITLE_MAX)
    errors.title = t(lang, 'error.tooLong', { field: t(lang, 'apps.jobTitle'), max: TITLE_MAX });
  if (input.job && (input.job.length > JOB_ID_MAX || !(await openJobExists(db, scope.regionId, input.job))))
    errors.job = t(lang, 'error.job');
  if (!isOneOf(APPLICATION_STATUSES, input.status))
    errors.status = t(lang, 'error.choose', { field: field('apps.status') });
  const notedOn = input.noted_on === '' ? stockholmToday() : parseDate(input.noted_on);
  if (!notedOn) errors.noted_on = t(lang, 'error.date');
  if (input.note.length > NOTE_MAX)
    errors.note = t(lang, 'error.tooLong', { field: t(lang, 'apps.note'), max: NOTE_MAX });
  if (Object.keys(errors).length > 0 || !found.person || !notedOn) return { kind: 'invalid', errors };
  const person = found.person;
  const status = input.status as ApplicationStatus;
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('relocation_job_applications')
      .values({
        region_id: scope.regionId,
        person_id: person.id,
        employer: input.employer,
        title: input.title,
        job_id: input.job || null,
        status,
        noted_on: notedOn,
        note: input.note,
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId,
      actorId: actor.accountId,
      kind: 'jobsearch.application',
      body: t(lang, 'event.application', {
        who: roleWord(lang, person.role),
        title: input.title,
        employer: input.employer,
        status: t(lang, `appStatus.${status}`),
      }),
      data: { person_id: person.id, application_id: row.id, status },
    });
    await recordAudit(trx, {
      regionId: scope.regionId,
      actor: actor.audit,
      organisationId: actor.organisationId,
      action: 'relocation.application.added',
      subjectType: 'relocation_case',
      subjectId: caseId,
      data: { ref: String(found.kase.ref), status },
    });
  });
  return { kind: 'done' };
}

export async function changeApplication(
  db: Kysely<DB>,
  scope: CaseScope,
  actor: Actor,
  caseId: string,
  applicationId: string,
  statusValue: unknown,
): Promise<Outcome> {
  if (!isUuid(caseId) || !isUuid(applicationId)) return { kind: 'not-found' };
  const kase = await caseInScope(db, scope, caseId);
  if (!kase) return { kind: 'not-found' };
  if (kase.merged_into) return { kind: 'refused', message: t(actor.lang, 'error.merged') };
  const application = await applicationOfCase(db, scope.regionId, caseId, applicationId);
  if (!application) return { kind: 'not-found' };
  const status = str(statusValue);
  if (!isOneOf(APPLICATION_STATUSES, status))
    return {
      kind: 'invalid',
      errors: {
        status: t(actor.lang, 'error.choose', { field: t(actor.lang, 'apps.status').toLowerCase() }),
      },
    };
  if (status === application.status) return { kind: 'done' };
  const lang = actor.lang;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('relocation_job_applications')
      .set({ status, updated_at: sql`now()` })
      .where('region_id', '=', scope.regionId)
      .where('id', '=', applicationId)
      .execute();
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId,
      actorId: actor.accountId,
      kind: 'jobsearch.application_status',
      body: t(lang, 'event.applicationStatus', {
        who: roleWord(lang, application.role),
        title: application.title,
        employer: application.employer,
        status: t(lang, `appStatus.${status}`),
      }),
      data: {
        person_id: application.person_id,
        application_id: applicationId,
        from: application.status,
        to: status,
      },
    });
    await recordAudit(trx, {
      regionId: scope.regionId,
      actor: actor.audit,
      organisationId: actor.organisationId,
      action: 'relocation.application.changed',
      subjectType: 'relocation_case',
      subjectId: caseId,
      data: { ref: String(kase.ref), status },
    });
  });
  return { kind: 'done' };
}

// ------------------------------------------------------------------ introductions

export interface IntroduceInput {
  person: string;
  organisation: string;
  job: string;
  message: string;
}

export function readIntroduce(body: Record<string, unknown>): IntroduceInput {
  return {
    person: str(body.person),
    organisation: str(body.organisation),
    job: str(body.job),
    message: str(body.message),
  };
}

/** What the employer is shown: name, occupation (the person's words, else their profile's), contact. */
async function sharedFactsOf(
  db: Kysely<DB>,
  regionId: string,
  person: PersonRow,
  household: readonly PersonRow[],
): Promise<SharedFacts> {
  let occupation = person.occupation.trim();
  if (!occupation) {
    const found = await adultProfile(db, regionId, person, household);
    if (found?.readable) {
      const ids = sideOf(found).occupations;
      const concepts = await conceptsById(db, ids);
      occupation = ids.flatMap((id) => concepts.get(id)?.label ?? []).join(', ');
    }
  }
  return { name: person.name.trim(), occupation, email: person.email || null, phone: person.phone || null };
}

export async function introduce(
  db: Kysely<DB>,
  queue: TaskQueue,
  scope: CaseScope,
  actor: Actor,
  origin: string,
  caseId: string,
  input: IntroduceInput,
): Promise<Outcome<{ id: string }>> {
  const found = await caseAndAdult(db, scope, caseId, input.person);
  if (!found) return { kind: 'not-found' };
  const lang = actor.lang;
  if (found.kase.merged_into) return { kind: 'refused', message: t(lang, 'error.merged') };
  const errors: FormErrors = {};
  if (!found.person) errors.person = t(lang, 'error.person');
  const employer = isUuid(input.organisation)
    ? await employerById(db, scope.regionId, input.organisation)
    : undefined;
  if (!employer) errors.organisation = t(lang, 'error.employer');
  if (employer && input.job) {
    const jobs = await openJobsOf(db, scope.regionId, employer);
    if (!jobs.some((j) => j.id === input.job)) errors.job = t(lang, 'error.employerJob');
  }
  if (input.message.length > MESSAGE_MAX)
    errors.message = t(lang, 'error.tooLong', { field: t(lang, 'introduce.message'), max: MESSAGE_MAX });
  if (found.person) {
    const consents = await liveConsentsOf(db, scope.regionId, [found.person.id]);
    if (!consents.get(found.person.id)?.has('employers'))
      errors.person = t(lang, 'error.consent', { name: personLabel(lang, found.person) });
  }
  if (Object.keys(errors).length > 0 || !found.person || !employer) return { kind: 'invalid', errors };
  const person = found.person;
  const shared = await sharedFactsOf(db, scope.regionId, person, found.persons);
  const navigator = await db
    .selectFrom('accounts')
    .select(['display_name', 'email'])
    .where('region_id', '=', scope.regionId)
    .where('id', '=', actor.accountId)
    .executeTakeFirstOrThrow();
  const admins = await employerAdmins(db, scope.regionId, employer.id);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('relocation_introductions')
      .values({
        region_id: scope.regionId,
        case_id: caseId,
        person_id: person.id,
        organisation_id: employer.id,
        job_id: input.job || null,
        message: input.message,
        shared: JSON.stringify(shared),
        navigator_id: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId,
      actorId: actor.accountId,
      kind: 'introduction.sent',
      body: t(lang, 'event.introduction', { who: roleWord(lang, person.role), organisation: employer.name }),
      data: {
        person_id: person.id,
        introduction_id: row.id,
        organisation_id: employer.id,
        job_id: input.job || null,
      },
    });
    await recordAudit(trx, {
      regionId: scope.regionId,
      actor: actor.audit,
      organisationId: actor.organisationId,
      action: 'relocation.introduction.sent',
      subjectType: 'relocation_introduction',
      subjectId: row.id,
      data: { ref: String(found.kase.ref), employer: employer.name },
    });
    const who = navigatorName({ name: navigator.display_name ?? '', email: navigator.email });
    for (const admin of admins) {
      const to = langOf(admin.language);
      await queueMail(trx, queue, {
        regionId: scope.regionId,
        to: admin.email,
        replyTo: navigator.email,
        language: to,
        // Nothing of the person: the employer reads them on the page, which keeps to the consent.
        subject: t(to, 'mail.new.subject', { organisation: employer.name }),
        text: t(to, 'mail.new.text', {
          navigator: who,
          organisation: employer.name,
          link: `${origin}${introductionPath(row.id)}`,
        }),
      });
    }
    return row.id;
  });
  return { kind: 'done', id };
}

/** Someone acting for an employer organisation (Permission.TalentSearch). */
export interface EmployerActor {
  regionId: string;
  organisationId: string;
  organisationName: string;
  accountId: string;
  audit: AuditActor;
}

export async function answerIntroduction(
  db: Kysely<DB>,
  queue: TaskQueue,
  employer: EmployerActor,
  origin: string,
  id: string,
  answerValue: unknown,
): Promise<Outcome | { kind: 'invalid-answer' }> {
  if (!isUuid(id)) return { kind: 'not-found' };
  const intro = await introductionOfOrganisation(db, employer.regionId, employer.organisationId, id);
  // Once the person withdrew the consent it was shared under, the employer may not answer either.
  if (!intro || intro.withdrawn) return { kind: 'not-found' };
  const about = await db
    .selectFrom('relocation_persons as p')
    .innerJoin('relocation_cases as c', (j) =>
      j.onRef('c.region_id', '=', 'p.region_id').onRef('c.id', '=', 'p.case_id'),
    )
    .select(['p.role', 'c.ref'])
    .where('p.region_id', '=', employer.regionId)
    .where('p.id', '=', intro.personId)
    .executeTakeFirst();
  if (!about) return { kind: 'not-found' };
  const answer = str(answerValue);
  if (!isOneOf(INTRO_ANSWERS, answer)) return { kind: 'invalid-answer' };
  if (intro.status === answer) return { kind: 'done' };
  const navigatorLang = langOf(intro.navigatorLanguage);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('relocation_introductions')
      .set({ status: answer, answered_at: sql`now()`, answered_by: employer.accountId })
      .where('region_id', '=', employer.regionId)
      .where('id', '=', id)
      .execute();
    const caseLang: Lang = navigatorLang;
    await addCaseEvent(trx, {
      regionId: employer.regionId,
      caseId: intro.caseId,
      actorId: employer.accountId,
      kind: 'introduction.answered',
      body: t(caseLang, 'event.introductionAnswer', {
        organisation: intro.organisationName,
        who: roleWord(caseLang, about.role).toLocaleLowerCase(caseLang),
        answer: t(caseLang, `introStatus.${answer as IntroAnswer}`),
      }),
      data: { person_id: intro.personId, introduction_id: id, status: answer },
    });
    await recordAudit(trx, {
      regionId: employer.regionId,
      actor: employer.audit,
      organisationId: employer.organisationId,
      action: 'relocation.introduction.answered',
      subjectType: 'relocation_introduction',
      subjectId: id,
      data: { employer: intro.organisationName, status: answer },
    });
    if (intro.navigatorEmail) {
      await queueMail(trx, queue, {
        regionId: employer.regionId,
        to: intro.navigatorEmail,
        language: navigatorLang,
        subject: t(navigatorLang, 'mail.answer.subject', {
          organisation: intro.organisationName,
          ref: String(about.ref),
        }),
        text: t(navigatorLang, 'mail.answer.text', {
          organisation: intro.organisationName,
          ref: String(about.ref),
          answer: t(navigatorLang, `introStatus.${answer as IntroAnswer}`),
          link: `${origin}${casePath(intro.caseId)}`,
        }),
      });
    }
  });
  return { kind: 'done' };
}

// ------------------------------------------------------------------ linking a sign-up

/** An adult of a case in scope, not linked, whose e-mail is an account's with a talent profile. */
async function linkable(db: Kysely<DB>, scope: CaseScope, personId: unknown) {
  if (!isUuid(personId)) return undefined;
  const person = await db
    .selectFrom('relocation_persons')
    .selectAll()
    .where('region_id', '=', scope.regionId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person || person.role === 'child') return undefined;
  const kase = await caseInScope(db, scope, person.case_id);
  if (!kase || kase.merged_into || !person.email || person.account_id) return undefined;
  const account = await db
    .selectFrom('accounts as a')
    .innerJoin('talent_profiles as t', (j) =>
      j.onRef('t.region_id', '=', 'a.region_id').onRef('t.account_id', '=', 'a.id'),
    )
    .select('a.id')
    .where('a.region_id', '=', scope.regionId)
    .where(sql<string>`lower(a.email)`, '=', person.email.trim().toLowerCase())
    .executeTakeFirst();
  if (!account) return undefined;
  return { person: { ...person, email: person.email }, kase, account };
}

/**
 * Links an adult to the account their e-mail belongs to, when that account has a talent profile —
 * only when the account is proven to be theirs: the case was made by that account for its main
 * mover. An e-mail typed in a request proves nothing; such an adult gets a link (askToConfirm).
 */
export async function linkToProfile(
  db: Kysely<DB>,
  scope: CaseScope,
  actor: Actor,
  personId: unknown,
): Promise<Outcome> {
  const found = await linkable(db, scope, personId);
  if (!found) return { kind: 'not-found' };
  const { person, kase, account } = found;
  if (person.role !== 'main' || kase.account_id !== account.id) return { kind: 'not-found' };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('relocation_persons')
      .set({ account_id: account.id, updated_at: sql`now()` })
      .where('region_id', '=', scope.regionId)
      .where('id', '=', person.id)
      .where('account_id', 'is', null)
      .execute();
    if (person.role === 'main')
      await trx
        .updateTable('relocation_cases')
        .set({ account_id: account.id })
        .where('region_id', '=', scope.regionId)
        .where('id', '=', kase.id)
        .where('account_id', 'is', null)
        .execute();
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId: kase.id,
      actorId: actor.accountId,
      kind: 'profile.linked',
      body: t(actor.lang, 'event.linked', { who: roleWord(actor.lang, person.role) }),
      data: { person_id: person.id, account_id: account.id },
    });
    await recordAudit(trx, {
      regionId: scope.regionId,
      actor: actor.audit,
      organisationId: actor.organisationId,
      action: 'relocation.person.linked',
      subjectType: 'relocation_case',
      subjectId: kase.id,
      data: { ref: String(kase.ref), role: person.role },
    });
  });
  return { kind: 'done' };
}

/** A new confirmation link is not sent to the same adult more often than this. */
export const CONFIRM_EVERY_MINUTES = 60;

/**
 * Sends an adult whose e-mail matches a talent pool account (unproven) the request's welcome link
 * to their address: opening it proves the address is theirs and links them to that account.
 * `already` when a link was sent less than CONFIRM_EVERY_MINUTES ago (nothing is sent).
 */
export async function askToConfirm(
  db: Kysely<DB>,
  queue: TaskQueue,
  scope: CaseScope,
  actor: Actor,
  origin: string,
  personId: unknown,
): Promise<Outcome<{ already: boolean }>> {
  const found = await linkable(db, scope, personId);
  if (!found) return { kind: 'not-found' };
  const { person, kase } = found;
  const regionId = scope.regionId;
  return db.transaction().execute(async (trx) => {
    await lockCases(trx, regionId, [kase.id]);
    const recent = await trx
      .selectFrom('relocation_links')
      .select('token_hash')
      .where('region_id', '=', regionId)
      .where('person_id', '=', person.id)
      .where('used_at', 'is', null)
      .where('created_at', '>', sql<Date>`now() - make_interval(mins => ${CONFIRM_EVERY_MINUTES})`)
      .executeTakeFirst();
    if (recent) return { kind: 'done' as const, already: true };
    const token = randomToken();
    await insertLink(trx, regionId, token, kase.id, person.id, LINK_DAYS, person.email ?? '');
    const lang = langOf(kase.language);
    const ref = String(kase.ref);
    await queueMail(trx, queue, {
      regionId,
      to: person.email,
      language: lang,
      subject: t(lang, 'mail.confirm.subject', { ref }),
      text: t(lang, 'mail.confirm.text', {
        ref,
        days: LINK_DAYS,
        link: `${origin}${localPath(lang, `${PATHS.move}/welcome/${token}`)}`,
      }),
    });
    await addCaseEvent(trx, {
      regionId,
      caseId: kase.id,
      actorId: actor.accountId,
      kind: 'profile.confirm_asked',
      body: t(actor.lang, 'event.confirmAsked', { who: roleWord(actor.lang, person.role) }),
      data: { person_id: person.id },
    });
    await recordAudit(trx, {
      regionId,
      actor: actor.audit,
      organisationId: actor.organisationId,
      action: 'relocation.person.confirm_asked',
      subjectType: 'relocation_case',
      subjectId: kase.id,
      data: { ref, role: person.role },
    });
    return { kind: 'done' as const, already: false };
  });
}

// ------------------------------------------------------------------ merge

const foldName = (name: string) => {
  let out = '';
  for (const ch of name.trim().replace(/\s+/g, ' ').toLowerCase()) {
    const i = FOLD_FROM.indexOf(ch);
    out += i >= 0 ? FOLD_TO[i] : ch;
  }
  return out;
};

/** The same person in two households: same role, and the same e-mail or the same (folded) name. */
/** Two persons with the same (non-empty) e-mail address. */
function sharedEmail(a: PersonRow, b: PersonRow): boolean {
  const email = (p: PersonRow) => p.email?.trim().toLowerCase() || null;
  return email(a) !== null && email(a) === email(b);
}

function samePerson(a: PersonRow, b: PersonRow): boolean {
  if (a.role !== b.role) return false;
  if (a.role === 'child') return a.age !== null && a.age === b.age;
  const email = (p: PersonRow) => p.email?.trim().toLowerCase() || null;
  if (email(a) && email(a) === email(b)) return true;
  return foldName(a.name) !== '' && foldName(a.name) === foldName(b.name);
}

export type MergeCheck =
  | { kind: 'ok'; a: CaseRow; b: CaseRow }
  | { kind: 'not-found' }
  | { kind: 'self' }
  | { kind: 'already'; ref: string };

/** Whether two cases may be merged by this scope (both seen, different, neither merged). */
export async function mergeable(
  db: Kysely<DB>,
  scope: CaseScope,
  aId: unknown,
  bId: unknown,
): Promise<MergeCheck> {
  if (!isUuid(aId) || !isUuid(bId)) return { kind: 'not-found' };
  if (aId === bId) return { kind: 'self' };
  const [a, b] = await Promise.all([caseInScope(db, scope, aId), caseInScope(db, scope, bId)]);
  if (!a || !b) return { kind: 'not-found' };
  for (const c of [a, b]) if (c.merged_into) return { kind: 'already', ref: String(c.ref) };
  return { kind: 'ok', a, b };
}

export type MergeOutcome =
  | Exclude<MergeCheck, { kind: 'ok' }>
  | { kind: 'done'; survivor: CaseRow }
  | { kind: 'conflict'; names: string[] }
  | { kind: 'choose' };

export async function mergeCases(
  db: Kysely<DB>,
  scope: CaseScope,
  actor: Actor,
  input: { a: unknown; b: unknown; survivor: unknown },
): Promise<MergeOutcome> {
  const check = await mergeable(db, scope, input.a, input.b);
  if (check.kind !== 'ok') return check;
  const survivorId = str(input.survivor);
  if (survivorId !== check.a.id && survivorId !== check.b.id) return { kind: 'choose' };
  const otherId = survivorId === check.a.id ? check.b.id : check.a.id;
  const regionId = scope.regionId;
  const lang = actor.lang;
  return db.transaction().execute(async (trx): Promise<MergeOutcome> => {
    await lockCases(trx, regionId, [survivorId, otherId]);
    // Read again under the locks: another merge may have run meanwhile.
    const again = await mergeable(trx, scope, survivorId, otherId);
    if (again.kind !== 'ok') return again;
    const survivor = again.a;
    const other = again.b;
    const keep = await personsOf(trx, regionId, survivor.id);
    const move = await personsOf(trx, regionId, other.id);
    // Plan first: nothing changes when a main or partner matches nobody but the role is taken.
    const plan: Array<{ person: PersonRow; into: PersonRow | null }> = [];
    const taken = new Set<string>();
    const conflicts: string[] = [];
    for (const person of move) {
      const into = keep.find((k) => !taken.has(k.id) && samePerson(k, person)) ?? null;
      if (into) taken.add(into.id);
      else if (person.role !== 'child' && keep.some((k) => k.role === person.role)) {
        const there = keep.find((k) => k.role === person.role)!;
        conflicts.push(`${personLabel(lang, person)} / ${personLabel(lang, there)}`);
      }
      plan.push({ person, into });
    }
    if (conflicts.length > 0) return { kind: 'conflict', names: conflicts };
    const mainOf = (list: PersonRow[]) => list.find((p) => p.role === 'main');
    const keptMain = mainOf(keep);
    const otherMain = mainOf(move);
    const mainsShareAddress = !!keptMain && !!otherMain && sharedEmail(keptMain, otherMain);

    for (const { person, into } of plan) {
      if (!into) {
        await trx
          .updateTable('relocation_persons')
          .set({ case_id: survivor.id, updated_at: sql`now()` })
          .where('region_id', '=', regionId)
          .where('id', '=', person.id)
          .execute();
        continue;
      }
      // Who may open the household's page follows only a shared address: persons matched by
      // their name alone keep the survivor's e-mail and account (a stranger asking with someone's
      // name must not get their case, review-attacker2).
      const sameAddress = sharedEmail(into, person);
      await trx
        .updateTable('relocation_persons')
        .set({
          name: into.name.trim() ? into.name : person.name,
          email: into.email,
          phone: into.phone || person.phone,
          occupation: into.occupation.trim() ? into.occupation : person.occupation,
          citizenship: into.citizenship === 'unknown' ? person.citizenship : into.citizenship,
          account_id: into.account_id ?? (sameAddress ? person.account_id : null),
          job_search: into.job_search === 'not_started' ? person.job_search : into.job_search,
          updated_at: sql`now()`,
        })
        .where('region_id', '=', regionId)
        .where('id', '=', into.id)
        .execute();
      await mergePersonRows(trx, regionId, person.id, into.id);
    }
    await moveCaseRows(trx, regionId, other.id, survivor.id);
    const needs = [...new Set([...survivor.needs, ...other.needs])];
    await trx
      .updateTable('relocation_cases')
      .set({
        needs,
        account_id: survivor.account_id ?? (mainsShareAddress ? other.account_id : null),
        navigator_id: survivor.navigator_id ?? other.navigator_id,
        updated_at: sql`now()`,
      })
      .where('region_id', '=', regionId)
      .where('id', '=', survivor.id)
      .execute();
    await trx
      .updateTable('relocation_cases')
      .set({
        stage: 'closed',
        stage_changed_at: sql`now()`,
        close_reason: 'duplicate',
        closed_at: sql`now()`,
        merged_into: survivor.id,
        updated_at: sql`now()`,
      })
      .where('region_id', '=', regionId)
      .where('id', '=', other.id)
      .execute();
    const refs = { survivor: String(survivor.ref), merged: String(other.ref) };
    await addCaseEvent(trx, {
      regionId,
      caseId: survivor.id,
      actorId: actor.accountId,
      kind: 'merged',
      body: t(lang, 'event.merged.from', { ref: refs.merged }),
      data: { merged_id: other.id, merged_ref: refs.merged },
    });
    await addCaseEvent(trx, {
      regionId,
      caseId: other.id,
      actorId: actor.accountId,
      kind: 'merged',
      body: t(lang, 'event.merged.into', { ref: refs.survivor }),
      data: { survivor_id: survivor.id, survivor_ref: refs.survivor },
    });
    await recordAudit(trx, {
      regionId,
      actor: actor.audit,
      organisationId: actor.organisationId,
      action: 'relocation.case.merged',
      subjectType: 'relocation_case',
      subjectId: survivor.id,
      data: { ref: refs.survivor, merged_ref: refs.merged },
    });
    return { kind: 'done', survivor };
  });
}

/** What the merge page shows of a case. */
export async function mergeSide(db: Kysely<DB>, regionId: string, kase: CaseRow) {
  const [persons, events] = await Promise.all([
    personsOf(db, regionId, kase.id),
    eventCount(db, regionId, kase.id),
  ]);
  const navigator = kase.navigator_id
    ? await db
        .selectFrom('accounts')
        .select(['display_name', 'email'])
        .where('region_id', '=', regionId)
        .where('id', '=', kase.navigator_id)
        .executeTakeFirst()
    : undefined;
  return {
    kase,
    persons,
    events,
    navigator: navigator
      ? navigatorName({ name: navigator.display_name ?? '', email: navigator.email })
      : null,
  };
}
export type MergeSide = Awaited<ReturnType<typeof mergeSide>>;

// ------------------------------------------------------------------ personal data

/** The adults (persons) this account is in any case, for export. */
async function personsOfAccount(db: Kysely<DB>, regionId: string, accountId: string) {
  return db
    .selectFrom('relocation_persons')
    .select(['id', 'case_id'])
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .execute();
}

/**
 * A person's applications and introductions, as the household sees them (the employer, the job,
 * the status and dates, what was shared). Erasure: both tables cascade with relocation_persons,
 * which the household part deletes with the case; an introduction is deleted with the person (the
 * employer keeps nothing of it here).
 */
export const careersPersonalData: PersonalDataPart = {
  name: 'relocationCareers',
  export: async (db, ref) => {
    const persons = await personsOfAccount(db, ref.regionId, ref.accountId);
    const ids = persons.map((p) => p.id);
    const [applications, introductions] = await Promise.all([
      applicationsOf(db, ref.regionId, ids),
      introductionsOfPersons(db, ref.regionId, ids),
    ]);
    return {
      applications: applications.map((a) => ({
        employer: a.employer,
        title: a.title,
        job: a.jobId,
        status: a.status,
        notedOn: dayOf(a.notedOn),
        note: a.note,
      })),
      introductions: introductions.map((i) => ({
        employer: i.organisationName,
        job: i.jobId,
        message: i.message,
        shared: i.shared,
        status: i.status,
        sentAt: i.createdAt.toISOString(),
        answeredAt: i.answeredAt?.toISOString() ?? null,
      })),
    };
  },
  erase: async (trx, ref) => {
    // The rows go with the person (ON DELETE CASCADE); an adult whose account goes but whose case
    // stays keeps the case's rows, which are the household's, not the account's.
    void trx;
    void ref;
  },
};

export type { JobSearch };

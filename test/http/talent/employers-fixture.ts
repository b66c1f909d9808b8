/**
 * The employers' side of the talent pool under test: an app, an employer with an admin and a
 * member, another employer, and people in the pool made to order (with the consent to be shown to
 * employers unless told otherwise).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { markTalentPoolStale } from '../../../src/modules/talent/employers/service.ts';
import type { DB } from '../../../src/platform/db/schema.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createOrganisation, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { OCCUPATION } from '../../helpers/jobs.ts';

export const SKILL = {
  occupationalTherapy: 'eGs6_Hry_JFw', // Arbetsterapi
  labourLaw: 'fiLT_BSW_HCb', // Arbetsrätt
  advertisingFilm: 'N8r4_1ew_smB', // Reklamfilm
} as const;
export const LANGUAGE = { swedish: 'zSLA_vw2_FXN', english: 'NVxJ_hLg_TYS' } as const;

export interface TalentSpec {
  occupation?: keyof typeof OCCUPATION;
  experience?: 'none' | 'lt2' | '2to5' | '5to10' | 'gt10';
  municipalities?: string[];
  anywhere?: boolean;
  moveWhen?: string;
  languages?: string[];
  skills?: string[];
  about?: string;
  name?: string;
  childrenAges?: number[];
  partnerOccupation?: keyof typeof OCCUPATION;
  status?: 'active' | 'hidden';
  consent?: boolean;
  language?: 'sv' | 'en';
}

export interface Talent {
  accountId: string;
  profileId: string;
  email: string;
  name: string;
}

let counter = 0;

export async function addTalent(db: Kysely<DB>, spec: TalentSpec = {}): Promise<Talent> {
  counter += 1;
  const name = spec.name ?? `Talang Nummer${counter} Efternamnsson`;
  const email = `talang-${counter}-${Date.now().toString(36)}@example.org`;
  const account = await db
    .insertInto('accounts')
    .values({ region_id: REGION, email, display_name: name, language: spec.language ?? 'sv' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const occupation = OCCUPATION[spec.occupation ?? 'nurse'];
  const partner = spec.partnerOccupation ? OCCUPATION[spec.partnerOccupation] : undefined;
  const profile = await db
    .insertInto('talent_profiles')
    .values({
      region_id: REGION,
      account_id: account.id,
      status: spec.status ?? 'active',
      occupations: [occupation.occupation.concept_id],
      occupation_groups: [occupation.occupation_group.concept_id],
      occupation_fields: [occupation.occupation_field.concept_id],
      skills: spec.skills ?? [SKILL.occupationalTherapy],
      experience: spec.experience ?? '5to10',
      languages: spec.languages ?? [LANGUAGE.swedish],
      education: 'university',
      municipalities: spec.municipalities ?? ['2080'],
      anywhere: spec.anywhere ?? false,
      move_when: spec.moveWhen ?? 'now',
      about: spec.about ?? `Jag heter ${name} och älskar fjällen ${counter}.`,
      has_partner: Boolean(partner),
      partner_occupations: partner ? [partner.occupation.concept_id] : [],
      partner_occupation_groups: partner ? [partner.occupation_group.concept_id] : [],
      partner_occupation_fields: partner ? [partner.occupation_field.concept_id] : [],
      children_ages: spec.childrenAges ?? [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (spec.consent !== false) {
    await db
      .insertInto('talent_consents')
      .values({
        region_id: REGION,
        account_id: account.id,
        purpose: 'employers',
        text_version: 'employers-2026-12',
      })
      .execute();
  }
  markTalentPoolStale(db, REGION);
  return { accountId: account.id, profileId: profile.id, email, name };
}

export async function withdrawConsent(db: Kysely<DB>, accountId: string): Promise<void> {
  await db
    .updateTable('talent_consents')
    .set({ withdrawn_at: sql`now()` })
    .where('region_id', '=', REGION)
    .where('account_id', '=', accountId)
    .execute();
  markTalentPoolStale(db, REGION);
}

export async function employersFixture() {
  const { app, database, queue } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const employer = await createOrganisation(db, { name: 'Dalarnas Vårdbolag AB' });
  const other = await createOrganisation(db, { name: 'Andra Arbetsgivaren AB' });
  const admin = await createPerson(db, {
    role: 'employer_admin',
    organisationId: employer,
    email: 'hr@vardbolag.example',
  });
  await db
    .updateTable('accounts')
    .set({ display_name: 'Hanna Rekryterare' })
    .where('id', '=', admin.accountId)
    .execute();
  const member = await createPerson(db, { role: 'employer_member', organisationId: employer });
  const otherAdmin = await createPerson(db, { role: 'employer_admin', organisationId: other });
  const adminCookie = await sessionFor(db, admin.accountId);
  const memberCookie = await sessionFor(db, member.accountId);
  const otherCookie = await sessionFor(db, otherAdmin.accountId);
  const talentPerson = await createPerson(db);
  const talentCookie = await sessionFor(db, talentPerson.accountId);
  return {
    app,
    db,
    queue,
    client,
    employer,
    other,
    admin,
    member,
    adminCookie,
    memberCookie,
    otherCookie,
    talentCookie,
    get: (url: string, cookie = '') => client.get(url, cookie),
    post: (url: string, cookie: string, fields: Record<string, string>) =>
      client.postForm(url, cookie, fields),
    cookieOf: (accountId: string) => sessionFor(db, accountId),
  };
}

/** The card links of a result page, in order. */
export function cardLinks(body: string): string[] {
  return [...body.matchAll(/href="(\/admin\/talent\/cards\/[A-Za-z0-9_-]{22})"/g)].map((m) => m[1]!);
}

/** The result list's HTML only (the form's options name every municipality). */
export function cardsHtml(body: string): string {
  const start = body.indexOf('<ul class="job-list talent-cards">');
  if (start < 0) return '';
  return body.slice(start, body.indexOf('</ul>', start) + 5);
}

/** The newest queued e-mail to an address. */
export async function newestOutboxMail(db: Kysely<DB>, to: string) {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('region_id', '=', REGION)
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

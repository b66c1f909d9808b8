/**
 * The toolbox for tests (migration 0041), written straight into the tables so each part's tests
 * stand on their own: a person of an organisation with a session past its second factor, and
 * approved (or draft) texts. Parts with more to set up keep their own helpers
 * (test/helpers/toolbox-<part>.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Role } from '../../src/platform/permissions.ts';
import { createPerson, REGION, sessionFor, type TestPerson } from './identity.ts';

export interface ToolboxUser extends TestPerson {
  organisationId: string;
  /** The Cookie header of a session past its second factor, acting for the organisation. */
  cookie: string;
}

/**
 * A person who uses the toolbox: by default an employer's admin in a new employer organisation;
 * `role: 'region_editor'` (or 'admin') writes it.
 */
export async function toolboxUser(
  db: Kysely<DB>,
  options: { role?: Role; organisationId?: string; email?: string; language?: 'sv' | 'en' } = {},
): Promise<ToolboxUser> {
  const person = await createPerson(db, {
    role: options.role ?? 'employer_admin',
    organisationId: options.organisationId,
    email: options.email,
    totpSecret: 'JBSWY3DPEHPK3PXP',
    language: options.language,
  });
  const organisationId = person.organisationId!;
  const cookie = await sessionFor(db, person.accountId, {
    secondFactor: true,
    activeOrganisationId: organisationId,
  });
  return { ...person, organisationId, cookie };
}

export interface TestTextInput {
  status?: 'draft' | 'approved' | 'retired';
  persona?: string;
  topic?: string;
  municipalityCode?: string | null;
  title?: string;
  titleEn?: string;
  body?: string;
  bodyEn?: string;
  sourceName?: string;
  sourceUrl?: string;
  sourceDate?: string | null;
}

/** A text or argument (approved, for everyone, about careers, region-wide unless told). */
export async function createText(db: Kysely<DB>, input: TestTextInput = {}): Promise<string> {
  const row = await db
    .insertInto('toolbox_texts')
    .values({
      region_id: REGION,
      status: input.status ?? 'approved',
      persona: input.persona ?? 'everyone',
      topic: input.topic ?? 'career',
      municipality_code: input.municipalityCode ?? null,
      title_sv: input.title ?? 'Karriär i en modern teknikregion',
      title_en: input.titleEn ?? 'A career in a modern technology region',
      body_sv: input.body ?? 'Här finns världsledande företag inom teknik och grön omställning.',
      body_en: input.bodyEn ?? 'World-leading companies in technology and the green transition are here.',
      source_name: input.sourceName ?? '',
      source_url: input.sourceUrl ?? '',
      source_date: input.sourceDate ?? null,
      approved_at: input.status === 'draft' ? null : new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

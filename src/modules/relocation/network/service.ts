/**
 * The newcomer network's rules: groups kept by the region (NetworkManage), joining and leaving for
 * signed-in people, ambassadors signing up and being approved or paused. A group's meetups are
 * events (the events module keeps them and their registrations; events.ts reads them). Each change is one transaction with its audit event. Matching ambassadors to households
 * is in matching.ts; personal data in personal-data.ts.
 */
import type { Kysely } from 'kysely';
import { accountActor, recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { Region } from '../../../platform/region.ts';
import { isOneOf } from '../model.ts';
import type { NetworkKey } from './messages.ts';
import {
  AMBASSADOR_CONSENT_VERSION,
  AMBASSADOR_LANGUAGES,
  LIMITS,
  PERSONAS,
  SLUG,
  TOPICS,
  slugify,
  type AmbassadorStatus,
} from './model.ts';
import {
  addMember,
  ambassadorById,
  groupById,
  groupBySlug,
  insertGroup,
  removeMember,
  setAmbassadorStatus,
  setGroupStatus,
  slugTaken,
  updateGroup,
  upsertAmbassador,
  type GroupValues,
} from './repository.ts';

/** Joining and leaving groups, per client address. */
export const ACT_PER_IP: RateLimitRule = { name: 'network-act', max: 120, windowSeconds: 900 };
/** Ambassador sign-ups, per client address. */
export const APPLY_PER_IP: RateLimitRule = { name: 'network-ambassador', max: 10, windowSeconds: 900 };

/** Who acts in the back-office. */
export interface Staff {
  regionId: string;
  accountId: string;
  organisationId: string | null;
}

/** A form's errors: field → message key (with `max`/`min` filled in by the view). */
export type Errors<F extends string> = Partial<Record<F, NetworkKey>>;

export type Result<F extends string> =
  { kind: 'done'; id: string } | { kind: 'invalid'; errors: Errors<F> } | { kind: 'not-found' };

// Groups ---------------------------------------------------------------------------------------

export const GROUP_FIELDS = [
  'name_sv',
  'name_en',
  'description_sv',
  'description_en',
  'slug',
  'topic',
  'municipality',
] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];
export type GroupInput = Record<GroupField, string>;

function checkGroup(region: Region, input: GroupInput): { values?: GroupValues; errors: Errors<GroupField> } {
  const errors: Errors<GroupField> = {};
  for (const name of ['name_sv', 'name_en'] as const) {
    if (!input[name]) errors[name] = 'err.required';
    else if (input[name].length > LIMITS.groupName) errors[name] = 'err.max';
  }
  for (const name of ['description_sv', 'description_en'] as const)
    if (input[name].length > LIMITS.groupDescription) errors[name] = 'err.max';
  const slug = input.slug ? input.slug.toLowerCase() : slugify(input.name_sv || input.name_en);
  if (!slug || !SLUG.test(slug) || slug.length > LIMITS.slug)
    errors.slug = input.slug ? 'err.slug' : 'err.required';
  if (!isOneOf(TOPICS, input.topic)) errors.topic = 'err.choice';
  const municipality = input.municipality || null;
  if (municipality && !region.municipalities.some((m) => m.code === municipality))
    errors.municipality = 'err.choice';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    values: {
      slug,
      name_sv: input.name_sv,
      name_en: input.name_en,
      description_sv: input.description_sv,
      description_en: input.description_en,
      topic: input.topic as GroupValues['topic'],
      municipality_code: municipality,
    },
  };
}

/** Creates a group (id null) or saves one. */
export async function saveGroup(
  db: Kysely<DB>,
  region: Region,
  staff: Staff,
  id: string | null,
  input: GroupInput,
): Promise<Result<GroupField>> {
  const checked = checkGroup(region, input);
  if (!checked.values) return { kind: 'invalid', errors: checked.errors };
  const values = checked.values;
  return db.transaction().execute(async (trx): Promise<Result<GroupField>> => {
    if (id && !(await groupById(trx, staff.regionId, id))) return { kind: 'not-found' };
    if (await slugTaken(trx, staff.regionId, values.slug, id))
      return { kind: 'invalid', errors: { slug: 'err.slugTaken' } };
    const groupId = id ?? (await insertGroup(trx, staff.regionId, values, staff.accountId));
    if (id) await updateGroup(trx, staff.regionId, id, values);
    await recordAudit(trx, {
      regionId: staff.regionId,
      actor: accountActor(staff.accountId),
      organisationId: staff.organisationId,
      action: id ? 'relocation.network.group.updated' : 'relocation.network.group.created',
      subjectType: 'network_group',
      subjectId: groupId,
      data: { name: values.name_sv },
    });
    return { kind: 'done', id: groupId };
  });
}

/** Archives an active group or makes an archived one active again; the new status, or undefined. */
export async function toggleGroupArchived(
  db: Kysely<DB>,
  staff: Staff,
  id: string,
): Promise<'archived' | 'active' | undefined> {
  return db.transaction().execute(async (trx) => {
    const group = await groupById(trx, staff.regionId, id);
    if (!group) return undefined;
    const status = group.status === 'archived' ? 'active' : 'archived';
    await setGroupStatus(trx, staff.regionId, id, status);
    await recordAudit(trx, {
      regionId: staff.regionId,
      actor: accountActor(staff.accountId),
      organisationId: staff.organisationId,
      action:
        status === 'archived' ? 'relocation.network.group.archived' : 'relocation.network.group.restored',
      subjectType: 'network_group',
      subjectId: id,
      data: { name: group.name_sv },
    });
    return status;
  });
}

// Members -------------------------------------------------------------------------------

/** Joins an active group; false when there is no such group (or it is archived). */
export async function joinGroup(db: Kysely<DB>, regionId: string, accountId: string, slug: string) {
  return db.transaction().execute(async (trx) => {
    const group = await groupBySlug(trx, regionId, slug);
    if (!group || group.status !== 'active') return false;
    await addMember(trx, regionId, group.id, accountId);
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'relocation.network.member.joined',
      subjectType: 'network_group',
      subjectId: group.id,
      data: { name: group.name_sv },
    });
    return true;
  });
}

export async function leaveGroup(db: Kysely<DB>, regionId: string, accountId: string, slug: string) {
  return db.transaction().execute(async (trx) => {
    const group = await groupBySlug(trx, regionId, slug);
    if (!group) return false;
    await removeMember(trx, regionId, group.id, accountId);
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'relocation.network.member.left',
      subjectType: 'network_group',
      subjectId: group.id,
      data: { name: group.name_sv },
    });
    return true;
  });
}

// Ambassadors ----------------------------------------------------------------------------------

export const AMBASSADOR_FIELDS = [
  'municipality',
  'languages',
  'occupation',
  'personas',
  'interests',
  'about',
  'consent',
] as const;
export type AmbassadorField = (typeof AMBASSADOR_FIELDS)[number];

export interface AmbassadorInput {
  municipality: string;
  languages: string[];
  occupation: string;
  personas: string[];
  interests: string[];
  about: string;
  consent: boolean;
}

/** The ambassador form as sent: lists bounded, strings trimmed. */
export function readAmbassadorInput(body: {
  municipality?: string;
  occupation?: string;
  about?: string;
  consent?: string;
  languages?: string[];
  personas?: string[];
  interests?: string[];
}): AmbassadorInput {
  const list = (values: string[] | undefined) => [...new Set((values ?? []).slice(0, 20))];
  return {
    municipality: (body.municipality ?? '').trim(),
    languages: list(body.languages),
    occupation: (body.occupation ?? '').trim(),
    personas: list(body.personas),
    interests: list(body.interests),
    about: (body.about ?? '').trim(),
    consent: body.consent === 'yes',
  };
}

export type ApplyResult =
  { kind: 'done'; created: boolean } | { kind: 'invalid'; errors: Errors<AmbassadorField> };

/** Signs up as an ambassador (pending) or saves the details of one already signed up. */
export async function applyAsAmbassador(
  db: Kysely<DB>,
  region: Region,
  accountId: string,
  input: AmbassadorInput,
): Promise<ApplyResult> {
  const errors: Errors<AmbassadorField> = {};
  if (!region.municipalities.some((m) => m.code === input.municipality))
    errors.municipality = 'amb.err.municipality';
  if (input.languages.length === 0) errors.languages = 'amb.err.languages';
  else if (!input.languages.every((l) => isOneOf(AMBASSADOR_LANGUAGES, l)))
    errors.languages = 'amb.err.choice';
  if (input.occupation.length > LIMITS.occupation) errors.occupation = 'amb.err.occupation';
  if (!input.personas.every((p) => isOneOf(PERSONAS, p))) errors.personas = 'amb.err.choice';
  if (!input.interests.every((p) => isOneOf(TOPICS, p))) errors.interests = 'amb.err.choice';
  if (input.about.length > LIMITS.about) errors.about = 'amb.err.about';
  if (!input.consent) errors.consent = 'amb.err.consent';
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  return db.transaction().execute(async (trx) => {
    const created = await upsertAmbassador(trx, region.id, accountId, {
      municipality_code: input.municipality,
      languages: input.languages,
      occupation: input.occupation,
      personas: input.personas,
      interests: input.interests,
      about: input.about,
      consent_text_version: AMBASSADOR_CONSENT_VERSION,
    });
    if (created)
      await recordAudit(trx, {
        regionId: region.id,
        actor: accountActor(accountId),
        action: 'relocation.network.ambassador.applied',
        subjectType: 'account',
        subjectId: accountId,
      });
    return { kind: 'done', created } as const;
  });
}

/** Approves or pauses an ambassador; false when there is none with that id. */
export async function setAmbassador(
  db: Kysely<DB>,
  staff: Staff,
  id: string,
  status: Extract<AmbassadorStatus, 'approved' | 'paused'>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const ambassador = await ambassadorById(trx, staff.regionId, id);
    if (!ambassador) return false;
    if (ambassador.status === status) return true;
    await setAmbassadorStatus(trx, staff.regionId, id, status, staff.accountId);
    await recordAudit(trx, {
      regionId: staff.regionId,
      actor: accountActor(staff.accountId),
      organisationId: staff.organisationId,
      action:
        status === 'approved'
          ? 'relocation.network.ambassador.approved'
          : 'relocation.network.ambassador.paused',
      subjectType: 'account',
      subjectId: ambassador.account_id,
    });
    return true;
  });
}

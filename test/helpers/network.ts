/**
 * The newcomer network for tests (migration 0032): groups, meetups and ambassadors written straight
 * in. A meetup is an event (migration 0036) of the region's organisation with the group set.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { AMBASSADOR_CONSENT_VERSION } from '../../src/modules/relocation/network/model.ts';
import { createEvent, type TestEvent } from './events.ts';
import { createPerson, REGION } from './identity.ts';

let n = 0;

export async function createGroup(
  db: Kysely<DB>,
  values: {
    slug?: string;
    name?: string;
    topic?: string;
    municipalityCode?: string | null;
    status?: string;
  } = {},
): Promise<{ id: string; slug: string; name: string }> {
  n += 1;
  const slug = values.slug ?? `grupp-${n}-${Date.now().toString(36)}`;
  const name = values.name ?? `Testgrupp ${n}`;
  const row = await db
    .insertInto('network_groups')
    .values({
      region_id: REGION,
      slug,
      name_sv: name,
      name_en: `${name} (en)`,
      description_sv: 'Vi ses och har trevligt.',
      description_en: 'We meet and have a good time.',
      topic: values.topic ?? 'outdoors',
      municipality_code: values.municipalityCode === undefined ? '2080' : values.municipalityCode,
      status: values.status ?? 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, slug, name };
}

/** A meetup of the group: a published event (kind 'meetup') starting in `inDays` days, two hours long. */
export async function createMeetup(
  db: Kysely<DB>,
  groupId: string,
  values: {
    title?: string;
    inDays?: number;
    capacity?: number | null;
    status?: 'draft' | 'in_review' | 'published' | 'cancelled';
  } = {},
): Promise<TestEvent> {
  const startsAt = new Date(Date.now() + (values.inDays ?? 7) * 86_400_000);
  const event = await createEvent(db, {
    kind: 'meetup',
    title: values.title ?? 'Fika vid sjön',
    titleEn: values.title ? `${values.title} (en)` : 'Coffee by the lake',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    venue: 'Badplatsen',
    capacity: values.capacity === undefined ? null : values.capacity,
    status: values.status,
  });
  await db
    .updateTable('events')
    .set({ network_group_id: groupId })
    .where('region_id', '=', REGION)
    .where('id', '=', event.id)
    .execute();
  return event;
}

export interface TestAmbassador {
  id: string;
  accountId: string;
  email: string;
}

export async function createAmbassador(
  db: Kysely<DB>,
  values: {
    name?: string;
    email?: string;
    status?: string;
    municipalityCode?: string | null;
    languages?: string[];
    occupation?: string;
    personas?: string[];
    interests?: string[];
    about?: string;
  } = {},
): Promise<TestAmbassador> {
  const person = await createPerson(db, { email: values.email });
  await db
    .updateTable('accounts')
    .set({ display_name: values.name ?? 'Test Person' })
    .where('id', '=', person.accountId)
    .execute();
  const row = await db
    .insertInto('network_ambassadors')
    .values({
      region_id: REGION,
      account_id: person.accountId,
      status: values.status ?? 'approved',
      municipality_code: values.municipalityCode === undefined ? '2080' : values.municipalityCode,
      languages: values.languages ?? ['sv'],
      occupation: values.occupation ?? '',
      personas: values.personas ?? [],
      interests: values.interests ?? [],
      about: values.about ?? '',
      consent_text_version: AMBASSADOR_CONSENT_VERSION,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, accountId: person.accountId, email: person.email };
}

/**
 * The request part's SQL: open slots offered to a household, a navigator's own slots (added in
 * Stockholm time, converted by PostgreSQL so DST is right), booking a slot with one UPDATE … WHERE
 * case_id IS NULL, the least-loaded navigator, the case and its household, the e-mail link.
 */
import { sql, type Kysely } from 'kysely';
import { hashSecret } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { OPEN_STAGES, type Channel, type Citizenship } from '../model.ts';

/** A slot as the form and the receipt show it. */
export interface OpenSlot {
  id: string;
  startsAt: Date;
  minutes: number;
  navigatorId: string;
  navigatorName: string;
  navigatorEmail: string;
  organisationId: string;
  organisationName: string;
}

/** How many slots the form offers. */
export const SLOTS_SHOWN = 12;

/** The next open slots of navigators of these organisations offering the channel. */
export async function openSlots(
  db: Kysely<DB>,
  regionId: string,
  organisationIds: readonly string[],
  channel: Channel,
  limit = SLOTS_SHOWN,
): Promise<OpenSlot[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('relocation_slots as s')
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 's.region_id').onRef('a.id', '=', 's.navigator_id'),
    )
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 's.region_id').onRef('o.id', '=', 's.organisation_id'),
    )
    .select([
      's.id',
      's.starts_at',
      's.minutes',
      's.navigator_id',
      'a.display_name',
      'a.email',
      's.organisation_id',
      'o.name as organisation_name',
    ])
    .where('s.region_id', '=', regionId)
    .where('s.case_id', 'is', null)
    .where('s.starts_at', '>', sql<Date>`now()`)
    .where('s.organisation_id', 'in', [...organisationIds])
    .where(sql<boolean>`${channel} = any(s.channels)`)
    // Only navigators who still hold the role in that organisation.
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships as m')
          .select(sql`1`.as('one'))
          .whereRef('m.region_id', '=', 's.region_id')
          .whereRef('m.account_id', '=', 's.navigator_id')
          .whereRef('m.organisation_id', '=', 's.organisation_id')
          .where('m.role', '=', 'navigator'),
      ),
    )
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    minutes: r.minutes,
    navigatorId: r.navigator_id,
    navigatorName: r.display_name,
    navigatorEmail: r.email,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
  }));
}

/** The region's own organisation. */
export async function regionOrganisation(db: Kysely<DB>, regionId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('kind', '=', 'region')
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Books a slot for a case: one UPDATE that only a free, future slot of these organisations offering
 * the channel passes, so two requests never get the same slot. Undefined when it was taken.
 */
export async function bookSlot(
  trx: Kysely<DB>,
  regionId: string,
  slotId: string,
  caseId: string,
  organisationIds: readonly string[],
  channel: Channel,
): Promise<{ navigatorId: string; startsAt: Date; minutes: number } | undefined> {
  const row = await trx
    .updateTable('relocation_slots')
    .set({ case_id: caseId, booked_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', slotId)
    .where('case_id', 'is', null)
    .where('starts_at', '>', sql<Date>`now()`)
    .where('organisation_id', 'in', [...organisationIds])
    .where(sql<boolean>`${channel} = any(channels)`)
    .returning(['navigator_id', 'starts_at', 'minutes'])
    .executeTakeFirst();
  return row && { navigatorId: row.navigator_id, startsAt: row.starts_at, minutes: row.minutes };
}

/** The navigator of the organisation holding the fewest open cases (ties: the longest-serving). */
export async function leastLoadedNavigator(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('memberships as m')
    .select([
      'm.account_id',
      sql<number>`(select count(*) from relocation_cases c
        where c.region_id = m.region_id and c.navigator_id = m.account_id
          and c.merged_into is null and c.stage in (${sql.join([...OPEN_STAGES])}))`.as('open'),
    ])
    .where('m.region_id', '=', regionId)
    .where('m.organisation_id', '=', organisationId)
    .where('m.role', '=', 'navigator')
    .orderBy('open')
    .orderBy('m.created_at')
    .orderBy('m.account_id')
    .executeTakeFirst();
  return row?.account_id;
}

export interface NewCase {
  regionId: string;
  organisationId: string;
  municipalityCode: string | null;
  navigatorId: string | null;
  needs: string[];
  channel: Channel;
  language: string;
  housing: string;
  message: string;
  source: Record<string, unknown>;
  accountId: string | null;
}

export async function insertCase(trx: Kysely<DB>, c: NewCase): Promise<{ id: string; ref: string }> {
  const row = await trx
    .insertInto('relocation_cases')
    .values({
      region_id: c.regionId,
      organisation_id: c.organisationId,
      municipality_code: c.municipalityCode,
      navigator_id: c.navigatorId,
      needs: c.needs,
      channel: c.channel,
      language: c.language,
      housing: c.housing,
      message: c.message,
      source: JSON.stringify(c.source),
      account_id: c.accountId,
    })
    .returning(['id', 'ref'])
    .executeTakeFirstOrThrow();
  return { id: row.id, ref: String(row.ref) };
}

export async function setCaseNavigator(
  trx: Kysely<DB>,
  regionId: string,
  caseId: string,
  navigatorId: string | null,
): Promise<void> {
  await trx
    .updateTable('relocation_cases')
    .set({ navigator_id: navigatorId })
    .where('region_id', '=', regionId)
    .where('id', '=', caseId)
    .execute();
}

export interface NewPerson {
  role: 'main' | 'partner' | 'child';
  name?: string;
  email?: string | null;
  phone?: string | null;
  citizenship?: Citizenship;
  occupation?: string;
  accountId?: string | null;
  age?: number;
}

export async function insertPerson(
  trx: Kysely<DB>,
  regionId: string,
  caseId: string,
  p: NewPerson,
): Promise<string> {
  const row = await trx
    .insertInto('relocation_persons')
    .values({
      region_id: regionId,
      case_id: caseId,
      role: p.role,
      name: p.name ?? '',
      email: p.email ?? null,
      phone: p.phone ?? null,
      citizenship: p.citizenship ?? 'unknown',
      occupation: p.occupation ?? '',
      account_id: p.accountId ?? null,
      age: p.age ?? null,
      age_on: p.age === undefined ? null : sql<string>`(now() at time zone 'Europe/Stockholm')::date`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMeeting(
  trx: Kysely<DB>,
  m: {
    regionId: string;
    caseId: string;
    slotId: string;
    navigatorId: string;
    startsAt: Date;
    minutes: number;
    channel: Channel;
  },
): Promise<void> {
  await trx
    .insertInto('relocation_meetings')
    .values({
      region_id: m.regionId,
      case_id: m.caseId,
      slot_id: m.slotId,
      navigator_id: m.navigatorId,
      starts_at: m.startsAt,
      minutes: m.minutes,
      channel: m.channel,
    })
    .execute();
}

/** Who a navigator is, for the receipt and the e-mails. */
export async function navigatorInfo(db: Kysely<DB>, regionId: string, accountId: string) {
  return db
    .selectFrom('accounts as a')
    .select(['a.id', 'a.display_name', 'a.email', 'a.language'])
    .where('a.region_id', '=', regionId)
    .where('a.id', '=', accountId)
    .executeTakeFirst();
}

/** Stores the e-mail link's hash (14 days). */
export async function insertLink(
  trx: Kysely<DB>,
  regionId: string,
  token: string,
  caseId: string,
  personId: string,
  days: number,
  email: string,
): Promise<void> {
  await trx
    .insertInto('relocation_links')
    .values({
      region_id: regionId,
      token_hash: hashSecret(token),
      case_id: caseId,
      person_id: personId,
      email: email.trim().toLowerCase(),
      expires_at: sql<Date>`now() + make_interval(days => ${days})`,
    })
    .execute();
}

/**
 * A live link (not used, not expired) and its person's address — only while that address is still
 * the one the link was mailed to (a merge may have moved the link or changed the address).
 */
export async function liveLink(db: Kysely<DB>, regionId: string, token: string) {
  return db
    .selectFrom('relocation_links as l')
    .innerJoin('relocation_persons as p', (j) =>
      j.onRef('p.region_id', '=', 'l.region_id').onRef('p.id', '=', 'l.person_id'),
    )
    .select(['l.case_id', 'l.person_id', 'p.email'])
    .where('l.region_id', '=', regionId)
    .where('l.token_hash', '=', hashSecret(token))
    .where('l.used_at', 'is', null)
    .where('l.expires_at', '>', sql<Date>`now()`)
    .where('l.email', '<>', '')
    .where(sql<boolean>`l.email = lower(trim(p.email))`)
    .executeTakeFirst();
}

/** Spends a live link once (the row is locked and marked used); undefined when not live. */
export async function spendLink(trx: Kysely<DB>, regionId: string, token: string) {
  return trx
    .updateTable('relocation_links')
    .set({ used_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('token_hash', '=', hashSecret(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['case_id', 'person_id', 'email'])
    .executeTakeFirst();
}

export async function personEmail(trx: Kysely<DB>, regionId: string, personId: string) {
  return trx
    .selectFrom('relocation_persons')
    .select(['email', 'case_id'])
    .where('region_id', '=', regionId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

export async function linkAccount(
  trx: Kysely<DB>,
  regionId: string,
  caseId: string,
  personId: string,
  accountId: string,
): Promise<void> {
  await trx
    .updateTable('relocation_persons')
    .set({ account_id: accountId, updated_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', personId)
    .execute();
  // The case's account is its main mover's: a partner confirming their address links only themselves.
  await trx
    .updateTable('relocation_cases')
    .set({ account_id: accountId })
    .where('region_id', '=', regionId)
    .where('id', '=', caseId)
    .where('account_id', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('relocation_persons')
          .select(sql`1`.as('one'))
          .where('region_id', '=', regionId)
          .where('id', '=', personId)
          .where('role', '=', 'main'),
      ),
    )
    .execute();
}

// ---- A navigator's own slots ----

export interface MySlot {
  id: string;
  startsAt: Date;
  minutes: number;
  channels: string[];
  caseId: string | null;
  caseRef: string | null;
}

export async function slotsOf(db: Kysely<DB>, regionId: string, navigatorId: string): Promise<MySlot[]> {
  const rows = await db
    .selectFrom('relocation_slots as s')
    .leftJoin('relocation_cases as c', (j) =>
      j.onRef('c.region_id', '=', 's.region_id').onRef('c.id', '=', 's.case_id'),
    )
    .select(['s.id', 's.starts_at', 's.minutes', 's.channels', 's.case_id', 'c.ref'])
    .where('s.region_id', '=', regionId)
    .where('s.navigator_id', '=', navigatorId)
    .where(sql<boolean>`s.starts_at + make_interval(mins => s.minutes) > now()`)
    .orderBy('s.starts_at')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    minutes: r.minutes,
    channels: r.channels,
    caseId: r.case_id,
    caseRef: r.ref === null ? null : String(r.ref),
  }));
}

/** Slots to add: the Stockholm day and time of the first, converted in PostgreSQL. */
export interface SlotSeries {
  regionId: string;
  navigatorId: string;
  organisationId: string;
  day: string;
  start: string;
  minutes: number;
  count: number;
  channels: string[];
}

/** The series' start times as timestamptz (Stockholm wall-clock, DST-correct). */
export async function seriesTimes(db: Kysely<DB>, s: SlotSeries): Promise<Date[]> {
  const rows = await sql<{ at: Date }>`
    select ((${s.day}::date + ${s.start}::time + make_interval(mins => ${s.minutes} * i))
      at time zone 'Europe/Stockholm') as at
    from generate_series(0, ${s.count - 1}) as i order by i`.execute(db);
  return rows.rows.map((r) => r.at);
}

/** The navigator's first slot overlapping [from, to), if any. */
export async function overlapping(
  db: Kysely<DB>,
  regionId: string,
  navigatorId: string,
  from: Date,
  to: Date,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('relocation_slots')
    .select('starts_at')
    .where('region_id', '=', regionId)
    .where('navigator_id', '=', navigatorId)
    .where('starts_at', '<', to)
    .where(sql<boolean>`starts_at + make_interval(mins => minutes) > ${from}`)
    .orderBy('starts_at')
    .executeTakeFirst();
  return row?.starts_at;
}

export async function insertSlots(
  trx: Kysely<DB>,
  s: Omit<SlotSeries, 'day' | 'start' | 'count'>,
  times: readonly Date[],
): Promise<number> {
  if (times.length === 0) return 0;
  const rows = await trx
    .insertInto('relocation_slots')
    .values(
      times.map((at) => ({
        region_id: s.regionId,
        navigator_id: s.navigatorId,
        organisation_id: s.organisationId,
        starts_at: at,
        minutes: s.minutes,
        channels: s.channels,
      })),
    )
    .returning('id')
    .execute();
  return rows.length;
}

/** Deletes an unbooked slot of the navigator; its start when deleted. */
export async function deleteFreeSlot(
  trx: Kysely<DB>,
  regionId: string,
  navigatorId: string,
  slotId: string,
): Promise<Date | undefined> {
  const row = await trx
    .deleteFrom('relocation_slots')
    .where('region_id', '=', regionId)
    .where('navigator_id', '=', navigatorId)
    .where('id', '=', slotId)
    .where('case_id', 'is', null)
    .returning('starts_at')
    .executeTakeFirst();
  return row?.starts_at;
}

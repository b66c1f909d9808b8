/**
 * The leads part's SQL: the stands of an event (the organiser's own and each exhibitor's), a stand
 * by its printed code, the leads of an event or of an organisation (paged, bounded), the
 * registrations that consented to the exhibitors, one lead, and the counts per stand.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, EventLeadsTable } from '../../../platform/db/schema.ts';
import { managedBy, type EventAccess } from '../events.ts';
import { LIVE_STATUSES } from '../model.ts';

export type LeadRow = Selectable<EventLeadsTable>;

/** A stand leads are captured at: an exhibitor's (with its printed code), or the organiser's own. */
export interface Stand {
  /** The exhibitor; null: the organiser's own stand. */
  organisationId: string | null;
  /** The form's value: the organisation's id, or "own". */
  key: string;
  organisation: string;
  stand: string;
  /** The code in the visitors' QR link; null for the organiser's own stand. */
  code: string | null;
}

export const OWN = 'own';

/** The event's stands: the organiser's own first, then the exhibitors in their order. */
export async function standsOf(
  db: Kysely<DB>,
  regionId: string,
  event: { id: string; organisation_id: string },
): Promise<Stand[]> {
  const [owner, rows] = await Promise.all([
    db
      .selectFrom('organisations')
      .select('name')
      .where('region_id', '=', regionId)
      .where('id', '=', event.organisation_id)
      .executeTakeFirst(),
    db
      .selectFrom('event_organisations as eo')
      .innerJoin('organisations as o', (j) =>
        j.onRef('o.region_id', '=', 'eo.region_id').onRef('o.id', '=', 'eo.organisation_id'),
      )
      .select(['eo.organisation_id', 'o.name', 'eo.stand', 'eo.stand_code'])
      .where('eo.region_id', '=', regionId)
      .where('eo.event_id', '=', event.id)
      .where('eo.role', '=', 'exhibitor')
      .orderBy('eo.position')
      .orderBy('o.name')
      .limit(500)
      .execute(),
  ]);
  return [
    { organisationId: null, key: OWN, organisation: owner?.name ?? '', stand: '', code: null },
    ...rows.map((r) => ({
      organisationId: r.organisation_id,
      key: r.organisation_id,
      organisation: r.name,
      stand: r.stand,
      code: r.stand_code,
    })),
  ];
}

/** An exhibitor's stand at a visible event, by the event's slug and the printed code. */
export async function standByCode(
  db: Kysely<DB>,
  regionId: string,
  slug: string,
  code: string,
): Promise<{ eventId: string; stand: Stand } | undefined> {
  const row = await db
    .selectFrom('event_organisations as eo')
    .innerJoin('events as e', (j) =>
      j.onRef('e.region_id', '=', 'eo.region_id').onRef('e.id', '=', 'eo.event_id'),
    )
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'eo.region_id').onRef('o.id', '=', 'eo.organisation_id'),
    )
    .select(['e.id as event_id', 'eo.organisation_id', 'o.name', 'eo.stand', 'eo.stand_code'])
    .where('eo.region_id', '=', regionId)
    .where('eo.stand_code', '=', code)
    .where('eo.role', '=', 'exhibitor')
    .where('e.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    eventId: row.event_id,
    stand: {
      organisationId: row.organisation_id,
      key: row.organisation_id,
      organisation: row.name,
      stand: row.stand,
      code: row.stand_code,
    },
  };
}

export interface NewLead {
  regionId: string;
  eventId: string;
  organisationId: string | null;
  stand: string;
  name: string;
  email: string;
  phone: string;
  occupation: string;
  note: string;
  language: string;
  consentTextVersion: string;
  wantsTalentPool: boolean;
  wantsNavigator: boolean;
  accountId: string | null;
  source: 'stand_form' | 'visitor_qr';
  capturedBy: string | null;
}

export async function insertLead(trx: Kysely<DB>, lead: NewLead): Promise<string> {
  const row = await trx
    .insertInto('event_leads')
    .values({
      region_id: lead.regionId,
      event_id: lead.eventId,
      organisation_id: lead.organisationId,
      stand: lead.stand.slice(0, 60),
      name: lead.name,
      email: lead.email,
      phone: lead.phone,
      occupation: lead.occupation,
      note: lead.note,
      language: lead.language,
      consent_text_version: lead.consentTextVersion,
      wants_talent_pool: lead.wantsTalentPool,
      wants_navigator: lead.wantsNavigator,
      account_id: lead.accountId,
      source: lead.source,
      captured_by: lead.capturedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The newest lead with this address at this stand of the event since `since` (null stand: the
 * organiser's own), for a second capture of the same person to update instead of starting again.
 */
export async function recentLead(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
  organisationId: string | null,
  email: string,
  since: Date,
): Promise<LeadRow | undefined> {
  let q = db
    .selectFrom('event_leads')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    // Stored as checked (normalizeEmail: lower case), so the index on (region_id, email) serves.
    .where('email', '=', email.toLowerCase())
    .where('created_at', '>=', since);
  q =
    organisationId === null
      ? q.where('organisation_id', 'is', null)
      : q.where('organisation_id', '=', organisationId);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
}

/** What a second capture of the same person changes on the first lead. */
export interface LeadUpdate {
  name: string;
  phone: string;
  occupation: string;
  note: string;
  language: string;
  consentTextVersion: string;
  wantsTalentPool: boolean;
  wantsNavigator: boolean;
  accountId: string | null;
}

export async function updateLead(trx: Kysely<DB>, regionId: string, id: string, lead: LeadUpdate) {
  await trx
    .updateTable('event_leads')
    .set({
      name: lead.name,
      phone: lead.phone,
      occupation: lead.occupation,
      note: lead.note,
      language: lead.language,
      consent_text_version: lead.consentTextVersion,
      wants_talent_pool: lead.wantsTalentPool,
      wants_navigator: lead.wantsNavigator,
      account_id: lead.accountId,
    })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}

export async function setLeadCase(trx: Kysely<DB>, regionId: string, id: string, caseId: string) {
  await trx
    .updateTable('event_leads')
    .set({ case_id: caseId })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}

/** A lead with its stand's employer and its event's title, as the lists and the CSV show it. */
export interface LeadListRow {
  id: string;
  eventId: string;
  eventTitleSv: string;
  eventTitleEn: string;
  organisationId: string | null;
  employer: string;
  stand: string;
  name: string;
  email: string;
  phone: string;
  occupation: string;
  note: string;
  language: string;
  wantsTalentPool: boolean;
  wantsNavigator: boolean;
  source: string;
  createdAt: Date;
}

/** Which leads a list shows: of one event (all, or one stand's), or across an organisation's events. */
export type LeadScope =
  | { kind: 'event'; eventId: string; stand?: string | null | undefined }
  | { kind: 'organisation'; access: EventAccess };

function leadsQuery(db: Kysely<DB>, regionId: string, scope: LeadScope) {
  let q = db
    .selectFrom('event_leads as l')
    .innerJoin('events as e', (j) =>
      j.onRef('e.region_id', '=', 'l.region_id').onRef('e.id', '=', 'l.event_id'),
    )
    .leftJoin('organisations as o', (j) =>
      j
        .onRef('o.region_id', '=', 'l.region_id')
        .on((eb) => eb('o.id', '=', eb.fn.coalesce('l.organisation_id', 'e.organisation_id'))),
    )
    .where('l.region_id', '=', regionId);
  if (scope.kind === 'event') {
    q = q.where('l.event_id', '=', scope.eventId);
    if (scope.stand === null) q = q.where('l.organisation_id', 'is', null);
    else if (scope.stand !== undefined) q = q.where('l.organisation_id', '=', scope.stand);
  } else {
    const access = scope.access;
    q = q.where((eb) =>
      eb.or([eb('l.organisation_id', '=', access.organisationId), eb(managedBy(access), '=', true)]),
    );
  }
  return q;
}

export async function countLeads(db: Kysely<DB>, regionId: string, scope: LeadScope): Promise<number> {
  const row = await leadsQuery(db, regionId, scope)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listLeads(
  db: Kysely<DB>,
  regionId: string,
  scope: LeadScope,
  page: { limit: number; offset: number },
): Promise<LeadListRow[]> {
  const rows = await leadsQuery(db, regionId, scope)
    .select([
      'l.id',
      'l.event_id',
      'e.title_sv',
      'e.title_en',
      'l.organisation_id',
      'o.name as employer',
      'l.stand',
      'l.name',
      'l.email',
      'l.phone',
      'l.occupation',
      'l.note',
      'l.language',
      'l.wants_talent_pool',
      'l.wants_navigator',
      'l.source',
      'l.created_at',
    ])
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventTitleSv: r.title_sv,
    eventTitleEn: r.title_en,
    organisationId: r.organisation_id,
    employer: r.employer ?? '',
    stand: r.stand,
    name: r.name,
    email: r.email,
    phone: r.phone,
    occupation: r.occupation,
    note: r.note,
    language: r.language,
    wantsTalentPool: r.wants_talent_pool,
    wantsNavigator: r.wants_navigator,
    source: r.source,
    createdAt: r.created_at,
  }));
}

export async function leadById(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
  id: string,
): Promise<LeadRow | undefined> {
  return db
    .selectFrom('event_leads')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteLeadRow(trx: Kysely<DB>, regionId: string, id: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('event_leads')
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The registrations of the event that agreed the exhibitors may see their name and e-mail. */
export async function sharedRegistrations(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
  limit: number,
): Promise<{ name: string; email: string; createdAt: Date }[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .select(['name', 'email', 'created_at'])
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .where('share_with_exhibitors', '=', true)
    .where('status', 'in', [...LIVE_STATUSES])
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ name: r.name, email: r.email, createdAt: r.created_at }));
}

/** Leads per stand of an event (null: the organiser's own). */
export async function countsPerStand(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom('event_leads')
    .select(['organisation_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .groupBy('organisation_id')
    .execute();
  return new Map(rows.map((r) => [r.organisation_id, Number(r.n)]));
}

/** A person's leads: by their account, or by their address. */
export async function leadsOfPerson(db: Kysely<DB>, regionId: string, accountId: string, email: string) {
  return db
    .selectFrom('event_leads as l')
    .innerJoin('events as e', (j) =>
      j.onRef('e.region_id', '=', 'l.region_id').onRef('e.id', '=', 'l.event_id'),
    )
    .leftJoin('organisations as o', (j) =>
      j
        .onRef('o.region_id', '=', 'l.region_id')
        .on((eb) => eb('o.id', '=', eb.fn.coalesce('l.organisation_id', 'e.organisation_id'))),
    )
    .select([
      'l.id',
      'e.title_sv',
      'e.title_en',
      'o.name as employer',
      'l.stand',
      'l.name',
      'l.email',
      'l.phone',
      'l.occupation',
      'l.note',
      'l.language',
      'l.consent_text_version',
      'l.wants_talent_pool',
      'l.wants_navigator',
      'l.source',
      'l.created_at',
    ])
    .where('l.region_id', '=', regionId)
    .where((eb) => eb.or([eb('l.account_id', '=', accountId), eb(sql<string>`lower(l.email)`, '=', email)]))
    .orderBy('l.created_at')
    .limit(10_000)
    .execute();
}

export async function eraseLeadsOfPerson(
  trx: Kysely<DB>,
  regionId: string,
  accountId: string,
  email: string,
): Promise<number> {
  const result = await trx
    .deleteFrom('event_leads')
    .where('region_id', '=', regionId)
    .where((eb) => eb.or([eb('account_id', '=', accountId), eb(sql<string>`lower(email)`, '=', email)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

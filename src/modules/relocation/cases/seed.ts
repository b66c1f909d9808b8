/**
 * Demo cases (LOTSA_SEED_DEMO): when a region has no relocation cases yet, twenty invented
 * households — names marked "(demo)", addresses under demo.lotsa.invalid — spread over the
 * region's municipalities and the stages, some new, some held by the demo navigator
 * (lots@example.org), with a few notes, tasks, meetings and the outcome of those who moved. A
 * region that has any case is left alone, so the seed never overwrites. The region's inboxes and
 * the demo accounts come from the identity module's seed, which runs after this one at a start,
 * so it is called first here.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { loadRegions } from '../../regions/repository.ts';
import { inboxOrganisation } from '../cases.ts';
import { CONSENT_TEXT_VERSIONS, type ConsentPurpose, type Stage } from '../model.ts';

interface DemoHousehold {
  main: string;
  partner?: string;
  partnerOccupation?: string;
  children?: number[];
  citizenship: 'nordic' | 'eu' | 'non_eu';
  stage: Stage;
  needs: string[];
  channel: 'email' | 'phone' | 'video';
  housing: 'rent' | 'buy' | 'either' | 'not_sure';
  /** Index into the region's municipalities; null: not sure yet. */
  municipality: number | null;
  held: boolean;
  daysAgo: number;
  message?: string;
  consents?: ConsentPurpose[];
}

const HOUSEHOLDS: readonly DemoHousehold[] = [
  {
    main: 'Anna Lindqvist',
    partner: 'Erik Lindqvist',
    partnerOccupation: 'Sjuksköterska',
    children: [4, 7],
    citizenship: 'nordic',
    stage: 'new',
    needs: ['job', 'partner_job', 'school'],
    channel: 'phone',
    housing: 'buy',
    municipality: 0,
    held: false,
    daysAgo: 0,
    message: 'Vi funderar på att flytta hem till Dalarna.',
  },
  {
    main: 'Marco Rossi',
    citizenship: 'eu',
    stage: 'new',
    needs: ['job', 'housing'],
    channel: 'video',
    housing: 'rent',
    municipality: null,
    held: false,
    daysAgo: 1,
    message: 'I am a software developer looking at the region.',
  },
  {
    main: 'Priya Nair',
    partner: 'Arjun Nair',
    partnerOccupation: 'Civil engineer',
    children: [2],
    citizenship: 'non_eu',
    stage: 'new',
    needs: ['partner_job', 'permits', 'housing'],
    channel: 'email',
    housing: 'rent',
    municipality: 1,
    held: false,
    daysAgo: 3,
  },
  {
    main: 'Sofia Berg',
    citizenship: 'nordic',
    stage: 'new',
    needs: ['social', 'housing'],
    channel: 'email',
    housing: 'either',
    municipality: 2,
    held: false,
    daysAgo: 5,
  },
  {
    main: 'Jonas Müller',
    partner: 'Lena Müller',
    partnerOccupation: 'Lärare',
    citizenship: 'eu',
    stage: 'in_contact',
    needs: ['job', 'school'],
    channel: 'phone',
    housing: 'buy',
    municipality: 0,
    held: true,
    daysAgo: 9,
    consents: ['followup'],
  },
  {
    main: 'Fatima Haddad',
    children: [10],
    citizenship: 'non_eu',
    stage: 'in_contact',
    needs: ['job', 'permits'],
    channel: 'video',
    housing: 'rent',
    municipality: 3,
    held: false,
    daysAgo: 12,
  },
  {
    main: 'Oskar Nyberg',
    partner: 'Maja Nyberg',
    partnerOccupation: 'Ekonom',
    citizenship: 'nordic',
    stage: 'exploring',
    needs: ['partner_job', 'housing'],
    channel: 'email',
    housing: 'buy',
    municipality: 1,
    held: true,
    daysAgo: 20,
    consents: ['employers'],
  },
  {
    main: 'Katarzyna Nowak',
    citizenship: 'eu',
    stage: 'exploring',
    needs: ['job'],
    channel: 'phone',
    housing: 'rent',
    municipality: 4,
    held: false,
    daysAgo: 25,
  },
  {
    main: 'Liam O’Connor',
    partner: 'Aoife O’Connor',
    partnerOccupation: 'Physiotherapist',
    children: [1, 5],
    citizenship: 'eu',
    stage: 'visit_planned',
    needs: ['job', 'partner_job', 'school'],
    channel: 'video',
    housing: 'either',
    municipality: 0,
    held: true,
    daysAgo: 34,
    consents: ['followup', 'ambassador'],
  },
  {
    main: 'Ingrid Svensson',
    citizenship: 'nordic',
    stage: 'visit_planned',
    needs: ['housing', 'social'],
    channel: 'phone',
    housing: 'buy',
    municipality: 5,
    held: false,
    daysAgo: 40,
  },
  {
    main: 'Chen Wei',
    partner: 'Li Na',
    partnerOccupation: 'Researcher',
    citizenship: 'non_eu',
    stage: 'offer',
    needs: ['permits', 'housing', 'partner_job'],
    channel: 'email',
    housing: 'rent',
    municipality: 2,
    held: true,
    daysAgo: 55,
  },
  {
    main: 'Petter Hedlund',
    children: [12, 15],
    citizenship: 'nordic',
    stage: 'offer',
    needs: ['school', 'housing'],
    channel: 'phone',
    housing: 'buy',
    municipality: 6,
    held: false,
    daysAgo: 60,
  },
  {
    main: 'Elena García',
    partner: 'Pablo García',
    partnerOccupation: 'Electrician',
    citizenship: 'eu',
    stage: 'moving',
    needs: ['housing', 'school'],
    channel: 'video',
    housing: 'rent',
    municipality: 1,
    held: true,
    daysAgo: 80,
    children: [6],
    consents: ['followup'],
  },
  {
    main: 'Mikael Dahl',
    citizenship: 'nordic',
    stage: 'moving',
    needs: ['housing'],
    channel: 'email',
    housing: 'buy',
    municipality: 3,
    held: false,
    daysAgo: 90,
  },
  {
    main: 'Amira Saleh',
    partner: 'Omar Saleh',
    partnerOccupation: 'Läkare',
    children: [3],
    citizenship: 'non_eu',
    stage: 'moved',
    needs: ['job', 'partner_job', 'permits'],
    channel: 'phone',
    housing: 'rent',
    municipality: 0,
    held: true,
    daysAgo: 150,
    consents: ['followup', 'employers'],
  },
  {
    main: 'Tobias Ek',
    citizenship: 'nordic',
    stage: 'moved',
    needs: ['job'],
    channel: 'email',
    housing: 'buy',
    municipality: 4,
    held: false,
    daysAgo: 170,
    consents: ['followup'],
  },
  {
    main: 'Hanna Virtanen',
    partner: 'Mika Virtanen',
    partnerOccupation: 'Snickare',
    citizenship: 'nordic',
    stage: 'settled',
    needs: ['housing', 'social'],
    channel: 'phone',
    housing: 'buy',
    municipality: 2,
    held: true,
    daysAgo: 400,
    consents: ['followup'],
  },
  {
    main: 'David Cohen',
    citizenship: 'eu',
    stage: 'closed',
    needs: ['job'],
    channel: 'email',
    housing: 'not_sure',
    municipality: null,
    held: false,
    daysAgo: 70,
  },
  {
    main: 'Rita Kovács',
    citizenship: 'eu',
    stage: 'closed',
    needs: ['housing'],
    channel: 'video',
    housing: 'rent',
    municipality: 5,
    held: true,
    daysAgo: 100,
  },
  {
    main: 'Nils Åberg',
    partner: 'Karin Åberg',
    partnerOccupation: 'Undersköterska',
    children: [8],
    citizenship: 'nordic',
    stage: 'in_contact',
    needs: ['partner_job', 'school'],
    channel: 'phone',
    housing: 'buy',
    municipality: 6,
    held: false,
    daysAgo: 7,
  },
];

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.');

export async function seedDemoCases(db: Kysely<DB>): Promise<void> {
  for (const region of await loadRegions(db)) {
    const any = await db
      .selectFrom('relocation_cases')
      .select('id')
      .where('region_id', '=', region.id)
      .limit(1)
      .executeTakeFirst();
    if (any || region.municipalities.length === 0) continue;
    const navigator = await db
      .selectFrom('accounts')
      .select('id')
      .where('region_id', '=', region.id)
      .where('email', '=', 'lots@example.org')
      .executeTakeFirst();
    await db.transaction().execute(async (trx) => {
      for (const [n, h] of HOUSEHOLDS.entries()) {
        const municipality =
          h.municipality === null
            ? null
            : region.municipalities[h.municipality % region.municipalities.length]!.code;
        const organisationId = await inboxOrganisation(trx, region.id, municipality);
        const held = h.held && navigator ? navigator.id : null;
        const created = sql<Date>`now() - make_interval(days => ${h.daysAgo}, hours => ${n % 7})`;
        const moved = h.stage === 'moved' || h.stage === 'settled';
        const c = await trx
          .insertInto('relocation_cases')
          .values({
            region_id: region.id,
            organisation_id: organisationId,
            municipality_code: municipality,
            navigator_id: held,
            stage: h.stage,
            stage_changed_at: sql<Date>`now() - make_interval(days => ${Math.floor(h.daysAgo / 3)})`,
            needs: h.needs,
            channel: h.channel,
            language: h.citizenship === 'nordic' ? 'sv' : 'en',
            housing: h.housing,
            message: h.message ?? '',
            source: JSON.stringify(n % 4 === 0 ? { campaign: 'flytthem-demo' } : {}),
            created_at: created,
            first_response_at:
              h.stage === 'new'
                ? null
                : sql<Date>`now() - make_interval(days => ${h.daysAgo}) + interval '5 hours'`,
            first_response_by: h.stage === 'new' ? null : held,
            outcome_municipality: moved ? municipality : null,
            outcome_main_employment: moved ? 'employed' : null,
            outcome_partner_employment: moved
              ? h.partner
                ? n % 2
                  ? 'employed'
                  : 'searching'
                : 'no_partner'
              : null,
            moved_on: moved ? sql<string>`(current_date - ${Math.floor(h.daysAgo / 2)}::int)` : null,
            close_reason: h.stage === 'closed' ? (n % 2 ? 'not_moving' : 'no_contact') : null,
            closed_at: h.stage === 'closed' ? sql<Date>`now() - interval '10 days'` : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const person = async (role: string, name: string, extra: Record<string, unknown> = {}) =>
          (
            await trx
              .insertInto('relocation_persons')
              .values({
                region_id: region.id,
                case_id: c.id,
                role,
                name: `${name} (demo)`,
                email: role === 'child' ? null : `${slug(name)}@demo.lotsa.invalid`,
                citizenship: h.citizenship,
                ...extra,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        const adults = [await person('main', h.main)];
        if (h.partner)
          adults.push(
            await person('partner', h.partner, {
              occupation: h.partnerOccupation ?? '',
              job_search: 'searching',
            }),
          );
        for (const age of h.children ?? [])
          await trx
            .insertInto('relocation_persons')
            .values({
              region_id: region.id,
              case_id: c.id,
              role: 'child',
              age,
              age_on: sql<string>`current_date`,
              citizenship: h.citizenship,
            })
            .execute();
        for (const adult of adults)
          for (const purpose of new Set<ConsentPurpose>(['contact', ...(h.consents ?? [])]))
            await trx
              .insertInto('relocation_consents')
              .values({
                region_id: region.id,
                person_id: adult,
                purpose,
                text_version: CONSENT_TEXT_VERSIONS[purpose],
                given_at: created,
              })
              .execute();
        if (h.stage === 'new') continue;
        await trx
          .insertInto('relocation_case_events')
          .values({
            region_id: region.id,
            case_id: c.id,
            actor_id: held,
            kind: 'contact',
            body: 'Första samtalet: vi gick igenom vad hushållet behöver och bokade nästa steg. (demo)',
            data: JSON.stringify({ channel: h.channel }),
            at: sql<Date>`now() - make_interval(days => ${h.daysAgo}) + interval '5 hours'`,
          })
          .execute();
        if (held && n % 2 === 0) {
          await trx
            .insertInto('relocation_tasks')
            .values({
              region_id: region.id,
              case_id: c.id,
              title: 'Skicka lediga lägenheter och förskolor (demo)',
              due_on: sql<string>`(current_date + ${(n % 5) - 1}::int)`,
              assignee_id: held,
              created_by: held,
            })
            .execute();
        }
        if (h.stage === 'visit_planned' || h.stage === 'offer') {
          await trx
            .insertInto('relocation_meetings')
            .values({
              region_id: region.id,
              case_id: c.id,
              navigator_id: held,
              starts_at: sql<Date>`date_trunc('hour', now()) + make_interval(days => ${3 + (n % 4)})`,
              minutes: 90,
              channel: 'in_person',
              place: 'Besök på orten med rundtur (demo)',
            })
            .execute();
        }
      }
    });
  }
}

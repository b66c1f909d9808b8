/**
 * Job ads for tests: `makeAd` builds a valid JobTech ad in one of Dalarna's municipalities with
 * sensible defaults; `loadAds` applies ads to the seeded Dalarna region through the real ingester.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { applyRecords, scopeForRegion } from '../../src/modules/jobs/ingest/apply.ts';
import type { JobAd } from '../../src/modules/jobs/jobtech.ts';
import { loadRegions } from '../../src/modules/regions/repository.ts';

export const MUNICIPALITY = {
  falun: { code: '2080', conceptId: 'N1wJ_Cuu_7Cs', name: 'Falun' },
  borlange: { code: '2081', conceptId: 'cpya_jJg_pGp', name: 'Borlänge' },
  mora: { code: '2062', conceptId: 'UGcC_kYx_fTs', name: 'Mora' },
  ludvika: { code: '2085', conceptId: 'Ny2b_2bo_7EL', name: 'Ludvika' },
} as const;

export const OCCUPATION = {
  preschoolTeacher: {
    occupation: { concept_id: 'rUcW_z9R_Qsv', label: 'Förskollärare' },
    occupation_group: { concept_id: '5ek3_Cgq_WeZ', label: 'Förskollärare' },
    occupation_field: { concept_id: 'MVqp_eS8_kDZ', label: 'Pedagogik' },
  },
  teacher: {
    occupation: { concept_id: 'VZoJ_4oe_xyR', label: 'Lärare i grundskolan, årskurs 1-6' },
    occupation_group: { concept_id: 'oQUQ_D11_HPx', label: 'Grundskollärare' },
    occupation_field: { concept_id: 'MVqp_eS8_kDZ', label: 'Pedagogik' },
  },
  nurse: {
    occupation: { concept_id: 'bXNH_MNX_dUR', label: 'Sjuksköterska, grundutbildad' },
    occupation_group: { concept_id: 'Z8ci_bBE_tmx', label: 'Grundutbildade sjuksköterskor' },
    occupation_field: { concept_id: 'NYW6_mP6_vwf', label: 'Hälso- och sjukvård' },
  },
  developer: {
    occupation: { concept_id: '7wdX_4rv_33z', label: 'Backend-utvecklare' },
    occupation_group: { concept_id: 'DJh5_yyF_hEM', label: 'Mjukvaru- och systemutvecklare m.fl.' },
    occupation_field: { concept_id: 'apaJ_2ja_LuF', label: 'Data/IT' },
  },
} as const;

const FULL_TIME = { concept_id: '6YE1_gAC_R2G', label: 'Heltid', legacy_ams_taxonomy_id: '1' };
const PERMANENT = { concept_id: 'PFZr_Syz_cUq', label: 'Vanlig anställning', legacy_ams_taxonomy_id: '1' };

/** Naive Stockholm local time as JobTech writes it, `days` from `now` (close enough for tests). */
export function localTime(now: Date, days: number): string {
  const d = new Date(now.getTime() + days * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .format(d)
    .replace(' ', 'T');
}

export interface AdSpec {
  id: string;
  headline: string;
  text?: string;
  municipality?: keyof typeof MUNICIPALITY;
  occupation?: keyof typeof OCCUPATION;
  employer?: string;
  orgnr?: string | null;
  publishedDaysAgo?: number;
  deadlineInDays?: number;
  applyUrl?: string | null;
  applyEmail?: string | null;
  timestamp?: number;
}

export function makeAd(spec: AdSpec, now = new Date()): JobAd {
  const m = MUNICIPALITY[spec.municipality ?? 'falun'];
  const o = OCCUPATION[spec.occupation ?? 'nurse'];
  const published = spec.publishedDaysAgo ?? 1;
  const last = localTime(now, spec.deadlineInDays ?? 20);
  return {
    id: spec.id,
    external_id: null,
    headline: spec.headline,
    webpage_url: `https://arbetsformedlingen.se/platsbanken/annonser/${spec.id}`,
    application_deadline: last,
    number_of_vacancies: 1,
    description: {
      text: spec.text ?? `${spec.headline}. Välkommen med din ansökan!`,
      text_formatted: spec.text ?? `${spec.headline}. Välkommen med din ansökan!`,
    },
    employment_type: PERMANENT,
    working_hours_type: FULL_TIME,
    salary_type: { concept_id: 'oG8G_9cW_nRf', label: 'Fast månads- vecko- eller timlön' },
    duration: { concept_id: 'a7uU_j21_mkL', label: 'Tills vidare' },
    scope_of_work: { min: 100, max: 100 },
    employer: {
      name: spec.employer ?? 'Region Dalarna',
      workplace: spec.employer ?? 'Region Dalarna',
      organization_number: spec.orgnr === undefined ? '2321000180' : spec.orgnr,
    },
    application_details: {
      url: spec.applyUrl === undefined ? 'https://jobb.example.se/ansok/' + spec.id : spec.applyUrl,
      email: spec.applyEmail ?? null,
      reference: null,
      via_af: false,
    },
    ...o,
    workplace_address: {
      municipality: m.name,
      municipality_code: m.code,
      municipality_concept_id: m.conceptId,
      region: 'Dalarnas län',
      region_code: '20',
      region_concept_id: 'oDpK_oZ2_WYt',
      country: 'Sverige',
      country_code: '199',
      country_concept_id: 'i46j_HmG_v64',
      coordinates: [15.6, 60.6],
    },
    application_contacts: [
      { name: 'Kontaktperson 1', email: 'kontakt@example.se', telephone: '010-000 00 00' },
    ],
    publication_date: localTime(now, -published),
    last_publication_date: last,
    removed: false,
    source_type: 'VIA_PLATSBANKEN_DXA',
    timestamp: spec.timestamp ?? now.getTime() - published * 86_400_000,
  };
}

export async function loadAds(db: Kysely<DB>, records: unknown[], now = new Date()) {
  const region = (await loadRegions(db)).find((r) => r.id === 'dalarna');
  if (!region) throw new Error('the Dalarna region is not seeded');
  const scope = scopeForRegion(region);
  if (!scope) throw new Error('Dalarna has no JobTech concept id');
  return applyRecords(db, scope, records, { now, kind: 'stream' });
}

/** The text of the first element with this class (tags stripped). */
export function textOf(body: string, className: string): string | undefined {
  const m = new RegExp(`class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)</(?:p|summary|a|h2)>`).exec(
    body,
  );
  return m?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Region } from '../../../platform/region.ts';
import type { JobSummary } from '../../jobs/search/index.ts';
import { readDataCsv } from '../../jobs/taxonomy.ts';
import { jobCards } from './jobcards.ts';

const developers = readDataCsv('occupation-groups-ssyk4.csv').find((g) => g.ssyk_code_2012 === '2512');
const job: JobSummary = {
  id: '00000000-0000-4000-8000-000000000001',
  headline: 'Systemutvecklare till vår verksamhet i Orsa',
  employerName: 'Systemhuset Mitt AB',
  workplace: null,
  municipalityCode: '2034',
  occupationLabel: 'Mjukvaruutvecklare',
  occupationGroupId: (developers?.concept_id as string | undefined) ?? null,
  employmentTypeId: null,
  worktimeId: null,
  remote: false,
  publishedAt: new Date('2026-12-01T08:00:00Z'),
  deadlineAt: null,
  generated: true,
  lang: 'sv',
};
const region = { municipalities: [{ code: '2034', shortName: 'Orsa' }] } as unknown as Region;

it('a path’s job card names the occupation in English on English pages, as the job page does', () => {
  // Found by a new user: the international talent's path listed "Mjukvaruutvecklare" in English.
  assert.ok(job.occupationGroupId, 'the SSYK group 2512 is in the shipped taxonomy');
  const en = jobCards(region, 'en', [job]).toString();
  assert.match(en, /Software- and system developers/);
  assert.doesNotMatch(en, /Mjukvaruutvecklare/);
  assert.match(jobCards(region, 'sv', [job]).toString(), /Mjukvaruutvecklare/);
  const unknown = jobCards(region, 'en', [{ ...job, occupationGroupId: null }]).toString();
  assert.match(unknown, /<span lang="sv">Mjukvaruutvecklare<\/span>/, 'else the Swedish label, marked');
});

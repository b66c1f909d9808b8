import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { shippedRegions } from '../../regions/service.ts';
import { sectionOf } from '../sni.ts';
import { checkDemoCompanies, COMPANIES_DEMO_DIR, DemoCompaniesError, loadDemoCompanies } from './load.ts';

const dalarna = shippedRegions().find((r) => r.id === 'dalarna')!;
const codes = dalarna.municipalities.map((m) => m.code);

describe('the demo companies', () => {
  const { companies, problems } = checkDemoCompanies(codes);

  it('are twelve, and every file passes every check', () => {
    assert.deepEqual(problems, []);
    assert.equal(companies.length, 12);
  });

  it("span the region's industries and all fifteen municipalities", () => {
    const divisions = new Set(companies.flatMap((c) => c.data.industries));
    // Power engineering and batteries, steel, paper and pulp, IT, energy and water, care, wood, tourism.
    for (const code of ['27', '24', '17', '62', '35', '87', '16', '93']) assert.ok(divisions.has(code), code);
    assert.ok(new Set([...divisions].map(sectionOf)).size >= 8);
    assert.deepEqual(new Set(companies.flatMap((c) => c.data.municipalities)), new Set(codes));
  });

  it('vary their badges and link the stories of people who work there', () => {
    for (const badge of ['relocation', 'partner', 'english', 'remote'])
      assert.ok(companies.filter((c) => c.data.badges.some((b) => b.badge === badge)).length >= 2, badge);
    assert.ok(companies.flatMap((c) => c.data.stories).includes('priya-power-engineer-ludvika'));
  });

  it('use clearly made-up organisationsnummer', () => {
    for (const c of companies) assert.match(c.orgNumber, /^5550000\d{3}$/);
  });
});

describe('the demo companies check', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-demo-companies-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(new URL('.', COMPANIES_DEMO_DIR), dir, { recursive: true });
  const url = pathToFileURL(`${dir}/`);
  const file = path.join(dir, 'companies', 'granforsa-kartong.json');
  const broken = JSON.parse(readFileSync(file, 'utf8')) as {
    about: { sv: string };
    summary: { en: string };
    careerPaths: { steps: { occupationId: string }[] }[];
    badges: unknown[];
    [key: string]: unknown;
  };
  broken.orgNumber = '5550000129';
  broken.about.sv = broken.about.sv.replace(/\n\n\*Demo:[^*]+\*$/, '');
  broken.summary.en = 'A real paper mill.';
  broken.industries = ['17', '34'];
  broken.municipalities = ['2082', '0180'];
  broken.photos = ['a-real-photo'];
  broken.badges = broken.badges.slice(0, 1);
  broken.careerPaths[0]!.steps[1]!.occupationId = 'not_a_concept';
  broken.stories = ['no-such-story'];
  writeFileSync(file, JSON.stringify(broken));
  writeFileSync(
    path.join(dir, 'logos', 'barrmo-tra.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><title>x</title><script>alert(1)</script></svg>',
  );

  it('names every problem by file and field, all at once', () => {
    const { problems } = checkDemoCompanies(codes, url);
    const at = (field: string) =>
      problems.some((p) => p.startsWith(`companies/granforsa-kartong.json.${field}`));
    assert.ok(at('orgNumber'), 'a number that fails the check digit');
    assert.ok(at('about.sv'), 'no demo footer');
    assert.ok(at('summary.en'), 'not marked as invented');
    assert.ok(at('industries'), 'not an SNI division');
    assert.ok(at('municipalities'), 'not the region’s');
    assert.ok(at('photos'), 'an image the library does not have');
    assert.ok(at('badges'), 'fewer than two badges');
    assert.ok(at('careerPaths[0].steps[1].occupationId'), 'not a JobTech occupation');
    assert.ok(at('stories'), 'a story that does not exist');
    assert.ok(
      problems.some((p) => p.startsWith('companies/granforsa-kartong.json: is not an employer')),
      'its ads would not find it',
    );
    assert.ok(
      problems.some((p) => p.startsWith('logos/barrmo-tra.svg')),
      'a logo with a script',
    );
    assert.throws(() => loadDemoCompanies(codes, url), DemoCompaniesError);
  });
});

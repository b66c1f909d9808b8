import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { loadConfig } from '../../platform/config.ts';
import { storageFor } from '../../platform/storage/index.ts';
import { demoIllustrations } from '../content/demo.ts';
import { DEMO_PHOTO_SLUGS } from '../content/media/demo.ts';
import { imageKeys } from '../content/media/library.ts';
import { seedJobBoard } from '../jobs/seed.ts';
import { seedDemoCompanies } from './seed.ts';
import { companyDirectory } from './public/directory.ts';
import { getCompanyVersion, publishedCompanies, saveCompanyVersion } from './store.ts';

const REGION = 'dalarna';

test('the demo seed publishes the demo companies with logos, career paths and their open jobs, once', async () => {
  const { db } = await createTestDatabase();
  const config = loadConfig({
    LOTSA_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lotsa-companies-')),
    PUBLIC_URL: 'http://localhost:3000',
  });
  assert.deepEqual(await seedDemoCompanies(db, { demo: false, config }), []);

  // What `npm start` does before this seed: the job board (the media library's photographs and
  // illustrations are left out here, processing them takes long: the pages only name those).
  await seedJobBoard(db, { demo: true, now: new Date('2026-11-26T09:30:00Z') });
  const mediaDemo = new Set([...DEMO_PHOTO_SLUGS, ...demoIllustrations().map((i) => i.slug)]);
  const [first] = await seedDemoCompanies(db, { demo: true, config });
  assert.deepEqual(first, { regionId: REGION, inserted: 12, skipped: 0, logos: 12 });

  const companies = await publishedCompanies(db, REGION);
  assert.equal(companies.length, 12);
  const concepts = new Set(
    (await db.selectFrom('taxonomy_concepts').select('concept_id').execute()).map((r) => r.concept_id),
  );
  const library = new Map(
    (await db.selectFrom('media_images').selectAll().where('region_id', '=', REGION).execute()).map((r) => [
      r.slug,
      r,
    ]),
  );
  const storage = storageFor(config);
  for (const { company, data } of companies) {
    assert.equal(company.demo, true, company.slug);
    assert.equal(company.status, 'published');
    assert.equal(company.organisationId, null, 'unclaimed: an employer takes it over by invitation');
    assert.match(data.summary.sv, /\(Påhittat demoföretag\.\)$/);
    assert.match(data.summary.en, /\(Invented demo company\.\)$/);
    assert.ok(data.badges.length >= 2, `${company.slug}: badges`);
    assert.ok(data.badges.every((b) => b.text.sv.length > 40 && b.text.en.length > 40));
    assert.ok(data.careerPaths.length >= 1, `${company.slug}: career path`);
    for (const step of data.careerPaths.flatMap((p) => p.steps)) assert.ok(concepts.has(step.occupationId));
    assert.ok(data.careerPaths.every((p) => p.steps.length >= 3 && p.steps.length <= 4));

    const logo = library.get(data.logo ?? '');
    assert.ok(logo, `${company.slug}: logo in the library`);
    assert.ok(logo.alt_sv.includes(data.name) && logo.alt_en.includes(data.name));
    assert.equal(logo.licence, 'CC0-1.0');
    for (const key of imageKeys(logo)) assert.ok(await storage.exists(key), key);
    for (const photo of data.photos) assert.ok(mediaDemo.has(photo), `${company.slug}: photo ${photo}`);

    const open = await db
      .selectFrom('job_ads')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('region_id', '=', REGION)
      .where('employer_orgnr', '=', company.orgNumber)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    assert.ok(Number(open.n) >= 1, `${company.slug}: open jobs by organisationsnummer`);
  }
  const big = companies.find((c) => c.company.slug === 'kraftnat-komponenter')!;
  const bigOpen = await db
    .selectFrom('job_ads')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_id', '=', REGION)
    .where('employer_orgnr', '=', big.company.orgNumber)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  assert.ok(Number(bigOpen.n) >= 15, `the largest employer has dozens: ${bigOpen.n}`);

  // Job cards find every company's page and logo by the ads' numbers.
  const { employerPages } = await companyDirectory(db, REGION);
  assert.equal(companies.filter((c) => employerPages.get(c.company.orgNumber)).length, 12);
  const page = employerPages.get(big.company.orgNumber);
  assert.equal(page?.path, '/companies/kraftnat-komponenter');
  assert.equal(page?.name, 'Kraftnät Komponenter AB');
  assert.match(page?.logo?.src ?? '', /^\/media\/[0-9a-f-]+\//, 'the logo-kraftnat-komponenter image');
  const logo = await db
    .selectFrom('media_images')
    .select('id')
    .where('slug', '=', 'logo-kraftnat-komponenter')
    .executeTakeFirstOrThrow();
  assert.ok(page?.logo?.src.startsWith(`/media/${logo.id}/`));

  assert.deepEqual(
    companies
      .filter((c) => c.company.featured)
      .map((c) => c.company.slug)
      .sort(),
    ['ampervik-batteri', 'kraftnat-komponenter', 'skidbacken', 'solvanda-omsorg'],
  );
  const needs = await db
    .selectFrom('company_competence_needs')
    .select(['company_id', 'occupation_id', 'people'])
    .where('region_id', '=', REGION)
    .execute();
  assert.equal(new Set(needs.map((n) => n.company_id)).size, 12);
  assert.ok(needs.some((n) => n.company_id === big.company.id && n.occupation_id === 'FuJx_cGT_5im'));

  // An editor changes a page; the next start skips every company and overwrites nothing.
  const edited = { ...big.data, summary: { sv: 'Ändrad av redaktören.', en: 'Changed by the editor.' } };
  const saved = await saveCompanyVersion(db, {
    regionId: REGION,
    companyId: big.company.id,
    baseVersion: 1,
    data: edited,
    authorId: null,
  });
  assert.deepEqual(saved, { ok: true, version: 2 });
  const counts = async () =>
    Promise.all(
      (['companies', 'company_versions', 'company_competence_needs', 'media_images'] as const).map(
        async (t) =>
          Number(
            (
              await db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll<string>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
      ),
    );
  const before = await counts();
  const [second] = await seedDemoCompanies(db, { demo: true, config });
  assert.deepEqual(second, { regionId: REGION, inserted: 0, skipped: 12, logos: 12 });
  assert.deepEqual(await counts(), before);
  const latest = await getCompanyVersion(db, REGION, { id: big.company.id, version: 2 });
  assert.equal(latest?.data.summary.sv, 'Ändrad av redaktören.');
});

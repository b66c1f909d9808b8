import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { sampleFactsFile } from '../../../test/helpers/place-facts.ts';
import {
  applyUploadedFacts,
  currentFile,
  currentImport,
  factsOf,
  importShippedFacts,
  isStale,
  seedPlaceFacts,
} from './facts.ts';
import { FILE_TOO_LARGE, parseFactsFile, problemOf, travelKey } from './facts-file.ts';
import { factsMessages, type FactsMessageKey } from './facts-messages.ts';
import { problemText } from './facts-views.ts';
import { shippedRegions } from './service.ts';

const region = shippedRegions()[0]!;
const codes = region.municipalities.map((m) => m.code);
const NOW = new Date('2026-01-15T12:00:00Z');

test('a valid file parses; each fact becomes a row with its source, date and unit', async () => {
  const parsed = parseFactsFile(JSON.stringify(sampleFactsFile()), codes, NOW);
  assert.deepEqual(parsed.problems, []);
  const { db } = await createTestDatabase();
  await db.deleteFrom('place_fact_imports').execute(); // what the seed imported
  await importShippedFacts(db, region, parsed.file!);
  const falun = await factsOf(db, region.id, '2080');
  const population = falun.find((f) => f.key === 'population');
  assert.equal(population?.unit, 'people');
  assert.equal(population?.source, 'SCB');
  assert.equal(population?.asOf, '2024-12-31');
  assert.equal(population?.approx, true);
  const stockholm = falun.find(
    (f) => f.key === travelKey({ to: { sv: 'Stockholm', en: 'Stockholm' }, mode: 'train' }),
  );
  assert.equal(stockholm?.unit, 'minutes');
  assert.equal(stockholm?.label.sv, 'Stockholm');
  const nature = falun.find((f) => f.key === 'nature');
  assert.deepEqual(nature?.items.en, ['Lakes and forest', 'Ski tracks']);
  assert.equal(nature?.asOf, '2025-06-30', 'a list holds for the file’s date');
});

test('every problem of a file is named by municipality and fact', () => {
  const file = sampleFactsFile() as unknown as { municipalities: Record<string, Record<string, unknown>> };
  const falun = file.municipalities['2080']!;
  (falun.population as Record<string, unknown>).value = 'many';
  (falun.schools as Record<string, unknown>).sourceUrl = 'javascript:alert(1)';
  delete falun.culture;
  delete file.municipalities['2081'];
  file.municipalities['9999'] = {};
  const { problems } = parseFactsFile(JSON.stringify(file), codes, NOW);
  const has = (municipality: string, fact: string) =>
    problems.some((p) => p.municipality === municipality && p.fact === fact);
  assert.ok(has('2080', 'population.value'));
  assert.ok(has('2080', 'schools.sourceUrl'));
  assert.ok(has('2080', 'culture'));
  assert.ok(has('2081', ''));
  assert.ok(has('9999', ''));
  assert.equal(parseFactsFile('{nope', codes, NOW).problems[0]?.message, 'the file is not JSON');
  const future = parseFactsFile(JSON.stringify(sampleFactsFile('2030-01-01')), codes, NOW);
  assert.ok(future.problems.some((p) => p.fact === 'version'));
  assert.deepEqual(problemOf('2080.travel[1].minutes: must be a whole number from 1 to 1440'), {
    municipality: '2080',
    fact: 'travel[1].minutes',
    message: 'must be a whole number from 1 to 1440',
  });
});

test('the shipped file is imported when newer than what is stored, never over a newer upload', async () => {
  const { db } = await createTestDatabase();
  await db.deleteFrom('place_fact_imports').execute(); // what the seed imported
  const older = sampleFactsFile('2025-01-01');
  const newer = sampleFactsFile('2025-06-30');
  assert.equal((await importShippedFacts(db, region, older)).applied, true);
  assert.equal((await importShippedFacts(db, region, older)).applied, false, 'same date: left alone');
  assert.equal((await importShippedFacts(db, region, newer)).applied, true);
  // An editor uploads a file dated later than the next release's file.
  const upload = sampleFactsFile('2025-12-01');
  upload.municipalities['2080']!.population.value = 61_234;
  await applyUploadedFacts(db, region, { id: null, label: 'test' }, upload);
  const shippedLater = sampleFactsFile('2025-09-01');
  assert.equal((await importShippedFacts(db, region, shippedLater)).applied, false);
  const current = await currentImport(db, region.id);
  assert.equal(current?.origin, 'upload');
  assert.equal(current?.fileDate, '2025-12-01');
  assert.equal((await factsOf(db, region.id, '2080')).find((f) => f.key === 'population')?.value, 61_234);
  assert.deepEqual((await currentFile(db, region.id)) as unknown, JSON.parse(JSON.stringify(upload)));
  const audit = await db.selectFrom('audit_events').select(['action', 'data']).execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['place.facts.uploaded'],
  );
});

test('the seed reads the shipped file when there is one, and stops on a broken one', async () => {
  const { db } = await createTestDatabase();
  await db.deleteFrom('place_fact_imports').execute(); // what the seed imported
  await seedPlaceFacts(db, [region], () => undefined);
  assert.equal(await currentImport(db, region.id), undefined);
  await seedPlaceFacts(db, [region], () => JSON.stringify(sampleFactsFile('2025-03-01')));
  assert.equal((await currentImport(db, region.id))?.fileDate, '2025-03-01');
  await assert.rejects(
    seedPlaceFacts(db, [region], () => '{"note":"","version":"2025-04-01","municipalities":{}}'),
    /place-facts/,
  );
});

test('a fact older than two years is stale', () => {
  assert.equal(isStale('2023-12-31', NOW), true);
  assert.equal(isStale('2024-02-01', NOW), false);
});

test('a problem is always in the page’s language, never the loader’s English', () => {
  const region = shippedRegions()[0]!;
  for (const lang of ['sv', 'en'] as const) {
    const t = (key: FactsMessageKey, params?: Record<string, string | number>) =>
      factsMessages.t(lang, key, params);
    const odd = problemText(t, lang, region, { municipality: '2080', fact: 'x', message: 'something new' });
    assert.equal(
      odd,
      lang === 'sv'
        ? 'Falun (2080), x: har ett värde som inte går att använda'
        : 'Falun (2080), x: has a value that cannot be used',
    );
    const large = problemText(t, lang, region, { municipality: '', fact: '', message: FILE_TOO_LARGE });
    assert.equal(
      large,
      lang === 'sv' ? 'Filen: filen är större än 1 MB' : 'The file: the file is larger than 1 MB',
    );
  }
});

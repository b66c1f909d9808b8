import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { shippedRegions } from '../regions/service.ts';
import {
  ENUM_LABELS_EN,
  importTaxonomy,
  loadTaxonomy,
  parseCsv,
  parseCsvRecords,
  shippedConcepts,
} from './taxonomy.ts';

test('parseCsv: plain, quoted, escaped quotes, commas and line breaks inside quotes', () => {
  assert.deepEqual(parseCsv('a,b,c\n1,2,3\n'), [
    ['a', 'b', 'c'],
    ['1', '2', '3'],
  ]);
  assert.deepEqual(parseCsv('"x, y","say ""hi""",z'), [['x, y', 'say "hi"', 'z']]);
  assert.deepEqual(parseCsv('"two\nlines",b\r\nc,"d\r\ne"'), [
    ['two\nlines', 'b'],
    ['c', 'd\r\ne'],
  ]);
  assert.deepEqual(parseCsv('a,,c\n,,\n'), [
    ['a', '', 'c'],
    ['', '', ''],
  ]);
  assert.deepEqual(parseCsv('\ufeffid,label\r\n1,Å\r\n'), [
    ['id', 'label'],
    ['1', 'Å'],
  ]);
  assert.deepEqual(parseCsv('""'), [['']]);
  assert.deepEqual(parseCsv('"",""\n'), [['', '']]);
  assert.deepEqual(parseCsv(''), []);
  assert.deepEqual(parseCsv('only'), [['only']]);
  assert.throws(() => parseCsv('"open,b'), /not closed/);
});

test('parseCsvRecords keys fields by the header and refuses ragged lines', () => {
  assert.deepEqual(parseCsvRecords('id,label\nX82t,"Administration, ekonomi, juridik"\n'), [
    { id: 'X82t', label: 'Administration, ekonomi, juridik' },
  ]);
  assert.throws(() => parseCsvRecords('a,b\n1\n'), /line 2/);
  assert.deepEqual(parseCsvRecords(''), []);
});

test('the shipped taxonomy: counts per type, hierarchy and English labels', () => {
  const concepts = shippedConcepts();
  const count = (type: string) => concepts.filter((c) => c.type === type).length;
  assert.equal(count('occupation-field'), 21);
  assert.equal(count('ssyk-level-4'), 400);
  assert.equal(count('occupation-name'), 3981);
  assert.equal(count('skill'), 6657);
  assert.equal(count('region'), 21);
  assert.equal(count('municipality'), 290);
  assert.equal(count('worktime-extent'), 2);
  assert.equal(count('salary-type'), 3);
  assert.equal(count('employment-duration'), 4);
  assert.equal(count('driving-licence'), 1);
  assert.equal(count('language'), 2);
  assert.equal(count('employment-type'), 8);
  assert.equal(concepts.filter((c) => c.type === 'occupation-name' && c.deprecated).length, 1569);

  const byId = new Map(concepts.map((c) => [c.concept_id, c]));
  for (const c of concepts) {
    assert.match(c.concept_id, /^[A-Za-z0-9_-]{3,40}$/);
    if (c.type === 'occupation-field') assert.ok(c.label_en, c.label);
    if (c.type === 'ssyk-level-4') {
      assert.match(c.code ?? '', /^\d{4}$/);
      assert.equal(byId.get(c.parent_id ?? '')?.type, 'occupation-field', c.label);
    }
    if (c.type === 'occupation-name') assert.equal(byId.get(c.parent_id ?? '')?.type, 'ssyk-level-4');
    if (c.type === 'region') assert.match(c.code ?? '', /^\d{2}$/);
    if (c.type === 'municipality') {
      const region = byId.get(c.parent_id ?? '');
      assert.equal(region?.type, 'region');
      assert.ok(c.code?.startsWith(region.code ?? '-'), c.label);
    }
    if (['employment-type', 'worktime-extent', 'salary-type', 'employment-duration'].includes(c.type))
      assert.equal(c.label_en, ENUM_LABELS_EN[c.concept_id], c.label);
  }
  assert.equal(byId.get('NYW6_mP6_vwf')?.label_en, 'Health and medical care');
  assert.equal(byId.get('6YE1_gAC_R2G')?.label_en, 'Full-time');
  // The taxonomy agrees with the shipped regions' municipalities.
  for (const region of shippedRegions()) {
    if (!region.jobtechConceptId) continue;
    assert.equal(byId.get(region.jobtechConceptId)?.code, region.countyCode);
    for (const m of region.municipalities) {
      const concept = byId.get(m.jobtechConceptId);
      assert.equal(concept?.code, m.code);
      assert.equal(concept?.parent_id, region.jobtechConceptId);
    }
  }
});

test('importTaxonomy fills an empty table, writes nothing the second time and only what changed', async () => {
  const { db } = await createTestDatabase();
  await db.deleteFrom('taxonomy_concepts').execute();
  const total = shippedConcepts().length;
  assert.equal(await importTaxonomy(db), total);
  const counts = await db
    .selectFrom('taxonomy_concepts')
    .select(['type', db.fn.countAll<string>().as('n')])
    .groupBy('type')
    .execute();
  const byType = Object.fromEntries(counts.map((r) => [r.type, Number(r.n)]));
  assert.equal(byType['occupation-field'], 21);
  assert.equal(byType['ssyk-level-4'], 400);
  assert.equal(byType['municipality'], 290);
  assert.equal(byType['region'], 21);

  assert.equal(await importTaxonomy(db), 0);

  await db
    .updateTable('taxonomy_concepts')
    .set({ label: 'Fel', label_en: null })
    .where('concept_id', '=', 'NYW6_mP6_vwf')
    .execute();
  await db
    .insertInto('taxonomy_concepts')
    .values({ concept_id: 'New_Con_cpt', type: 'skill', label: 'Från en senare taxonomi' })
    .execute();
  assert.equal(await importTaxonomy(db), 1);
  const field = await db
    .selectFrom('taxonomy_concepts')
    .selectAll()
    .where('concept_id', 'in', ['NYW6_mP6_vwf', 'New_Con_cpt'])
    .orderBy('concept_id')
    .execute();
  assert.deepEqual(
    field.map((r) => [r.concept_id, r.label, r.label_en]),
    [
      ['NYW6_mP6_vwf', 'Hälso- och sjukvård', 'Health and medical care'],
      ['New_Con_cpt', 'Från en senare taxonomi', null],
    ],
  );
});

test('the test template already holds the taxonomy, and loadTaxonomy reads it as a lookup', async () => {
  const { db } = await createTestDatabase();
  assert.equal(await importTaxonomy(db), 0);
  const taxonomy = await loadTaxonomy(db);
  assert.equal(taxonomy.fields.length, 21);
  assert.equal(taxonomy.fields[0]?.label, 'Administration, ekonomi, juridik');
  assert.equal(taxonomy.label('NYW6_mP6_vwf', 'sv'), 'Hälso- och sjukvård');
  assert.equal(taxonomy.label('NYW6_mP6_vwf', 'en'), 'Health and medical care');
  assert.equal(taxonomy.label('oDpK_oZ2_WYt', 'en'), 'Dalarnas län'); // no English label: Swedish
  assert.equal(taxonomy.label('nope', 'sv'), undefined);
  const groups = taxonomy.groupsOfField('NYW6_mP6_vwf');
  assert.ok(groups.some((g) => g.code === '2221'));
  assert.ok(groups.every((g) => g.type === 'ssyk-level-4' && g.parentId === 'NYW6_mP6_vwf'));
  assert.equal(
    taxonomy.fields.reduce((n, f) => n + taxonomy.groupsOfField(f.id).length, 0),
    400,
  );
  assert.deepEqual(
    taxonomy.ofType('worktime-extent').map((c) => c.labelEn),
    ['Part-time', 'Full-time'],
  );
  assert.equal(taxonomy.ofType('municipality').length, 290);
  assert.equal(taxonomy.get('2080'), undefined);
});

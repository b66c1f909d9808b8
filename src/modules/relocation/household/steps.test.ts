/** The moving checklist generated from the household: which steps, in which order, marked "if …". */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checklistFor, PHASES, STEPS, type HouseholdFacts } from './steps.ts';

const keys = (household: HouseholdFacts) => checklistFor(household).map((i) => i.step.key);

test('the catalogue: unique safe keys, https links, both languages, every phase', () => {
  assert.ok(STEPS.length >= 20 && STEPS.length <= 35);
  assert.equal(new Set(STEPS.map((s) => s.key)).size, STEPS.length);
  for (const s of STEPS) {
    assert.match(s.key, /^[a-z0-9-]{1,60}$/);
    assert.match(s.authority.url, /^https:\/\/[a-z0-9.-]+\//);
    for (const words of [s.title, s.text, s.bring, s.authority.name]) assert.ok(words.sv && words.en, s.key);
    assert.doesNotMatch(`${s.text.sv} ${s.text.en}`, /\d+ ?(kr|SEK|kronor)/, 'no fees invented');
  }
  for (const phase of PHASES)
    assert.ok(
      STEPS.some((s) => s.phase === phase),
      phase,
    );
});

test('the Swedish titles: “svenskt id-kort”', () => {
  const card = STEPS.find((s) => s.key === 'id-card');
  assert.equal(card?.title.sv, 'Ansök om svenskt id-kort');
  for (const s of STEPS) assert.doesNotMatch(s.title.sv, /\bsvensk id-kort/, s.key);
});

test('an EU family with two children renting', () => {
  const list = keys({ adults: ['eu', 'eu'], hasPartner: true, childrenAges: [3, 9], housing: 'rent' });
  for (const k of [
    'eu-right-of-residence',
    'population-register',
    'preschool-queue',
    'school-placement',
    'child-allowance',
    'housing-queue',
    'partner-employment-service',
    'degree-recognition',
    'sfi',
  ])
    assert.ok(list.includes(k), k);
  for (const k of [
    'work-permit',
    'family-permits',
    'residence-card',
    'driving-licence',
    'loan-promise',
    'estate-agent',
    'upper-secondary',
  ])
    assert.ok(!list.includes(k), k);
  assert.ok(
    checklistFor({ adults: ['eu', 'eu'], hasPartner: true, childrenAges: [3, 9], housing: 'rent' }).every(
      (i) => i.ifs.length === 0,
    ),
  );
});

test('a non-EU single person buying', () => {
  const list = keys({ adults: ['non_eu'], hasPartner: false, childrenAges: [], housing: 'buy' });
  for (const k of ['work-permit', 'residence-card', 'driving-licence', 'loan-promise', 'estate-agent', 'sfi'])
    assert.ok(list.includes(k), k);
  for (const k of [
    'family-permits',
    'eu-right-of-residence',
    'housing-queue',
    'child-allowance',
    'partner-employment-service',
    'preschool-queue',
  ])
    assert.ok(!list.includes(k), k);
  // In phase order: the permit before travelling comes before the card of the first week.
  assert.ok(list.indexOf('work-permit') < list.indexOf('residence-card'));
  assert.ok(list.indexOf('residence-card') < list.indexOf('id-card'));
  assert.ok(list.indexOf('id-card') < list.indexOf('driving-licence'));
});

test('a Nordic couple: no permits, no sfi, the partner’s steps', () => {
  const list = keys({ adults: ['nordic', 'nordic'], hasPartner: true, childrenAges: [], housing: 'rent' });
  for (const k of ['work-permit', 'eu-right-of-residence', 'residence-card', 'sfi', 'driving-licence'])
    assert.ok(!list.includes(k), k);
  for (const k of ['population-register', 'partner-employment-service', 'degree-recognition', 'bank-account'])
    assert.ok(list.includes(k), k);
});

test('unknown citizenship and housing not decided: both variants, marked “if …”', () => {
  const items = checklistFor({
    adults: ['unknown'],
    hasPartner: false,
    childrenAges: [17],
    housing: 'not_sure',
  });
  const ifs = (key: string) => items.find((i) => i.step.key === key)?.ifs;
  assert.deepEqual(ifs('work-permit'), ['non_eu']);
  assert.deepEqual(ifs('eu-right-of-residence'), ['eu']);
  assert.deepEqual(ifs('housing-queue'), ['rent']);
  assert.deepEqual(ifs('loan-promise'), ['buy']);
  assert.deepEqual(ifs('sfi'), []);
  assert.deepEqual(ifs('upper-secondary'), []);
  assert.equal(ifs('preschool-queue'), undefined);
  // A non-EU main mover with a partner whose citizenship is unknown: the permit is sure.
  const mixed = checklistFor({
    adults: ['non_eu', 'unknown'],
    hasPartner: true,
    childrenAges: [],
    housing: 'rent',
  });
  assert.deepEqual(mixed.find((i) => i.step.key === 'work-permit')?.ifs, []);
  assert.deepEqual(mixed.find((i) => i.step.key === 'family-permits')?.ifs, []);
});

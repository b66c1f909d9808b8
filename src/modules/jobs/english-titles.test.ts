import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { englishGroupTitle, englishOccupationMatch, MAX_QUERY_WORDS, singular } from './english-titles.ts';
import { readDataCsv } from './taxonomy.ts';

const groups = readDataCsv('occupation-groups-ssyk4.csv');
const idOf = new Map(groups.map((g) => [g.ssyk_code_2012 as string, g.concept_id as string]));
const codeOf = new Map(groups.map((g) => [g.concept_id as string, g.ssyk_code_2012 as string]));

/** The groups a search text finds, as SSYK code → weight. */
function find(text: string): Map<string, number> {
  const { groups: found } = englishOccupationMatch(text.split(' '));
  return new Map([...found].map(([id, weight]) => [codeOf.get(id) ?? id, weight]));
}

/** The codes found with at least `min` weight. */
function strong(text: string, min: number): string[] {
  return [...find(text)]
    .filter(([, w]) => w >= min)
    .map(([code]) => code)
    .sort();
}

describe('englishGroupTitle', () => {
  it('gives the Statistics Sweden English title of every SSYK-4 group', () => {
    assert.equal(englishGroupTitle(idOf.get('2221')!), 'Professional nurses');
    assert.equal(englishGroupTitle(idOf.get('2512')!), 'Software- and system developers');
    assert.equal(englishGroupTitle(idOf.get('1360')!), 'Production managers in construction and mining');
    assert.equal(groups.filter((g) => !englishGroupTitle(g.concept_id as string)).length, 0);
    assert.equal(englishGroupTitle('no-such-id'), undefined);
  });
});

describe('englishOccupationMatch', () => {
  it('finds the group of an exact title, with weight 1', () => {
    assert.deepEqual([...find('welder')], [['7212', 1]]);
    assert.equal(find('electrician').get('7411'), 1);
    assert.equal(find('accountant').get('2411'), 1);
    assert.equal(find('carpenter').get('7111'), 1);
    assert.equal(find('cook').get('5120'), 1);
    assert.equal(find('cleaner').get('9111'), 1);
  });

  it('matches multi-word titles as phrases, before their last word', () => {
    assert.deepEqual([...find('software developer')], [['2512', 1]]);
    assert.deepEqual([...find('truck driver')], [['8332', 1]]);
    assert.deepEqual([...find('bus driver')], [['8331', 1]]);
    assert.equal(find('preschool teacher').get('2343'), 1);
    assert.ok([...find('preschool teacher').values()].filter((w) => w === 1).length === 1);
    assert.deepEqual(strong('assistant nurse', 1), ['5321', '5323', '5325']);
    assert.equal(find('assistant nurse').has('2221'), false);
    assert.deepEqual(strong('head chef', 1), ['3451']);
  });

  it('takes plurals and hyphens as the titles they are', () => {
    assert.deepEqual(find('nurses'), find('nurse'));
    assert.deepEqual(find('truck drivers'), find('truck driver'));
    assert.deepEqual(find('software developers'), find('software developer'));
    assert.deepEqual(strong('sous-chef', 1), ['3451']);
    assert.equal(singular('bus'), 'bus');
    assert.equal(singular('secretaries'), 'secretary');
    assert.equal(singular('coaches'), 'coach');
  });

  it('gives a bare "engineer" the engineering groups, civil engineers first', () => {
    const found = find('engineer');
    for (const code of ['2141', '2142', '2143', '2144', '2145', '2146', '2149']) {
      assert.ok((found.get(code) ?? 0) >= 0.85, code);
    }
    for (const code of ['3111', '3112', '3113', '3114', '3115']) {
      assert.ok((found.get(code) ?? 0) >= 0.6 && found.get(code)! < 0.85, code);
    }
    // Anything else is weak: a group whose ESCO synonyms mention an engineer somewhere.
    const engineering = /^(?:214|311|3151|1340)/;
    for (const [code, weight] of found) if (!engineering.test(code)) assert.ok(weight < 0.6, code);
  });

  it('gives a bare "developer" the software groups and no property developers', () => {
    assert.deepEqual(strong('developer', 0), ['2512', '2513']);
    assert.ok(find('developer').get('2512')! >= 0.8);
  });

  it('weighs the groups of other bare titles by how well they fit', () => {
    const nurse = find('nurse');
    for (const code of ['2221', '2223', '2224', '2225', '2228', '2239'])
      assert.ok(nurse.get(code)! >= 0.9, code);
    assert.ok(nurse.get('5321')! < nurse.get('2221')!);
    assert.deepEqual(strong('teacher', 0.8), ['2319', '2320', '2330', '2341', '2342', '2343', '2351']);
    assert.deepEqual(strong('doctor', 0.8), ['2211', '2212', '2219']);
    assert.deepEqual(strong('cleaner', 0.8), ['7134', '9111', '9120']);
    assert.deepEqual(strong('electrician', 0.8), ['7411', '7420']);
  });

  it('finds nothing for Swedish words, nor for English words that are also Swedish', () => {
    const swedish =
      'lärare sjuksköterska undersköterska kock snickare svetsare elektriker utvecklare ingenjör läkare ' +
      'städare operatör chef driver service extra hand och i på söker erfarenhet barn art bus glass data ' +
      'film bar hotell arbete jobb lager butik vård skola sommarjobb heltid deltid falun borlänge ' +
      // typed without å/ä/ö
      'larare sjukskoterska underskoterska lakare stadare ingenjor forskollarare saljare montor';
    const words = swedish.split(' ');
    for (let i = 0; i < words.length; i += MAX_QUERY_WORDS) {
      const { groups: found, used } = englishOccupationMatch(words.slice(i, i + MAX_QUERY_WORDS));
      assert.deepEqual([...found.keys()], []);
      assert.ok(used.every((u) => !u));
    }
  });

  it('says which words were part of a title', () => {
    const { groups: found, used } = englishOccupationMatch(['senior', 'software', 'developer', 'i', 'falun']);
    assert.deepEqual(used, [false, true, true, false, false]);
    assert.deepEqual(
      [...found.keys()].map((id) => codeOf.get(id)),
      ['2512'],
    );
    const two = englishOccupationMatch(['welder', 'or', 'electrician']);
    assert.deepEqual(two.used, [true, false, true]);
    assert.equal(two.groups.get(idOf.get('7212')!), 1);
    assert.equal(two.groups.get(idOf.get('7411')!), 1);
  });

  it(`looks at the first ${MAX_QUERY_WORDS} words only, whatever the text`, () => {
    const words = [...Array.from({ length: MAX_QUERY_WORDS }, () => 'x'), 'welder'];
    const { groups: found, used } = englishOccupationMatch(words);
    assert.equal(found.size, 0);
    assert.equal(used.length, words.length);
    assert.equal(englishOccupationMatch(['', '"', '😀', 'a'.repeat(2000)]).groups.size, 0);
  });

  it('ships a small data file', () => {
    const size = statSync(new URL('./data/occupation-groups-en.json', import.meta.url)).size;
    assert.ok(size < 300_000, `${size} bytes`);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { FOLD_FROM, FOLD_TO } from '../jobs/words.ts';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { publishCorpus, publishItem } from '../../../test/helpers/published-content.ts';
import { boundText, searchContent, segments, type ContentSearchResult } from './search.ts';

const R = 'dalarna';
const { db } = await createTestDatabase();
await publishCorpus(db, R);
await publishItem(db, R, {
  kind: 'guide',
  slug: 'kommer-snart',
  title: { sv: 'Förskola i framtiden', en: 'Preschool in the future' },
  visibleFrom: new Date(Date.now() + 3_600_000),
});

const slugs = (r: ContentSearchResult, kind?: string) =>
  r.groups.filter((g) => !kind || g.kind === kind).flatMap((g) => g.hits.map((h) => h.slug));
const search = (lang: 'sv' | 'en', text: string, limitPerKind = 5) =>
  searchContent(db, R, lang, text, { limitPerKind });

test('a Swedish word finds its compounds and inflections, grouped by kind in order', async () => {
  const r = await search('sv', 'förskola');
  assert.deepEqual(
    r.groups.map((g) => g.kind),
    ['place', 'guide', 'story', 'path'],
  );
  // förskoleplats (guide), förskolor (place), förskollärare and förskola (story), the path's summary.
  assert.deepEqual(slugs(r, 'guide'), ['forskola-och-skola']);
  assert.deepEqual(slugs(r, 'place'), ['borlange']);
  assert.deepEqual(slugs(r, 'story'), ['anna-flyttade-hem']);
  assert.deepEqual(slugs(r, 'path'), ['families']);
  assert.equal(r.total, 4);
  assert.equal(r.corrected, null);
  // Not yet visible: the scheduled guide is not found.
  assert.ok(!slugs(r).includes('kommer-snart'));
});

test('a word finds the compounds that end in it: skola → grundskola, gymnasieskola', async () => {
  const r = await search('sv', 'skola');
  assert.ok(slugs(r, 'guide').includes('forskola-och-skola'));
  assert.ok(slugs(r, 'place').includes('borlange'), 'gymnasieskola on the place page');
});

test('the last word is a prefix while typing; a finished word is not', async () => {
  assert.deepEqual(slugs(await search('sv', 'personn')), ['personnummer']);
  assert.deepEqual(slugs(await search('sv', 'skatteverk')), ['personnummer']);
  assert.deepEqual(slugs(await search('sv', 'sjö')), ['anna-flyttade-hem'], 'sjöutsikt');
  assert.equal((await search('sv', 'sjö ')).total, 0, 'a short finished word is matched as a word');
});

test('excerpts mark the words found, as plain segments; the title ranks first', async () => {
  const r = await search('sv', 'personnummer');
  const hit = r.groups.find((g) => g.kind === 'guide')?.hits[0];
  assert.ok(hit);
  assert.equal(hit.title, 'Folkbokföring och personnummer');
  assert.equal(hit.lang, 'sv');
  assert.ok(
    hit.excerpt.some((s) => s.hit && s.text.toLowerCase() === 'personnummer'),
    JSON.stringify(hit.excerpt),
  );
  assert.deepEqual(segments('a \u0002b\u0003 c'), [
    { text: 'a ', hit: false },
    { text: 'b', hit: true },
    { text: ' c', hit: false },
  ]);
});

test('English pages are searched with English stems; an untranslated item is found in Swedish', async () => {
  const r = await search('en', 'preschools');
  assert.ok(slugs(r, 'guide').includes('forskola-och-skola'));
  assert.ok(slugs(r, 'story').includes('anna-flyttade-hem'));
  assert.equal(r.groups.find((g) => g.kind === 'guide')?.hits[0]?.title, 'Preschool and school');
  const sfi = await search('en', 'svenska invandrare');
  const hit = sfi.groups.find((g) => g.kind === 'guide')?.hits[0];
  assert.equal(hit?.slug, 'sfi');
  assert.equal(hit?.lang, 'sv');
  assert.equal(hit?.matchedLang, 'sv');
});

test('a word only the other language’s text has finds the item, shown by the page’s title', async () => {
  // "Skatteverket" is only in the Swedish text; the English page shows the English title.
  const en = await search('en', 'Skatteverket');
  const guide = en.groups.find((g) => g.kind === 'guide')?.hits[0];
  assert.equal(guide?.slug, 'personnummer');
  assert.equal(guide?.title, 'Population registration and personal identity number');
  assert.equal(guide?.lang, 'en');
  assert.equal(guide?.matchedLang, 'sv');
  assert.ok(
    guide?.excerpt.some((s) => s.hit && s.text === 'Skatteverket'),
    JSON.stringify(guide?.excerpt),
  );
  // And the other way: an English word on the Swedish page.
  const sv = await search('sv', 'passport');
  const found = sv.groups.find((g) => g.kind === 'guide')?.hits[0];
  assert.equal(found?.title, 'Folkbokföring och personnummer');
  assert.equal(found?.lang, 'sv');
  assert.equal(found?.matchedLang, 'en');
  // A word in both texts is the page's: its own passage, ranked above one found in the other language.
  const both = await search('en', 'preschool');
  for (const h of both.groups.flatMap((g) => g.hits)) assert.equal(h.matchedLang, 'en', h.slug);
  // Each item once.
  const all = slugs(await search('sv', 'förskola preschool'));
  assert.equal(new Set(all).size, all.length);
});

test('a typo is searched as the pages spell the word, å ä ö included, and says so', async () => {
  const typo = await search('sv', 'förskloa');
  assert.deepEqual(typo.corrected, { typed: 'förskloa', searched: 'förskola' });
  assert.equal(typo.total, 4);
  assert.deepEqual(slugs(typo, 'guide'), ['forskola-och-skola']);
  const nothing = await search('sv', 'xyzzyqq');
  assert.equal(nothing.total, 0);
  assert.equal(nothing.corrected, null);
  const off = await searchContent(db, R, 'sv', 'förskloa', { limitPerKind: 5, suggest: false });
  assert.equal(off.total, 0);
});

test('words typed without å, ä and ö find what is written with them, in both languages', async () => {
  await publishItem(db, R, {
    kind: 'place',
    slug: 'sater',
    municipalityCode: '2082',
    title: { sv: 'Säter', en: 'Säter' },
    summary: { sv: 'Småstad i Dalarnas län med trähus och ravin.', en: 'A small town with wooden houses.' },
    text: {
      sv: 'Att hitta en bostad i Säter går fort. Vårdcentralen hjälper dig med din hälsa.',
      en: 'Finding a home in Säter is quick.',
    },
  });
  await publishItem(db, R, {
    kind: 'place',
    slug: 'rattvik',
    municipalityCode: '2031',
    title: { sv: 'Rättvik', en: 'Rättvik' },
    summary: { sv: 'Vid Siljans östra strand.', en: 'On the eastern shore of Lake Siljan.' },
  });
  assert.deepEqual(slugs(await search('sv', 'forskola')), slugs(await search('sv', 'förskola')));
  assert.ok(slugs(await search('sv', 'forskola')).length >= 4);
  assert.deepEqual(slugs(await search('sv', 'borlange')), ['borlange']);
  assert.deepEqual(slugs(await search('sv', 'halsa')), ['sater']);
  assert.deepEqual(slugs(await search('sv', 'bostad i Sater')), ['sater']);
  assert.deepEqual(slugs(await search('sv', 'Dalarnas lan ')), ['sater'], 'a short word, finished');
  assert.deepEqual(slugs(await search('sv', 'rattvik')), ['rattvik']);
  assert.deepEqual(slugs(await search('sv', 'RATTVIK')), ['rattvik']);
  assert.deepEqual(slugs(await search('en', 'Sater')), ['sater']);
  // While typing, the folded prefix: "forsk" finds förskola as "försk" does.
  assert.deepEqual(slugs(await search('sv', 'forsk')), slugs(await search('sv', 'försk')));
  // The excerpt marks the word as the page spells it.
  const hit = (await search('sv', 'halsa')).groups.find((g) => g.kind === 'place')?.hits[0];
  assert.ok(
    hit?.excerpt.some((s) => s.hit && s.text === 'hälsa'),
    JSON.stringify(hit?.excerpt),
  );
  // Properly typed words keep their Swedish stems and compounds.
  assert.deepEqual(slugs(await search('sv', 'förskolor')), slugs(await search('sv', 'förskola')));
  // A typo beyond the missing ring: corrected to the word as the pages spell it, and searched.
  const typo = await search('sv', 'ratvik');
  assert.deepEqual(typo.corrected, { typed: 'ratvik', searched: 'rättvik' });
  assert.deepEqual(slugs(typo), ['rattvik']);
  // The suggestion's candidates are read through migration 0021's index of the folded text.
  const plan = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT 1 FROM content_published p
      WHERE 'ratvik' <% translate(lower(p.title || ' ' || p.summary), ${sql.lit(FOLD_FROM)}, ${sql.lit(FOLD_TO)})`.execute(
      trx,
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
  assert.match(plan, /content_published_folded_words_trgm/);
});

test('one kind, paged; totals stay the kind’s', async () => {
  const first = await searchContent(db, R, 'sv', 'förskola skola', {
    kinds: ['guide', 'place'],
    limitPerKind: 1,
  });
  assert.deepEqual(
    first.groups.map((g) => g.kind),
    ['place', 'guide'],
  );
  const all = await searchContent(db, R, 'en', 'school', { kinds: ['guide'], limitPerKind: 1 });
  const next = await searchContent(db, R, 'en', 'school', { kinds: ['guide'], limitPerKind: 1, offset: 1 });
  const past = await searchContent(db, R, 'en', 'school', { kinds: ['guide'], limitPerKind: 1, offset: 40 });
  assert.equal(all.groups[0]?.hits.length, 1);
  assert.equal(past.groups[0]?.hits.length, 0);
  assert.equal(past.groups[0]?.total, all.groups[0]?.total);
  assert.equal(next.groups[0]?.total, all.groups[0]?.total);
  assert.notEqual(next.groups[0]?.hits[0]?.slug, all.groups[0]?.hits[0]?.slug);
});

test('empty, stop words only, hostile and huge texts are bounded and never throw', async () => {
  const empty = await search('sv', '   ');
  assert.equal(empty.total, 0);
  assert.equal(empty.textIgnored, false);
  assert.equal((await search('sv', 'och i på')).textIgnored, true);
  for (const text of [
    `'):*|&!`,
    `'förskola':* | !skola & (`,
    '\\\u0000\u0002x',
    '<script>alert(1)</script>',
  ]) {
    const r = await search('sv', text);
    assert.ok(r.total >= 0, text);
  }
  assert.ok((await search('sv', "förskola'):*|&!")).total > 0);
  const huge = await search('sv', 'förskola '.repeat(1200));
  assert.ok(huge.text.length <= 200);
  assert.ok(huge.omittedWords > 0);
  assert.equal(boundText('a'.repeat(10_000)).length, 200);
  const words = await search('sv', Array.from({ length: 30 }, (_, i) => `ord${i}`).join(' '));
  assert.equal(words.omittedWords, 18);
});

test('a word deep in a long text is shown in its passage, with ellipses', async () => {
  await publishItem(db, R, {
    kind: 'story',
    slug: 'lang-text',
    title: { sv: 'En lång berättelse', en: 'A long story' },
    text: {
      sv: `${'Vi promenerade länge i skogen. '.repeat(200)}Där såg vi en lodjursunge bakom stenen. ${'Sedan gick vi hem. '.repeat(50)}`,
      en: '',
    },
  });
  const r = await search('sv', 'lodjursunge');
  const hit = r.groups.find((g) => g.kind === 'story')?.hits[0];
  assert.equal(hit?.slug, 'lang-text');
  assert.equal(hit.excerpt[0]?.text, '… ');
  assert.equal(hit.excerpt.at(-1)?.text, ' …');
  assert.ok(
    hit.excerpt.some((s) => s.hit && s.text === 'lodjursunge'),
    JSON.stringify(hit.excerpt),
  );
  assert.ok(
    hit.excerpt
      .map((s) => s.text)
      .join('')
      .split(' ').length <= 30,
  );
});

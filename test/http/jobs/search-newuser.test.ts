/**
 * The job search tried as a new user would, on the demo board (about 1,000 ads, seeded as `npm start`
 * does): what a person in a hurry on a phone, or an engineer searching in English, finds wrong or
 * confusing. Each test names what the person sees.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedJobBoard } from '../../../src/modules/jobs/seed.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { textOf } from '../../helpers/jobs.ts';

const titles = (body: string) =>
  [...body.matchAll(/<h3 class="job-card__title"><a [^>]*>([^<]*)</g)].map((m) => m[1]!);
const total = (body: string) => Number(/(\d+) (?:jobb|jobs?) match/.exec(body)?.[1] ?? 0);

describe('the job search as a new user tries it', async () => {
  const { app, database } = await buildTestApp();
  await seedJobBoard(database.db, { demo: true, now: new Date() });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  it('the place note after a correction leads to jobs, not to an empty page', async () => {
    const page = await get('/sv/jobs?q=sjukskoterska+falnu');
    assert.ok(total(page.body) > 0, 'the corrected search finds Falun’s nurses');
    const note = /job-results__places">[\s\S]*?<a href="([^"]*)">([^<]*)<\/a>/.exec(page.body);
    assert.ok(note, 'the place note');
    assert.equal(note[2], 'Sök i stället på ordet ”falun” i texten');
    const undo = await get(note[1]!.replace(/&amp;/g, '&'));
    assert.ok(
      total(undo.body) > 0,
      `searching for "falun" as a word in the text finds nothing: ${textOf(undo.body, 'job-results__count')}`,
    );
    assert.ok(titles(undo.body).some((t) => /Sjuksköterska/.test(t)));
  });

  it('"Filtrera (1)" counts the place read from the text, which the panel shows as ticked', async () => {
    const page = await get('/sv/jobs?q=svetsare+borlange');
    assert.match(page.body, /id="f-mu-2081" name="municipality" value="2081" checked/, 'Borlänge ticked');
    assert.equal(textOf(page.body, 'job-filters__toggle'), 'Filtrera (1)');
    const en = await get('/en/jobs?q=welder+borlange');
    assert.equal(textOf(en.body, 'job-filters__toggle'), 'Filter (1)');
    const ticked = await get('/sv/jobs?q=svetsare+borlange&municipality=2081');
    assert.equal(textOf(ticked.body, 'job-filters__toggle'), 'Filtrera (1)', 'the same filter once');
    const literal = await get('/sv/jobs?q=svetsare+borlange&literal=1');
    assert.equal(textOf(literal.body, 'job-filters__toggle'), 'Filtrera', 'no place when taken as typed');
  });

  it('the map after a place typed into the text: that place marked, another one leads to its own jobs', async () => {
    const page = await get('/sv/jobs?q=svetsare+borlange');
    const area = (body: string, name: string) =>
      new RegExp(`<a href="([^"]*)" class="job-map__area ([^"]*)"><title>${name}: (\\d+) jobb</title>`).exec(
        body,
      );
    assert.match(
      area(page.body, 'Borlänge')?.[2] ?? '',
      /job-map__area--selected/,
      'Borlänge is where we look',
    );
    const ludvika = area(page.body, 'Ludvika');
    assert.ok(ludvika, 'Ludvika on the map');
    assert.doesNotMatch(ludvika[2]!, /selected/);
    const promised = Number(ludvika[3]);
    assert.ok(promised > 0, 'welders in Ludvika');
    const followed = await get(ludvika[1]!.replace(/&amp;/g, '&'));
    assert.equal(
      total(followed.body),
      promised,
      `"Ludvika: ${promised} jobb" leads to ${total(followed.body)}`,
    );
    assert.doesNotMatch(followed.body, /Visar jobb i Borlänge/);
    assert.ok(
      titles(followed.body).every((t) => /svetsare/i.test(t)),
      'still the welders',
    );
    const only = await get('/sv/jobs?q=Borlange');
    const falun = area(only.body, 'Falun');
    const all = await get(falun![1]!.replace(/&amp;/g, '&'));
    assert.equal(total(all.body), Number(falun![3]), 'Falun’s jobs, not Borlänge’s and Falun’s');
  });

  it('marks a card’s headline in the other language, so a screen reader pronounces it right', async () => {
    const cards = (body: string) =>
      [...body.matchAll(/<h3 class="job-card__title">(<a [^>]*>)([^<]*)</g)].map((m) => ({
        tag: m[1]!,
        headline: m[2]!,
      }));
    const en = cards((await get('/en/jobs?q=engineer')).body);
    const swedish = en.find((c) => /Civilingenjör/.test(c.headline));
    assert.ok(swedish, 'a Swedish ad among the engineers');
    assert.match(swedish.tag, /\slang="sv"/, `${swedish.headline}: ${swedish.tag}`);
    const english = en.find((c) => /^Design engineer/.test(c.headline));
    assert.ok(english);
    assert.doesNotMatch(english.tag, /\slang=/);
    const sv = cards((await get('/sv/jobs?language=en')).body);
    assert.ok(
      sv.length > 0 && sv.every((c) => /\slang="en"/.test(c.tag)),
      'the jobs in English on the Swedish page',
    );
  });

  it('names the places read from the text in the order they were typed', async () => {
    const sv = await get('/sv/jobs?q=falun+mora');
    assert.equal(
      textOf(sv.body, 'job-results__places'),
      'Visar jobb i Falun och Mora. Sök i stället på orden ”falun” och ”mora” i texten',
    );
    const en = await get('/en/jobs?q=mora+falun');
    assert.match(textOf(en.body, 'job-results__places') ?? '', /^Showing jobs in Mora and Falun\./);
  });

  it('says every municipality it shows when one is typed and another ticked', async () => {
    const page = await get('/sv/jobs?q=svetsare+borlange&municipality=2085');
    const shown = new Set(
      [...page.body.matchAll(/<span class="job-card__place">([^<]*)</g)].map((m) => m[1]),
    );
    assert.deepEqual([...shown].sort(), ['Borlänge', 'Ludvika'], 'welders in both');
    assert.equal(
      textOf(page.body, 'job-results__places'),
      'Visar jobb i Borlänge och Ludvika. Sök i stället på ordet ”borlange” i texten',
    );
  });

  it('unticking a place read from the text in the filter panel takes it off', async () => {
    const page = await get('/sv/jobs?q=svetsare+borlange');
    // What the form sends with Borlänge unticked: its text, sort and hidden fields, no municipality.
    const form = /<form class="job-search__form"[\s\S]*?<\/form>/.exec(page.body)?.[0] ?? '';
    const box = /<input type="search" id="job-q" name="q" value="([^"]*)"/.exec(form)?.[1];
    assert.equal(box, 'svetsare', 'the place moved from the text to the ticked municipality');
    const params = new URLSearchParams({ q: box, sort: 'relevance' });
    for (const m of form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g))
      params.append(m[1]!, m[2]!);
    const unticked = await get(`/sv/jobs?${params}`);
    assert.doesNotMatch(unticked.body, /id="f-mu-2081" name="municipality" value="2081" checked/);
  });

  it(
    'shows the correction with its å/ä/ö: "Visar resultat för ingenjör", "Menade du: ingenjör"',
    {},
    async () => {
      const corrected = await get('/sv/jobs?q=ingenjr');
      assert.match(
        textOf(corrected.body, 'job-results__suggestion') ?? '',
        /^Visar resultat för ingenjör — /,
      );
      const nurse = await get('/sv/jobs?q=sjukskoterska+falnu');
      assert.match(
        textOf(nurse.body, 'job-results__suggestion') ?? '',
        /^Visar resultat för sjuksköterska falun — /,
      );
      const literal = await get('/sv/jobs?q=ingenjr&literal=1');
      assert.equal(textOf(literal.body, 'job-results__suggestion'), 'Menade du: ingenjör');
    },
  );

  it(
    '"ingenjör" puts the engineers (civilingenjör, elingenjör) above site managers and draughtsmen',
    {},
    async () => {
      const page = await get('/sv/jobs?q=ingenj%C3%B6r');
      const first = titles(page.body).slice(0, 10);
      assert.ok(
        first.filter((t) => /ingenjör|engineer/i.test(t)).length >= 6,
        `first ten: ${first.join(' | ')}`,
      );
    },
  );

  it(
    'a misspelt English title finds what the title finds, or says what it searched: "enginer"',
    {
      todo: 'engine (search/*): enginer finds only the 3 English ads (by stemming), engineer 39, no correction',
    },
    async () => {
      const right = total((await get('/en/jobs?q=engineer')).body);
      const typo = await get('/en/jobs?q=enginer');
      assert.ok(
        total(typo.body) >= right || /Showing results for engineer/.test(typo.body),
        `enginer: ${total(typo.body)} jobs, engineer: ${right}`,
      );
    },
  );

  it('a small English word between title and place changes nothing: "welder in borlange"', {}, async () => {
    const plain = titles((await get('/en/jobs?q=welder+borlange')).body);
    const withIn = titles((await get('/en/jobs?q=welder+in+borlange')).body);
    assert.deepEqual(withIn.toSorted(), plain.toSorted());
  });

  it('only words too common to search on say so and show every job: "och i på"', async () => {
    const all = total((await get('/sv/jobs')).body);
    const page = await get('/sv/jobs?q=och+i+p%C3%A5');
    assert.equal(page.statusCode, 200);
    assert.equal(total(page.body), all);
    assert.match(page.body, /Orden ”och i på” är för vanliga för att söka på, så alla jobb visas\./);
    const en = await get('/en/jobs?q=och+i+p%C3%A5');
    assert.match(en.body, /The words “och i på” are too common to search on, so all jobs are shown\./);
  });
});

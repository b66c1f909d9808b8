/**
 * The site search page as a person sees it: results grouped by kind in order (jobs from the job
 * board first, with "Visa alla N jobb"), Swedish compounds, English pages, a typo corrected, help when
 * nothing is found, one kind paged, and bad input answered 400 or bounded — never a 500.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { publishCorpus, publishItem } from '../../helpers/published-content.ts';

const { app, database } = await buildTestApp();
await publishCorpus(database.db, 'dalarna');
await loadAds(database.db, [
  makeAd({
    id: '9400001',
    headline: 'Förskollärare till Borlänge',
    occupation: 'preschoolTeacher',
    municipality: 'borlange',
  }),
  makeAd({ id: '9400002', headline: 'Förskollärare i Falun', occupation: 'preschoolTeacher' }),
  makeAd({ id: '9400003', headline: 'Sjuksköterska i Mora', occupation: 'nurse', municipality: 'mora' }),
  // A word near "Skatteverket" (which the pages have) for the job board's spelling correction.
  makeAd({ id: '9400004', headline: 'Svetsare till smältverket', occupation: 'nurse' }),
]);

const get = async (url: string, status = 200) => {
  const res = await app.inject({ url });
  assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 300)}`);
  return res.body;
};
const main = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)?.[1] ?? '';
const headings = (body: string) =>
  [...main(body).matchAll(/<h2 id="search-(\w+)">([^<]*)<span class="search-group__count">\(([^)]*)\)/g)].map(
    (m) => [m[1], `${m[2]!.trim()} (${m[3]})`],
  );
const links = (body: string) =>
  [...main(body).matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('the site search page', () => {
  it('empty: just the form, its label and the text field', async () => {
    const body = await get('/sv/search');
    assert.match(
      main(body),
      /<label class="field__label" for="site-q">Sök efter jobb, orter, guider och berättelser<\/label>/,
    );
    assert.match(main(body), /<input class="input" type="search" id="site-q" name="q" value=""/);
    assert.deepEqual(headings(body), []);
    assert.doesNotMatch(main(body), /träff/);
  });

  it('groups the results by kind, jobs first, with counts in words and links to all of a kind', async () => {
    const body = await get('/sv/search?q=f%C3%B6rskola');
    assert.match(main(body), /value="förskola"/, 'the text is kept');
    assert.deepEqual(headings(body), [
      ['job', 'Jobb (2 träffar)'],
      ['place', 'Orter (1 träff)'],
      ['guide', 'Guider (1 träff)'],
      ['story', 'Berättelser (1 träff)'],
      ['path', 'Vägar hit (1 träff)'],
    ]);
    assert.match(main(body), /<p class="site-search__summary">6 träffar för ”förskola”.<\/p>/);
    const hrefs = links(body);
    for (const href of [
      '/sv/jobs/9400001',
      '/sv/jobs/9400002',
      '/sv/jobs?q=f%C3%B6rskola',
      '/sv/places/borlange',
      '/sv/guides/forskola-och-skola',
      '/sv/stories/anna-flyttade-hem',
      '/sv/paths/families',
      '#search-job',
    ])
      assert.ok(hrefs.includes(href), `${href} in ${hrefs.join(' ')}`);
    assert.match(main(body), /<a href="\/sv\/jobs\?q=f%C3%B6rskola">Visa alla 2 jobb<\/a>/);
    // Compounds of the word, marked in the excerpt: förskoleplats, förskolor, förskollärare.
    assert.match(main(body), /<mark>förskoleplats<\/mark>/);
    assert.match(main(body), /<mark>förskolor<\/mark>/);
    assert.match(main(body), /<mark>Förskollärare<\/mark>/);
    assert.doesNotMatch(main(body), /Sjuksköterska/);
  });

  it('a text typed without å, ä and ö finds jobs and pages alike, the words marked as spelt', async () => {
    const body = await get('/sv/search?q=forskola');
    assert.deepEqual(headings(body), [
      ['job', 'Jobb (2 träffar)'],
      ['place', 'Orter (1 träff)'],
      ['guide', 'Guider (1 träff)'],
      ['story', 'Berättelser (1 träff)'],
      ['path', 'Vägar hit (1 träff)'],
    ]);
    assert.match(main(body), /<mark>förskoleplats<\/mark>/);
    assert.match(main(await get('/sv/search?q=borlange')), /<a href="\/sv\/places\/borlange">Borlänge<\/a>/);
  });

  it('a word finds the compounds it ends: skola → grundskola', async () => {
    const body = await get('/sv/search?q=skola');
    assert.match(main(body), /<mark>grundskolan?<\/mark>/);
  });

  it('English: English stems and titles; an untranslated item in Swedish, marked so', async () => {
    const body = await get('/en/search?q=preschools');
    assert.match(main(body), /<a href="\/en\/guides\/forskola-och-skola">Preschool and school<\/a>/);
    assert.match(main(body), /results for “preschools”/);
    const sfi = await get('/en/search?q=svenska');
    assert.match(
      main(sfi),
      /<a href="\/en\/guides\/sfi" lang="sv">Svenska för invandrare<\/a> <span class="tag">In Swedish<\/span>/,
    );
    assert.match(main(sfi), /<p class="search-hit__excerpt" lang="sv">/);
    // A word only the Swedish text has: the English title, the Swedish passage, and which text it was.
    const swedish = await get('/en/search?q=Skatteverket');
    assert.match(
      main(swedish),
      /<a href="\/en\/guides\/personnummer">Population registration and personal identity number<\/a> <span class="tag">Found in the Swedish text<\/span>/,
    );
    assert.match(main(swedish), /<p class="search-hit__excerpt" lang="sv">[^<]*<mark>Skatteverket<\/mark>/);
    // A word the pages have as typed is not "corrected" to the nearest word of the job ads.
    assert.doesNotMatch(main(swedish), /Showing jobs for/);
    const english = await get('/sv/search?q=passport');
    assert.match(
      main(english),
      /<a href="\/sv\/guides\/personnummer">Folkbokföring och personnummer<\/a> <span class="tag">Hittad i den engelska texten<\/span>/,
    );
  });

  it('a typo: the results for the right spelling, saying so; nothing at all: other ways in', async () => {
    const body = await get('/sv/search?q=f%C3%B6rskloa&kind=guide');
    assert.match(main(body), /value="förskloa"/, 'the text is kept as typed');
    assert.match(
      main(body),
      /<p class="site-search__corrected">Inget hittades för det du skrev. Visar träffar för ”förskola”.<\/p>/,
    );
    assert.match(main(body), /<a href="\/sv\/guides\/forskola-och-skola">Förskola och skola<\/a>/);
    const place = await get('/en/search?q=borlnge');
    assert.match(main(place), /Showing results for “borlänge”./);
    assert.match(main(place), /<a href="\/en\/places\/borlange">Borlänge<\/a>/);
    const nothing = await get('/en/search?q=qwxzvb');
    assert.match(main(nothing), /No results for “qwxzvb”/);
    assert.match(main(nothing), /<h2 id="search-help">Find it another way<\/h2>/);
    for (const href of ['/en/places', '/en/guides', '/en/', '/en/jobs'])
      assert.ok(links(nothing).includes(href), href);
  });

  it('one kind with paging, and a way back to every kind', async () => {
    for (let i = 1; i <= 23; i++)
      await publishItem(database.db, 'dalarna', {
        kind: 'story',
        slug: `fjallet-${i}`,
        title: { sv: `Livet vid fjället ${i}`, en: `Life by the fell ${i}` },
        summary: { sv: 'Skidor och fjällvandring.', en: 'Skiing and hiking.' },
      });
    const all = await get('/sv/search?q=fj%C3%A4ll');
    assert.match(
      main(all),
      /<a href="\/sv\/search\?q=fj%C3%A4ll&amp;kind=story">Visa alla 23 berättelser<\/a>/,
    );
    assert.equal((main(all).match(/class="search-hit"/g) ?? []).length, 5 + 1, 'five stories and the place');
    const first = await get('/sv/search?q=fj%C3%A4ll&kind=story');
    assert.deepEqual(headings(first), [['story', 'Berättelser (23 träffar)']]);
    assert.equal((main(first).match(/class="search-hit"/g) ?? []).length, 20);
    assert.match(main(first), /<input type="hidden" name="kind" value="story">/);
    assert.match(
      main(first),
      /<a href="\/sv\/search\?q=fj%C3%A4ll&amp;kind=story&amp;page=2" rel="next">Nästa<\/a>/,
    );
    assert.match(main(first), /<a href="\/sv\/search\?q=fj%C3%A4ll">Tillbaka till alla träffar<\/a>/);
    const second = await get('/sv/search?q=fj%C3%A4ll&kind=story&page=2');
    assert.equal((main(second).match(/class="search-hit"/g) ?? []).length, 3);
    assert.match(main(second), /Sida 2 av 2/);
    assert.match(main(second), /rel="prev">Föregående/);
    const past = await get('/sv/search?q=fj%C3%A4ll&kind=story&page=999999');
    assert.deepEqual(headings(past), [['story', 'Berättelser (23 träffar)']]);
  });

  it('hostile and huge input: 400 with the error by the field, or a bounded 200; never a 500', async () => {
    for (const q of [`'):*|&!`, `!!!`, `förskola'):*|&!`, '"', '-', 'a OR OR', '\\', '%00']) {
      const res = await app.inject({ url: `/sv/search?q=${encodeURIComponent(q)}` });
      assert.equal(res.statusCode, 200, q);
    }
    const script = await get(`/sv/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    assert.doesNotMatch(script, /<script>alert/);
    assert.match(main(script), /value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    const huge = await app.inject({ url: `/sv/search?q=${'förskola '.repeat(1200)}` });
    assert.equal(huge.statusCode, 400);
    assert.match(main(huge.body), /<p class="field__error" id="site-q-error">Skriv högst 200 tecken.<\/p>/);
    assert.match(main(huge.body), /aria-invalid="true"/);
    assert.ok(huge.body.length < 60_000, 'the text is re-shown bounded');
    const words = await get(
      `/en/search?q=${encodeURIComponent(Array.from({ length: 20 }, () => 'school').join(' '))}`,
    );
    assert.match(main(words), /The search used the first 12 words./);
    for (const url of [
      '/sv/search?q=a&q=b',
      '/sv/search?q=skola&kind=nonsense',
      '/sv/search?q=skola&page=-1',
      '/sv/search?q=skola&page=1e9',
      '/sv/search?kind=guide',
      '/sv/search?q=och%20i',
    ])
      await get(url);
    assert.match(main(await get('/sv/search?q=och%20i')), /för vanliga/);
  });

  it('every page reaches the search: a field in the phone menu, a header link, the footer', async () => {
    for (const [url, lang, label] of [
      ['/sv/', 'sv', 'Sök på webbplatsen'],
      ['/en/jobs', 'en', 'Search this website'],
    ] as const) {
      const body = await get(url);
      assert.match(
        body,
        new RegExp(
          `<form class="site-menu__search" method="get" action="/${lang}/search" role="search" aria-label="${label}">\\s*<label for="menu-q">${label}</label>`,
        ),
      );
      assert.match(body, new RegExp(`<a class="search-link" href="/${lang}/search">`));
      assert.match(
        /<footer[\s\S]*<\/footer>/.exec(body)?.[0] ?? '',
        new RegExp(`<a href="/${lang}/search">`),
      );
    }
    assert.match(await get('/sv/search'), /<a class="search-link" href="\/sv\/search" aria-current="page">/);
  });
});

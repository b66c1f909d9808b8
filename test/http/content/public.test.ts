import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { guideData, pathData, placeData, publishItem, storyData } from './public-fixture.ts';

const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ')
    .trim();

/** Every link of a card (<li class="ccard…">…</li>), with its text. */
function cards(body: string): { links: string[]; names: string[] }[] {
  return [...body.matchAll(/<li class="ccard[^"]*">([\s\S]*?)<\/li>/g)].map((m) => {
    const inner = m[1] ?? '';
    const links = [...inner.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)];
    return { links: links.map((l) => l[1] ?? ''), names: links.map((l) => text(l[2] ?? '')) };
  });
}

describe('public content pages', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;

  before(async () => {
    await publishItem(db, 'guide', 'work-permit', guideData('Arbetstillstånd'));
    await publishItem(db, 'story', 'anna', storyData('Anna'), { municipalityCode: '2080' });
    await publishItem(db, 'story', 'bo', storyData('Bo'), { municipalityCode: '2080' });
    await publishItem(db, 'story', 'gone', storyData('Gone', '2020-01-01'), {
      municipalityCode: '2080',
      visibleUntil: new Date(Date.now() - 1000),
    });
    await publishItem(db, 'path', 'families', pathData('families', ['work-permit'], ['anna']));
    await publishItem(db, 'place', 'falun', placeData('Falun'), { municipalityCode: '2080' });
  });

  const get = async (url: string, status = 200) => {
    const res = await app.inject(url);
    assert.equal(res.statusCode, status, url);
    return res.body;
  };

  for (const lang of ['sv', 'en'] as const) {
    it(`home (${lang}): job search box, chooser, photographs' places, stories, guides, paths and the help link`, async () => {
      const body = await get(`/${lang}/`);
      assert.match(body, new RegExp(`<form class="home-search" method="get" action="/${lang}/jobs"`));
      assert.match(body, new RegExp(`action="/${lang}/paths/choose"`));
      assert.match(body, new RegExp(`href="/${lang}/move"`));
      assert.match(body, new RegExp(`href="/${lang}/places/falun"`));
      assert.match(body, new RegExp(`href="/${lang}/stories/anna"`));
      assert.match(body, new RegExp(`href="/${lang}/guides/work-permit"`));
      for (const g of ['families', 'nature', 'cottage', 'dreamers', 'students', 'international'])
        assert.match(body, new RegExp(`href="/${lang}/paths/${g}"`));
      assert.match(text(body), lang === 'sv' ? /Vad lockar dig\?/ : /What draws you\?/);
      assert.match(text(body), lang === 'sv' ? /Få hjälp att flytta hit/ : /Get help moving here/);
      for (const name of ['Avesta', 'Borlänge', 'Falun', 'Malung-Sälen', 'Älvdalen', 'Ludvika'])
        assert.ok(text(body).includes(name), name);
    });

    it(`every card (${lang}) is one link named by its title`, async () => {
      for (const url of [
        `/${lang}/`,
        `/${lang}/stories`,
        `/${lang}/guides`,
        `/${lang}/paths`,
        `/${lang}/paths/families`,
      ]) {
        const found = cards(await get(url));
        assert.ok(found.length > 0, url);
        for (const c of found) {
          assert.equal(c.links.length, 1, `${url}: ${c.names.join(', ')}`);
          assert.ok((c.names[0] ?? '').length > 0, url);
        }
      }
    });

    it(`a guide (${lang}): steps in phases, each with its authority, link and what to bring`, async () => {
      const body = await get(`/${lang}/guides/work-permit`);
      const words = text(body);
      assert.match(
        words,
        lang === 'sv' ? /Innan flytten.*När du kommer/ : /Before the move.*When you arrive/,
      );
      assert.match(body, /<ol class="gsteps" start="1"/);
      assert.match(body, /<ol class="gsteps" start="2"/);
      assert.match(
        body,
        lang === 'sv'
          ? /<a class="gstep__link" href="https:\/\/www\.migrationsverket\.se\/"[^>]*>Gå till Migrationsverket<\/a>/
          : /<a class="gstep__link" href="https:\/\/www\.migrationsverket\.se\/"[^>]*>Go to Swedish Migration Agency<\/a>/,
      );
      assert.match(words, lang === 'sv' ? /Pass och anställningserbjudande/ : /Passport and job offer/);
      assert.match(words, lang === 'sv' ? /Få hjälp att flytta hit/ : /Get help moving here/);
    });

    it(`guides list (${lang}) is grouped by audience`, async () => {
      const words = text(await get(`/${lang}/guides`));
      assert.match(words, lang === 'sv' ? /Från ett land utanför EU/ : /From outside the EU/);
    });

    it(`a story (${lang}): quote, facts, municipality linked, the path of its group`, async () => {
      const body = await get(`/${lang}/stories/anna`);
      const words = text(body);
      assert.match(words, lang === 'sv' ? /Här får livet plats/ : /There is room for life here/);
      // Quotation marks as each language writes them, on the page and on the related stories' cards.
      const quote = lang === 'sv' ? '<p>”Här får livet plats.”</p>' : '<p>“There is room for life here.”</p>';
      assert.ok(body.includes(quote), quote);
      assert.ok(
        body.includes(
          lang === 'sv'
            ? '<p class="ccard__quote">”Här får livet plats.”</p>'
            : '<p class="ccard__quote">“There is room for life here.”</p>',
        ),
      );
      assert.match(words, /Kraftbolaget/);
      assert.match(body, new RegExp(`<a href="/${lang}/places/falun">Falun</a>`));
      assert.match(body, new RegExp(`href="/${lang}/paths/families"`));
      assert.match(body, new RegExp(`href="/${lang}/stories/bo"`), 'a related story');
    });

    it(`stories (${lang}): filter by group and municipality as a GET form, past consent gone`, async () => {
      const body = await get(`/${lang}/stories`);
      assert.match(body, new RegExp(`<form class="cfilter" method="get" action="/${lang}/stories"`));
      assert.match(body, /name="group"/);
      assert.match(body, /name="municipality"/);
      assert.doesNotMatch(body, /stories\/gone/);
      const filtered = await get(`/${lang}/stories?group=families&municipality=falun`);
      assert.match(filtered, /stories\/anna/);
      const none = await get(`/${lang}/stories?group=students`);
      assert.doesNotMatch(none, /stories\/anna/);
      await get(`/${lang}/stories/gone`, 404);
    });

    it(`a path (${lang}): intro, jobs with a link to the search, its guides and stories`, async () => {
      const body = await get(`/${lang}/paths/families`);
      const words = text(body);
      assert.match(words, lang === 'sv' ? /Redaktionens intro/ : /The editors(&#39;|')s? intro/);
      assert.match(body, new RegExp(`href="/${lang}/jobs"`));
      assert.match(body, new RegExp(`href="/${lang}/guides/work-permit"`));
      assert.match(body, new RegExp(`href="/${lang}/stories/anna"`));
      // A group whose path is not published yet still has its page.
      assert.match(
        text(await get(`/${lang}/paths/nature`)),
        lang === 'sv' ? /Naturen i vardagen/ : /Nature in everyday life/,
      );
    });

    it(`unknown items are 404 (${lang})`, async () => {
      await get(`/${lang}/guides/no-such-guide`, 404);
      await get(`/${lang}/stories/no-such-story`, 404);
      await get(`/${lang}/paths/no-such-group`, 404);
    });

    it(`the chooser (${lang}) redirects to the best path, or shows the form again with errors`, async () => {
      const ok = await app.inject(`/${lang}/paths/choose?stage=family&more=everyday&where=roots`);
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, `/${lang}/paths/families`);
      const abroad = await app.inject(`/${lang}/paths/choose?stage=career&more=career&where=abroad`);
      assert.equal(abroad.headers.location, `/${lang}/paths/international`);

      const bad = await app.inject(`/${lang}/paths/choose?stage=family&more=nonsense`);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /class="error-summary"/);
      assert.match(bad.body, /<input type="radio" id="stage-family" name="stage" value="family" checked/);
      assert.match(bad.body, /id="more-error"/);
      assert.match(bad.body, /id="where-error"/);
      assert.doesNotMatch(bad.body, /id="stage-error"/);
      assert.match(bad.body, /<title>(Fel|Error): /);

      // Nothing answered yet (the language switch from the form, a shared link): the questions, no errors.
      const bare = await app.inject(`/${lang}/paths/choose`);
      assert.equal(bare.statusCode, 200);
      assert.match(bare.body, /<form class="chooser__form"/);
      assert.doesNotMatch(bare.body, /class="error-summary"|-error"|<title>(Fel|Error): /);
    });

    it(`/move (${lang}) has the guides and the request form to a navigator (relocation/request)`, async () => {
      const body = await get(`/${lang}/move`);
      assert.match(body, new RegExp(`<form class="ask-form" method="post" action="/${lang}/move#ask"`));
      assert.match(body, new RegExp(`href="/${lang}/guides/work-permit"`));
    });
  }

  it('stories come twelve to a page, with links to the next and previous pages', async () => {
    for (let i = 1; i <= 13; i++) {
      const story = storyData(`Student ${i}`);
      story.targetGroups = ['students'];
      await publishItem(db, 'story', `student-${i}`, story, { municipalityCode: '2081' });
    }
    const first = await get('/en/stories?group=students');
    assert.equal(cards(first).length, 12);
    assert.match(first, /<a rel="next" href="\/en\/stories\?group=students&amp;page=2">/);
    assert.match(first, /<meta name="robots" content="noindex">/, 'a filtered list is not indexed');
    const second = await get('/en/stories?group=students&page=2');
    assert.equal(cards(second).length, 1);
    assert.match(second, /<a rel="prev" href="\/en\/stories\?group=students">/);
  });

  it('the language switch keeps a search, a story filter and the chooser’s answers', async () => {
    const langSwitch = (body: string) =>
      /<a class="lang-switch" href="([^"]+)"/.exec(body)?.[1]?.replace(/&amp;/g, '&');
    const search = await get('/sv/search?q=arbetstillst%C3%A5nd&kind=guide');
    assert.equal(langSwitch(search), '/en/search?q=arbetstillst%C3%A5nd&kind=guide');
    assert.match(search, /<a class="search-link" href="\/sv\/search" aria-current="page">/);
    const stories = await get('/sv/stories?group=families&municipality=falun');
    assert.equal(langSwitch(stories), '/en/stories?group=families&municipality=falun');
    assert.match(stories, /<a href="\/sv\/stories" aria-current="page"/, 'the section is still marked');
    const chooser = await get('/en/paths/choose?stage=career&where=%3Cx%3E', 400);
    assert.equal(langSwitch(chooser), '/sv/paths/choose?stage=career', 'only answers it knows');
  });

  it('the header lists guides and stories; the footer has them under "live"', async () => {
    const body = await get('/sv/');
    assert.match(body, /<a href="\/sv\/guides"[^>]*>Flytta hit<\/a>/);
    assert.match(body, /<a href="\/sv\/stories"[^>]*>Berättelser<\/a>/);
    const footer = body.slice(body.indexOf('<footer'));
    assert.match(footer, /id="footer-live"[\s\S]*href="\/sv\/paths"/);
  });
});

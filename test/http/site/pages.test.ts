import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';

/** The text of a page without tags, whitespace collapsed. */
const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ')
    .trim();

describe('the pages the law asks for', async () => {
  const { app } = await buildTestApp();
  const page = async (url: string) => {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, url);
    return res.body;
  };

  for (const lang of ['sv', 'en'] as const) {
    it(`accessibility statement (${lang}) carries every element DIGG requires`, async () => {
      const body = await page(`/${lang}/accessibility`);
      const words = text(body);
      assert.match(words, /Region Dalarna/, 'who runs the site');
      assert.match(words, lang === 'sv' ? /delvis förenlig/i : /partly compliant/i, 'compliance level');
      assert.match(words, /WCAG 2\.1/, 'the standard');
      assert.match(
        words,
        lang === 'sv' ? /teckenspråk/i : /sign language/i,
        'what is not accessible, and why',
      );
      assert.match(
        words,
        lang === 'sv' ? /26 november 2026/ : /26 November 2026/,
        'when assessed and updated',
      );
      assert.match(words, /axe/i, 'how it was assessed');
      assert.match(
        body,
        /<form[^>]+action="\/[a-z]{2}\/accessibility\/feedback#feedback"/,
        'a way to report problems',
      );
      assert.match(body, /href="https:\/\/www\.digg\.se\/tdosanmalan"/, "DIGG's complaint page");
      assert.match(words, /JobTech|Arbetsförmedlingen/, 'content out of scope');
      assert.match(body, /href="\/sv\/lattlast"/, 'easy-to-read Swedish is linked');
    });

    it(`privacy notice (${lang}) lists purposes, data, retention and rights`, async () => {
      const words = text(await page(`/${lang}/privacy`));
      assert.match(words, /24 (månader|months)/, 'feedback retention');
      assert.match(words, /30 (dagar|days)/, 'log retention');
      assert.match(words, /lotsa_csrf/, 'the one cookie, named');
      assert.match(words, /IMY|Integritetsskyddsmyndigheten/, 'where to complain');
      assert.match(words, /gallringsbeslut/i, 'archive law');
    });
  }

  it('easy-to-read Swedish says what the site is, your rights and how to get in touch', async () => {
    const body = await page('/sv/lattlast');
    assert.match(body, /<html lang="sv"/);
    const words = text(body);
    assert.match(words, /Lättläst/);
    assert.match(words, /lotsa@dalarna\.example/);
    assert.match(body, /href="\/sv\/accessibility/);
  });

  it('the home page presents the region and its 15 municipalities in both languages', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const words = text(await page(`/${lang}/`));
      for (const name of ['Avesta', 'Borlänge', 'Falun', 'Malung-Sälen', 'Älvdalen', 'Ludvika']) {
        assert.ok(words.includes(name), `${lang}: ${name}`);
      }
      assert.match(words, /4[\s,\u00a0]?000/);
    }
  });
});

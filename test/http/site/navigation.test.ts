/**
 * The site's navigation: the header's sections (a bar on wide screens, a <details> menu on phones,
 * both plain HTML that works without JavaScript), the current section marked with aria-current,
 * the footer's sitemap in groups, and how a module adds a section (one entry with its slot).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { shippedRegions } from '../../../src/modules/regions/service.ts';
import { renderPage, SectionOrder, type Site } from '../../../src/platform/html/layout.ts';
import { html } from '../../../src/platform/html/html.ts';
import { loadAssets } from '../../../src/platform/http/static.ts';
import { defineModule, registerModules, type ModuleDeps } from '../../../src/platform/module.ts';
import { siteModule } from '../../../src/modules/site/module.ts';
import { jobBoardModule } from '../../../src/modules/jobs/module.ts';
import { identityModule } from '../../../src/modules/identity/module.ts';
import { buildTestApp } from '../../helpers/app.ts';

type Link = { href: string; text: string; current: boolean };

/** The links of the first element matching `start … end` in the page, in order. */
function linksIn(body: string, pattern: RegExp): Link[] {
  const part = pattern.exec(body)?.[1] ?? '';
  return [...part.matchAll(/<a href="([^"]+)"([^>]*)>([^<]*)<\/a>/g)].map((m) => ({
    href: m[1]!,
    text: m[3]!,
    current: m[2]!.includes('aria-current="page"'),
  }));
}
const header = (body: string) => /<header[^>]*>([\s\S]*?)<\/header>/.exec(body)?.[1] ?? '';
const bar = (body: string) =>
  linksIn(header(body), /<nav class="site-nav site-nav--bar"[^>]*>([\s\S]*?)<\/nav>/);
const menu = (body: string) =>
  /<details class="site-menu">([\s\S]*?)<\/details>/.exec(header(body))?.[1] ?? '';
const footer = (body: string) => /<footer[^>]*>([\s\S]*?)<\/footer>/.exec(body)?.[1] ?? '';

describe('the site navigation', async () => {
  const { app } = await buildTestApp();
  const get = async (url: string) => {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    return res.body;
  };

  it('the header lists the sections that exist, in both languages', async () => {
    assert.deepEqual(
      bar(await get('/sv/')).map((l) => [l.href, l.text]),
      [
        ['/sv/', 'Startsida'],
        ['/sv/jobs', 'Lediga jobb'],
        ['/sv/companies', 'Företag'],
        ['/sv/places', 'Orter'],
        ['/sv/guides', 'Flytta hit'],
        ['/sv/stories', 'Berättelser'],
        ['/sv/events', 'Evenemang'],
        ['/sv/talent-pool', 'Talangpoolen'],
        ['/sv/move', 'Fråga en lots'],
        ['/sv/me', 'Mitt konto'],
      ],
    );
    assert.deepEqual(
      bar(await get('/en/')).map((l) => [l.href, l.text]),
      [
        ['/en/', 'Home page'],
        ['/en/jobs', 'Jobs'],
        ['/en/companies', 'Companies'],
        ['/en/places', 'Places'],
        ['/en/guides', 'Moving here'],
        ['/en/stories', 'Stories'],
        ['/en/events', 'Events'],
        ['/en/talent-pool', 'Talent pool'],
        ['/en/move', 'Ask a navigator'],
        ['/en/me', 'My account'],
      ],
    );
  });

  it('the phone menu is a details/summary disclosure holding the same sections (no JavaScript)', async () => {
    for (const [url, label] of [
      ['/sv/', 'Meny'],
      ['/en/jobs', 'Menu'],
    ] as const) {
      const body = await get(url);
      const details = menu(body);
      assert.match(details, new RegExp(`<summary class="site-menu__button">.*${label}</summary>`));
      assert.match(details, /<nav class="site-nav site-menu__panel" aria-label="[^"]+">/);
      assert.deepEqual(linksIn(details, /<nav[^>]*>([\s\S]*?)<\/nav>/), bar(body), url);
      // Closed until the summary is pressed (Enter or Space with the keyboard).
      assert.doesNotMatch(details, /^<details[^>]* open/);
    }
  });

  it('marks the current section, and only it, with aria-current="page"', async () => {
    for (const [url, current] of [
      ['/sv/', '/sv/'],
      ['/en/jobs', '/en/jobs'],
      ['/en/privacy', undefined],
      ['/sv/accessibility', undefined],
    ] as const) {
      const res = await app.inject({ url });
      for (const links of [bar(res.body), linksIn(menu(res.body), /<nav[^>]*>([\s\S]*?)<\/nav>/)]) {
        assert.deepEqual(
          links.filter((l) => l.current).map((l) => l.href),
          current ? [current] : [],
          url,
        );
      }
    }
  });

  it('the footer is a sitemap: the sections in named groups, the legal pages among them', async () => {
    const body = footer(await get('/en/jobs'));
    assert.match(body, /<nav class="site-footer__sitemap" aria-label="Site map">/);
    const groups = [...body.matchAll(/<h2 id="footer-(\w+)">([^<]+)<\/h2>\s*<ul>([\s\S]*?)<\/ul>/g)].map(
      (m) => [m[2], [...m[3]!.matchAll(/href="([^"]+)"/g)].map((h) => h[1])],
    );
    assert.deepEqual(groups.slice(0, 4), [
      ['Jobs and careers', ['/en/jobs', '/en/companies', '/en/talent-pool', '/en/toolbox']],
      ['Living here', ['/en/places', '/en/guides', '/en/stories', '/en/paths', '/en/events', '/en/network']],
      ['For you', ['/en/move', '/en/me']],
      ['About this website', ['/en/accessibility', '/en/privacy', '/sv/lattlast', '/en/search']],
    ]);
    // The easy-to-read page is Swedish only: the link says so.
    assert.match(body, /<a href="\/sv\/lattlast" lang="sv" hreflang="sv">Lättläst svenska<\/a>/);
  });

  it('a new section is one entry in its module: its slot in the menu, its group in the footer', async () => {
    const places = defineModule({
      name: 'places',
      navigation: [
        {
          path: '/places',
          label: (lang) => (lang === 'sv' ? 'Platser' : 'Places'),
          order: SectionOrder.places,
          footer: 'live',
        },
      ],
    });
    const site: Site = {
      assets: loadAssets(),
      navigation: [],
      adminNavigation: [],
      sitemapSources: [],
      sitemapUrlLimit: 10,
    };
    const scratch = Fastify();
    await registerModules(
      scratch,
      [places, siteModule, jobBoardModule, identityModule].map((m) => ({
        name: m.name,
        navigation: m.navigation,
      })) as never,
      { site } as ModuleDeps,
    );
    await scratch.close();
    const region = shippedRegions()[0]!;
    const page = renderPage(
      { lang: 'sv', region, origin: 'http://localhost:3000', site },
      { title: 'Platser', description: 'Platser', path: '/places/falun', main: html`<h1>Falun</h1>` },
    );
    assert.deepEqual(
      bar(page).map((l) => [l.href, l.current]),
      [
        ['/sv/', false],
        ['/sv/jobs', false],
        ['/sv/places', true],
        ['/sv/me', false],
      ],
    );
    assert.match(
      footer(page),
      /<h2 id="footer-live">Bo och leva här<\/h2>\s*<ul>\s*<li><a href="\/sv\/places">Platser<\/a>/,
    );
    // Up to five sections fit the bar from 800 px; with more, the header says so (the stylesheet
    // keeps the menu button up to 1200 px and gives the bar a row of its own from there).
    assert.match(page, /<header class="site-header">/);
    for (const path of ['/stories', '/events']) site.navigation.push({ path, label: () => path });
    const long = renderPage(
      { lang: 'sv', region, origin: 'http://localhost:3000', site },
      { title: 'Platser', description: 'Platser', path: '/places', main: html`<h1>Platser</h1>` },
    );
    assert.match(long, /<header class="site-header site-header--long">/);
    assert.equal(bar(long).length, 6);
  });
});

/**
 * The career-page widget in a real browser. An employer saves its settings and takes the snippet
 * from /sv/toolbox/widget; a third-party career page on another origin (a small HTTP server of this
 * test) pastes it: the widget draws the heading, the paragraphs and the jobs, with no console error,
 * no cookie, and no request anywhere but the two origins; axe finds nothing on that page, on the
 * widget's own page or on the settings page, at 375 px and 1280 px. The widget's page also shows in
 * an iframe of the other site. WIDGET_SCREENSHOTS=dir saves screenshots there.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { REGION } from '../helpers/identity.ts';
import { loadAds, makeAd } from '../helpers/jobs.ts';
import { createText, toolboxUser } from '../helpers/toolbox.ts';
import { formClient } from '../helpers/client.ts';
import {
  axeViolations,
  launchBrowser,
  pageLooker,
  signedInContext,
  startSite,
  watchErrors,
} from './browser.ts';

const SHOTS = process.env.WIDGET_SCREENSHOTS;

/** A career page of another site: its own font and colours, the snippet pasted in, or an iframe. */
function careerPage(snippet: string, framed: string | undefined): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Jobba hos oss – Exempelbolaget</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font-family: Georgia, serif; color: #2b1d0e; background: #fffaf3; }
  header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  [data-lotsa-widget] { --lotsa-accent: #7a2e0b; --lotsa-border: #d9c2ad; }
</style>
</head>
<body>
<header><p>Exempelbolaget</p></header>
<main>
<h1>Jobba hos oss</h1>
<p>Vi tillverkar saker och söker fler kollegor.</p>
${framed ? `<iframe src="${framed}" title="Livet i Dalarna" width="100%" height="600"></iframe>` : snippet}
</main>
<footer><p>© Exempelbolaget</p></footer>
</body>
</html>`;
}

describe('the career-page widget in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const hr = await toolboxUser(db);
  const org = await db
    .selectFrom('organisations')
    .select(['name', 'org_number'])
    .where('region_id', '=', REGION)
    .where('id', '=', hr.organisationId)
    .executeTakeFirstOrThrow();
  const now = new Date();
  await loadAds(
    db,
    [
      makeAd(
        { id: '9400001', headline: 'Underhållstekniker', orgnr: org.org_number, employer: org.name },
        now,
      ),
      makeAd(
        {
          id: '9400002',
          headline: 'Produktionsledare',
          orgnr: org.org_number,
          employer: org.name,
          municipality: 'borlange',
        },
        now,
      ),
    ],
    now,
  );
  await createText(db, {
    body: 'Här når du fjällen, sjöarna och skogen på en kvart från jobbet.\n\nSkolor och förskolor finns nära, och pendlingen är kort.',
    bodyEn: 'Mountains, lakes and forests are a short trip from work.',
    sourceName: 'Region Dalarna',
    sourceUrl: 'https://www.regiondalarna.se/',
  });
  const client = await formClient(site.app);
  const saved = await client.postForm('/sv/toolbox/widget', hr.cookie, {
    lang: 'sv',
    municipality: 'region',
    show_jobs: 'on',
    max_jobs: '5',
    enabled: 'on',
  });
  assert.equal(saved.statusCode, 303);
  const key = (
    await db
      .selectFrom('toolbox_widgets')
      .select('key')
      .where('region_id', '=', REGION)
      .where('organisation_id', '=', hr.organisationId)
      .executeTakeFirstOrThrow()
  ).key;

  // The snippet as the settings page shows it (the test app's configured origin is PUBLIC_URL's;
  // the app listens on a port of its own, so the snippet is pointed there).
  const settings = await client.get('/sv/toolbox/widget', hr.cookie);
  const escaped = /<textarea[^>]*id="widget-snippet"[^>]*>([^<]*)<\/textarea>/.exec(settings.body)?.[1] ?? '';
  const snippet = escaped
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replaceAll('http://localhost:3000', site.base);
  assert.match(snippet, /^<div data-lotsa-widget="[a-z0-9]+" lang="sv"><a href=/);

  // The other site: 127.0.0.1 on another port (another origin than localhost:<app port>).
  const server: Server = createServer((request, response) => {
    const framed = request.url === '/framed' ? `${site.base}/sv/widget/${key}` : undefined;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(careerPage(snippet, framed));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const other = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const siteOrigin = new URL(site.base).origin;

  for (const width of [375, 1280]) {
    it(`renders inside the other site at ${width} px: no console error, no cookie, two origins only`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        const origins = new Set<string>();
        page.on('request', (request) => origins.add(new URL(request.url()).origin));
        const widgetJson = page.waitForResponse((r) => r.url().includes(`/api/v1/widget/${key}`));
        await page.goto(`${other}/career`);
        assert.equal((await widgetJson).status(), 200);
        const host = page.locator('[data-lotsa-widget]');
        const heading = host.locator('h2');
        await heading.waitFor();
        assert.equal(await heading.textContent(), 'Livet i Dalarna');
        const paragraphs = await host.locator('section p').allTextContents();
        assert.ok(paragraphs.includes('Här når du fjällen, sjöarna och skogen på en kvart från jobbet.'));
        assert.ok(paragraphs.includes('Skolor och förskolor finns nära, och pendlingen är kort.'));
        const jobs = await host.locator('ul li a').allTextContents();
        assert.deepEqual(jobs.sort(), ['Produktionsledare', 'Underhållstekniker']);
        assert.equal(await host.locator('h3').textContent(), `Lediga jobb hos ${org.name}`);
        // It takes the host page's font, and the host's accent through the custom property.
        const font = await host.locator('h2').evaluate((el) => getComputedStyle(el).fontFamily);
        assert.match(font, /Georgia/);
        const accent = await host
          .locator('ul li a')
          .first()
          .evaluate((el) => getComputedStyle(el).color);
        assert.equal(accent, 'rgb(122, 46, 11)');
        // The fallback link is gone from view (the shadow root draws instead of it).
        assert.equal(
          await page.getByRole('link', { name: /Livet i Dalarna och lediga jobb/ }).isVisible(),
          false,
        );
        for (const v of await axeViolations(page)) assert.fail(`axe: ${v}`);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/third-party-${width}.png`, fullPage: true });
        assert.deepEqual(errors.list(), []);
        assert.deepEqual(await context.cookies(), []);
        assert.deepEqual([...origins].sort(), [other, siteOrigin].sort());
      } finally {
        await context.close();
      }
    });
  }

  it('keeps the fallback link when the widget cannot be read, and works without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${other}/career`);
      const link = page.getByRole('link', { name: /Livet i Dalarna och lediga jobb/ });
      assert.equal(await link.getAttribute('href'), `${site.base}/sv/widget/${key}`);
      await Promise.all([page.waitForNavigation(), link.click()]);
      assert.equal(await page.locator('h1').textContent(), 'Livet i Dalarna');
      assert.deepEqual(await context.cookies(), []);
    } finally {
      await context.close();
    }
    const failing = await browser.newContext();
    try {
      const page = await failing.newPage();
      await page.route('**/api/v1/widget/**', (route) => route.abort());
      await page.goto(`${other}/career`);
      await page.waitForTimeout(300);
      assert.equal(
        await page.getByRole('link', { name: /Livet i Dalarna och lediga jobb/ }).isVisible(),
        true,
      );
    } finally {
      await failing.close();
    }
  });

  it('shows the widget’s own page in an iframe of the other site', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${other}/framed`);
      const frame = page.frameLocator('iframe');
      assert.equal(await frame.locator('h1').textContent(), 'Livet i Dalarna');
      assert.deepEqual(errors.list(), []);
      assert.deepEqual(await context.cookies(), []);
    } finally {
      await context.close();
    }
  });

  for (const width of [375, 1280]) {
    it(`the widget’s page and the settings page pass axe and fit at ${width} px`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      const anonymous = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      try {
        const page = await anonymous.newPage();
        for (const lang of ['sv', 'en']) {
          const response = await page.goto(`${site.base}/${lang}/widget/${key}`);
          assert.equal(response?.status(), 200);
          await look(page, `widget-page-${lang}-${width}`);
        }
        assert.deepEqual(await anonymous.cookies(), []);
      } finally {
        await anonymous.close();
      }
      const signedIn = await signedInContext(browser, site, hr.accountId, width);
      try {
        const page = await signedIn.newPage();
        for (const lang of ['sv', 'en']) {
          const response = await page.goto(`${site.base}/${lang}/toolbox/widget`);
          assert.equal(response?.status(), 200);
          await page.locator('[data-lotsa-widget] >> h3').waitFor();
          await look(page, `widget-settings-${lang}-${width}`);
          // "Create a new key?" asks first, on a page of its own.
          const confirm = await page.goto(`${site.base}/${lang}/toolbox/widget/key`);
          assert.equal(confirm?.status(), 200);
          await look(page, `widget-key-${lang}-${width}`);
        }
      } finally {
        await signedIn.close();
      }
      assert.deepEqual(failures, []);
    });
  }

  it('draws the preview on the settings page under its strict CSP, without console errors', async () => {
    const context = await signedInContext(browser, site, hr.accountId, 1280);
    // signedInContext bypasses the CSP for axe; this context keeps it.
    const strict = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await strict.addCookies(await context.cookies());
    await context.close();
    try {
      const page = await strict.newPage();
      const errors = watchErrors(page);
      await page.goto(`${site.base}/sv/toolbox/widget`);
      const preview = page.locator('.widget-preview [data-lotsa-widget]');
      // One level under the page's own section heading (data-heading-level="3").
      await preview.locator('h3').waitFor();
      assert.equal(await preview.locator('h3').first().textContent(), 'Livet i Dalarna');
      // The widget's CSS reached its shadow root (a constructed sheet: no inline style for the CSP).
      const styled = await preview.evaluate((el) => (el.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0);
      assert.equal(styled, true);
      assert.deepEqual(errors.list(), []);
    } finally {
      await strict.close();
    }
  });
});

/**
 * The place pages in a real browser: axe finds nothing on the list and on a place page in either
 * language; a place page with six photographs (the hero and five in the text) transfers at most
 * 250 KB on a 375 px phone, read all the way down so every lazy picture has loaded; and nothing on
 * it shifts as it loads (cumulative layout shift 0, from the browser's own layout-shift entries).
 * The figures are printed, so a run reports them; the test asserts sizes, never timings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mediaLimits } from '../../src/modules/content/media/module.ts';
import { importDemoPhotos } from '../../src/modules/content/media/demo.ts';
import { emptyContent, type ContentData } from '../../src/modules/content/model.ts';
import { insertItem, publish } from '../../src/modules/content/store.ts';
import { storageFor } from '../../src/platform/storage/index.ts';
import type { RichDoc } from '../../src/platform/html/rich-doc.ts';
import { createPerson, sessionFor } from '../helpers/identity.ts';
import { axeViolations, launchBrowser, startSite, watchErrors } from './browser.ts';

const REGION = 'dalarna';
const PHOTOS = [
  'lake-jetty-sunset',
  'winter-spruce-forest',
  'autumn-forest-sunbeams',
  'winter-tree-lined-path',
  'office-open-plan-workers',
  'office-team-workshop',
];
const LIMIT_BYTES = 250 * 1024;

function text(v: string) {
  return { t: 'p' as const, c: [{ t: 'text' as const, v }] };
}

/** Falun's page: the hero and five photographs among paragraphs, in both languages. */
function falun(): ContentData {
  const body = (lang: 'sv' | 'en'): RichDoc => ({
    v: 1,
    blocks: PHOTOS.slice(1).flatMap((slug, i) => [
      {
        t: 'h2' as const,
        c: [{ t: 'text' as const, v: lang === 'sv' ? `Avsnitt ${i + 1}` : `Section ${i + 1}` }],
      },
      text(
        lang === 'sv'
          ? 'Falun har gruvan, högskolan och skidspåren mitt i stan. Här möts myndigheter, vård, teknik och kreativa småföretag.'
          : 'Falun has the mine, the university and ski tracks in the middle of town, with public agencies, healthcare, technology and creative small firms.',
      ),
      { t: 'image' as const, image: slug, caption: '' },
    ]),
  });
  const data = emptyContent('place');
  data.title = { sv: 'Falun', en: 'Falun' };
  data.summary = {
    sv: 'Residensstaden med världsarvet.',
    en: 'The county town with the World Heritage site.',
  };
  data.body = { sv: body('sv'), en: body('en') };
  data.heroImage = PHOTOS[0]!;
  data.place = {
    contact: {
      name: 'Inflyttarservice Falun',
      email: 'flytta@falun.example',
      phone: '',
      url: 'https://www.falun.se',
    },
    newcomerText: { sv: 'Vi hjälper dig hitta bostad.', en: 'We help you find a home.' },
  };
  return data;
}

describe('place pages in a browser', async () => {
  const site = await startSite();
  const db = site.database.db;
  await importDemoPhotos(db, storageFor(site.config), REGION, mediaLimits(site.config), undefined, PHOTOS);
  const item = await insertItem(db, {
    regionId: REGION,
    kind: 'place',
    slug: 'falun',
    municipalityCode: '2080',
    data: falun(),
    authorId: null,
  });
  assert.ok(item);
  await publish(db, {
    regionId: REGION,
    itemId: item.id,
    version: 1,
    visibleFrom: new Date(Date.now() - 60_000),
    visibleUntil: null,
  });
  const browser = await launchBrowser();

  for (const path of [
    '/sv/places',
    '/en/places',
    '/sv/places/falun',
    '/en/places/falun',
    '/sv/places/vansbro',
  ]) {
    it(`${path}: no axe violations, no console errors`, async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const res = await page.goto(site.base + path);
      assert.equal(res?.status(), 200);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors.list(), []);
      await context.close();
    });
  }

  it('the editors’ facts page, and a refused upload, have no axe violations in either language', async () => {
    for (const language of ['sv', 'en'] as const) {
      const editor = await createPerson(db, { role: 'region_editor', language });
      const [name, value] = (await sessionFor(db, editor.accountId, { secondFactor: true })).split('=') as [
        string,
        string,
      ];
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 800 } });
      await context.addCookies([{ name, value, url: site.base }]);
      const page = await context.newPage();
      const res = await page.goto(`${site.base}/admin/places/facts`);
      assert.equal(res?.status(), 200);
      assert.deepEqual(await axeViolations(page), []);
      await page.fill('#facts-text', '{"version": "2025-01-01", "municipalities": {}}');
      await Promise.all([
        page.waitForLoadState('load'),
        page.click('form[action="/admin/places/facts"] button[type=submit]'),
      ]);
      assert.match(await page.content(), /error-summary/);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    }
  });

  /** Reads /sv/places/falun to its end on a 375 px phone of this pixel density: bytes, pictures, CLS. */
  async function measure(dpr: number) {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: dpr,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    const images = new Set<string>();
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      const url = urls.get(e.requestId) ?? '';
      if (url.includes('/media/')) images.add(url);
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) w.__cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${site.base}/sv/places/falun`, { waitUntil: 'networkidle' });
    const firstView = bytes;
    // Down the page a screen at a time, so that each lazy picture is fetched as a reader would.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 600) {
      await page.mouse.wheel(0, 600);
      await page.waitForLoadState('networkidle');
    }
    await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete), undefined, {
      timeout: 10_000,
    });
    const pictures = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main picture img')).map((img) => ({
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.getAttribute('loading'),
        current: (img as HTMLImageElement).currentSrc,
      })),
    );
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    await context.close();
    console.log(
      `places e2e: /sv/places/falun at 375 px, device pixel ratio ${dpr}: ${pictures.length} pictures ` +
        `(${images.size} files), first view ${(firstView / 1024).toFixed(1)} KB, ` +
        `whole page read ${(bytes / 1024).toFixed(1)} KB, CLS ${cls}`,
    );
    return { bytes, images, pictures, cls };
  }

  it('a place page with six pictures on a 375 px phone: ≤ 250 KB read to the end, no layout shift', async () => {
    const { bytes, images, pictures, cls } = await measure(1);
    assert.equal(pictures.length, 6);
    assert.ok(
      pictures.every((p) => Number(p.width) > 0 && Number(p.height) > 0),
      'every picture has its size',
    );
    assert.deepEqual(
      pictures.map((p) => p.loading),
      ['eager', 'lazy', 'lazy', 'lazy', 'lazy', 'lazy'],
    );
    assert.ok(
      pictures.every((p) => /\.avif/.test(p.current)),
      'AVIF is chosen where the browser takes it',
    );
    assert.equal(images.size, 6, 'each picture fetched once, in one size');
    assert.ok(bytes <= LIMIT_BYTES, `the whole page transferred ${bytes} bytes (limit ${LIMIT_BYTES})`);
    assert.equal(cls, 0);
  });

  it('on a denser phone screen (2×) nothing shifts either; its bytes are reported', async () => {
    const { pictures, cls } = await measure(2);
    assert.equal(pictures.length, 6);
    assert.equal(cls, 0);
  });
});

/**
 * The job board in a real browser, over ads from the demo generator: the search page with its
 * results and facet counts; filtering with JavaScript on (results swapped in place, URL replaced,
 * count announced, focus kept) and off (the "Visa jobb" button); the municipality map; keyboard
 * use with visible focus; the job page with its JobPosting data; a closed job (410 with similar
 * jobs); axe on every kind of page; and no horizontal scrolling at 320px.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { demoPlaces, generateAds } from '../../src/modules/jobs/demo.ts';
import { applyRecords, scopeForRegion } from '../../src/modules/jobs/ingest/apply.ts';
import { loadRegions } from '../../src/modules/regions/repository.ts';
import { axeViolations, launchBrowser, startSite, watchErrors } from './browser.ts';

const FALUN = '2080';
const BORLANGE = '2081';

/** The count heading as the page writes it (Swedish, fewer than 1,000 jobs). */
const countSv = (n: number) =>
  n === 0
    ? 'Inga jobb matchar din sökning.'
    : n === 1
      ? '1 jobb matchar din sökning.'
      : `${n} jobb matchar din sökning.`;

/** Focus styles of an element, to compare focused with unfocused. */
function focusStyle(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const s = getComputedStyle(el);
      return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
    });
}

describe('job board in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;

  // 120 generated ads in Dalarna, one of them then removed by its employer.
  const now = new Date();
  const region = (await loadRegions(db)).find((r) => r.id === 'dalarna');
  assert.ok(region, 'the Dalarna region is seeded');
  const scope = scopeForRegion(region);
  const places = demoPlaces(region);
  assert.ok(scope && places, 'Dalarna can have demo ads');
  const ads = generateAds({ count: 120, seed: 4711, now, ...places });
  // The first one as a JobTech ad whose page here is the canonical one: only such pages carry
  // JobPosting data (demo ads are noindex).
  const { lotsa_generated: _generated, ...first } = ads[0]!;
  ads[0] = first;
  const loaded = await applyRecords(db, scope, ads, { now, kind: 'demo' });
  assert.equal(loaded.written, ads.length, 'every generated ad is stored');
  const closed = ads[ads.length - 1]!;
  const removal = { id: closed.id, removed: true, timestamp: now.getTime() + 1000 };
  assert.equal((await applyRecords(db, scope, [removal], { now, kind: 'stream' })).closed, 1);
  const open = ads.filter((ad) => ad.id !== closed.id);
  const inMunicipality = (code: string) =>
    open.filter((ad) => ad.workplace_address?.municipality_code === code).length;
  const job = open[0]!;
  assert.ok(inMunicipality(FALUN) > 0 && inMunicipality(FALUN) < open.length, 'Falun has some of the jobs');
  assert.ok(inMunicipality(BORLANGE) > 0, 'Borlänge has jobs');

  // A word the ads use, with a letter left out: searched as typed (literal=1) it finds nothing, and
  // "Menade du" offers the word (without literal=1 the page shows the corrected results instead).
  const word = ['sjuksköterska', 'undersköterska', 'förskollärare', 'lärare', 'säljare'].find((w) =>
    open.some((ad) => String(ad.headline).toLowerCase().includes(w)),
  );
  assert.ok(word, 'the ads use one of the words');
  const misspelt = word.slice(0, 3) + word.slice(4);

  const url = (path: string) => site.base + path;

  async function withPage<T>(
    options: Parameters<typeof browser.newContext>[0],
    run: (page: Page, context: BrowserContext) => Promise<T>,
  ): Promise<T> {
    const context = await browser.newContext({ locale: 'sv-SE', ...options });
    try {
      return await run(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  it('the search page lists the jobs with facet counts, the map and the script', async () => {
    await withPage({}, async (page) => {
      const errors = watchErrors(page);
      const scripts: string[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r.url());
      });
      const response = await page.goto(url('/sv/jobs'));
      assert.equal(response?.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), 'sv');
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal((await page.textContent('#results-title'))?.trim(), countSv(open.length));
      assert.equal(await page.locator('#job-results .job-card').count(), 20, 'one page of 20 jobs');
      assert.equal(await page.locator('.pagination a[aria-current="page"]').textContent(), '1');

      // Facet counts: every municipality of the region, with its number of jobs.
      const falun = page.locator(
        `label[for="${await page.getAttribute(`input[name="municipality"][value="${FALUN}"]`, 'id')}"]`,
      );
      assert.match(
        (await falun.textContent()) ?? '',
        new RegExp(`^\\s*Falun \\(${inMunicipality(FALUN)}\\)\\s*$`),
      );
      assert.equal(await page.locator('input[name="municipality"]').count(), region.municipalities.length);
      const counted = await page
        .locator('input[name="municipality"] + label .facet__count')
        .allTextContents();
      assert.equal(
        counted.reduce((sum, text) => sum + Number(text.replace(/\D/g, '')), 0),
        open.length,
        'the municipality counts add up to the total',
      );
      assert.ok((await page.locator('fieldset.facet').count()) >= 5, 'several facets');

      // The map: one link per municipality, named with its count.
      const areas = page.locator('svg.job-map__svg a.job-map__area');
      assert.equal(await areas.count(), region.municipalities.length);
      const falunArea = page.getByRole('link', { name: `Falun: ${inMunicipality(FALUN)} jobb`, exact: true });
      assert.equal(await falunArea.getAttribute('href'), `/sv/jobs?municipality=${FALUN}`);

      // The enhancement script: loaded from its content-hashed URL and cached for a year.
      assert.equal(scripts.length, 1);
      assert.match(scripts[0]!, /\/static\/js\/job-search\.js\?v=[0-9a-f]{10}$/);
      const asset = await page.request.get(scripts[0]!);
      assert.equal(asset.status(), 200);
      assert.match(asset.headers()['content-type'] ?? '', /^text\/javascript/);
      assert.equal(asset.headers()['cache-control'], 'public, max-age=31536000, immutable');
      assert.ok((await asset.body()).length <= 3072, 'the script is at most 3 KB');
      assert.deepEqual(errors.list(), [], 'no console errors or failed requests');
    });
  });

  it('JavaScript on: a municipality checkbox refreshes the results in place, keeps focus and announces the count', async () => {
    await withPage({}, async (page) => {
      const errors = watchErrors(page);
      await page.goto(url('/sv/jobs'));
      const documents: string[] = [];
      const fetches: string[] = [];
      page.on('request', (r) => {
        if (r.isNavigationRequest()) documents.push(r.url());
        else if (r.resourceType() === 'fetch') fetches.push(r.url());
      });
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      const live = page.locator(
        '#job-results-live [aria-live="polite"], #job-results-live[aria-live="polite"]',
      );
      assert.equal(await live.count(), 1, 'one polite live region');
      assert.ok(await live.evaluate((el) => el.contains(document.getElementById('results-title'))));

      const checkbox = `input[name="municipality"][value="${FALUN}"]`;
      await page.check(checkbox);
      await page.waitForFunction(
        (text) => document.getElementById('results-title')?.textContent?.trim() === text,
        countSv(inMunicipality(FALUN)),
      );
      const current = new URL(page.url());
      assert.equal(current.pathname, '/sv/jobs');
      assert.deepEqual(current.searchParams.getAll('municipality'), [FALUN], 'URL replaced');
      assert.equal(current.searchParams.get('q'), null, 'empty fields left out of the URL');
      assert.deepEqual(documents, [], 'no page load');
      assert.equal(fetches.length, 1, 'one fetch');
      assert.ok(
        await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
        'same document',
      );
      assert.equal(
        (await live.textContent())?.trim(),
        countSv(inMunicipality(FALUN)),
        'the live region holds the new count',
      );
      assert.ok(
        await page
          .locator(checkbox)
          .evaluate((el) => el === document.activeElement && (el as HTMLInputElement).checked),
        'focus stays on the checked checkbox',
      );
      const placesShown = await page.locator('#job-results .job-card__place').allTextContents();
      assert.ok(placesShown.length > 0 && placesShown.every((p) => p === 'Falun'), 'only jobs in Falun');
      assert.ok(
        await page.locator(`a.job-map__area--selected[href$="municipality=${FALUN}"]`).count(),
        'the map shows Falun chosen',
      );

      // Typing in the search box fetches nothing; the sort order then fetches with the text too.
      await page.fill('#job-q', word);
      await page.waitForTimeout(300);
      assert.equal(fetches.length, 1, 'no fetch while typing');
      await page.selectOption('#job-sort', 'newest');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'newest');
      await page.waitForFunction(() => !document.querySelector('#job-results.is-loading'));
      assert.equal(new URL(page.url()).searchParams.get('q'), word);
      assert.match(await page.title(), new RegExp(`^”${word}” – `), 'the title follows the search');
      assert.ok(
        await page.locator('#job-sort').evaluate((el) => el === document.activeElement),
        'focus on the select',
      );

      // Unticking brings every job back.
      await page.fill('#job-q', '');
      await page.uncheck(checkbox);
      await page.waitForFunction(
        (text) => document.getElementById('results-title')?.textContent?.trim() === text,
        countSv(open.length),
      );
      assert.deepEqual(new URL(page.url()).searchParams.getAll('municipality'), []);
      assert.ok(await page.locator(checkbox).evaluate((el) => el === document.activeElement));
      assert.deepEqual(documents, [], 'still no page load');
      assert.deepEqual(errors.list(), [], 'no console errors or failed requests');
    });
  });

  it('JavaScript off: ticking a municipality and pressing "Visa jobb" filters', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      const errors = watchErrors(page);
      await page.goto(url('/sv/jobs'));
      await page.check(`input[name="municipality"][value="${FALUN}"]`);
      await Promise.all([
        page.waitForURL((u) => u.searchParams.getAll('municipality').includes(FALUN)),
        page.click('.job-search__apply button[type="submit"]'),
      ]);
      assert.equal((await page.textContent('#results-title'))?.trim(), countSv(inMunicipality(FALUN)));
      assert.ok(await page.isChecked(`input[name="municipality"][value="${FALUN}"]`));
      const placesShown = await page.locator('#job-results .job-card__place').allTextContents();
      assert.ok(placesShown.every((p) => p === 'Falun'));
      assert.deepEqual(errors.list(), []);
    });
  });

  it('at 375px the first result comes before the filters, which open from "Filtrera (1)"', async () => {
    for (const javaScriptEnabled of [true, false]) {
      await withPage({ viewport: { width: 375, height: 800 }, javaScriptEnabled }, async (page) => {
        const errors = watchErrors(page);
        await page.goto(url(`/sv/jobs?municipality=${FALUN}`));
        const toggle = page.locator('summary.job-filters__toggle');
        assert.equal((await toggle.textContent())?.trim(), 'Filtrera (1)');
        const firstResult = await page.locator('#job-results .job-card').first().boundingBox();
        assert.ok(firstResult, 'a result is shown');
        const filter = page.locator(`input[name="municipality"][value="${FALUN}"]`);
        assert.equal(await filter.isVisible(), false, 'the filters are folded away');
        assert.ok(firstResult.y < 800 * 1.5, `the first result starts at ${firstResult.y}px`);
        assert.equal(
          await page.locator('.job-search__sort-apply').isVisible(),
          !javaScriptEnabled,
          'the sort button only without JavaScript',
        );
        await toggle.click();
        assert.ok(await filter.isVisible(), 'the button opens the filters');
        assert.ok(await filter.isChecked());
        const filterBox = await filter.boundingBox();
        assert.ok(filterBox && filterBox.y < firstResult.y + 200, 'the open filters come above the results');
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= 375, `no sideways scrolling (${wide}px)`);
        assert.deepEqual(errors.list(), []);
      });
    }
  });

  it('at 1280px the filter column is open, its button hidden, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      await withPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled }, async (page) => {
        await page.goto(url('/sv/jobs'));
        assert.equal(await page.locator('summary.job-filters__toggle').isVisible(), false);
        const filter = page.locator('input[name="municipality"]').first();
        assert.ok(await filter.isVisible(), 'the filters show');
        const filterBox = await filter.boundingBox();
        const resultBox = await page.locator('#job-results .job-card').first().boundingBox();
        assert.ok(filterBox && resultBox && filterBox.x < resultBox.x, 'the filters are the left column');
      });
    }
  });

  it('a job page reached from a search leads back to it', async () => {
    await withPage({}, async (page) => {
      const search = `/sv/jobs?municipality=${FALUN}&sort=newest`;
      await page.goto(url(search));
      await Promise.all([
        page.waitForURL(/\/sv\/jobs\/[^?]+\?/),
        page.click('#job-results .job-card__title a'),
      ]);
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/sv/jobs'),
        page.getByRole('link', { name: 'Tillbaka till sökningen' }).click(),
      ]);
      assert.equal(new URL(page.url()).search, search.slice('/sv/jobs'.length));
      assert.equal((await page.textContent('#results-title'))?.trim(), countSv(inMunicipality(FALUN)));
    });
  });

  it('clicking a municipality on the map filters by it', async () => {
    await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      const errors = watchErrors(page);
      await page.goto(url('/sv/jobs'));
      // Click where the count label sits: a point inside the municipality (the label lets clicks through).
      const area = page.locator(`a.job-map__area[href$="municipality=${BORLANGE}"]`);
      await area.scrollIntoViewIfNeeded();
      const box = await area.locator('text').boundingBox();
      assert.ok(box, 'the label has a box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      assert.equal(
        await area.locator('path').evaluate((el) => getComputedStyle(el).strokeWidth),
        '5px',
        'hovering rings the municipality',
      );
      await Promise.all([
        page.waitForURL((u) => u.searchParams.getAll('municipality').includes(BORLANGE)),
        page.mouse.click(box.x + box.width / 2, box.y + box.height / 2),
      ]);
      assert.deepEqual(new URL(page.url()).searchParams.getAll('municipality'), [BORLANGE]);
      assert.equal((await page.textContent('#results-title'))?.trim(), countSv(inMunicipality(BORLANGE)));
      assert.ok(await page.isChecked(`input[name="municipality"][value="${BORLANGE}"]`));
      assert.equal(await page.locator('a.job-map__area--selected').count(), 1);
      assert.deepEqual(errors.list(), []);
    });
  });

  it('keyboard only: Tab reaches the search box, the filters, the results and the map, with visible focus', async () => {
    await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(url('/sv/jobs'));
      const unfocused = {
        search: await focusStyle(page, '#job-q'),
        filter: await focusStyle(page, 'input[name="municipality"]'),
        result: await focusStyle(page, '.job-card__title a'),
        map: await focusStyle(page, 'a.job-map__area'),
      };
      const reached: Record<keyof typeof unfocused, number> = { search: -1, filter: -1, result: -1, map: -1 };
      for (let i = 0; i < 400 && reached.map === -1; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const kind = el.matches('#job-q')
            ? 'search'
            : el.matches('.job-search__filters input')
              ? 'filter'
              : el.matches('.job-card__title a')
                ? 'result'
                : el.matches('a.job-map__area')
                  ? 'map'
                  : null;
          const s = getComputedStyle(el);
          const path = el.querySelector('path');
          const r = el.getBoundingClientRect();
          return {
            kind,
            focusVisible: el.matches(':focus-visible'),
            style: { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow },
            stroke: path ? getComputedStyle(path).strokeWidth : null,
            inView: r.bottom > 0 && r.top < window.innerHeight && r.width > 0 && r.height > 0,
          };
        });
        if (!stop?.kind || reached[stop.kind as keyof typeof reached] !== -1) continue;
        const kind = stop.kind as keyof typeof reached;
        reached[kind] = i;
        assert.ok(stop.focusVisible, `${kind}: :focus-visible`);
        assert.ok(stop.inView, `${kind}: scrolled into view`);
        const before = unfocused[kind];
        assert.ok(
          stop.style.outlineStyle !== 'none' &&
            parseFloat(stop.style.outlineWidth) >= 2 &&
            (stop.style.outlineStyle !== before.outlineStyle ||
              stop.style.outlineWidth !== before.outlineWidth),
          `${kind}: visible focus outline ${JSON.stringify(stop.style)} (unfocused ${JSON.stringify(before)})`,
        );
        if (kind === 'map') assert.equal(stop.stroke, '5px', 'the focused municipality is ringed');
      }
      assert.ok(reached.search >= 0, 'Tab reaches the search box');
      assert.ok(reached.filter > reached.search, 'then the filters');
      assert.ok(reached.result > reached.filter, 'then the results');
      assert.ok(reached.map > reached.result, 'then the map');

      // Space ticks a focused filter, as for any checkbox.
      await page.focus(`input[name="municipality"][value="${FALUN}"]`);
      await page.keyboard.press('Space');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('municipality') !== null);
      assert.ok(
        await page
          .locator(`input[name="municipality"][value="${FALUN}"]`)
          .evaluate((el) => el === document.activeElement && (el as HTMLInputElement).checked),
      );
    });
  });

  it('a job page shows the headline and valid JobPosting data', async () => {
    await withPage({}, async (page) => {
      const errors = watchErrors(page);
      const response = await page.goto(url(`/sv/jobs/${encodeURIComponent(String(job.id))}`));
      assert.equal(response?.status(), 200);
      assert.equal((await page.textContent('h1'))?.trim(), job.headline);
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      assert.equal(blocks.length, 1);
      const data = JSON.parse(blocks[0]!) as Record<string, unknown> & {
        hiringOrganization?: { name?: string };
      };
      assert.equal(data['@context'], 'https://schema.org');
      assert.equal(data['@type'], 'JobPosting');
      assert.equal(data.title, job.headline);
      assert.equal(data.hiringOrganization?.name, job.employer?.name);
      assert.ok(typeof data.datePosted === 'string' && !Number.isNaN(Date.parse(data.datePosted)));
      assert.ok((await page.locator('.job-facts .job-facts__item').count()) >= 3, 'facts listed');
      assert.ok(await page.locator('.job-similar').count());
      assert.deepEqual(errors.list(), []);
    });
  });

  it('a closed job answers 410 with similar open jobs', async () => {
    await withPage({}, async (page) => {
      const errors = watchErrors(page);
      const response = await page.goto(url(`/sv/jobs/${encodeURIComponent(String(closed.id))}`));
      assert.equal(response?.status(), 410);
      assert.equal((await page.textContent('h1'))?.trim(), 'Jobbet går inte längre att söka');
      assert.match((await page.textContent('.job-page--closed .lead')) ?? '', /borttagen av arbetsgivaren/);
      assert.ok((await page.locator('.job-similar .job-card').count()) > 0, 'similar jobs listed');
      assert.ok(
        (
          await page
            .locator('.job-similar .job-card__title a')
            .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
        ).every((href) => href !== `/sv/jobs/${closed.id}`),
        'the closed job is not among them',
      );
      assert.equal(await page.getAttribute('meta[name="robots"]', 'content'), 'noindex');
      assert.deepEqual(errors.list(), []);
    });
  });

  const axeTargets: {
    label: string;
    path: string;
    status: number;
    lang: 'sv' | 'en';
    check?: (page: Page) => Promise<void>;
  }[] = [
    { label: 'search page (sv)', path: '/sv/jobs', status: 200, lang: 'sv' },
    { label: 'search page (en)', path: '/en/jobs', status: 200, lang: 'en' },
    {
      label: 'search page with a filter and page 2 (sv)',
      path: `/sv/jobs?municipality=${FALUN}&municipality=${BORLANGE}&page=2`,
      status: 200,
      lang: 'sv',
    },
    {
      label: 'no results with "Menade du" (sv)',
      path: `/sv/jobs?q=${encodeURIComponent(misspelt)}&literal=1`,
      status: 200,
      lang: 'sv',
      check: async (page) => {
        assert.equal((await page.textContent('#results-title'))?.trim(), countSv(0));
        assert.equal((await page.textContent('.job-results__suggestion a'))?.trim(), word);
      },
    },
    { label: 'job page (sv)', path: `/sv/jobs/${job.id}`, status: 200, lang: 'sv' },
    { label: 'job page (en)', path: `/en/jobs/${job.id}`, status: 200, lang: 'en' },
    { label: 'closed job (sv)', path: `/sv/jobs/${closed.id}`, status: 410, lang: 'sv' },
    { label: 'API documentation', path: '/api/docs', status: 200, lang: 'sv' },
  ];

  for (const target of axeTargets) {
    it(`${target.label} ${target.path}: no axe violations, no console errors`, async () => {
      // As visitors get it, under the site's CSP, with the script running.
      await withPage({}, async (page) => {
        const errors = watchErrors(page);
        const response = await page.goto(url(target.path));
        assert.equal(response?.status(), target.status);
        assert.equal(await page.getAttribute('html', 'lang'), target.lang);
        await target.check?.(page);
        assert.deepEqual(errors.list(), [], 'no console errors or failed requests');
      });
      // axe, injected in a context that bypasses the CSP for it.
      await withPage({ bypassCSP: true }, async (page) => {
        const response = await page.goto(url(target.path));
        assert.equal(response?.status(), target.status);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `axe violations on ${target.path}:\n  ${violations.join('\n  ')}`);
      });
    });
  }

  it('axe after a filter changed with JavaScript: the swapped-in page has no violations', async () => {
    await withPage({ bypassCSP: true }, async (page) => {
      await page.goto(url('/sv/jobs'));
      await page.check(`input[name="municipality"][value="${FALUN}"]`);
      await page.waitForFunction(
        (text) => document.getElementById('results-title')?.textContent?.trim() === text,
        countSv(inMunicipality(FALUN)),
      );
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe violations:\n  ${violations.join('\n  ')}`);
    });
  });

  it('print hides the filters, the map and paging; reduced motion turns the fade off', async () => {
    await withPage({ reducedMotion: 'reduce' }, async (page) => {
      await page.goto(url('/sv/jobs'));
      const shown = (selector: string) => page.locator(selector).first().isVisible();
      assert.ok(
        (await shown('.job-search__filters')) && (await shown('.job-map')) && (await shown('.pagination')),
      );
      assert.equal(
        await page.locator('.job-list').evaluate((el) => getComputedStyle(el).transitionDuration),
        '0s',
      );
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.job-search__filters', '.job-map', '.pagination', '.job-search__sort'])
        assert.equal(await shown(selector), false, `${selector} is not printed`);
      assert.ok(await shown('#job-results .job-card'), 'the results are printed');
    });
  });

  for (const path of ['/sv/jobs', `/sv/jobs/${job.id}`, `/sv/jobs/${closed.id}`, '/api/docs']) {
    it(`${path} at 320px wide: no horizontal scrolling`, async () => {
      await withPage({ viewport: { width: 320, height: 640 } }, async (page) => {
        await page.goto(url(path));
        const widths = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          wide: Array.from(document.querySelectorAll('body *'))
            .filter(
              (el) =>
                !el.closest('.table-scroll') &&
                el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
            )
            .slice(0, 5)
            .map((el) => el.outerHTML.slice(0, 100)),
        }));
        assert.ok(
          widths.scrollWidth <= 320 && widths.wide.length === 0,
          `page is ${widths.scrollWidth}px wide in a 320px viewport; past the edge: ${widths.wide.join(' | ')}`,
        );
      });
    });
  }
});

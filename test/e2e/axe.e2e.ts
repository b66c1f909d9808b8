/**
 * Every public page in a real browser: no axe violations (WCAG 2.1 A/AA and best practice), no
 * JavaScript loaded, no console errors under the site's own CSP, and no horizontal scrolling at 320px.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, startSite, watchErrors } from './browser.ts';

interface Target {
  label: string;
  path: string;
  lang: 'sv' | 'en';
  status: number;
  /** Submit the feedback form empty, to check the page in its 422 state. */
  failedSubmit?: boolean;
}

const targets: Target[] = [
  { label: 'home (sv)', path: '/sv/', lang: 'sv', status: 200 },
  { label: 'home (en)', path: '/en/', lang: 'en', status: 200 },
  { label: 'accessibility statement (sv)', path: '/sv/accessibility', lang: 'sv', status: 200 },
  { label: 'accessibility statement (en)', path: '/en/accessibility', lang: 'en', status: 200 },
  {
    label: 'feedback form with errors (sv)',
    path: '/sv/accessibility',
    lang: 'sv',
    status: 422,
    failedSubmit: true,
  },
  {
    label: 'feedback form with errors (en)',
    path: '/en/accessibility',
    lang: 'en',
    status: 422,
    failedSubmit: true,
  },
  { label: 'feedback receipt (sv)', path: '/sv/accessibility/feedback/sent', lang: 'sv', status: 200 },
  { label: 'feedback receipt (en)', path: '/en/accessibility/feedback/sent', lang: 'en', status: 200 },
  { label: 'privacy notice (sv)', path: '/sv/privacy', lang: 'sv', status: 200 },
  { label: 'privacy notice (en)', path: '/en/privacy', lang: 'en', status: 200 },
  { label: 'easy-to-read Swedish', path: '/sv/lattlast', lang: 'sv', status: 200 },
  { label: 'page not found (sv)', path: '/sv/finns-inte', lang: 'sv', status: 404 },
  { label: 'page not found (en)', path: '/en/missing', lang: 'en', status: 404 },
];

describe('every page in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();

  /**
   * Opens the target in a new page of the context (after `watch` has attached its listeners) and returns
   * the page with the status it answered: the GET's, or for a failed submit the POST's.
   */
  async function open(
    context: BrowserContext,
    target: Target,
    watch: (page: Page) => void = () => {},
  ): Promise<{ page: Page; status: number | undefined }> {
    const page = await context.newPage();
    watch(page);
    const response = await page.goto(site.base + target.path);
    if (!target.failedSubmit) return { page, status: response?.status() };
    const [post] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/accessibility/feedback'),
      ),
      page.click('form.form button[type="submit"]'),
    ]);
    await page.waitForLoadState('load');
    assert.ok(await page.locator('.error-summary').isVisible(), 'the form shows its errors');
    return { page, status: post.status() };
  }

  for (const target of targets) {
    it(`${target.label} ${target.path}: no axe violations, no script, no console errors`, async () => {
      // As visitors get it, under the site's CSP: no script, nothing blocked, nothing failing.
      const plain = await browser.newContext();
      try {
        let errors: ReturnType<typeof watchErrors> | undefined;
        const scripts: string[] = [];
        const { page: visit, status } = await open(plain, target, (page) => {
          errors = watchErrors(page);
          page.on('request', (request) => {
            if (request.resourceType() === 'script') scripts.push(request.url());
          });
        });
        assert.equal(status, target.status);
        assert.equal(await visit.getAttribute('html', 'lang'), target.lang);
        assert.equal(await visit.locator('script[src]').count(), 0, 'no <script src>');
        assert.equal(
          await visit.locator('script:not([type="application/ld+json"])').count(),
          0,
          'no inline script either',
        );
        assert.deepEqual(scripts, [], 'no script requested');
        assert.deepEqual(errors?.list(), [], 'no console errors or failed requests');
      } finally {
        await plain.close();
      }

      // axe, injected in a context that bypasses the CSP for it.
      const forAxe = await browser.newContext({ bypassCSP: true });
      try {
        const { page, status } = await open(forAxe, target);
        assert.equal(status, target.status);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `axe violations on ${target.path}:\n  ${violations.join('\n  ')}`);
      } finally {
        await forAxe.close();
      }
    });
  }

  for (const target of [targets[0]!, targets[3]!, targets[5]!]) {
    it(`${target.label} ${target.path} at 320px wide: no horizontal scrolling`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      try {
        const { page, status } = await open(context, target);
        assert.equal(status, target.status);
        const widths = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          // What sticks out past the right edge, to name in the failure message.
          wide: Array.from(document.querySelectorAll('body *'))
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 5)
            .map((el) => el.outerHTML.slice(0, 100)),
        }));
        assert.ok(
          widths.scrollWidth <= 320,
          `page is ${widths.scrollWidth}px wide in a 320px viewport; past the edge: ${widths.wide.join(' | ')}`,
        );
      } finally {
        await context.close();
      }
    });
  }
});

/**
 * Shared setup for the browser tests: the real app listening on loopback (with a loopback SMTP server),
 * Debian's Chromium through playwright-core, axe-core injected into a page, and a collector for console
 * errors. Never downloads a browser: CHROMIUM_PATH or /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { after } from 'node:test';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { sessionFor } from '../helpers/identity.ts';
import { decodeQuotedPrintable, startSmtpServer, type ReceivedMail } from '../helpers/smtp.ts';

export interface Site extends TestApp {
  /** `http://localhost:<port>`: the host the region and the CSRF Origin check expect. */
  base: string;
  received: ReceivedMail[];
}

/** The app with its own database and a loopback SMTP server, listening on a free port. */
export async function startSite(): Promise<Site> {
  const smtp = await startSmtpServer();
  const testApp = await buildTestApp({ SMTP_URL: smtp.url });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, base: `http://localhost:${port}`, received: smtp.received };
}

/** Headless Chromium, closed after the file's tests. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  after(() => browser.close());
  return browser;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe (WCAG 2.1 A/AA and best practice) on the page as it is and returns its violations, one line
 * each (rule, impact, help, target selectors). The page's context must bypass CSP to inject axe.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  });
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.nodes.map((n) => JSON.stringify(n.target)).join('\n    ')}`,
  );
}

/**
 * Console errors, uncaught page errors and failed requests a page shows from now on, read with `list()`.
 * Chromium logs "Failed to load resource" for a page answered with an error status (a 422 form, a 404
 * page); those are the test's intent and are left out when the URL is a navigation's own document.
 */
export function watchErrors(page: Page): { list: () => string[] } {
  const seen: { text: string; url: string | undefined }[] = [];
  const errorDocuments = new Set<string>();
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.status() >= 400)
      errorDocuments.add(response.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error')
      seen.push({ text: `console: ${message.text()}`, url: message.location().url });
  });
  page.on('pageerror', (error) => seen.push({ text: `pageerror: ${error.message}`, url: undefined }));
  page.on('requestfailed', (request) => {
    // A request the browser itself dropped because the page moved on (a redirect, a click) is not
    // something a person notices; every other failure is.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    seen.push({ text: `request failed: ${request.url()} ${request.failure()?.errorText}`, url: undefined });
  });
  const expected = (e: { text: string; url: string | undefined }) =>
    e.url !== undefined &&
    errorDocuments.has(e.url.split('#')[0] as string) &&
    /^console: Failed to load resource: the server responded with a status of \d+/.test(e.text);
  return {
    list: () => seen.filter((e) => !expected(e)).map((e) => `${e.text}${e.url ? ` (${e.url})` : ''}`),
  };
}

/** The text of a received e-mail with quoted-printable soft breaks and escapes undone. */
export function mailText(mail: ReceivedMail): string {
  return decodeQuotedPrintable(mail.raw);
}

/**
 * How wide the page is against its viewport, and the first elements that stick out past the right
 * edge (a table scrolling inside its own `.table-scroll` region does not make the page scroll).
 */
export async function pageOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const clientWidth = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter((el) => !el.closest('.table-scroll') && el.getBoundingClientRect().right > clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => el.outerHTML.slice(0, 120));
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth, wide };
  });
}

/**
 * A browser context at `width` px signed in as the account (its session cookie, the second factor
 * shown unless told otherwise). The page's scripts may run without the CSP's nonce (axe).
 */
export async function signedInContext(
  browser: Browser,
  site: Site,
  accountId: string,
  width: number,
  options: { secondFactor?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  const cookie = await sessionFor(site.database.db, accountId, {
    secondFactor: options.secondFactor ?? true,
  });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: site.base }]);
  return context;
}

/**
 * What a journey checks on each page it looks at: axe, nothing wider than the screen, and a
 * full-page screenshot into `shots` when set. Problems are added to `failures` as "label: problem".
 */
export function pageLooker(failures: string[], shots: string | undefined) {
  return async (page: Page, label: string): Promise<void> => {
    if (shots) await page.screenshot({ path: join(shots, `${label}.png`), fullPage: true });
    const { scrollWidth, clientWidth, wide } = await pageOverflow(page);
    if (scrollWidth > clientWidth) failures.push(`${label}: ${scrollWidth}px wide: ${wide.join(' | ')}`);
    for (const v of await axeViolations(page)) failures.push(`${label}: ${v}`);
  };
}

/** Clicks the first element the selector finds and waits for the page it leads to. */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(selector).first().click()]);
}

/**
 * The second-factor pages at 320 px and at 1280 px in a real browser: the security page without and
 * with factors (and with a rename's error, and before a factor was shown), setting up the
 * authenticator app (and its error), the recovery codes shown once, and the check staff pass before
 * the back-office (without a factor, with one, with a wrong code). No page scrolls sideways and axe
 * (WCAG 2.1 A/AA and best practice) finds nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { totpCode } from '../../src/modules/identity/second-factor/service.ts';
import { formClient } from '../helpers/client.ts';
import { createPerson, sessionFor } from '../helpers/identity.ts';
import { SoftAuthenticator, cookieFrom } from '../helpers/webauthn.ts';
import { axeViolations, launchBrowser, pageOverflow, startSite } from './browser.ts';

type Who = 'fresh' | 'factors' | 'unverified';

interface Target {
  label: string;
  who: Who;
  path: string;
  /** Something to do on the page first (submit a form) before it is looked at. */
  act?: (page: Page) => Promise<void>;
}

async function submit(page: Page, form: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator(`${form} [type=submit]`).first().click(),
  ]);
}

describe('the second-factor pages at 320 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const { get, postForm, postJson } = await formClient(site.app);

  // Someone with no factor yet, and a staff member with a passkey, the app and recovery codes.
  const fresh = await createPerson(db, {
    email: 'ny.medarbetare.med.en.lang.adress@exempel-kommun.example.org',
    role: 'navigator',
    language: 'sv',
  });
  const staff = await createPerson(db, {
    email: 'vagledaren.med.en.valdigt.lang.adress@exempel-kommun.example.org',
    role: 'navigator',
    language: 'sv',
  });
  const setupSession = await sessionFor(db, staff.accountId, { secondFactor: true });
  const options = await postJson('/sv/me/passkeys/options', setupSession, {});
  const added = await postJson(
    '/sv/me/passkeys',
    `${setupSession}; ${cookieFrom(options.headers, 'lotsa_webauthn')!}`,
    { response: new SoftAuthenticator().register(options.json()) },
  );
  assert.equal(added.statusCode, 200, added.body);
  const setup = await get('/sv/me/totp', setupSession);
  const secret = (/class="totp-secret">([^<]*)</.exec(setup.body)?.[1] ?? '').replace(/\s+/g, '');
  const confirmed = await postForm('/sv/me/totp', setupSession, { code: totpCode(secret) });
  assert.equal(confirmed.statusCode, 200, 'the app is on, with recovery codes');

  const sessions: Record<Who, () => Promise<string>> = {
    fresh: () => sessionFor(db, fresh.accountId),
    factors: () => sessionFor(db, staff.accountId, { secondFactor: true }),
    unverified: () => sessionFor(db, staff.accountId),
  };

  const check = '/sv/me/second-factor?next=%2Fadmin';
  const targets: Target[] = [
    { label: 'security, no factors', who: 'fresh', path: '/sv/me/security' },
    { label: 'authenticator app setup', who: 'fresh', path: '/sv/me/totp' },
    {
      label: 'authenticator app setup with an error',
      who: 'fresh',
      path: '/sv/me/totp',
      act: (page) => submit(page, 'form.form'),
    },
    { label: 'check, no factor yet', who: 'fresh', path: check },
    { label: 'security with factors', who: 'factors', path: '/sv/me/security' },
    {
      label: 'security with a rename error',
      who: 'factors',
      path: '/sv/me/security',
      act: async (page) => {
        await page.fill('#passkey-name-1', '');
        await submit(page, 'form[action$="/me/passkeys/rename"]');
      },
    },
    {
      label: 'recovery codes',
      who: 'factors',
      path: '/sv/me/security',
      act: async (page) => {
        await submit(page, 'form[action$="/me/recovery-codes"]');
        await page.locator('.recovery-codes').waitFor();
      },
    },
    { label: 'security before a factor is shown', who: 'unverified', path: '/sv/me/security' },
    { label: 'check with a factor', who: 'unverified', path: check },
    {
      label: 'check with a wrong code',
      who: 'unverified',
      path: check,
      act: async (page) => {
        await page.fill('#code', '000000');
        await submit(page, 'form.form');
        await page.locator('.error-summary').waitFor();
      },
    },
  ];

  for (const width of [320, 1280]) {
    it(`at ${width} px: no page scrolls sideways and axe finds nothing`, async () => {
      const context: BrowserContext = await browser.newContext({
        viewport: { width, height: 800 },
        bypassCSP: true,
      });
      const failures: string[] = [];
      try {
        for (const target of targets) {
          const [name, value] = (await sessions[target.who]()).split('=') as [string, string];
          await context.clearCookies();
          await context.addCookies([{ name, value, url: site.base }]);
          const page = await context.newPage();
          const response = await page.goto(site.base + target.path);
          assert.equal(response?.status(), 200, `${target.label}: ${target.path} answers`);
          if (target.act) await target.act(page);
          const { scrollWidth, clientWidth, wide } = await pageOverflow(page);
          if (scrollWidth > clientWidth) {
            failures.push(`${target.label}: ${scrollWidth}px wide; past the edge: ${wide.join(' | ')}`);
          }
          for (const violation of await axeViolations(page)) failures.push(`${target.label}: ${violation}`);
          await page.close();
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(failures, []);
    });
  }
});

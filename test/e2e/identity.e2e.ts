/**
 * Accounts in a real browser: signing in with the link from an e-mail read back from the loopback
 * SMTP server; a region editor without a second factor being sent to set one up before the
 * back-office; and axe (WCAG 2.1 A/AA) on every back-office and account page, with JavaScript on,
 * under the site's own CSP, without console errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createSignInLink } from '../../src/modules/identity/login/service.ts';
import { totpCode } from '../../src/modules/identity/second-factor/service.ts';
import { hashSecret, randomToken } from '../../src/platform/auth/secrets.ts';
import { createOrganisation, createPerson, sessionFor } from '../helpers/identity.ts';
import { axeViolations, launchBrowser, mailText, startSite, watchErrors } from './browser.ts';

describe('accounts in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;

  /** The newest e-mail to `address`, after running the queued mail jobs. */
  async function mailTo(address: string): Promise<string> {
    for (let i = 0; i < 50; i += 1) {
      await site.queue.drain();
      const mail = site.received.filter((m) => m.to.includes(address)).at(-1);
      if (mail) return mailText(mail);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no e-mail to ${address}`);
  }

  /** Signs in through the login page and the e-mailed link; returns the page after confirming. */
  async function signInByLink(page: Page, address: string, start: string): Promise<void> {
    await page.goto(`${site.base}${start}`);
    await page.getByLabel('E-postadress').fill(address);
    await page.getByRole('button', { name: 'Skicka länk och kod' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kolla din e-post' }).waitFor();
    const text = await mailTo(address);
    const link = /http:\/\/localhost:3000(\/sv\/login\/link\/[A-Za-z0-9_-]+)/.exec(text);
    assert.ok(link, `the e-mail holds a sign-in link:\n${text}`);
    assert.match(text, /\b\d{6}\b/, 'and a code');
    // The link's host is PUBLIC_URL's; the test server listens on another port.
    await page.goto(`${site.base}${link[1]}`);
    await page.getByRole('heading', { level: 1, name: 'Bekräfta inloggningen' }).waitFor();
    assert.equal(
      (await page.context().cookies()).some((c) => c.name === 'lotsa_session'),
      false,
      'opening the link does not sign in',
    );
    await page.getByRole('button', { name: 'Logga in' }).click();
  }

  it('signs in with the link from the e-mail and lands on the own page', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await signInByLink(page, 'ny.person@example.org', '/sv/login');
      await page.waitForLoadState('domcontentloaded');
      await page.waitForURL(`${site.base}/sv/me`);
      assert.match(await page.locator('main').innerText(), /ny\.person@example\.org/);
      const session = (await context.cookies()).find((c) => c.name === 'lotsa_session');
      assert.ok(session?.httpOnly, 'the session cookie is HttpOnly');
      assert.equal(session?.sameSite, 'Lax');
      const account = await db
        .selectFrom('accounts')
        .select('email')
        .where('email', '=', 'ny.person@example.org')
        .executeTakeFirst();
      assert.ok(account, 'a personal account was created');
      assert.deepEqual(errors.list(), []);
    } finally {
      await context.close();
    }
  });

  it('sends an editor without a second factor to set one up, then into the back-office', async () => {
    await createPerson(db, { email: 'redaktor.e2e@example.org', role: 'region_editor' });
    const context = await browser.newContext({ locale: 'sv-SE' });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      // Asking for the back-office first: sign in, then the second factor, then back to /admin.
      await page.goto(`${site.base}/admin`);
      assert.match(page.url(), /\/sv\/login\?next=%2Fadmin$/);
      await signInByLink(page, 'redaktor.e2e@example.org', '/sv/login?next=%2Fadmin');
      await page.waitForURL(/\/sv\/me\/second-factor\?next=%2Fadmin$/);
      await page.getByRole('link', { name: 'Ställ in en autentiseringsapp' }).click();
      const secret = (await page.locator('.totp-secret').innerText()).replace(/\s+/g, '');
      await page.getByLabel('Kod från appen').fill(totpCode(secret));
      await page.getByRole('button', { name: 'Slå på' }).click();
      await page.getByRole('heading', { level: 1, name: 'Spara dina reservkoder' }).waitFor();
      assert.equal(await page.locator('main li code').count(), 10, 'ten recovery codes are shown once');
      await page.getByRole('link', { name: 'Fortsätt' }).click();
      await page.waitForURL(`${site.base}/admin`);
      assert.match(await page.locator('main h1').innerText(), /Översikt/);
      assert.deepEqual(errors.list(), []);
    } finally {
      await context.close();
    }
  });

  it('every back-office and account page passes axe, in both languages where there are two', async () => {
    const admin = await createPerson(db, { email: 'admin.e2e@example.org', role: 'admin' });
    const employer = await createOrganisation(db, { kind: 'employer', name: 'Axebolaget AB' });
    const member = await createPerson(db, { role: 'employer_member', organisationId: employer });
    // An invitation and a sign-in link, for their confirm pages.
    const invitationToken = randomToken();
    await db
      .insertInto('invitations')
      .values({
        region_id: 'dalarna',
        organisation_id: employer,
        email: 'inbjuden@example.org',
        role: 'employer_member',
        token_hash: hashSecret(invitationToken),
        invited_by: admin.accountId,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .execute();
    const signIn = await createSignInLink(db, {
      regionId: 'dalarna',
      email: 'lank@example.org',
      language: 'sv',
      origin: site.base,
    });
    const pages: Array<{ path: string; submit?: string }> = [
      { path: '/admin' },
      { path: '/admin/organisations' },
      { path: '/admin/organisations/new' },
      { path: '/admin/organisations/new', submit: 'form.form' },
      { path: `/admin/organisations/${employer}` },
      { path: `/admin/organisations/${employer}/members` },
      { path: `/admin/organisations/${employer}/members`, submit: 'form.form' },
      { path: `/admin/organisations/${employer}/members/${member.accountId}/remove` },
      { path: '/admin/people' },
      { path: `/admin/people/${member.accountId}` },
      { path: '/admin/audit' },
      { path: '/admin/tokens' },
      { path: '/admin/tokens', submit: 'form.form' },
      { path: '/sv/me' },
      { path: '/en/me' },
      { path: '/sv/me/security' },
      { path: '/sv/me/delete' },
      { path: '/sv/me/totp' },
      { path: '/sv/login' },
      { path: '/en/login' },
      { path: '/sv/login', submit: 'form.form' },
      { path: `/sv/invitations/${invitationToken}` },
      { path: new URL(signIn.url).pathname },
    ];
    const failures: string[] = [];
    let checked = 0;
    for (const lang of ['sv', 'en'] as const) {
      await db.updateTable('accounts').set({ language: lang }).where('id', '=', admin.accountId).execute();
      const context: BrowserContext = await browser.newContext({ locale: `${lang}-SE`, bypassCSP: true });
      try {
        const [name, value] = (await sessionFor(db, admin.accountId, { secondFactor: true })).split('=') as [
          string,
          string,
        ];
        await context.addCookies([{ name, value, url: site.base }]);
        for (const target of pages) {
          if (lang === 'en' && !target.path.startsWith('/admin')) continue;
          const page = await context.newPage();
          const response = await page.goto(`${site.base}${target.path}`);
          assert.equal(response?.status(), 200, `${target.path} answers 200`);
          if (target.submit) {
            // Submitting the first form empty shows the page in its error state.
            await page.locator(`${target.submit} [type=submit]`).first().click();
            await page.waitForLoadState('domcontentloaded');
          }
          const expectedLang = target.path.startsWith('/admin') ? lang : target.path.slice(1, 3);
          assert.equal(await page.getAttribute('html', 'lang'), expectedLang, `${target.path}: lang`);
          for (const violation of await axeViolations(page))
            failures.push(`${lang} ${target.path}${target.submit ? ' (submitted)' : ''}: ${violation}`);
          checked += 1;
          await page.close();
        }
      } finally {
        await context.close();
      }
    }
    assert.equal(checked, pages.length + pages.filter((p) => p.path.startsWith('/admin')).length);
    assert.deepEqual(failures, []);
  });
});

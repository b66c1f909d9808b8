/**
 * Passkeys in a real browser with Chromium's virtual authenticator (CDP WebAuthn): add a passkey on
 * the security page, sign out, sign in with it from the login page without typing an address. Also
 * axe on the security page and on the second-factor check (set-up and code states).
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newTotpSecret } from '../../src/modules/identity/second-factor/service.ts';
import { buildTestApp } from '../helpers/app.ts';
import { createPerson, sessionFor } from '../helpers/identity.ts';
import { axeViolations, launchBrowser, watchErrors } from './browser.ts';

/** The app on loopback. */
async function startSite() {
  const testApp = await buildTestApp();
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, base: `http://localhost:${port}` };
}

async function withVirtualAuthenticator(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

describe('passkeys in a browser', async () => {
  const site = await startSite();
  const browser: Browser = await launchBrowser();
  const db = site.database.db;

  const cookieFor = async (context: BrowserContext, header: string) => {
    const [name, value] = header.split('=') as [string, string];
    await context.addCookies([{ name, value, url: site.base }]);
  };

  it('add a passkey on the security page, sign out, sign in with it without typing an address', async () => {
    const person = await createPerson(db, { email: 'passkey-person@example.org' });
    const context = await browser.newContext({ locale: 'sv-SE' });
    try {
      await cookieFor(context, await sessionFor(db, person.accountId));
      const page = await context.newPage();
      const errors = watchErrors(page);
      await withVirtualAuthenticator(page);

      const security = await page.goto(`${site.base}/sv/me/security`);
      assert.equal(security?.status(), 200);
      assert.ok(await page.locator('[data-passkey-fallback]').isHidden(), 'the no-JavaScript text is hidden');
      const add = page.getByRole('button', { name: 'Lägg till en nyckel' });
      await add.click();
      await page.waitForURL(/\/sv\/me\/security\?done=passkeyAdded$/);
      assert.match((await page.locator('[role="status"]').first().textContent()) ?? '', /Nyckeln är tillagd/);
      assert.equal(await page.locator('.passkey-item').count(), 1, 'the passkey is listed');
      const rows = await db
        .selectFrom('passkeys')
        .select(['credential_id', 'name'])
        .where('account_id', '=', person.accountId)
        .execute();
      assert.equal(rows.length, 1);
      assert.match(rows[0]!.name, /Chrome/, 'named after the device');

      // Sign out; then sign in from the login page with the passkey alone.
      await context.clearCookies();
      const login = await page.goto(`${site.base}/sv/login?next=%2Fsv%2Fme%2Fsecurity`);
      assert.equal(login?.status(), 200);
      const signIn = page.getByRole('button', { name: 'Logga in med en nyckel' });
      await signIn.click();
      await page.waitForURL(/\/sv\/me\/security$/);
      assert.equal(await page.locator('h1').textContent(), 'Inloggning och säkerhet', 'signed in');
      const session = await db
        .selectFrom('sessions')
        .select(['method', 'second_factor_at'])
        .where('account_id', '=', person.accountId)
        .where('method', '=', 'passkey')
        .executeTakeFirst();
      assert.ok(session?.second_factor_at, 'a passkey session has shown a second factor');
      const used = await db
        .selectFrom('passkeys')
        .select('last_used_at')
        .where('account_id', '=', person.accountId)
        .executeTakeFirstOrThrow();
      assert.ok(used.last_used_at);
      assert.deepEqual(errors.list(), [], 'no console errors or failed requests under the CSP');
    } finally {
      await context.close();
    }
  });

  interface Target {
    label: string;
    path: string;
    role: 'navigator' | null;
    totp: boolean;
    /** Give the account a passkey (listed with its rename and remove forms). */
    passkey?: boolean;
  }
  const pages: Target[] = [
    { label: 'security page (talent)', path: '/sv/me/security', role: null, totp: false },
    {
      label: 'security page (navigator, app and passkey)',
      path: '/en/me/security',
      role: 'navigator',
      totp: true,
      passkey: true,
    },
    {
      label: 'second-factor set-up',
      path: '/sv/me/second-factor?next=%2Fadmin',
      role: 'navigator',
      totp: false,
    },
    {
      label: 'second-factor code',
      path: '/sv/me/second-factor?next=%2Fadmin',
      role: 'navigator',
      totp: true,
    },
    { label: 'authenticator app set-up', path: '/sv/me/totp', role: null, totp: false },
  ];
  for (const target of pages) {
    it(`${target.label} ${target.path}: no axe violations`, async () => {
      const person = await createPerson(db, {
        role: target.role,
        totpSecret: target.totp ? newTotpSecret() : undefined,
      });
      if (target.passkey) {
        await db
          .insertInto('passkeys')
          .values({
            region_id: 'dalarna',
            credential_id: `test-${person.accountId}`,
            account_id: person.accountId,
            public_key: Buffer.from('not a real key'),
            name: 'Chrome · Linux',
          })
          .execute();
      }
      const verified = target.totp && target.path.includes('/security');
      const context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE' });
      try {
        await cookieFor(context, await sessionFor(db, person.accountId, { secondFactor: verified }));
        const page = await context.newPage();
        const response = await page.goto(site.base + target.path);
        assert.equal(response?.status(), 200);
        if (target.totp && target.path.includes('second-factor')) {
          // The code form in its error state too.
          await page.fill('#code', '000000');
          await Promise.all([page.waitForLoadState('load'), page.click('form.form button[type="submit"]')]);
          await page.waitForSelector('.error-summary');
        }
        if (target.passkey) {
          // The rename form in its error state too.
          await page.fill('#passkey-name-1', ' ');
          await Promise.all([page.waitForLoadState('load'), page.click('.passkey-item__form button')]);
          await page.waitForSelector('.error-summary');
        }
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `axe violations on ${target.path}:\n  ${violations.join('\n  ')}`);
      } finally {
        await context.close();
      }
    });
  }
});

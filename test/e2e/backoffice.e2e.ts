/**
 * Every back-office page at 320 px and at 1280 px in a real browser: the page never scrolls sideways
 * (tables scroll inside their own region), and axe (WCAG 2.1 A/AA and best practice) finds nothing.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createOrganisation, createPerson, sessionFor } from '../helpers/identity.ts';
import { axeViolations, launchBrowser, pageOverflow, startSite } from './browser.ts';

/** BACKOFFICE_SCREENSHOTS=dir saves a full-page screenshot of every page at both widths there. */
const SHOTS = process.env.BACKOFFICE_SCREENSHOTS;

interface Target {
  label: string;
  path: string;
  /** Something to do on the page first (submit a form) before it is looked at. */
  act?: (page: Page) => Promise<void>;
}

describe('the back-office at 320 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;

  const region = await createOrganisation(db, { kind: 'region' });
  const employer = await createOrganisation(db, {
    kind: 'employer',
    name: 'Långa namnens verkstäder och industrier i Dalarna Aktiebolag',
  });
  const admin = await createPerson(db, {
    email: 'administratoren.med.en.lang.adress@exempel-kommun.example.org',
    role: 'admin',
    organisationId: region,
    language: 'sv',
  });
  // A second membership, so the header shows the organisation switcher.
  await db
    .insertInto('memberships')
    .values({
      region_id: 'dalarna',
      organisation_id: employer,
      account_id: admin.accountId,
      role: 'employer_admin',
    })
    .execute();
  const member = await createPerson(db, {
    email: 'medarbetaren.med.ett.valdigt.langt.namn@langa-namnens-verkstader.example.org',
    role: 'employer_member',
    organisationId: employer,
  });

  const targets: Target[] = [
    { label: 'home', path: '/admin' },
    { label: 'organisations', path: '/admin/organisations' },
    { label: 'new organisation', path: '/admin/organisations/new' },
    {
      label: 'new organisation with errors',
      path: '/admin/organisations/new',
      act: (page) => submit(page, 'form.form'),
    },
    { label: 'edit organisation', path: `/admin/organisations/${employer}` },
    { label: 'members', path: `/admin/organisations/${employer}/members` },
    { label: 'remove a member', path: `/admin/organisations/${employer}/members/${member.accountId}/remove` },
    { label: 'people search', path: '/admin/people?q=exempel' },
    { label: 'a person', path: `/admin/people/${member.accountId}` },
    { label: 'audit trail', path: '/admin/audit' },
    { label: 'audit filter with errors', path: '/admin/audit?from=2026-13-40&person=nej' },
    { label: 'tokens', path: '/admin/tokens' },
    {
      label: 'token created',
      path: '/admin/tokens',
      act: async (page) => {
        await page.fill('#token-name', 'Rekryteringssystemet');
        await page.locator('input[name="scopes"]').first().check();
        await submit(page, 'form.form');
        await page.locator('#new-token').waitFor();
      },
    },
  ];

  async function submit(page: Page, form: string): Promise<void> {
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator(`${form} [type=submit]`).first().click(),
    ]);
  }

  for (const width of [320, 1280]) {
    it(`at ${width} px: no page scrolls sideways and axe finds nothing`, async () => {
      const context: BrowserContext = await browser.newContext({
        viewport: { width, height: 800 },
        bypassCSP: true,
      });
      const failures: string[] = [];
      try {
        const [name, value] = (await sessionFor(db, admin.accountId, { secondFactor: true })).split('=') as [
          string,
          string,
        ];
        await context.addCookies([{ name, value, url: site.base }]);
        for (const target of targets) {
          const page = await context.newPage();
          const response = await page.goto(site.base + target.path);
          assert.ok(response && response.status() < 500, `${target.path} answers`);
          if (target.act) await target.act(page);
          if (SHOTS) {
            const file = `${target.label.replace(/\W+/g, '-')}-${width}.png`;
            await page.screenshot({ path: join(SHOTS, file), fullPage: true });
          }
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

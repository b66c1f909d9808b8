/**
 * Found by trying the talent pool in a real browser as new people would (issue 15): the page where a
 * person answers an employer, the search-and-pick of the join form with the keyboard, the "Hide my
 * profile" button on the own page, the language switch in the middle of joining, and the
 * municipalities at 375 px. See the report of the `newuser` branch.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createOrganisation, createPerson } from '../helpers/identity.ts';
import { addTalent, newestOutboxMail, SKILL, type Talent } from '../http/talent/employers-fixture.ts';
import { createProfile } from '../http/talent/matching-fixture.ts';
import { clickAndWait, launchBrowser, signedInContext, startSite } from './browser.ts';

/** The left edge of an element, in px. */
const left = async (page: Page, selector: string) =>
  Math.round((await page.locator(selector).first().boundingBox())?.x ?? -1);

describe('the talent pool as a new person meets it in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;

  it('the page where a person answers an employer sits in the page’s column, not against the edge', async () => {
    const steel = await createOrganisation(db, { kind: 'employer', name: 'Stålverket i Borlänge AB' });
    const hr = await createPerson(db, { role: 'employer_admin', organisationId: steel });
    const people: Talent[] = [];
    for (let i = 0; i < 5; i += 1)
      people.push(await addTalent(db, { occupation: 'developer', skills: [SKILL.labourLaw] }));
    const admin = await signedInContext(browser, site, hr.accountId, 1280);
    const page = await admin.newPage();
    await page.goto(`${site.base}/admin/talent?occupation=utvecklare`);
    await clickAndWait(page, '.talent-card a');
    await page.fill('#message', 'Hej! Vi söker en backend-utvecklare till stålverket i Borlänge.');
    await clickAndWait(page, 'main form[method=post] [type=submit]');
    await admin.close();
    const asked = (
      await Promise.all(people.map(async (p) => (await newestOutboxMail(db, p.email))?.text_body))
    ).find(Boolean);
    const link = /\/sv\/talent-pool\/intro\/[A-Za-z0-9_-]+/.exec(asked ?? '')?.[0];
    assert.ok(link, 'the person got the e-mail');

    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const person = await context.newPage();
      await person.goto(`${site.base}${link}`);
      const logo = await left(person, 'header a');
      const heading = await left(person, 'main h1');
      // Every other page of the site starts its heading where the logo starts (16 px on a phone).
      assert.ok(
        heading >= logo,
        `at ${width} px the heading starts at ${heading} px, the logo at ${logo} px: the text touches the edge`,
      );
      await context.close();
    }
  });

  for (const js of [false, true]) {
    it(`Enter in “Search skills” searches the skills (${js ? 'with' : 'without'} JavaScript)`, async () => {
      const context = await browser.newContext({
        viewport: { width: 375, height: 900 },
        javaScriptEnabled: js,
      });
      const page = await context.newPage();
      await page.goto(`${site.base}/en/talent-pool/join`);
      await page.fill('#q_occupations', 'backend');
      await clickAndWait(page, 'button[value="search:occupations"]');
      await page.locator('.picker__results input[name=occupations]').first().check();
      await page.fill('#q_skills', 'java');
      await Promise.all([page.waitForNavigation(), page.press('#q_skills', 'Enter')]);
      // What happens: the form's first button, "Search" of the occupations, is pressed instead.
      assert.ok(
        (await page.locator('.picker__results input[name=skills]').count()) > 0,
        'skills with “java” to tick after pressing Enter in the skill search',
      );
      await context.close();
    });
  }

  it('the type-ahead’s suggestions are walked with the arrow keys', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.base}/en/talent-pool/join`);
    await page.locator('#q_occupations').pressSequentially('ingenjör', { delay: 20 });
    await page.locator('#q_occupations-suggestions button').nth(1).waitFor();
    const names = await page.locator('#q_occupations-suggestions button').allInnerTexts();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // ArrowDown reaches the first suggestion and stops there; the second press does nothing.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), names[1]);
    await context.close();
  });

  it('“Hide my profile” says what it does, apart from the partner’s invitation', async () => {
    const person = await createProfile(db, { partner: true });
    const context = await signedInContext(browser, site, person.accountId, 375);
    const page = await context.newPage();
    await page.goto(`${site.base}/en/me`);
    const invite = await page.getByRole('button', { name: 'Send invitation' }).boundingBox();
    const hide = await page.getByRole('button', { name: 'Hide my profile' }).boundingBox();
    assert.ok(invite && hide);
    const gap = Math.round(hide.y - (invite.y + invite.height));
    // It sits 0 px under "Send invitation", with no heading or sentence of its own: it reads as part
    // of inviting the partner, and nothing says what hiding does (from employers? from matching?).
    const before = await page
      .locator('form[action$="/me/talent/visibility"]')
      .evaluate((form) => form.previousElementSibling?.tagName ?? '');
    assert.ok(
      gap >= 16 && /^(H2|H3|H4|P)$/.test(before),
      `${gap} px under “Send invitation”, after a ${before}`,
    );
    await context.close();
  });

  it(
    'switching to Swedish in the middle of joining keeps what was picked',
    {
      todo: 'the header language link is a plain link to step 1; carrying the draft means putting the answers in a URL (logs, referrers) or a language button that posts them — not built yet',
    },
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${site.base}/en/talent-pool/join`);
      await page.fill('#q_occupations', 'backend');
      await clickAndWait(page, 'button[value="search:occupations"]');
      await page.locator('.picker__results input[name=occupations]').first().check();
      await clickAndWait(page, 'button[value="next"]');
      await page.check('#experience-5to10');
      await clickAndWait(page, 'a[hreflang="sv"], a:has-text("På svenska")');
      assert.match(page.url(), /\/sv\/talent-pool\/join/);
      assert.ok(
        (await page.locator('input[name=occupations]').count()) > 0,
        'the occupation picked in English is still there in Swedish (the switch is a plain link to step 1)',
      );
      await context.close();
    },
  );

  it('no municipality’s name breaks in the middle at 375 px', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.base}/sv/talent-pool/join`);
    await page.fill('#q_occupations', 'backend');
    await clickAndWait(page, 'button[value="search:occupations"]');
    await page.locator('.picker__results input[name=occupations]').first().check();
    await clickAndWait(page, 'button[value="next"]');
    const heights = await page
      .locator('label[for^="municipalities-"]')
      .evaluateAll((labels) => labels.map((l) => [l.textContent?.trim(), l.getBoundingClientRect().height]));
    const oneLine = Math.min(...heights.map(([, h]) => h as number));
    const broken = heights.filter(
      ([name, h]) => !/[\s-]/.test(String(name)) && (h as number) > oneLine * 1.5,
    );
    assert.deepEqual(broken, [], 'one-word names wrapped onto two lines (“Smedjebacke / n”)');
    await context.close();
  });
});

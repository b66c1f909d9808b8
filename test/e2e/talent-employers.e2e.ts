/**
 * The talent pool's employers' side in a real browser: an employer admin on a 375 px phone searches
 * the pool, opens a card and asks to get in touch; the same search on a 1280 px screen; the person
 * answers on the e-mailed page and sees the employer on their own page; the region admin's
 * settings. axe finds nothing on any page, and nothing scrolls sideways.
 *
 * TALENT_SCREENSHOTS=dir saves a full-page screenshot of every page looked at.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REGION, createOrganisation, createPerson } from '../helpers/identity.ts';
import { addTalent, newestOutboxMail, SKILL, type Talent } from '../http/talent/employers-fixture.ts';
import {
  clickAndWait,
  launchBrowser,
  pageLooker,
  signedInContext,
  startSite,
  watchErrors,
} from './browser.ts';

const SHOTS = process.env.TALENT_SCREENSHOTS;

describe('talent cards: an employer finds people and asks to get in touch', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const employer = await createOrganisation(db, { kind: 'employer', name: 'Dalarnas Vårdbolag AB' });
  const hr = await createPerson(db, { role: 'employer_admin', organisationId: employer });
  const regionAdmin = await createPerson(db, { role: 'admin', totpSecret: 'JBSWY3DPEHPK3PXP' });
  const people: Talent[] = [];
  for (let i = 0; i < 6; i += 1)
    people.push(
      await addTalent(db, {
        occupation: 'nurse',
        skills: [SKILL.occupationalTherapy, SKILL.labourLaw],
        childrenAges: [4],
        partnerOccupation: 'teacher',
      }),
    );
  const failures: string[] = [];
  const look = pageLooker(failures, SHOTS);
  let card = '';

  it('searches, opens a card and sends a request on a 375 px phone', async () => {
    failures.length = 0;
    const context = await signedInContext(browser, site, hr.accountId, 375);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/admin/talent`);
    await look(page, 'search-empty-375');
    await page.fill('#occupation', 'Sjuksköterska, grundutbildad');
    await clickAndWait(page, 'form.talent-search [type=submit]');
    assert.match((await page.textContent('main')) ?? '', /6 personer matchar sökningen/);
    await look(page, 'search-375');
    await clickAndWait(page, '.talent-card a');
    card = new URL(page.url()).pathname;
    await look(page, 'card-375');
    await page.fill('#message', 'Hej! Vi söker sjuksköterskor till akuten i Falun.');
    await clickAndWait(page, 'main form[method=post] [type=submit]');
    assert.match(page.url(), /\?done=sent$/);
    await look(page, 'card-sent-375');
    await page.goto(`${site.base}/admin/talent/requests`);
    await look(page, 'requests-375');
    assert.deepEqual(errors.list(), []);
    await context.close();
    assert.deepEqual(failures, []);
  });

  it('shows the same search on a 1280 px screen', async () => {
    failures.length = 0;
    const context = await signedInContext(browser, site, hr.accountId, 1280);
    const page = await context.newPage();
    await page.goto(`${site.base}/admin/talent?occupation=sjuksk%C3%B6terska`);
    await look(page, 'search-1280');
    await page.goto(`${site.base}${card}`);
    await look(page, 'card-1280');
    await context.close();
    assert.deepEqual(failures, []);
  });

  it('lets the person answer on the e-mailed page and see the employer on their own page', async () => {
    failures.length = 0;
    const asked = (
      await Promise.all(people.map(async (p) => ({ p, mail: await newestOutboxMail(db, p.email) })))
    ).find((x) => x.mail);
    assert.ok(asked?.mail);
    const link = /\/sv\/talent-pool\/intro\/[A-Za-z0-9_-]+/.exec(asked.mail.text_body)?.[0];
    assert.ok(link);
    const context = await browser.newContext({ viewport: { width: 375, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site.base}${link}`);
    await look(page, 'answer-375');
    await clickAndWait(page, 'button[value=accept]');
    assert.match((await page.textContent('main')) ?? '', /Du tackade ja/);
    await look(page, 'answered-375');
    await context.close();
    const own = await signedInContext(browser, site, asked.p.accountId, 375);
    const me = await own.newPage();
    await me.goto(`${site.base}/sv/me`);
    assert.match((await me.textContent('#talent-employers')) ?? '', /Dalarnas Vårdbolag AB/);
    await look(me, 'me-375');
    await own.close();
    assert.deepEqual(failures, []);
  });

  it('shows the region admin the settings and statistics', async () => {
    failures.length = 0;
    const context = await signedInContext(browser, site, regionAdmin.accountId, 375);
    const page = await context.newPage();
    await page.goto(`${site.base}/admin/talent/settings`);
    assert.match((await page.textContent('h1')) ?? '', /Talangpoolens inställningar/);
    await look(page, 'settings-375');
    await context.close();
    assert.deepEqual(failures, []);
    void REGION;
  });
});

/**
 * The company pages tried as new users would, in a real browser (an engineer moving here and her
 * partner on a phone): a chosen filter reads in full in its select on a 375 px screen, not cut off
 * after a few letters.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addCompany, companyData, ORG } from '../http/companies/public-fixture.ts';
import { launchBrowser, startSite } from './browser.ts';

describe('the company pages for new users, in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();

  before(async () => {
    await addCompany(site.database.db, {
      slug: 'bergslagens-stal',
      orgNumber: ORG.steel,
      data: companyData('Bergslagens Stål', {
        industries: ['24'],
        municipalities: ['2081'],
        badges: [{ badge: 'partner', text: { sv: 'Jobb åt din partner.', en: 'Work for your partner.' } }],
      }),
    });
  });

  it('on a phone, each chosen filter reads in full in its select', async () => {
    for (const lang of ['sv', 'en']) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${site.base}/${lang}/companies?municipality=borlange&badge=partner&sort=jobs`);
      // The chosen option's text, in the select's own font, against the room the select gives it
      // (its width less its padding and the arrow, taken as 1.5em).
      const cut = await page.$$eval('.company-filters select', (selects) =>
        selects.flatMap((node) => {
          const select = node as HTMLSelectElement;
          const style = getComputedStyle(select);
          const context = document.createElement('canvas').getContext('2d');
          if (!context) return ['no canvas'];
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = select.selectedOptions[0]?.text ?? '';
          const room =
            select.clientWidth -
            parseFloat(style.paddingLeft) -
            parseFloat(style.paddingRight) -
            1.5 * parseFloat(style.fontSize);
          return context.measureText(text).width > room ? [`${select.name}: “${text}” in ${room}px`] : [];
        }),
      );
      assert.deepEqual(cut, [], lang);
      await context.close();
    }
  });
});

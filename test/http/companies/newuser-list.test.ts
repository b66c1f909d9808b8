/**
 * The company list as a new visitor uses it (found filtering as an engineer moving here would): a
 * chosen filter's chip says, to a screen reader too, that it takes away that one filter — not that
 * it clears them all, which is the link beside the chips.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { addCompany, companyData, ORG } from './public-fixture.ts';

/** A chip's words as a screen reader reads them (tags dropped, the hidden × skipped). */
function chipTexts(body: string): string[] {
  return [...body.matchAll(/<a class="company-chosen__chip"[^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<span[^>]*aria-hidden="true"[^>]*>[\s\S]*?<\/span>/g, '')
      .replace(/<[^>]+>/g, '')
      .trim(),
  );
}

describe('the company list for a new visitor', async () => {
  const { app, database } = await buildTestApp();
  before(async () => {
    await addCompany(database.db, {
      slug: 'bergslagens-stal',
      orgNumber: ORG.steel,
      data: companyData('Bergslagens Stål', {
        industries: ['24'],
        municipalities: ['2081'],
        badges: [{ badge: 'partner', text: { sv: 'Jobb åt din partner.', en: 'Work for your partner.' } }],
      }),
    });
  });

  it('names what each chosen filter’s chip takes away, in both languages', async () => {
    const en = (await app.inject('/en/companies?municipality=borlange&badge=partner')).body;
    assert.deepEqual(chipTexts(en), [
      'Borlänge – remove this filter',
      'Partner-friendly employer – remove this filter',
    ]);
    assert.match(en, /<a class="company-chosen__clear" href="\/en\/companies">Clear the filters<\/a>/);
    const sv = (await app.inject('/sv/companies?municipality=borlange&badge=partner')).body;
    assert.deepEqual(chipTexts(sv), [
      'Borlänge – ta bort filtret',
      'Partnervänlig arbetsgivare – ta bort filtret',
    ]);
  });
});

/**
 * The company back-office as a new employer admin uses it (found trying it as an HR person at a
 * steel works would): "Skicka för granskning" sits above the form and sends the version last
 * saved, so what she has just written below would be left behind. The form itself offers "Spara och
 * skicka för granskning": her words are saved and that version goes to the region at once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishItem } from '../../helpers/published-content.ts';
import { REGION } from '../../helpers/identity.ts';
import { companyFixture, filled, LIST } from './admin-fixture.ts';

describe('the company back-office for a new employer admin', async () => {
  const f = await companyFixture();

  it('saves what was written and sends that version for review in one step', async () => {
    await publishItem(f.db, REGION, {
      kind: 'story',
      slug: 'anna-smaltare',
      title: { sv: 'Anna blev smältare', en: 'Anna became a smelter' },
    });
    const id = await f.ownPage();
    const draft = (await f.get(`${LIST}/${id}`, f.hrCookie)).body;
    // The hint by the button above the form says it sends the version last saved.
    assert.match(draft, /Spara och skicka för granskning/);
    assert.match(
      draft,
      /<button class="button button--secondary" type="submit" name="then" value="submit">Spara och skicka för granskning<\/button>/,
    );

    // The stories' hint says which to choose, and "optional" once (by the label).
    assert.match(draft, /välj dem som handlar om någon som jobbar hos er\./);
    assert.doesNotMatch(draft, /Frivilligt\./);

    const res = await f.save(id, f.hrCookie, filled('Bergslagens Stål', { then: 'submit' }));
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    assert.equal(res.headers.location, `${LIST}/${id}?done=submitted`);
    const { company, data } = await f.latest(id);
    assert.equal(data.name, 'Bergslagens Stål', 'what was written is saved');
    assert.equal(company.status, 'review');
    assert.equal(company.reviewVersion, company.version, 'the version just saved is the one in review');

    // Waiting for review, or published: nothing to send, so no such button.
    const waiting = (await f.get(`${LIST}/${id}`, f.hrCookie)).body;
    assert.doesNotMatch(waiting, /name="then" value="submit"/);
  });

  it('in English too, and a plain save still only saves', async () => {
    await f.db
      .updateTable('accounts')
      .set({ language: 'en' })
      .where(
        'id',
        'in',
        f.db.selectFrom('memberships').select('account_id').where('organisation_id', '=', f.other),
      )
      .execute();
    const id = await f.ownPage(f.otherCookie);
    const draft = (await f.get(`${LIST}/${id}`, f.otherCookie)).body;
    assert.match(draft, />Save and send for review<\/button>/);
    // The badges are called what visitors will read on the page, and partners by the site's word.
    for (const name of [
      'Helps you relocate',
      'Partner-friendly employer',
      'English as a working language',
      'Remote-friendly',
    ])
      assert.match(draft, new RegExp(`<label for="[^"]+">${name}</label>`), name);
    assert.match(draft, /How you help an accompanying partner find work\./);
    const res = await f.save(id, f.otherCookie, filled('Andra Bolaget'));
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /\?done=saved&v=2$/);
    assert.equal((await f.latest(id)).company.status, 'draft');
  });
});

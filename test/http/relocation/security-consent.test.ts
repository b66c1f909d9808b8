/**
 * review-attacker: withdrawing the 'employers' consent does not stop the employer seeing what was
 * shared. The ambassador side already hides the household's name once the 'ambassador' consent is
 * withdrawn ("a household"); the employer's introduction page keeps showing the person's name,
 * e-mail and phone after the person withdrew the consent it was shared under.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';

describe('review-attacker: consent to employers withdrawn', async () => {
  const t = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = t.database.db;
  const client = await formClient(t.app);
  const stamp = Date.now().toString(36);

  it('after the household withdraws the employers consent, the employer no longer sees their e-mail and phone', async () => {
    const navigator = await createNavigator(db, { municipalityCode: '2080', name: 'Frida Lots' });
    const employer = await createOrganisation(db, { name: `Skolbolaget ${stamp} AB` });
    const member = await createPerson(db, { role: 'employer_member', organisationId: employer });
    const memberCookie = await sessionFor(db, member.accountId);
    const main = await createPerson(db, { email: `mover-${stamp}@example.org` });
    const c = await createCase(db, {
      municipalityCode: '2080',
      navigatorId: navigator.accountId,
      accountId: main.accountId,
      main: {
        name: `Anabela ${stamp}`,
        email: main.email,
        phone: '+46 70 123 45 67',
        accountId: main.accountId,
      },
      consents: ['employers'],
    });
    const sent = await client.postForm(`/admin/cases/${c.caseId}/introductions`, navigator.cookie, {
      person: c.mainId,
      organisation: employer,
      message: 'Erfaren lärare',
    });
    assert.equal(sent.statusCode, 303);
    const intro = await db
      .selectFrom('relocation_introductions')
      .select('id')
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    const before = await client.get(`/admin/talent/introductions/${intro.id}`, memberCookie);
    assert.equal(before.statusCode, 200);
    assert.ok(before.body.includes(main.email), 'the employer sees the e-mail while the consent holds');

    const withdrawn = await client.postForm('/sv/me/move/consent', await sessionFor(db, main.accountId), {
      case: c.caseId,
      person: c.mainId,
      purpose: 'employers',
      action: 'withdraw',
    });
    assert.equal(withdrawn.statusCode, 303);

    const after = await client.get(`/admin/talent/introductions/${intro.id}`, memberCookie);
    assert.ok(
      after.statusCode === 404 || (!after.body.includes(main.email) && !after.body.includes('123 45 67')),
      'the employer still sees the contact details shared under a withdrawn consent',
    );
    const list = await client.get('/admin/talent/introductions', memberCookie);
    assert.ok(!list.body.includes(main.email));
    // fix-attack: the page says why, shows neither name nor message, and takes no answer.
    assert.match(after.body, /Personen har återkallat sitt samtycke/);
    assert.ok(!after.body.includes(`Anabela ${stamp}`) && !list.body.includes(`Anabela ${stamp}`));
    assert.ok(!after.body.includes('Erfaren lärare'));
    assert.ok(!after.body.includes('name="answer"'), 'no answer form');
    const answered = await client.postForm(`/admin/talent/introductions/${intro.id}`, memberCookie, {
      answer: 'interested',
    });
    assert.equal(answered.statusCode, 404);
  });
});

/**
 * review-attacker: erasure (/sv/me/delete) leaves personal data of relocation behind.
 * - a partner with their own account erases: the navigator-written history entries of the case
 *   (job search status, application) still carry the partner's name;
 * - a main mover who was introduced to an employer erases: the introduction mail to the employer's
 *   admins (mail_outbox subject and body) still names them;
 * - a navigator erases: the handover history entry and its audit event still carry their name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';

describe('review-attacker: erasure in the navigator', async () => {
  const t = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = t.database.db;
  const client = await formClient(t.app);
  const stamp = Date.now().toString(36);
  const navigator = await createNavigator(db, { municipalityCode: '2080', name: `Frida Lots${stamp}` });

  it('a partner who deletes their account is still named in the case history the navigator wrote', async () => {
    const main = await createPerson(db, {});
    const partner = await createPerson(db, {});
    const partnerName = `Joao Partnersson${stamp}`;
    const c = await createCase(db, {
      municipalityCode: '2080',
      navigatorId: navigator.accountId,
      accountId: main.accountId,
      main: { name: 'Ana Ferreira', accountId: main.accountId },
      partner: { name: partnerName, email: partner.email, accountId: partner.accountId },
    });
    const search = await client.postForm(`/admin/cases/${c.caseId}/job-search`, navigator.cookie, {
      person: c.partnerId!,
      job_search: 'searching',
    });
    assert.equal(search.statusCode, 303);
    const app = await client.postForm(`/admin/cases/${c.caseId}/applications`, navigator.cookie, {
      person: c.partnerId!,
      employer: 'Falu Lasarett',
      title: 'Sjuksköterska',
      status: 'applied',
    });
    assert.equal(app.statusCode, 303);
    assert.ok((await tablesHolding(db, partnerName)).length > 0, 'the name is there before');
    // fix-attack: the history says "Partnern", and the case file names them from the household.
    const file = await client.get(`/admin/cases/${c.caseId}`, navigator.cookie);
    assert.match(file.body, /Partnern har sökt Sjuksköterska hos Falu Lasarett/);
    assert.match(file.body, new RegExp(`gäller ${partnerName}`));

    const deleted = await client.postForm('/sv/me/delete', await sessionFor(db, partner.accountId), {
      confirm: partner.email,
    });
    assert.equal(deleted.statusCode, 303);
    // The case stays (it is the main mover's), but nothing may name the erased partner.
    assert.deepEqual(await tablesHolding(db, partnerName), []);
  });

  it('a main mover introduced to an employer who deletes their account is still named in the mail to the employer', async () => {
    const employer = await createOrganisation(db, { name: `Skolbolaget ${stamp} AB` });
    await createPerson(db, {
      role: 'employer_admin',
      organisationId: employer,
      email: `hr-${stamp}@skolbolaget.example`,
    });
    const main = await createPerson(db, { email: `mover-${stamp}@example.org` });
    const mainName = `Anabela Mainmover${stamp}`;
    const c = await createCase(db, {
      municipalityCode: '2080',
      navigatorId: navigator.accountId,
      accountId: main.accountId,
      main: { name: mainName, email: main.email, accountId: main.accountId },
      consents: ['employers'],
    });
    const sent = await client.postForm(`/admin/cases/${c.caseId}/introductions`, navigator.cookie, {
      person: c.mainId,
      organisation: employer,
      message: 'Erfaren lärare',
    });
    assert.equal(sent.statusCode, 303);
    assert.ok((await tablesHolding(db, mainName)).length > 0, 'the name is there before');

    const deleted = await client.postForm('/sv/me/delete', await sessionFor(db, main.accountId), {
      confirm: main.email,
    });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/sv/me/deleted');
    assert.deepEqual(await tablesHolding(db, mainName), []);
  });

  it('a navigator who deletes their account is still named in the handover history and its audit event', async () => {
    const navName = `Nora Navigatorsdottir${stamp}`;
    const taker = await createNavigator(db, { municipalityCode: '2080', name: navName });
    const c = await createCase(db, { municipalityCode: '2080', navigatorId: navigator.accountId });
    const handed = await client.postForm(`/admin/cases/${c.caseId}/handover`, navigator.cookie, {
      navigator: `${taker.accountId}:${taker.organisationId}`,
      note: 'Tar du över?',
    });
    assert.equal(handed.statusCode, 303);
    assert.ok((await tablesHolding(db, navName)).length > 0, 'the name is there before');
    // fix-attack: the history names the colleague from their account, read when shown.
    const before = await client.get(`/admin/cases/${c.caseId}`, navigator.cookie);
    assert.match(before.body, new RegExp(`lämnade över ärendet till ${navName}`));

    const deleted = await client.postForm('/sv/me/delete', taker.cookie, { confirm: taker.email });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/sv/me/deleted');
    assert.deepEqual(await tablesHolding(db, navName), []);
    const after = await client.get(`/admin/cases/${c.caseId}`, navigator.cookie);
    assert.match(after.body, /lämnade över ärendet till en tidigare lots/);
  });
});

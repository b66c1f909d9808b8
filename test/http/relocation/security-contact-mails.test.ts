/**
 * review-attacker2: withdrawing 'contact' on /:lang/me/move mails the case's navigator
 * (household/service.ts setConsent → mailContactWithdrawn) every time it changes. Giving it again and
 * withdrawing again is two clicks, with no rate limit on the route (config: signedIn only), so a
 * household (or a script with its session) fills the navigator's mailbox with "does not want to be
 * contacted" mails for one case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';

describe('review-attacker2: the contact-withdrawn mail', async () => {
  const t = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = t.database.db;
  const client = await formClient(t.app);
  const stamp = Date.now().toString(36);

  it('a household that withdraws and gives the contact consent again and again does not send the navigator a mail each time', async () => {
    const navigator = await createNavigator(db, {
      municipalityCode: '2080',
      name: 'Pia Lots',
      email: `pia-${stamp}@example.org`,
    });
    const mover = await createPerson(db, { email: `toggle-${stamp}@example.org` });
    const c = await createCase(db, {
      municipalityCode: '2080',
      navigatorId: navigator.accountId,
      accountId: mover.accountId,
      main: { name: 'Tove Toggla', email: mover.email, accountId: mover.accountId },
    });
    const cookie = await sessionFor(db, mover.accountId);
    for (let i = 0; i < 5; i++) {
      for (const action of ['withdraw', 'give']) {
        const res = await client.postForm('/sv/me/move/consent', cookie, {
          case: c.caseId,
          person: c.mainId,
          purpose: 'contact',
          action,
        });
        assert.equal(res.statusCode, 303);
      }
    }
    const mails = await db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', navigator.email)
      .execute();
    assert.ok(mails.length <= 1, `the navigator got ${mails.length} mails about one case in a few seconds`);
  });
});

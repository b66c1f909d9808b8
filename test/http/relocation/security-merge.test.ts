/**
 * review-attacker2: the welcome link, now also the duplicates page's "send a link to confirm", is
 * treated as proof that whoever opens it owns the address it was sent to. But the link is bound to a
 * person row, not to the address: merging two cases moves the links of the merged person to the
 * surviving person (careers/repository.ts mergePersonRows), and spending a link signs in the account
 * of the *surviving* person's address (request/service.ts spendWelcome → findOrCreateAccount).
 *
 * So a stranger who asks with the same name as someone (a pair the duplicates page itself proposes,
 * "samma namn och kommun"), keeps their own welcome link unopened, and waits for the navigator to
 * merge, opens the link and is signed in as the other person.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';

const request = (name: string, email: string) => ({
  needs: ['job'],
  municipality: '2080',
  channel: 'email',
  language: 'sv',
  citizenship: 'eu',
  has_partner: 'no',
  children: '',
  housing: 'rent',
  message: '',
  name,
  email,
  phone: '',
  consent_contact: 'yes',
  consents: [],
  action: 'send',
  slot: 'none',
});

describe('review-attacker2: a welcome link after a merge', async () => {
  const t = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = t.database.db;
  const client = await formClient(t.app);
  const stamp = Date.now().toString(36);
  const navigator = await createNavigator(db, { municipalityCode: '2080', name: 'Mats Lots' });

  it('a stranger who asked with the same name opens their own welcome link after the navigator merged the cases and is NOT signed in as the other person', async () => {
    // Vera has an account (a talent pool sign-up, say) and a case.
    const vera = await createPerson(db, { email: `vera-${stamp}@example.org` });
    const veraCase = await createCase(db, {
      municipalityCode: '2080',
      accountId: vera.accountId,
      main: { name: `Vera Viktim ${stamp}`, email: vera.email, accountId: vera.accountId },
    });

    // Mallory asks with Vera's name and her own address; she keeps the welcome link.
    const mallory = `mallory-${stamp}@example.org`;
    const sent = await client.postForm('/sv/move', '', request(`Vera Viktim ${stamp}`, mallory));
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', mallory)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const welcome = /\/sv\/move\/welcome\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)?.[0];
    assert.ok(welcome, 'Mallory got a welcome link');
    const mallorysCase = await db
      .selectFrom('relocation_persons')
      .select('case_id')
      .where('email', '=', mallory)
      .executeTakeFirstOrThrow();

    // The duplicates page proposes the pair (same name, same municipality); the navigator merges,
    // keeping Vera's older case.
    const merged = await client.postForm('/admin/cases/duplicates/merge', navigator.cookie, {
      a: veraCase.caseId,
      b: mallorysCase.case_id,
      survivor: veraCase.caseId,
    });
    assert.equal(merged.statusCode, 303, merged.body.slice(0, 300));

    // Mallory opens the link that was mailed to *her* address.
    await client.postForm(welcome, '', {});

    const veraSessions = await db
      .selectFrom('sessions')
      .select('account_id')
      .where('account_id', '=', vera.accountId)
      .execute();
    assert.equal(
      veraSessions.length,
      0,
      'a link mailed to Mallory’s address started a session on Vera’s account (account takeover)',
    );
  });

  it('a household that asked by phone only is not handed to a stranger who asked with the same name: after the merge, signing in with the stranger’s address does not show the household’s moving page', async () => {
    // Ville asked by phone (no e-mail), with his partner; nobody holds the case.
    const villeCase = await createCase(db, {
      municipalityCode: '2080',
      channel: 'phone',
      main: { name: `Ville Telefon ${stamp}`, email: null, phone: '070-111 22 33' },
      partner: { name: `Hemlig Partner ${stamp}`, email: null },
      childrenAges: [3],
    });
    // Mallory asks with Ville's name and her own address.
    const mallory = `mallory2-${stamp}@example.org`;
    const sent = await client.postForm('/sv/move', '', request(`Ville Telefon ${stamp}`, mallory));
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    const mallorysCase = await db
      .selectFrom('relocation_persons')
      .select('case_id')
      .where('email', '=', mallory)
      .executeTakeFirstOrThrow();
    const merged = await client.postForm('/admin/cases/duplicates/merge', navigator.cookie, {
      a: villeCase.caseId,
      b: mallorysCase.case_id,
      survivor: villeCase.caseId,
    });
    assert.equal(merged.statusCode, 303, merged.body.slice(0, 300));

    // Mallory signs in with her own (proven) address and opens her moving page.
    const account = await createPerson(db, { email: mallory });
    const cookie = await sessionFor(db, account.accountId);
    const page = await client.get('/sv/me/move', cookie);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(
      page.body,
      new RegExp(`Hemlig Partner ${stamp}`),
      'Ville’s partner (and household) is shown to Mallory, who may now act for the partner’s consents',
    );
  });
});

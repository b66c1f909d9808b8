/**
 * The partner whose address the main mover gave: signing in with it (which proves the address)
 * shows them the household's moving page, where they give their own consents; the case stays the
 * main mover's, and the main mover no longer changes the partner's consents.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createCase } from '../../helpers/relocation.ts';

describe('the partner signs in with the address the main mover gave', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);

  it('sees the case and acts for themselves only; the case stays the main mover’s', async () => {
    const main = await createPerson(db, { email: 'ana.p@example.org' });
    const c = await createCase(db, {
      accountId: main.accountId,
      main: { name: 'Ana Ferreira', email: 'ana.p@example.org', accountId: main.accountId },
      partner: { name: 'João Ferreira', email: 'Joao.P@example.org' },
    });
    const mainCookie = await sessionFor(db, main.accountId);
    // Before the partner has an account, the main mover gives the partner's consents.
    const forPartner = { case: c.caseId, person: c.partnerId!, purpose: 'employers', action: 'give' };
    assert.equal((await client.postForm('/sv/me/move/consent', mainCookie, forPartner)).statusCode, 303);

    const partner = await createPerson(db, { email: 'joao.p@example.org' });
    const partnerCookie = await sessionFor(db, partner.accountId);
    const page = await client.get('/en/me/move', partnerCookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /João Ferreira|Case/);
    const person = await db
      .selectFrom('relocation_persons')
      .select('account_id')
      .where('id', '=', c.partnerId!)
      .executeTakeFirstOrThrow();
    assert.equal(person.account_id, partner.accountId);
    const kase = await db
      .selectFrom('relocation_cases')
      .select('account_id')
      .where('id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(kase.account_id, main.accountId);

    // Now the partner withdraws their own consent; the main mover no longer can.
    const withdraw = { ...forPartner, action: 'withdraw' };
    assert.equal((await client.postForm('/sv/me/move/consent', mainCookie, withdraw)).statusCode, 404);
    assert.equal((await client.postForm('/sv/me/move/consent', partnerCookie, withdraw)).statusCode, 303);
    const history = await db
      .selectFrom('relocation_case_events')
      .select(['kind', 'data'])
      .where('region_id', '=', REGION)
      .where('case_id', '=', c.caseId)
      .where('kind', '=', 'account.linked')
      .execute();
    assert.equal(history.length, 1);
  });

  it('the main mover is never linked as their own partner, and a closed case links no one', async () => {
    const both = await createPerson(db, { email: 'same@example.org' });
    const own = await createCase(db, {
      accountId: both.accountId,
      main: { email: 'same@example.org', accountId: both.accountId },
      partner: { name: 'Typo', email: 'same@example.org' },
    });
    const closed = await createCase(db, {
      stage: 'closed',
      partner: { name: 'X', email: 'late@example.org' },
    });
    const late = await createPerson(db, { email: 'late@example.org' });
    await client.get('/sv/me/move', await sessionFor(db, both.accountId));
    await client.get('/sv/me/move', await sessionFor(db, late.accountId));
    const rows = await db
      .selectFrom('relocation_persons')
      .select(['id', 'account_id'])
      .where('id', 'in', [own.partnerId!, closed.partnerId!])
      .execute();
    assert.ok(rows.every((r) => r.account_id === null));
  });
});

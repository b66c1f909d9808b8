/**
 * Linking a case's adult to a talent pool account only when the address is proven. An e-mail typed
 * in an anonymous request proves nothing: the duplicates page offers no link for it, the link is
 * refused, and the navigator can only send the person the welcome link — opening it (proving the
 * address) is what links them. A partner confirming links only themselves, not the case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createCase, createNavigator } from '../../helpers/relocation.ts';
import { createProfile } from '../talent/matching-fixture.ts';

describe('linking a sign-up only when the address is proven', async () => {
  const t = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = t.database.db;
  const client = await formClient(t.app);
  const navigator = await createNavigator(db, { name: 'Nora Lots' });
  const PAGE = '/admin/cases/duplicates';
  const stamp = Date.now().toString(36);

  const mailsTo = (address: string) =>
    db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', address)
      .orderBy('id')
      .execute();
  const accountOf = async (personId: string) =>
    (
      await db
        .selectFrom('relocation_persons')
        .select('account_id')
        .where('id', '=', personId)
        .executeTakeFirstOrThrow()
    ).account_id;
  /** The row of the sign-ups table naming the person. */
  const signupRow = (body: string, personId: string) =>
    body.split('<tr').find((row) => row.includes(`value="${personId}"`));

  it('an anonymous request’s e-mail is not linked; the person gets a link and is linked once they open it', async () => {
    const talent = await createProfile(db, { email: `claimed-${stamp}@example.org` });
    const c = await createCase(db, { main: { name: 'Ulla Obekräftad', email: talent.email } });

    const page = await client.get(PAGE, navigator.cookie);
    assert.equal(page.statusCode, 200);
    const row = signupRow(page.body, c.mainId);
    assert.ok(row, 'the sign-up is listed');
    assert.match(row, /Skicka en länk så att personen kan bekräfta/);
    assert.doesNotMatch(row, /Koppla till profilen/);
    assert.doesNotMatch(row, /duplicates\/link"/);

    // Linking anyway (a forged form) is refused and changes nothing.
    const forced = await client.postForm(`${PAGE}/link`, navigator.cookie, { person: c.mainId });
    assert.equal(forced.statusCode, 404);
    assert.equal(await accountOf(c.mainId), null);

    const asked = await client.postForm(`${PAGE}/confirm`, navigator.cookie, { person: c.mainId });
    assert.equal(asked.statusCode, 303);
    assert.equal(asked.headers.location, `${PAGE}?done=confirm`);
    const notice = await client.get(asked.headers.location!, navigator.cookie);
    assert.match(notice.body, /Vi har skickat en länk till personens e-postadress/);
    assert.equal(await accountOf(c.mainId), null, 'sending the link links nobody');
    const [mail] = await mailsTo(talent.email);
    assert.ok(mail);
    assert.doesNotMatch(mail.subject, /Ulla/);
    const path = /\/sv\/move\/welcome\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)?.[0];
    assert.ok(path, 'the mail carries the welcome link');

    // Asked again at once: no second mail.
    const again = await client.postForm(`${PAGE}/confirm`, navigator.cookie, { person: c.mainId });
    assert.equal(again.headers.location, `${PAGE}?done=confirm_recent`);
    assert.equal((await mailsTo(talent.email)).length, 1);

    // The person opens the link: now the address is proven and they are linked to their account.
    const spent = await client.postForm(path, '', {});
    assert.equal(spent.statusCode, 303);
    assert.equal(await accountOf(c.mainId), talent.accountId);
    const kase = await db
      .selectFrom('relocation_cases')
      .select('account_id')
      .where('id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(kase.account_id, talent.accountId);
    assert.equal(signupRow((await client.get(PAGE, navigator.cookie)).body, c.mainId), undefined);

    const actions = (
      await db.selectFrom('audit_events').select('action').where('subject_id', '=', c.caseId).execute()
    ).map((a) => a.action);
    assert.ok(actions.includes('relocation.person.confirm_asked'));
    assert.ok(!actions.includes('relocation.person.linked'));
  });

  it('a partner who confirms is linked, but the case stays without an account', async () => {
    const talent = await createProfile(db, { email: `partner-${stamp}@example.org` });
    const c = await createCase(db, {
      main: { name: 'Huvud Person', email: `main-${stamp}@example.org` },
      partner: { name: 'Paula Partner', email: talent.email },
    });
    const row = signupRow((await client.get(PAGE, navigator.cookie)).body, c.partnerId!);
    assert.ok(row && /Skicka en länk/.test(row));
    assert.equal(
      (await client.postForm(`${PAGE}/link`, navigator.cookie, { person: c.partnerId! })).statusCode,
      404,
    );
    const asked = await client.postForm(`${PAGE}/confirm`, navigator.cookie, { person: c.partnerId! });
    assert.equal(asked.statusCode, 303);
    const [mail] = await mailsTo(talent.email);
    const path = /\/sv\/move\/welcome\/[A-Za-z0-9_-]{43}/.exec(mail!.text_body)![0];
    assert.equal((await client.postForm(path, '', {})).statusCode, 303);
    assert.equal(await accountOf(c.partnerId!), talent.accountId);
    const kase = await db
      .selectFrom('relocation_cases')
      .select('account_id')
      .where('id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(kase.account_id, null, 'the case is the main mover’s, not the partner’s');
  });

  it('a person of a case out of scope, or nobody, is a 404', async () => {
    const other = await createNavigator(db, { municipalityCode: '2062', name: 'Mona Annan' });
    const talent = await createProfile(db, { email: `scope-${stamp}@example.org` });
    const c = await createCase(db, { municipalityCode: '2080', main: { email: talent.email } });
    for (const person of [c.mainId, '00000000-0000-4000-8000-000000000000', 'nonsense']) {
      const res = await client.postForm(`${PAGE}/confirm`, other.cookie, { person });
      assert.equal(res.statusCode, 404, person);
    }
    assert.equal((await mailsTo(talent.email)).length, 0);
  });
});

/**
 * Second-factor pages say only what is true: a first passkey does not come with a promise of
 * recovery codes that never arrive, and only someone who has recovery codes is warned that new ones
 * replace them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../../src/modules/identity/second-factor/messages.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { SoftAuthenticator, cookieFrom } from '../../helpers/webauthn.ts';

const recoveryCount = (body: string) => (body.match(/<li><code>/g) ?? []).length;

describe('second factors: what the pages promise', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const { postForm, postJson } = await formClient(app);
  const page = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });
  const codesLeft = async (accountId: string) =>
    Number(
      (
        await db
          .selectFrom('recovery_codes')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('account_id', '=', accountId)
          .where('used_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('after a passkey as the first factor, no page promised recovery codes it did not give, and the security page says how to make them', async () => {
    const navigator = await createPerson(db, { role: 'navigator' });
    const cookie = await sessionFor(db, navigator.accountId);
    const promise = /Efteråt får du reservkoder/;

    const check = await page('/sv/me/second-factor?next=%2Fadmin', cookie);
    assert.equal(check.statusCode, 200);

    const options = await postJson('/sv/me/passkeys/options', cookie, {});
    const handle = cookieFrom(options.headers, 'lotsa_webauthn')!;
    const added = await postJson('/sv/me/passkeys', `${cookie}; ${handle}`, {
      response: new SoftAuthenticator().register(options.json()),
      next: '/admin',
    });
    assert.deepEqual(added.json(), { redirect: '/admin' });
    const gotCodes = (await codesLeft(navigator.accountId)) > 0;
    assert.ok(
      gotCodes || !promise.test(check.body),
      'the check page promised recovery codes that never came',
    );

    const security = await page('/sv/me/security?done=passkeyAdded', cookie);
    assert.equal(security.statusCode, 200);
    if (!gotCodes) {
      assert.ok(
        security.body.includes(messages.t('sv', 'done.passkeyAddedNoCodes')),
        'the notice says to create recovery codes now',
      );
    }
    const made = await postForm('/sv/me/recovery-codes', cookie, {});
    assert.equal(made.statusCode, 200);
    assert.equal(recoveryCount(made.body), 10, 'one button away');
  });

  it('the security page warns that old recovery codes stop working only to someone who has some', async () => {
    const navigator = await createPerson(db, { role: 'navigator' });
    const cookie = await sessionFor(db, navigator.accountId);
    const warning = messages.t('sv', 'recovery.generateHint');
    const options = await postJson('/sv/me/passkeys/options', cookie, {});
    const handle = cookieFrom(options.headers, 'lotsa_webauthn')!;
    await postJson('/sv/me/passkeys', `${cookie}; ${handle}`, {
      response: new SoftAuthenticator().register(options.json()),
    });
    assert.equal(await codesLeft(navigator.accountId), 0);

    const without = await page('/sv/me/security', cookie);
    assert.equal(without.statusCode, 200);
    assert.match(without.body, /action="\/sv\/me\/recovery-codes"/, 'they can still create codes');
    assert.ok(!without.body.includes(warning), 'no warning about codes they do not have');

    await postForm('/sv/me/recovery-codes', cookie, {});
    const withCodes = await page('/sv/me/security', cookie);
    assert.ok(withCodes.body.includes(warning), 'with codes, the warning is there');
  });
});

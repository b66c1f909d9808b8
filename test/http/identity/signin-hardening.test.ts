/**
 * Sign-in hardening, from a security review: set-up secrets are never reused across sessions, a
 * passkey counts as two factors only with user verification, sent mail keeps no sign-in link,
 * erasure takes the mail too, deletion needs the second factor, and odd `next` values cannot burn a
 * link or cause a 500.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { totpCode } from '../../../src/modules/identity/second-factor/service.ts';
import { hashSecret } from '../../../src/platform/auth/secrets.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { createOrganisation, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { formClient } from '../../helpers/client.ts';
import { SoftAuthenticator, cookieFrom } from '../../helpers/webauthn.ts';

describe('sign-in hardening', async () => {
  const { app, database, queue } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const { postForm, postJson } = await formClient(app);
  const sessionRow = (cookie: string) =>
    db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', hashSecret(cookie.split('=')[1] as string))
      .executeTakeFirst();

  it('a passkey sign-in without user verification does not count as a second factor for staff', async () => {
    // A navigator registers a security key (no PIN / no user verification) as their first factor.
    const navigator = await createPerson(db, { role: 'navigator' });
    const cookie = await sessionFor(db, navigator.accountId);
    const key = new SoftAuthenticator();
    const options = await postJson('/sv/me/passkeys/options', cookie, {});
    const handle = cookieFrom(options.headers, 'lotsa_webauthn')!;
    const added = await postJson('/sv/me/passkeys', `${cookie}; ${handle}`, {
      response: key.register(options.json()),
    });
    assert.equal(added.statusCode, 200, added.body);

    // Whoever holds the key (stolen, found) signs in with a touch alone: flags UP only, no UV.
    const signInOptions = await postJson('/sv/login/passkey/options', '', {});
    const signInHandle = cookieFrom(signInOptions.headers, 'lotsa_webauthn')!;
    const signedIn = await postJson('/sv/login/passkey', signInHandle, {
      response: key.assert(signInOptions.json(), 0x01),
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    const session = cookieFrom(signedIn.headers, 'lotsa_session')!;
    const admin = await app.inject({ url: '/admin', headers: { cookie: session } });
    // One factor (possession) must not pass the staff gate as if it were two.
    assert.equal((await sessionRow(session))?.second_factor_at, null, 'session marked as two-factor');
    assert.equal(admin.statusCode, 303, 'a possession-only sign-in reached the back-office');
  });

  it('a pending TOTP secret seen by one session is not the secret the owner later confirms', async () => {
    const owner = await createPerson(db, {
      role: 'admin',
      organisationId: await createOrganisation(db, { kind: 'region' }),
    });
    // The attacker holds a session from one stolen sign-in e-mail and looks at the setup page only.
    const attacker = await sessionFor(db, owner.accountId);
    const seen = await app.inject({ url: '/sv/me/totp', headers: { cookie: attacker } });
    assert.equal(seen.statusCode, 200);
    const stolen = (
      await db
        .selectFrom('totp_secrets')
        .select('secret')
        .where('account_id', '=', owner.accountId)
        .executeTakeFirstOrThrow()
    ).secret;
    assert.match(
      seen.body,
      new RegExp(stolen.slice(0, 4) + ' ' + stolen.slice(4, 8)),
      'shown to the attacker',
    );

    // Later the owner sets up their app in their own session: the page shows a new secret.
    const own = await sessionFor(db, owner.accountId);
    const setup = await app.inject({ url: '/sv/me/totp', headers: { cookie: own } });
    const shown = /class="totp-secret">([A-Z2-7 ]+)</.exec(setup.body)?.[1]?.replace(/ /g, '') ?? '';
    assert.ok(shown && shown !== stolen, 'the owner is shown a fresh secret');
    const confirmed = await postForm('/sv/me/totp', own, { code: totpCode(shown) });
    assert.equal(confirmed.statusCode, 200, 'the owner confirmed the secret their page showed');

    // The attacker's still-live session cannot pass the second-factor check with the secret they saw.
    const check = await postForm('/sv/me/second-factor', attacker, {
      code: totpCode(stolen, Date.now() + 30_000),
      next: '/admin',
    });
    assert.equal(check.statusCode, 422, 'the secret the attacker saw is worth nothing');
  });

  it('an account with a second factor is not deleted from a session that has not shown it', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const regionOrg = await createOrganisation(db, { kind: 'region' });
    await createPerson(db, { role: 'admin', organisationId: regionOrg }); // not the last admin
    const owner = await createPerson(db, { role: 'admin', organisationId: regionOrg, totpSecret: secret });
    // A session from a stolen e-mail link: it cannot add or remove a factor…
    const cookie = await sessionFor(db, owner.accountId);
    const remove = await postForm('/sv/me/totp/disable', cookie, {});
    assert.equal(remove.statusCode, 303);
    assert.match(String(remove.headers.location), /second-factor/, 'removing a factor is refused');
    // …but it can erase the whole account, factors, memberships and all.
    const deleted = await postForm('/sv/me/delete', cookie, { confirm: owner.email });
    const still = await db
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', owner.accountId)
      .executeTakeFirst();
    assert.ok(still, `the account was deleted without a second factor (status ${deleted.statusCode})`);
  });

  it('sign-in links, codes and invitation tokens are not kept in clear in mail_outbox', async () => {
    const person = await createPerson(db);
    const login = await postForm('/sv/login', '', { email: person.email });
    assert.equal(login.statusCode, 200);
    await queue.drain();
    const row = await db
      .selectFrom('mail_outbox')
      .select(['text_body', 'state'])
      .where('to_address', '=', person.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'sent');
    const token = /\/login\/link\/([A-Za-z0-9_-]{43})/.exec(row.text_body)?.[1];
    // Anyone who can read the table (a backup, a read replica, a support login) signs in as anyone.
    if (token) {
      const confirm = await app.inject({ url: `/sv/login/link/${token}` });
      assert.fail(
        `a live sign-in token is stored in clear after sending (confirm page: ${confirm.statusCode})`,
      );
    }
  });

  it('deleting an account leaves no e-mail to its address behind', async () => {
    const person = await createPerson(db);
    await postForm('/sv/login', '', { email: person.email });
    await queue.drain();
    const cookie = await sessionFor(db, person.accountId);
    const deleted = await postForm('/sv/me/delete', cookie, { confirm: person.email });
    assert.equal(deleted.statusCode, 303);
    assert.equal(
      await db.selectFrom('accounts').select('id').where('id', '=', person.accountId).executeTakeFirst(),
      undefined,
    );
    const left = await db
      .selectFrom('mail_outbox')
      .select(sql<string>`count(*)`.as('n'))
      .where('region_id', '=', REGION)
      .where('to_address', '=', person.email)
      .executeTakeFirstOrThrow();
    assert.equal(Number(left.n), 0, 'the address (and its sign-in mails) survive the erasure');
  });

  it('a `next` with a non-Latin-1 character neither burns the sign-in link nor answers 500', async () => {
    const person = await createPerson(db);
    // An attacker sends the victim to /sv/login?next=/sv/jobs?q=€ ; safeNext accepts it and the
    // login form carries it into the e-mail's row.
    const sent = await postForm('/sv/login', '', { email: person.email, next: '/sv/jobs?q=€' });
    assert.equal(sent.statusCode, 200);
    const row = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', person.email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const token = /\/login\/link\/([A-Za-z0-9_-]{43})/.exec(row.text_body)![1]!;
    const res = await postForm('/sv/login/link', '', { token });
    const used = await db
      .selectFrom('login_tokens')
      .select('used_at')
      .where('token_hash', '=', hashSecret(token))
      .executeTakeFirstOrThrow();
    assert.ok(
      res.statusCode < 500,
      `answered ${res.statusCode}, no cookie set: ${!cookieFrom(res.headers, 'lotsa_session')}, link used: ${Boolean(used.used_at)}`,
    );
  });

  it('the second-factor check does not answer 500 for a `next` with a control character', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const person = await createPerson(db, { role: 'navigator', totpSecret: secret });
    const cookie = await sessionFor(db, person.accountId, { secondFactor: true });
    const res = await app.inject({ url: '/sv/me/second-factor?next=/%01x', headers: { cookie } });
    assert.ok(res.statusCode < 500, `answered ${res.statusCode}`);
  });
});

/**
 * Second factors over HTTP: staff sent to the check before the back-office, setting up an
 * authenticator app (wrong code, right code, recovery codes shown once, session marked), codes that
 * work once, guessing limits, the security page, and passkeys end to end with a software
 * authenticator (registration, sign-in, second factor) plus forged and garbage assertions.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashSecret } from '../../../src/platform/auth/secrets.ts';
import {
  base32Decode,
  base32Encode,
  hasSecondFactor,
  newTotpSecret,
  normalizeRecoveryCode,
  totpCode,
  verifyTotp,
} from '../../../src/modules/identity/second-factor/service.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { auditActions, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { formClient } from '../../helpers/client.ts';
import { SoftAuthenticator, b64url, cookieFrom } from '../../helpers/webauthn.ts';

describe('second factors', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const { csrf, headers, postForm, postJson } = await formClient(app);
  const sessionRow = (cookie: string) =>
    db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', hashSecret(cookie.split('=')[1] as string))
      .executeTakeFirst();

  it('TOTP codes follow RFC 6238 (SHA-1 test vector) and base32 round-trips', () => {
    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", T = 59 s → 94287082 (8 digits).
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    assert.equal(secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    assert.equal(totpCode(secret, 59_000), '287082', 'the last six digits of 94287082');
    assert.equal(totpCode(secret, 1_111_111_109_000), '081804');
    assert.deepEqual(base32Decode(secret), Buffer.from('12345678901234567890'));
    const fresh = newTotpSecret();
    assert.equal(base32Decode(fresh).length, 20);
    const now = Date.now();
    assert.ok(verifyTotp(fresh, totpCode(fresh, now - 30_000), { time: now }), 'one step behind is fine');
    assert.ok(verifyTotp(fresh, totpCode(fresh, now + 30_000), { time: now }), 'one step ahead is fine');
    assert.equal(verifyTotp(fresh, totpCode(fresh, now - 90_000), { time: now }), undefined);
    const step = verifyTotp(fresh, totpCode(fresh, now), { time: now });
    assert.equal(verifyTotp(fresh, totpCode(fresh, now), { time: now, lastStep: step }), undefined);
    assert.equal(normalizeRecoveryCode(' ABCD EFGH '), 'abcd-efgh');
    assert.equal(normalizeRecoveryCode('abcd-efg0'), undefined, '0 is not in the alphabet');
  });

  it('a navigator without a second factor is sent to set one up, and an app code lets them in', async () => {
    const navigator = await createPerson(db, { role: 'navigator' });
    const cookie = await sessionFor(db, navigator.accountId);

    const admin = await app.inject({ url: '/admin', headers: { cookie, 'accept-language': 'sv' } });
    assert.equal(admin.statusCode, 303);
    assert.equal(admin.headers.location, '/sv/me/second-factor?next=%2Fadmin');

    const check = await app.inject({ url: '/sv/me/second-factor?next=%2Fadmin', headers: { cookie } });
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /<h1>Bekräfta att det är du<\/h1>/);
    assert.match(check.body, /andra människors uppgifter/, 'says why');
    assert.match(check.body, /href="\/sv\/me\/totp\?next=%2Fadmin"/, 'offers an authenticator app');
    assert.match(check.body, /class="passkey-register passkey"\s+hidden/, 'a passkey button for the script');
    assert.match(check.body, /data-passkey-fallback/, 'and what to do without JavaScript');

    const setup = await app.inject({ url: '/sv/me/totp?next=%2Fadmin', headers: { cookie } });
    assert.equal(setup.statusCode, 200);
    assert.equal(setup.headers['cache-control'], 'no-store');
    assert.match(setup.body, /<svg role="img" aria-label="QR-kod som lägger till Lotsa Dalarna/);
    assert.doesNotMatch(setup.body, /style=/, 'no inline styles under the CSP');
    assert.match(setup.body, /autocomplete="one-time-code"/);
    const row = await db
      .selectFrom('totp_secrets')
      .selectAll()
      .where('account_id', '=', navigator.accountId)
      .executeTakeFirstOrThrow();
    assert.equal(row.confirmed_at, null, 'pending until a code matches');
    assert.match(
      setup.body,
      new RegExp(row.secret.slice(0, 4) + ' ' + row.secret.slice(4, 8)),
      'grouped secret',
    );
    // The same session sees the same secret again; another session gets its own, and that one
    // replaces it (a secret one session saw is never the one another confirms).
    const again = await app.inject({ url: '/sv/me/totp', headers: { cookie } });
    assert.match(
      again.body,
      new RegExp(row.secret.slice(0, 4) + ' ' + row.secret.slice(4, 8)),
      'same session, same secret',
    );
    const other = await sessionFor(db, navigator.accountId);
    await app.inject({ url: '/sv/me/totp', headers: { cookie: other } });
    const replaced = await db
      .selectFrom('totp_secrets')
      .select('secret')
      .where('account_id', '=', navigator.accountId)
      .executeTakeFirstOrThrow();
    assert.notEqual(replaced.secret, row.secret, 'another session gets a new secret');
    const stale = await postForm('/sv/me/totp', cookie, { code: totpCode(replaced.secret), next: '/admin' });
    assert.equal(stale.statusCode, 422, 'a secret shown to another session cannot be confirmed here');
    const mine = await app.inject({ url: '/sv/me/totp', headers: { cookie } });
    const fresh = await db
      .selectFrom('totp_secrets')
      .select('secret')
      .where('account_id', '=', navigator.accountId)
      .executeTakeFirstOrThrow();
    assert.match(mine.body, new RegExp(fresh.secret.slice(0, 4) + ' ' + fresh.secret.slice(4, 8)));
    row.secret = fresh.secret;

    const wrongCode = totpCode(row.secret, Date.now() - 10 * 60_000);
    const wrong = await postForm('/sv/me/totp', cookie, { code: wrongCode, next: '/admin' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="code-error"/);
    assert.match(wrong.body, /aria-invalid="true"/);
    assert.match(wrong.body, /class="error-summary"/);
    assert.match(wrong.body, new RegExp(`value="${wrongCode}"`), 'what was typed is kept');
    assert.equal((await sessionRow(cookie))?.second_factor_at, null);

    const right = await postForm('/sv/me/totp', cookie, { code: totpCode(row.secret), next: '/admin' });
    assert.equal(right.statusCode, 200);
    assert.equal(right.headers['cache-control'], 'no-store');
    const codes = right.body.match(/<code>[a-z2-9]{4}-[a-z2-9]{4}<\/code>/g) ?? [];
    assert.equal(codes.length, 10, 'ten recovery codes, shown once');
    assert.match(right.body, /href="\/admin"/, 'continue to where they were going');
    assert.ok((await sessionRow(cookie))?.second_factor_at, 'the session counts as having shown a factor');
    assert.ok(await hasSecondFactor(db, REGION, navigator.accountId));
    const stored = await db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('account_id', '=', navigator.accountId)
      .execute();
    assert.equal(stored.length, 10);
    const plain = codes.map((c) => c.slice(6, 15));
    assert.ok(
      stored.every((s) => !plain.includes(s.code_hash)),
      'stored hashed',
    );
    const actions = await auditActions(db);
    assert.ok(actions.includes('totp.enabled') && actions.includes('recovery_codes.generated'));

    const through = await app.inject({ url: '/admin', headers: { cookie } });
    assert.notEqual(through.statusCode, 303, 'the back-office lets them in now');
    const security = await app.inject({ url: '/sv/me/security', headers: { cookie } });
    assert.doesNotMatch(security.body, /<code>[a-z2-9]{4}-[a-z2-9]{4}<\/code>/, 'codes are not shown again');
    assert.match(security.body, /Du har 10 av 10 reservkoder kvar/);
  });

  it('an app code works once, and the check sends back to a local path only', async () => {
    const secret = newTotpSecret();
    const editor = await createPerson(db, { role: 'region_editor', totpSecret: secret });
    const first = await sessionFor(db, editor.accountId);
    const page = await app.inject({ url: '/sv/me/second-factor?next=%2Fadmin', headers: { cookie: first } });
    assert.match(page.body, /name="code"/, 'asks for a code');
    const code = totpCode(secret);
    const ok = await postForm('/sv/me/second-factor', first, { code, next: '//evil.example/' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/admin', 'never another site');
    assert.ok((await sessionRow(first))?.second_factor_at);
    assert.ok((await auditActions(db)).includes('session.second_factor_verified'));

    const second = await sessionFor(db, editor.accountId);
    const reused = await postForm('/sv/me/second-factor', second, { code, next: '/admin' });
    assert.equal(reused.statusCode, 422, 'the same code again is refused');
    assert.match(reused.body, /id="code-error"/);
    assert.equal((await sessionRow(second))?.second_factor_at, null);

    const verified = await app.inject({
      url: '/sv/me/second-factor?next=%2Fadmin',
      headers: { cookie: first },
    });
    assert.equal(verified.statusCode, 303, 'a verified session goes straight on');
  });

  it('a recovery code works once, and a new set replaces the old', async () => {
    const secret = newTotpSecret();
    const admin = await createPerson(db, { role: 'admin', totpSecret: secret });
    const verified = await sessionFor(db, admin.accountId, { secondFactor: true });
    const generated = await postForm('/sv/me/recovery-codes', verified, {});
    assert.equal(generated.statusCode, 200);
    const codes = (generated.body.match(/<code>([a-z2-9]{4}-[a-z2-9]{4})<\/code>/g) ?? []).map((c) =>
      c.slice(6, 15),
    );
    assert.equal(codes.length, 10);

    const one = await sessionFor(db, admin.accountId);
    const used = await postForm('/sv/me/second-factor', one, {
      code: codes[0]!.toUpperCase(),
      next: '/admin',
    });
    assert.equal(used.statusCode, 303, 'any case works');
    assert.ok((await sessionRow(one))?.second_factor_at);
    assert.ok((await auditActions(db)).includes('recovery_code.used'));

    const two = await sessionFor(db, admin.accountId);
    const again = await postForm('/sv/me/second-factor', two, { code: codes[0]!, next: '/admin' });
    assert.equal(again.statusCode, 422);

    const newer = await postForm('/sv/me/recovery-codes', verified, {});
    assert.equal(newer.statusCode, 200);
    const old = await postForm('/sv/me/second-factor', two, { code: codes[1]!, next: '/admin' });
    assert.equal(old.statusCode, 422, 'the old set no longer works');
  });

  it('guessing codes is limited per account: 429 with Retry-After', async () => {
    const secret = newTotpSecret();
    const person = await createPerson(db, { role: 'navigator', totpSecret: secret });
    const cookie = await sessionFor(db, person.accountId);
    const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 10; i += 1) {
      const res = await postForm('/sv/me/second-factor', cookie, { code: wrong, next: '/admin' });
      assert.equal(res.statusCode, 422);
    }
    const limited = await postForm('/sv/me/second-factor', cookie, {
      code: totpCode(secret),
      next: '/admin',
    });
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal((await sessionRow(cookie))?.second_factor_at, null);

    const other = await createPerson(db, { role: 'navigator', totpSecret: newTotpSecret() });
    const otherCookie = await sessionFor(db, other.accountId);
    const fine = await postForm('/sv/me/second-factor', otherCookie, { code: '000000', next: '/admin' });
    assert.notEqual(fine.statusCode, 429, 'another account is not limited');
  });

  it('a talent sees the security page; without a session it sends to the login page', async () => {
    const talent = await createPerson(db);
    const cookie = await sessionFor(db, talent.accountId);
    const page = await app.inject({ url: '/sv/me/security', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="sv"/);
    assert.match(page.body, /<h1>Inloggning och säkerhet<\/h1>/);
    assert.match(page.body, /Du har inga nycklar än/);
    assert.match(page.body, /href="\/sv\/me\/totp"/);
    assert.match(page.body, /behöver webbläsaren JavaScript/);
    assert.match(page.body, /js\/passkey\.js/);
    const en = await app.inject({ url: '/en/me/security', headers: { cookie } });
    assert.match(en.body, /<h1>Sign-in and security<\/h1>/);

    const anonymous = await app.inject({ url: '/sv/me/security' });
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, '/sv/login?next=%2Fsv%2Fme%2Fsecurity');
  });

  it('with a factor but an unconfirmed session, factors cannot be changed until one is shown', async () => {
    const person = await createPerson(db, { totpSecret: newTotpSecret() });
    const cookie = await sessionFor(db, person.accountId);
    const page = await app.inject({ url: '/sv/me/security', headers: { cookie } });
    assert.match(page.body, /href="\/sv\/me\/second-factor\?next=%2Fsv%2Fme%2Fsecurity"/);
    assert.doesNotMatch(page.body, /action="\/sv\/me\/totp\/disable"/);
    const disable = await postForm('/sv/me/totp/disable', cookie, {});
    assert.equal(disable.statusCode, 303);
    assert.match(String(disable.headers.location), /^\/sv\/me\/second-factor/);
    assert.ok(await hasSecondFactor(db, REGION, person.accountId), 'still on');
    const options = await postJson('/sv/me/passkeys/options', cookie, {});
    assert.equal(options.statusCode, 403);
    const setup = await app.inject({ url: '/sv/me/totp', headers: { cookie } });
    assert.equal(setup.statusCode, 303);

    const verified = await sessionFor(db, person.accountId, { secondFactor: true });
    const off = await postForm('/sv/me/totp/disable', verified, {});
    assert.equal(off.statusCode, 303);
    assert.equal(off.headers.location, '/sv/me/security?done=factorGone');
    assert.equal(await hasSecondFactor(db, REGION, person.accountId), false);
    assert.equal((await sessionRow(verified))?.second_factor_at, null, 'no factor left to have shown');
    assert.ok((await auditActions(db)).includes('totp.disabled'));
  });

  it('passkey options answer JSON with a challenge kept in the database, bound by a cookie', async () => {
    const talent = await createPerson(db);
    const cookie = await sessionFor(db, talent.accountId);
    const res = await postJson('/sv/me/passkeys/options', cookie, {});
    assert.equal(res.statusCode, 200);
    const options = res.json() as {
      challenge: string;
      rp: { id: string; name: string };
      authenticatorSelection: { residentKey: string };
    };
    assert.ok(options.challenge.length >= 16);
    assert.equal(options.rp.id, 'localhost');
    assert.equal(options.rp.name, 'Lotsa Dalarna');
    assert.equal(options.authenticatorSelection.residentKey, 'required');
    const handle = cookieFrom(res.headers, 'lotsa_webauthn');
    assert.ok(handle);
    assert.match(String(res.headers['set-cookie']), /HttpOnly/);
    const row = await db
      .selectFrom('webauthn_challenges')
      .selectAll()
      .where('challenge', '=', options.challenge)
      .executeTakeFirstOrThrow();
    assert.equal(row.purpose, 'register');
    assert.equal(row.account_id, talent.accountId);
    assert.equal(row.handle_hash, hashSecret(handle.split('=')[1]!), 'only the handle’s hash is stored');

    const signIn = await postJson('/sv/login/passkey/options', '', {});
    assert.equal(signIn.statusCode, 200);
    const signInOptions = signIn.json() as { challenge: string; rpId: string };
    assert.equal(signInOptions.rpId, 'localhost');
    const signInRow = await db
      .selectFrom('webauthn_challenges')
      .selectAll()
      .where('challenge', '=', signInOptions.challenge)
      .executeTakeFirstOrThrow();
    assert.equal(signInRow.purpose, 'authenticate');
    assert.equal(signInRow.account_id, null);
  });

  it('forged and garbage assertions get 400, never 500', async () => {
    const talent = await createPerson(db);
    const cookie = await sessionFor(db, talent.accountId);
    const garbage = [
      'garbage',
      null,
      { id: '!!', rawId: 1, type: 'public-key', response: {} },
      {
        id: b64url(randomBytes(16)),
        rawId: b64url(randomBytes(16)),
        type: 'public-key',
        clientExtensionResults: {},
        response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' },
      },
    ];
    for (const response of garbage) {
      const options = await postJson('/sv/login/passkey/options', '', {});
      const handle = cookieFrom(options.headers, 'lotsa_webauthn')!;
      const res = await postJson('/sv/login/passkey', handle, { response });
      assert.equal(res.statusCode, 400, JSON.stringify(response));
      assert.equal((res.json() as { code: string }).code, 'LOTSA_BAD_REQUEST');

      const reg = await postJson('/sv/me/passkeys/options', cookie, {});
      const regHandle = cookieFrom(reg.headers, 'lotsa_webauthn')!;
      const finish = await postJson('/sv/me/passkeys', `${cookie}; ${regHandle}`, { response });
      assert.equal(finish.statusCode, 400);
    }
    const noCeremony = await postJson('/sv/login/passkey', '', { response: garbage[3] });
    assert.equal(noCeremony.statusCode, 400, 'without a ceremony');
    const malformed = await app.inject({
      method: 'POST',
      url: '/sv/login/passkey',
      payload: '{"response":',
      headers: { ...headers(''), 'content-type': 'application/json', 'x-csrf-token': csrf.token },
    });
    assert.equal(malformed.statusCode, 400);
  });

  it('a passkey is added, signs in without an address, counts as a second factor, and is renamed and removed', async () => {
    const navigator = await createPerson(db, { role: 'navigator' });
    const cookie = await sessionFor(db, navigator.accountId);
    const authenticator = new SoftAuthenticator();

    // Register from the second-factor check (no factor yet): the session is marked.
    const options = await postJson('/sv/me/passkeys/options', cookie, {});
    const handle = cookieFrom(options.headers, 'lotsa_webauthn')!;
    const added = await postJson('/sv/me/passkeys', `${cookie}; ${handle}`, {
      response: authenticator.register(options.json()),
      next: '/admin',
    });
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual(added.json(), { redirect: '/admin' });
    const passkey = await db
      .selectFrom('passkeys')
      .selectAll()
      .where('account_id', '=', navigator.accountId)
      .executeTakeFirstOrThrow();
    assert.equal(passkey.credential_id, b64url(authenticator.credentialId));
    assert.deepEqual(passkey.transports, ['internal']);
    assert.ok(passkey.name.length > 0, 'a default name');
    assert.ok((await sessionRow(cookie))?.second_factor_at, 'the first factor marks the session');
    assert.ok((await auditActions(db)).includes('passkey.added'));
    const replayed = await postJson('/sv/me/passkeys', `${cookie}; ${handle}`, {
      response: authenticator.register(options.json()),
    });
    assert.equal(replayed.statusCode, 400, 'a challenge is used once');

    // Sign in with it: no address typed, a session that has shown a second factor.
    const signInOptions = await postJson('/sv/login/passkey/options', '', {});
    const signInHandle = cookieFrom(signInOptions.headers, 'lotsa_webauthn')!;
    const assertion = authenticator.assert(signInOptions.json());
    const signedIn = await postJson('/sv/login/passkey', signInHandle, {
      response: assertion,
      next: '/sv/me/security',
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.deepEqual(signedIn.json(), { redirect: '/sv/me/security' });
    const session = cookieFrom(signedIn.headers, 'lotsa_session');
    assert.ok(session, 'a session cookie');
    const row = await sessionRow(session);
    assert.equal(row?.method, 'passkey');
    assert.ok(row?.second_factor_at);
    assert.equal(row?.account_id, navigator.accountId);
    const used = await db
      .selectFrom('passkeys')
      .select(['counter', 'last_used_at'])
      .where('credential_id', '=', passkey.credential_id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(used.counter), 1);
    assert.ok(used.last_used_at);
    const started = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'session.started')
      .where('actor_id', '=', navigator.accountId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(started.data, { method: 'passkey' });
    const replay = await postJson('/sv/login/passkey', signInHandle, { response: assertion });
    assert.equal(replay.statusCode, 400, 'an assertion is used once');
    const admin = await app.inject({ url: '/admin', headers: { cookie: session } });
    assert.notEqual(admin.statusCode, 303, 'straight into the back-office');
    const offsite = await postJson('/sv/login/passkey/options', '', {});
    const offsiteHandle = cookieFrom(offsite.headers, 'lotsa_webauthn')!;
    const elsewhere = await postJson('/sv/login/passkey', offsiteHandle, {
      response: authenticator.assert(offsite.json()),
      next: 'https://evil.example/',
    });
    assert.deepEqual(elsewhere.json(), { redirect: '/sv/me' }, 'only local next paths');

    // As a second factor for a session started by e-mail.
    const byMail = await sessionFor(db, navigator.accountId);
    const check = await app.inject({
      url: '/sv/me/second-factor?next=%2Fadmin',
      headers: { cookie: byMail },
    });
    assert.match(check.body, /class="passkey-verify passkey"/);
    const verifyOptions = await postJson('/sv/me/second-factor/passkey/options', byMail, {});
    assert.equal(verifyOptions.statusCode, 200);
    const verifyHandle = cookieFrom(verifyOptions.headers, 'lotsa_webauthn')!;
    const other = new SoftAuthenticator();
    other.userHandle = authenticator.userHandle;
    const forged = await postJson('/sv/me/second-factor/passkey', `${byMail}; ${verifyHandle}`, {
      response: {
        ...other.assert(verifyOptions.json()),
        id: passkey.credential_id,
        rawId: passkey.credential_id,
      },
    });
    assert.equal(forged.statusCode, 400, 'a signature from another key');
    const verifyAgain = await postJson('/sv/me/second-factor/passkey/options', byMail, {});
    const verified = await postJson(
      '/sv/me/second-factor/passkey',
      `${byMail}; ${cookieFrom(verifyAgain.headers, 'lotsa_webauthn')!}`,
      { response: authenticator.assert(verifyAgain.json()), next: '/admin' },
    );
    assert.equal(verified.statusCode, 200, verified.body);
    assert.deepEqual(verified.json(), { redirect: '/admin' });
    assert.ok((await sessionRow(byMail))?.second_factor_at);

    // Another account's session cannot use this passkey as its factor.
    const stranger = await createPerson(db, { role: 'navigator' });
    const strangerCookie = await sessionFor(db, stranger.accountId);
    const strangerOptions = await postJson('/sv/me/second-factor/passkey/options', strangerCookie, {});
    assert.equal(strangerOptions.statusCode, 400, 'they have no passkeys');

    // Rename: an empty name is refused next to the field; a name is kept.
    const empty = await postForm('/sv/me/passkeys/rename', session, {
      credential: passkey.credential_id,
      name: '   ',
    });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /id="passkey-name-1-error"/);
    const renamed = await postForm('/sv/me/passkeys/rename', session, {
      credential: passkey.credential_id,
      name: 'Jobbdatorn <3',
    });
    assert.equal(renamed.statusCode, 303);
    const page = await app.inject({ url: '/sv/me/security', headers: { cookie: session } });
    assert.match(page.body, /Jobbdatorn &lt;3/);
    assert.match(page.body, /Din roll ger dig tillgång/, 'staff are told why');
    assert.match(
      page.body,
      /ber administrationen dig att ställa in ett nytt/,
      'and warned about the last one',
    );
    const foreign = await postForm('/sv/me/passkeys/remove', strangerCookie, {
      credential: passkey.credential_id,
    });
    assert.equal(foreign.statusCode, 404, 'not someone else’s');

    // Remove: the last factor goes, and with it the mark on every session.
    const removed = await postForm('/sv/me/passkeys/remove', session, { credential: passkey.credential_id });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/sv/me/security?done=factorGone');
    assert.equal(await hasSecondFactor(db, REGION, navigator.accountId), false);
    const back = await app.inject({ url: '/admin', headers: { cookie: session } });
    assert.equal(back.statusCode, 303, 'the back-office asks for a new factor');
    const actions = await auditActions(db);
    assert.ok(actions.includes('passkey.renamed') && actions.includes('passkey.removed'));
  });
});

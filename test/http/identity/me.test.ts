import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashSecret } from '../../../src/platform/auth/secrets.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';

describe('the own page', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;

  const client = await formClient(app);

  /** The page a signed-in browser sees, and its forms posted with the browser's CSRF token. */
  async function browser(session: string, lang: 'sv' | 'en' = 'sv') {
    const page = await app.inject({ method: 'GET', url: `/${lang}/me`, headers: { cookie: session } });
    assert.equal(page.statusCode, 200);
    const post = (url: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) =>
      client.postForm(url, session, fields, headers);
    return { page, post };
  }

  const statusWith = async (session: string, url = '/sv/me') =>
    (await app.inject({ method: 'GET', url, headers: { cookie: session } })).statusCode;

  /** Handles of the "End" forms on a page, in table order. */
  const endHandles = (body: string) => [...body.matchAll(/name="session" value="([^"]+)"/g)].map((m) => m[1]);

  it('sends a visitor without a session to the login page and back', async () => {
    const res = await app.inject({ method: 'GET', url: '/sv/me', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sv/login?next=%2Fsv%2Fme');
    const en = await app.inject({
      method: 'GET',
      url: '/en/me/export.json',
      headers: { accept: 'text/html' },
    });
    assert.equal(en.statusCode, 303);
    assert.equal(en.headers.location, '/en/login?next=%2Fen%2Fme%2Fexport.json');
  });

  it('shows the e-mail address, the organisations and the sessions with this device marked', async () => {
    const person = await createPerson(db, { role: 'employer_admin' });
    const other = await sessionFor(db, person.accountId);
    const session = await sessionFor(db, person.accountId);
    for (const lang of ['sv', 'en'] as const) {
      const { page } = await browser(session, lang);
      assert.match(page.body, new RegExp(`<html lang="${lang}"`));
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.ok(page.body.includes(person.email));
      assert.match(page.body, lang === 'sv' ? /Hej Test Person!/ : /Hello Test Person!/);
      assert.match(page.body, lang === 'sv' ? /Den här enheten/ : /This device/);
      assert.match(page.body, lang === 'sv' ? /Administratör för arbetsgivaren/ : /Employer admin/);
      assert.match(page.body, /href="\/admin"/);
      assert.ok(page.body.includes(`href="/${lang}/me/security"`));
      assert.ok(page.body.includes(`action="/${lang}/logout"`));
      assert.match(page.body, /<time datetime="\d{4}-\d\d-\d\dT/);
      // Two sessions, one of them this one: only the other has an "End" button.
      assert.equal(endHandles(page.body).length, 1);
      assert.ok(!page.body.includes(hashSecret(other.split('=')[1] ?? '')), 'no stored hashes in the page');
    }
  });

  it('a talent sees no back-office link', async () => {
    const person = await createPerson(db);
    const { page } = await browser(await sessionFor(db, person.accountId));
    assert.doesNotMatch(page.body, /href="\/admin"/);
  });

  it('saves the display name and language in Swedish and English, auditing field names only', async () => {
    const person = await createPerson(db, { language: 'sv' });
    const session = await sessionFor(db, person.accountId);

    const { post } = await browser(session, 'sv');
    const sv = await post('/sv/me/profile', { display_name: '  Åsa Öberg  ', language: 'en' });
    assert.equal(sv.statusCode, 303);
    assert.equal(sv.headers.location, '/sv/me?saved=1#profile');
    let row = await db
      .selectFrom('accounts')
      .select(['display_name', 'language'])
      .where('id', '=', person.accountId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { display_name: 'Åsa Öberg', language: 'en' });
    const saved = await app.inject({ method: 'GET', url: '/sv/me?saved=1', headers: { cookie: session } });
    assert.match(saved.body, /Sparat/);

    const en = await (
      await browser(session, 'en')
    ).post('/en/me/profile', { display_name: '', language: 'sv' });
    assert.equal(en.statusCode, 303);
    assert.equal(en.headers.location, '/en/me?saved=1#profile');
    row = await db
      .selectFrom('accounts')
      .select(['display_name', 'language'])
      .where('id', '=', person.accountId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { display_name: '', language: 'sv' });

    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'data'])
      .where('subject_id', '=', person.accountId)
      .where('action', '=', 'account.updated')
      .orderBy('id')
      .execute();
    assert.equal(events.length, 2);
    assert.equal(events[0]?.actor_id, person.accountId);
    assert.deepEqual(events[0]?.data, { fields: 'display_name,language' });
    assert.ok(!JSON.stringify(events).includes('Åsa'), 'no values in the audit trail');
  });

  it('an invalid language or name answers 422 and keeps what was typed next to the errors', async () => {
    const person = await createPerson(db);
    const session = await sessionFor(db, person.accountId);
    for (const lang of ['sv', 'en'] as const) {
      const { post } = await browser(session, lang);
      const res = await post(`/${lang}/me/profile`, { display_name: 'Kim <Kåre>', language: 'de' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, new RegExp(`<html lang="${lang}"`));
      assert.match(res.body, /value="Kim &lt;Kåre&gt;"/);
      assert.match(res.body, /id="language-error"/);
      assert.match(res.body, /class="error-summary"/);
    }
    const { post } = await browser(session);
    const tooLong = await post('/sv/me/profile', { display_name: 'x'.repeat(121), language: 'sv' });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /id="display_name-error"/);
    assert.match(tooLong.body, /aria-invalid="true"/);
    const control = await post('/sv/me/profile', { display_name: 'Kim\u0007', language: 'sv' });
    assert.equal(control.statusCode, 422);
    const missing = await post('/sv/me/profile', {});
    assert.equal(missing.statusCode, 422);
    const row = await db
      .selectFrom('accounts')
      .select('display_name')
      .where('id', '=', person.accountId)
      .executeTakeFirstOrThrow();
    assert.equal(row.display_name, 'Test Person', 'nothing saved');
  });

  it('ending another session makes its cookie stop working and keeps this one', async () => {
    const person = await createPerson(db);
    const phone = await sessionFor(db, person.accountId);
    const laptop = await sessionFor(db, person.accountId);
    const { page, post } = await browser(laptop);
    const [handle] = endHandles(page.body);
    assert.ok(handle);
    const res = await post('/sv/me/sessions/end', { session: handle ?? '' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sv/me?ended=1#sessions');
    assert.equal(await statusWith(phone), 303, 'the ended session is signed out');
    assert.equal(await statusWith(laptop), 200, 'this one still works');
    assert.ok((await auditActionsOf(person.accountId)).includes('session.ended'));
    // The same handle again: gone.
    assert.equal((await post('/sv/me/sessions/end', { session: handle ?? '' })).statusCode, 404);
  });

  it("another person's session or garbage answers 404 and ends nothing", async () => {
    const me = await createPerson(db);
    const them = await createPerson(db);
    const mine = await sessionFor(db, me.accountId);
    const theirs = await sessionFor(db, them.accountId);
    await sessionFor(db, them.accountId);
    const theirHandles = endHandles((await browser(theirs)).page.body);
    assert.equal(theirHandles.length, 1);
    const { post } = await browser(mine);
    assert.equal((await post('/sv/me/sessions/end', { session: theirHandles[0] ?? '' })).statusCode, 404);
    assert.equal((await post('/sv/me/sessions/end', { session: 'garbage' })).statusCode, 404);
    assert.equal((await post('/sv/me/sessions/end', {})).statusCode, 404);
    assert.equal(
      (await post('/sv/me/sessions/end', { session: hashSecret(theirs.split('=')[1] ?? '') })).statusCode,
      404,
    );
    const left = await db
      .selectFrom('sessions')
      .select('token_hash')
      .where('account_id', '=', them.accountId)
      .execute();
    assert.equal(left.length, 2);
  });

  it('"sign out everywhere else" keeps only this session', async () => {
    const person = await createPerson(db);
    const a = await sessionFor(db, person.accountId);
    const b = await sessionFor(db, person.accountId);
    const current = await sessionFor(db, person.accountId);
    const { post } = await browser(current, 'en');
    const res = await post('/en/me/sessions/end-others');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/en/me?ended=others#sessions');
    assert.equal(await statusWith(a), 303);
    assert.equal(await statusWith(b), 303);
    assert.equal(await statusWith(current, '/en/me'), 200);
    const event = await db
      .selectFrom('audit_events')
      .select('data')
      .where('subject_id', '=', person.accountId)
      .where('action', '=', 'session.ended_everywhere')
      .executeTakeFirstOrThrow();
    assert.equal(event.data.kept, true);
  });

  it('"sign out everywhere" ends every session, this one too, and clears the cookie', async () => {
    const person = await createPerson(db);
    const other = await sessionFor(db, person.accountId);
    const current = await sessionFor(db, person.accountId);
    const { post } = await browser(current);
    const res = await post('/sv/me/sessions/end-all');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sv/login?signed_out=1');
    const cleared = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('lotsa_session='));
    assert.ok(cleared, 'the session cookie is cleared');
    assert.match(cleared ?? '', /Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    assert.equal(await statusWith(current), 303);
    assert.equal(await statusWith(other), 303);
    assert.ok((await auditActionsOf(person.accountId)).includes('session.ended_everywhere'));
  });

  it('exports the person’s data as an attachment, without hashes or key material', async () => {
    const admin = await createPerson(db, { role: 'employer_admin' });
    const person = await createPerson(db, {
      role: 'employer_member',
      organisationId: admin.organisationId ?? '',
    });
    const session = await sessionFor(db, person.accountId);
    await db
      .insertInto('passkeys')
      .values({
        region_id: 'dalarna',
        credential_id: 'cred-id-secretish',
        account_id: person.accountId,
        public_key: Buffer.from('PUBLIC-KEY-MATERIAL'),
        name: 'Min telefon',
      })
      .execute();
    await db
      .insertInto('totp_secrets')
      .values({
        region_id: 'dalarna',
        account_id: person.accountId,
        secret: 'TOTPSECRETBASE32',
        confirmed_at: new Date(),
      })
      .execute();
    await db
      .insertInto('recovery_codes')
      .values([
        { region_id: 'dalarna', account_id: person.accountId, code_hash: 'recovery-hash-1' },
        { region_id: 'dalarna', account_id: person.accountId, code_hash: 'recovery-hash-2' },
      ])
      .execute();
    await db
      .insertInto('invitations')
      .values({
        region_id: 'dalarna',
        organisation_id: admin.organisationId ?? '',
        email: person.email,
        role: 'employer_admin',
        token_hash: 'invitation-hash',
        invited_by: admin.accountId,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .execute();

    const res = await app.inject({ method: 'GET', url: '/sv/me/export.json', headers: { cookie: session } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.match(
      String(res.headers['content-disposition']),
      /^attachment; filename="lotsa-account-\d{4}-\d\d-\d\d\.json"$/,
    );
    assert.equal(res.headers['cache-control'], 'no-store');
    const data = res.json() as {
      account: { email: string; displayName: string; language: string };
      memberships: { organisation: string; role: string }[];
      sessions: { device: string }[];
      passkeys: { name: string }[];
      authenticatorApp: { on: boolean };
      recoveryCodesLeft: number;
      pendingInvitations: { role: string }[];
      auditEvents: { action: string }[];
    };
    assert.equal(data.account.email, person.email);
    assert.equal(data.account.displayName, 'Test Person');
    assert.equal(data.memberships[0]?.role, 'employer_member');
    assert.equal(data.sessions.length, 1);
    assert.equal(data.passkeys[0]?.name, 'Min telefon');
    assert.equal(data.authenticatorApp.on, true);
    assert.equal(data.recoveryCodesLeft, 2);
    assert.equal(data.pendingInvitations[0]?.role, 'employer_admin');
    const text = res.body;
    const token = session.split('=')[1] ?? '';
    for (const secret of [
      hashSecret(token),
      token,
      'cred-id-secretish',
      Buffer.from('PUBLIC-KEY-MATERIAL').toString('base64'),
      'PUBLIC-KEY-MATERIAL',
      'TOTPSECRETBASE32',
      'recovery-hash-1',
      'invitation-hash',
    ]) {
      assert.ok(!text.includes(secret), `the export does not contain ${secret}`);
    }
    assert.ok((await auditActionsOf(person.accountId)).includes('account.exported'));
    const again = await app.inject({
      method: 'GET',
      url: '/sv/me/export.json',
      headers: { cookie: session },
    });
    assert.ok((again.json() as typeof data).auditEvents.some((e) => e.action === 'account.exported'));
  });

  it('deletion with the wrong confirmation answers 422 and deletes nothing', async () => {
    const person = await createPerson(db);
    const session = await sessionFor(db, person.accountId);
    const page = await app.inject({ method: 'GET', url: '/en/me/delete', headers: { cookie: session } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /What is kept/);
    assert.match(page.body, /pseudonym|random id/);
    const { post } = await browser(session, 'en');
    const wrong = await post('/en/me/delete', { confirm: 'someone@example.org' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="confirm-error"/);
    assert.match(wrong.body, /value="someone@example.org"/);
    assert.equal((await post('/en/me/delete', {})).statusCode, 422);
    assert.equal(await statusWith(session), 200);
  });

  it('the right confirmation deletes the account, signs out everywhere and keeps a pseudonymous audit event', async () => {
    const person = await createPerson(db, {
      role: 'employer_member',
      email: `bye-${Date.now()}@example.org`,
    });
    const session = await sessionFor(db, person.accountId);
    const other = await sessionFor(db, person.accountId);
    await db
      .insertInto('login_tokens')
      .values({
        region_id: 'dalarna',
        token_hash: `lt-${person.accountId}`,
        code_hash: 'x',
        email: person.email,
        account_id: person.accountId,
        language: 'sv',
        expires_at: new Date(Date.now() + 600_000),
      })
      .execute();
    await db
      .insertInto('audit_events')
      .values({
        region_id: 'dalarna',
        actor_id: null,
        actor_label: 'system',
        action: 'org.member.invited',
        subject_type: 'account',
        subject_id: person.accountId,
        data: JSON.stringify({ email: person.email, role: 'employer_member' }),
      })
      .execute();
    const { post } = await browser(session);
    const res = await post('/sv/me/delete', { confirm: `  ${person.email.toUpperCase()} ` });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sv/me/deleted');
    const cleared = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('lotsa_session='));
    assert.match(cleared ?? '', /Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    const goodbye = await app.inject({ method: 'GET', url: '/sv/me/deleted' });
    assert.equal(goodbye.statusCode, 200);
    assert.match(goodbye.body, /Ditt konto är borttaget/);

    assert.equal(await statusWith(session), 303, 'the cookie no longer signs in');
    assert.equal(await statusWith(other), 303);
    const account = await db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', person.email)
      .executeTakeFirst();
    assert.equal(account, undefined);
    const memberships = await db
      .selectFrom('memberships')
      .select('role')
      .where('account_id', '=', person.accountId)
      .execute();
    assert.equal(memberships.length, 0);
    const tokens = await db
      .selectFrom('login_tokens')
      .select('email')
      .where('email', '=', person.email)
      .execute();
    assert.equal(tokens.length, 0);
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'data'])
      .where('subject_id', '=', person.accountId)
      .execute();
    const deleted = events.find((e) => e.action === 'account.deleted');
    assert.ok(deleted);
    assert.equal(deleted.actor_id, person.accountId);
    assert.ok(!JSON.stringify(events).includes(person.email), 'the address is gone from the audit trail');
    assert.equal(events.find((e) => e.action === 'org.member.invited')?.data.role, 'employer_member');
  });

  it('the last admin of the region cannot delete themselves; with a second admin they can', async () => {
    const admin = await createPerson(db, { role: 'admin', totpSecret: 'JBSWY3DPEHPK3PXP' });
    // An account with a second factor deletes itself only from a session that has shown it.
    const unverified = await sessionFor(db, admin.accountId);
    const ask = await app.inject({ method: 'GET', url: '/sv/me/delete', headers: { cookie: unverified } });
    assert.equal(ask.statusCode, 303);
    assert.equal(ask.headers.location, '/sv/me/second-factor?next=%2Fsv%2Fme%2Fdelete');
    const session = await sessionFor(db, admin.accountId, { secondFactor: true });
    const page = await app.inject({ method: 'GET', url: '/sv/me/delete', headers: { cookie: session } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /enda administratören/);
    const { post } = await browser(session);
    const res = await post('/sv/me/delete', { confirm: admin.email });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /enda administratören/);
    assert.ok(
      await db.selectFrom('accounts').select('id').where('id', '=', admin.accountId).executeTakeFirst(),
    );
    assert.equal(await statusWith(session), 200);

    await createPerson(db, { role: 'admin' });
    const ok = await post('/sv/me/delete', { confirm: admin.email });
    assert.equal(ok.statusCode, 303);
    assert.equal(
      await db.selectFrom('accounts').select('id').where('id', '=', admin.accountId).executeTakeFirst(),
      undefined,
    );
  });

  it('refuses every POST from another site', async () => {
    const person = await createPerson(db);
    const session = await sessionFor(db, person.accountId);
    const { post } = await browser(session);
    for (const url of [
      '/sv/me/profile',
      '/sv/me/sessions/end',
      '/sv/me/sessions/end-others',
      '/sv/me/sessions/end-all',
      '/sv/me/delete',
    ]) {
      const res = await post(
        url,
        { display_name: 'X', language: 'sv', confirm: person.email },
        { 'sec-fetch-site': 'cross-site' },
      );
      assert.equal(res.statusCode, 403, url);
    }
    assert.equal(await statusWith(session), 200);
    assert.ok(
      await db.selectFrom('accounts').select('id').where('id', '=', person.accountId).executeTakeFirst(),
    );
  });

  it('an unknown language prefix is not found', async () => {
    const person = await createPerson(db);
    const session = await sessionFor(db, person.accountId);
    assert.equal(await statusWith(session, '/de/me'), 404);
  });

  async function auditActionsOf(accountId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('audit_events')
      .select('action')
      .where((eb) => eb.or([eb('actor_id', '=', accountId), eb('subject_id', '=', accountId)]))
      .execute();
    return rows.map((r) => r.action);
  }
});

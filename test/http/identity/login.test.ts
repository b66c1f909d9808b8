/**
 * Signing in by e-mailed link and code, and signing out, over HTTP with a real SMTP server: the
 * e-mail in the person's language, the confirm page (GET never signs in), single-use tokens (also
 * under racing requests), expiry, the same answer with or without an account, the code fallback
 * and its guessing limits (the owner's link keeps working), per-address and per-IP limits, session
 * cookies over HTTPS, session fixation, tokens stored hashed, and signing out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createSignInLink, safeNext } from '../../../src/modules/identity/login/service.ts';
import { hashSecret, randomToken } from '../../../src/platform/auth/secrets.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formBody } from '../../helpers/client.ts';
import { auditActions, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { linkIn, newestMailTo, readMail, startSmtpServer } from '../../helpers/smtp.ts';

const ORIGIN = 'https://lotsa.test';
const SESSION = '__Host-lotsa_session';

let ipCounter = 0;
/** A fresh client address, so each journey has its own per-IP rate-limit buckets. */
const freshIp = () => `10.0.${Math.floor((ipCounter += 1) / 250)}.${ipCounter % 250}`;

/** A browser: a cookie jar, a client address, and the CSRF token of the last form it saw. */
class Browser {
  readonly cookies = new Map<string, string>();
  private csrf = '';
  constructor(
    private readonly app: FastifyInstance,
    readonly ip = freshIp(),
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    const set = res.headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (!value || /Expires=Thu, 01 Jan 1970/i.test(line) || /Max-Age=0\b/i.test(line))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.ip,
      headers: { cookie: this.cookieHeader() },
    });
    return this.remember(res);
  }

  async post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    if (!this.csrf) await this.get('/sv/login');
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      payload: formBody(this.csrf, fields),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    return this.remember(res);
  }
}

describe('signing in by e-mail', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: ORIGIN });
  const { db } = database;

  /** The newest e-mail to an address, with its link's token and its code. */
  async function mailTo(address: string) {
    const read = readMail(await newestMailTo(smtp, queue, address));
    const link = linkIn(read.text, /(https:\/\/lotsa\.test\/(sv|en)\/login\/link\/([A-Za-z0-9_-]{43}))/);
    const code = /: (\d{6})$/m.exec(read.text);
    assert.ok(code, 'the e-mail holds a code');
    return { ...read, url: link[1]!, path: new URL(link[1]!).pathname, token: link[3]!, code: code[1]! };
  }

  const sessionsOf = (accountId: string) =>
    db.selectFrom('sessions').selectAll().where('account_id', '=', accountId).execute();

  it('happy path: link by e-mail, a confirm page that signs nobody in, then a session', async () => {
    const person = await createPerson(db, { email: 'karin.lind@example.se' });
    const browser = new Browser(app);

    const form = await browser.get('/sv/login?next=%2Fsv%2Fjobs%3Fq%3Dsvets');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<html lang="sv"/);
    assert.match(form.body, /autocomplete="email"/);
    assert.match(form.body, /name="next" value="\/sv\/jobs\?q=svets"/);
    assert.match(form.body, /data-passkey="signin"/, 'the passkey block is on the page');
    assert.match(form.body, /<script src="\/static\/js\/passkey\.js[^"]*" defer>/);

    const sent = await browser.post('/sv/login', {
      email: '  Karin.Lind@Example.se ',
      next: '/sv/jobs?q=svets',
    });
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /Kolla din e-post/);
    assert.match(sent.body, /karin\.lind@example\.se/);
    assert.match(sent.body, /action="\/sv\/login\/code"/, 'the code form is on the page');

    const mail = await mailTo('karin.lind@example.se');
    assert.equal(mail.language, 'sv');
    assert.match(mail.subject, /Logga in på Dalarna/);
    assert.match(mail.text, /fungerar en gång och i 15 minuter/);
    assert.match(mail.text, /strunta i det här mejlet/);
    assert.doesNotMatch(mail.text, /skapas ett personligt konto/, 'the address has an account');
    assert.match(mail.url, /^https:\/\/lotsa\.test\/sv\/login\/link\//);

    const confirm = await browser.get(mail.path);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Bekräfta inloggningen/);
    assert.match(confirm.body, /karin\.lind@example\.se/);
    assert.match(confirm.body, new RegExp(`name="token" value="${mail.token}"`));
    assert.equal(confirm.headers['referrer-policy'], 'no-referrer');
    assert.equal(confirm.headers['cache-control'], 'no-store');
    assert.ok(!browser.cookies.has(SESSION), 'opening the link sets no session');
    assert.equal((await sessionsOf(person.accountId)).length, 0);
    const row = await db
      .selectFrom('login_tokens')
      .selectAll()
      .where('token_hash', '=', hashSecret(mail.token))
      .executeTakeFirstOrThrow();
    assert.equal(row.used_at, null, 'a GET does not use the token');
    assert.equal(row.account_id, person.accountId);
    assert.equal(row.next_path, '/sv/jobs?q=svets');

    const done = await browser.post('/sv/login/link', { token: mail.token });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/sv/jobs?q=svets');
    assert.ok(browser.cookies.has(SESSION));
    const sessions = await sessionsOf(person.accountId);
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0]?.method, 'link');
    assert.equal(sessions[0]?.token_hash, hashSecret(browser.cookies.get(SESSION)!));
    assert.ok((await auditActions(db)).includes('session.started'));

    const after = await browser.get('/sv/login');
    assert.match(after.body, /Du är redan inloggad som karin\.lind@example\.se/);
    assert.match(after.body, /href="\/sv\/me"/);
  });

  it('session cookies over HTTPS are __Host-, Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    await createPerson(db, { email: 'cookie@example.se' });
    const browser = new Browser(app);
    await browser.post('/en/login', { email: 'cookie@example.se' });
    const mail = await mailTo('cookie@example.se');
    await browser.get(mail.path);
    const done = await browser.post('/en/login/link', { token: mail.token });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/en/me');
    const set = [done.headers['set-cookie']].flat().find((c) => c?.startsWith(`${SESSION}=`));
    assert.ok(set, 'a session cookie');
    assert.match(set, /; Secure/);
    assert.match(set, /; HttpOnly/);
    assert.match(set, /; SameSite=Lax/);
    assert.match(set, /; Path=\/(;|$)/);
    assert.doesNotMatch(set, /Domain=/i, '__Host- cookies carry no Domain');
  });

  it('an address without an account gets the same answer, and its link creates a talent account', async () => {
    await createPerson(db, { email: 'known@example.se', language: 'en' });
    const known = await new Browser(app).post('/en/login', { email: 'known@example.se' });
    const unknown = await new Browser(app).post('/en/login', { email: 'nobody@example.se' });
    assert.equal(known.statusCode, unknown.statusCode);
    const scrub = (body: string) =>
      body.replace(/(known|nobody)@example\.se/g, 'ADDRESS').replace(/value="[A-Za-z0-9_-]{43}"/g, 'CSRF');
    assert.equal(scrub(known.body), scrub(unknown.body), 'no hint whether an account exists');

    const knownMail = await mailTo('known@example.se');
    assert.equal(knownMail.language, 'en');
    assert.doesNotMatch(knownMail.text, /new personal account/);
    const mail = await mailTo('nobody@example.se');
    assert.equal(mail.language, 'en');
    assert.match(mail.subject, /Sign in to Dalarna/);
    assert.match(mail.text, /a personal account is created for you/);
    assert.match(mail.text, /work once, for 15 minutes/);
    assert.match(mail.text, /you can ignore this e-mail/);

    assert.equal(
      await db
        .selectFrom('accounts')
        .select('id')
        .where('email', '=', 'nobody@example.se')
        .executeTakeFirst(),
      undefined,
      'no account before the link is confirmed',
    );
    const browser = new Browser(app);
    const confirm = await browser.get(mail.path);
    assert.match(confirm.body, /a personal account is created for/);
    const done = await browser.post('/en/login/link', { token: mail.token });
    assert.equal(done.statusCode, 303);
    const account = await db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', 'nobody@example.se')
      .executeTakeFirstOrThrow();
    assert.equal(account.language, 'en');
    const memberships = await db
      .selectFrom('memberships')
      .select('role')
      .where('account_id', '=', account.id)
      .execute();
    assert.equal(memberships.length, 0, 'a talent: no organisation role');
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', account.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['account.created', 'session.started'],
    );
    assert.ok(events.every((e) => e.actor_id === account.id));
    assert.equal((await sessionsOf(account.id)).length, 1);
  });

  it('an invalid address answers 422 with what was typed and the error next to the field', async () => {
    const before = await db.selectFrom('login_tokens').select('token_hash').execute();
    const errors: Record<string, string> = {};
    for (const lang of ['sv', 'en'] as const) {
      const res = await new Browser(app).post(`/${lang}/login`, { email: 'anna@<exempel', next: '/sv/jobs' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, new RegExp(`<html lang="${lang}"`));
      assert.match(res.body, /value="anna@&lt;exempel"/, 'typed value kept, escaped');
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /<p class="field__error" id="email-error">[^<]+<\/p>\s*<input/);
      assert.match(res.body, /aria-invalid="true"/);
      assert.match(res.body, /aria-describedby="email-hint email-error"/);
      assert.match(res.body, /name="next" value="\/sv\/jobs"/, 'next kept');
      errors[lang] = /id="email-error">([^<]+)/.exec(res.body)?.[1] ?? '';
    }
    assert.match(errors.sv!, /giltig e-postadress/);
    assert.match(errors.en!, /valid e-mail address/);
    const empty = await new Browser(app).post('/sv/login', { email: '   ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Skriv din e-postadress\./);
    const after = await db.selectFrom('login_tokens').select('token_hash').execute();
    assert.equal(after.length, before.length, 'nothing stored, nothing mailed');
  });

  it('a used link and an expired link fail with a clear page; GET of a used link too', async () => {
    await createPerson(db, { email: 'reuse@example.se' });
    const browser = new Browser(app);
    await browser.post('/sv/login', { email: 'reuse@example.se', next: '/sv/jobs' });
    const mail = await mailTo('reuse@example.se');
    assert.equal((await browser.post('/sv/login/link', { token: mail.token })).statusCode, 303);

    const again = await browser.post('/sv/login/link', { token: mail.token });
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /Länken fungerar inte längre/);
    assert.match(again.body, /href="\/sv\/login"/, 'a way to ask for a new one');
    const reopened = await new Browser(app).get(mail.path);
    assert.equal(reopened.statusCode, 410);
    assert.equal(reopened.headers['referrer-policy'], 'no-referrer');

    const other = new Browser(app);
    await other.post('/en/login', { email: 'expired@example.se' });
    const old = await mailTo('expired@example.se');
    await db
      .updateTable('login_tokens')
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .where('token_hash', '=', hashSecret(old.token))
      .execute();
    const page = await other.get(old.path);
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /This link no longer works/);
    const post = await other.post('/en/login/link', { token: old.token });
    assert.equal(post.statusCode, 410);
    assert.ok(!other.cookies.has(SESSION));

    const garbage = await other.get('/en/login/link/not-a-token');
    assert.equal(garbage.statusCode, 410);
    assert.equal((await other.post('/en/login/link', { token: '' })).statusCode, 410);
  });

  it('a link works once even when two requests race for it', async () => {
    const person = await createPerson(db, { email: 'race@example.se' });
    const first = new Browser(app);
    await first.post('/sv/login', { email: 'race@example.se' });
    const mail = await mailTo('race@example.se');
    const second = new Browser(app);
    await second.get(mail.path);
    await first.get(mail.path);
    const results = await Promise.all([
      first.post('/sv/login/link', { token: mail.token }),
      second.post('/sv/login/link', { token: mail.token }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 410]);
    assert.equal((await sessionsOf(person.accountId)).length, 1, 'only one session');
    assert.equal([first, second].filter((b) => b.cookies.has(SESSION)).length, 1);
  });

  it('the token and the code are stored only as hashes', async () => {
    await new Browser(app).post('/sv/login', { email: 'hashed@example.se' });
    const mail = await mailTo('hashed@example.se');
    const rows = await db
      .selectFrom('login_tokens')
      .selectAll()
      .where('email', '=', 'hashed@example.se')
      .execute();
    assert.equal(rows.length, 1);
    const dump = JSON.stringify(rows);
    assert.ok(!dump.includes(mail.token), 'the raw token is not stored');
    assert.equal(rows[0]?.token_hash, hashSecret(mail.token));
    assert.notEqual(rows[0]?.code_hash, hashSecret(mail.code), 'the code hash is bound to its row');
    assert.ok(!dump.includes(`"${mail.code}"`));
  });

  it('the code in the e-mail signs in; a wrong code answers 422 and keeps the address', async () => {
    const person = await createPerson(db, { email: 'code@example.se' });
    const browser = new Browser(app);
    await browser.post('/sv/login', { email: 'code@example.se', next: '/sv/jobs' });
    const mail = await mailTo('code@example.se');
    const wrong = mail.code === '000000' ? '111111' : '000000';

    const bad = await browser.post('/sv/login/code', { email: 'code@example.se', code: wrong });
    assert.equal(bad.statusCode, 422);
    assert.match(
      bad.body,
      /id="email"[^>]*value="code@example\.se"|value="code@example\.se"[^>]*id="email"/s,
    );
    assert.match(bad.body, /id="code-error">Koden stämmer inte/);
    assert.ok(!browser.cookies.has(SESSION));

    const malformed = await browser.post('/en/login/code', { email: 'code@example', code: '12a' });
    assert.equal(malformed.statusCode, 422);
    assert.match(malformed.body, /id="email-error">Enter a valid e-mail address/);
    assert.match(malformed.body, /id="code-error">The code is six digits/);
    assert.match(malformed.body, /value="12a"/);

    const good = await browser.post('/sv/login/code', {
      email: 'Code@Example.se',
      code: `${mail.code.slice(0, 3)} ${mail.code.slice(3)}`,
    });
    assert.equal(good.statusCode, 303);
    assert.equal(good.headers.location, '/sv/jobs');
    const sessions = await sessionsOf(person.accountId);
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0]?.method, 'code');
    const reused = await new Browser(app).post('/sv/login/code', {
      email: 'code@example.se',
      code: mail.code,
    });
    assert.equal(reused.statusCode, 422, 'the code works once');
    assert.equal((await new Browser(app).get(mail.path)).statusCode, 410, 'and its link is used with it');
  });

  it('guessing codes burns the code and then hits 429, but the owner’s link still signs in', async () => {
    const person = await createPerson(db, { email: 'target@example.se' });
    const owner = new Browser(app);
    await owner.post('/sv/login', { email: 'target@example.se' });
    const mail = await mailTo('target@example.se');
    const wrong = (i: number) => String((Number(mail.code) + 1 + i) % 1_000_000).padStart(6, '0');

    // The attacker changes address every try: the per-address limit is what stops them.
    for (let i = 0; i < 5; i += 1) {
      const res = await new Browser(app).post('/sv/login/code', {
        email: 'target@example.se',
        code: wrong(i),
      });
      assert.equal(res.statusCode, 422);
    }
    const burnt = await new Browser(app).post('/sv/login/code', {
      email: 'target@example.se',
      code: mail.code,
    });
    assert.equal(burnt.statusCode, 422, 'after five wrong codes the right one no longer works');
    assert.match(burnt.body, /Använd länken i mejlet/);
    let limited: LightMyRequestResponse | undefined;
    for (let i = 0; i < 10 && !limited; i += 1) {
      const res = await new Browser(app).post('/en/login/code', {
        email: 'target@example.se',
        code: wrong(i),
      });
      if (res.statusCode === 429) limited = res;
      else assert.equal(res.statusCode, 422);
    }
    assert.ok(limited, 'repeated guesses are limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.match(limited.body, /Too many attempts/);
    assert.match(limited.body, /The link in the e-mail still works/);
    assert.equal((await sessionsOf(person.accountId)).length, 0);

    const confirm = await owner.get(mail.path);
    assert.equal(confirm.statusCode, 200);
    const done = await owner.post('/sv/login/link', { token: mail.token });
    assert.equal(done.statusCode, 303);
    assert.equal((await sessionsOf(person.accountId)).length, 1, 'the owner is never locked out');
  });

  it('e-mails per address are limited (429 + Retry-After), with or without an account', async () => {
    await createPerson(db, { email: 'popular@example.se' });
    for (const address of ['popular@example.se', 'unheard-of@example.se']) {
      for (let i = 0; i < 5; i += 1) {
        const res = await new Browser(app).post('/sv/login', { email: address });
        assert.equal(res.statusCode, 200);
      }
      const res = await new Browser(app).post('/sv/login', { email: address });
      assert.equal(res.statusCode, 429);
      assert.ok(Number(res.headers['retry-after']) > 0);
      assert.match(res.body, /För många mejl till den här adressen/);
      assert.match(res.body, /Vänta \d+ minuter/);
      const rows = await db
        .selectFrom('login_tokens')
        .select('token_hash')
        .where('email', '=', address)
        .execute();
      assert.equal(rows.length, 5, 'no sixth e-mail');
    }
    const en = await new Browser(app).post('/en/login', { email: 'popular@example.se' });
    assert.equal(en.statusCode, 429);
    assert.match(en.body, /Too many e-mails to this address/);
  });

  it('sending is limited per client address too', async () => {
    const browser = new Browser(app);
    let status = 0;
    for (let i = 0; i < 11; i += 1) {
      status = (await browser.post('/sv/login', { email: `spray${i}@example.se` })).statusCode;
    }
    assert.equal(status, 429);
  });

  it('session fixation: a planted cookie is replaced at sign-in and never signed in', async () => {
    const victim = await createPerson(db, { email: 'victim@example.se' });
    const attacker = await createPerson(db, { email: 'attacker@example.se' });
    for (const planted of [
      randomToken(),
      (await sessionFor(db, attacker.accountId, { secure: true })).split('=')[1]!,
    ]) {
      const browser = new Browser(app);
      browser.cookies.set(SESSION, planted);
      await browser.post('/sv/login', { email: 'victim@example.se' });
      const mail = await mailTo('victim@example.se');
      await browser.get(mail.path);
      assert.equal(browser.cookies.get(SESSION), planted, 'still the planted cookie before confirming');
      const done = await browser.post('/sv/login/link', { token: mail.token });
      assert.equal(done.statusCode, 303);
      const token = browser.cookies.get(SESSION);
      assert.ok(token && token !== planted, 'a new session token');
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', hashSecret(planted))
        .executeTakeFirst();
      assert.equal(row, undefined, 'the planted token is no session');

      const withPlanted = new Browser(app);
      withPlanted.cookies.set(SESSION, planted);
      const page = await withPlanted.get('/sv/login');
      assert.doesNotMatch(page.body, /Du är redan inloggad/);
      assert.match(page.body, /name="email"/);
    }
    assert.equal((await sessionsOf(victim.accountId)).length, 2);
    assert.equal((await sessionsOf(attacker.accountId)).length, 0, "the attacker's planted session ended");
  });

  it('signing out ends the session, and the old cookie no longer works', async () => {
    const person = await createPerson(db, { email: 'leaving@example.se' });
    const browser = new Browser(app);
    await browser.post('/sv/login', { email: 'leaving@example.se' });
    const mail = await mailTo('leaving@example.se');
    await browser.post('/sv/login/link', { token: mail.token });
    const old = browser.cookies.get(SESSION);
    assert.ok(old);

    const out = await browser.post('/sv/logout', {});
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/sv/login?signed_out=1');
    assert.ok(!browser.cookies.has(SESSION), 'the cookie is cleared');
    assert.equal((await sessionsOf(person.accountId)).length, 0);
    assert.equal((await auditActions(db))[0], 'session.ended');
    const notice = await browser.get('/sv/login?signed_out=1');
    assert.match(notice.body, /Du är utloggad\./);

    const replay = new Browser(app);
    replay.cookies.set(SESSION, old);
    assert.doesNotMatch((await replay.get('/sv/login')).body, /Du är redan inloggad/);
    assert.equal((await replay.post('/sv/logout', {})).statusCode, 401, 'no session behind the old cookie');
  });

  it('`next` is only ever a local path', async () => {
    for (const bad of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'jobs',
      '/a b',
      '/x\u0000',
    ]) {
      assert.equal(safeNext(bad), undefined, bad);
    }
    assert.equal(safeNext('/sv/jobs?q=1#top'), '/sv/jobs?q=1#top');
    const page = await new Browser(app).get('/sv/login?next=%2F%2Fevil.example%2F');
    assert.doesNotMatch(page.body, /name="next"/);
    await new Browser(app).post('/sv/login', { email: 'nextless@example.se', next: '/\\evil.example' });
    const row = await db
      .selectFrom('login_tokens')
      .select('next_path')
      .where('email', '=', 'nextless@example.se')
      .executeTakeFirstOrThrow();
    assert.equal(row.next_path, null);
  });

  it('createSignInLink (for the admin CLI) makes a link that signs in like the e-mailed one', async () => {
    const link = await createSignInLink(db, {
      regionId: REGION,
      email: 'First.Admin@Example.se',
      language: 'en',
      origin: ORIGIN,
      nextPath: '/admin',
    });
    assert.match(link.url, /^https:\/\/lotsa\.test\/en\/login\/link\/[A-Za-z0-9_-]{43}$/);
    assert.match(link.code, /^\d{6}$/);
    const browser = new Browser(app);
    const path = new URL(link.url).pathname;
    assert.equal((await browser.get(path)).statusCode, 200);
    const done = await browser.post('/en/login/link', { token: path.split('/').at(-1)! });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/admin');
    const account = await db
      .selectFrom('accounts')
      .select('language')
      .where('email', '=', 'first.admin@example.se')
      .executeTakeFirstOrThrow();
    assert.equal(account.language, 'en');
  });
});

/**
 * Found by trying Lotsa as a new operator and a new employer admin would (the security round's
 * settings and pages): what an operator types into the environment is read the way they meant it or
 * refused with a message that tells them what to write instead; an invitation that is not sent
 * does not count against the day's invitation limits.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../../src/platform/config.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';

/** The message loadConfig stops with for this environment. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail(`${JSON.stringify(env)} was accepted`);
}

describe('an operator configuring Lotsa', () => {
  it('TRUST_PROXY: a hop count with a stray space (as .env files and compose files leave) is that count', () => {
    assert.equal(loadConfig({ TRUST_PROXY: '1 ' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: ' 2' }).trustProxy, 2);
    // and a whole-number setting like it reads the same way
    assert.equal(loadConfig({ REQUEST_TIMEOUT_MS: '30000 ' }).requestTimeoutMs, 30_000);
  });

  it('TRUST_PROXY: the refusal of "yes"/"on" quotes what was typed, and says what to write', () => {
    const message = refusal({ TRUST_PROXY: 'yes' });
    assert.match(message, /"yes"/);
    assert.doesNotMatch(message, /no longer/, 'a new operator never used it before');
    assert.match(message, /e\.g\. 1/);
  });

  it('TRUST_PROXY: a trailing comma in a list of proxies is not an empty proxy', () => {
    assert.deepEqual(loadConfig({ TRUST_PROXY: '127.0.0.1,' }).trustProxy, ['127.0.0.1']);
    assert.match(refusal({ TRUST_PROXY: ',' }), /TRUST_PROXY/);
  });

  it('PUBLIC_URL with a path is refused (links would silently lose it), naming the fix', () => {
    const message = refusal({ PUBLIC_URL: 'https://lotsa.example/dalarna' });
    assert.match(message, /PUBLIC_URL/);
    assert.match(message, /https:\/\/lotsa\.example\b/, 'shows the origin to write instead');
    // a trailing slash is no path
    assert.equal(
      loadConfig({ PUBLIC_URL: 'https://lotsa.example/' }).publicUrl.origin,
      'https://lotsa.example',
    );
  });

  it('PUBLIC_URL without a scheme says what was typed and what to write', () => {
    const message = refusal({ PUBLIC_URL: 'lotsa.example' });
    assert.match(message, /"lotsa\.example"/);
    assert.match(message, /https:\/\/lotsa\.example/);
  });
});

describe('an employer admin inviting colleagues', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);

  it('inviting someone who is already a member sends nothing and so uses up none of their 3 invitations a day', async () => {
    const org = await createOrganisation(db, { name: 'Dubbelbolaget AB' });
    const admin = await createPerson(db, { role: 'employer_admin', organisationId: org });
    const colleague = await createPerson(db, { role: 'employer_member', organisationId: org });
    const session = await sessionFor(db, admin.accountId);
    const invite = () =>
      client.postForm(`/admin/organisations/${org}/members/invite`, session, {
        email: colleague.email,
        role: 'employer_member',
      });
    for (let i = 1; i <= 4; i += 1) {
      const res = await invite();
      assert.equal(res.statusCode, 422, `attempt ${i}`);
      assert.match(res.body, /är redan medlem/, `attempt ${i} says they are a member already`);
      assert.doesNotMatch(res.body, /inbjudningar i dag/, `attempt ${i} is not told of a limit`);
    }
    // Another organisation may still invite the address: it has been sent nothing today.
    const other = await createOrganisation(db, { name: 'Andrabolaget AB' });
    const otherAdmin = await createPerson(db, { role: 'employer_admin', organisationId: other });
    const res = await client.postForm(
      `/admin/organisations/${other}/members/invite`,
      await sessionFor(db, otherAdmin.accountId),
      { email: colleague.email, role: 'employer_member' },
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  });

  it('the Swedish invitation e-mail says in one sentence that the inviter wrote their name and it is unchecked', async () => {
    const org = await createOrganisation(db, { name: 'Språkbolaget AB' });
    const admin = await createPerson(db, { role: 'employer_admin', organisationId: org, language: 'sv' });
    await db
      .updateTable('accounts')
      .set({ display_name: 'Hanna HR' })
      .where('id', '=', admin.accountId)
      .execute();
    const res = await client.postForm(
      `/admin/organisations/${org}/members/invite`,
      await sessionFor(db, admin.accountId),
      { email: 'ny.kollega@example.org', role: 'employer_member' },
    );
    assert.equal(res.statusCode, 303);
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'ny.kollega@example.org')
      .executeTakeFirstOrThrow();
    const line = mail.text_body.split('\n').find((l) => l.includes('Hanna HR')) ?? '';
    // Was: 'Namnet har personen skrivit själv, Dalarna – karriärregion har inte kontrollerat det' (comma splice)
    assert.match(
      line,
      /^Inbjudan skickades av en person hos Språkbolaget AB\. Personen har själv skrivit in sitt namn, och .+ har inte kontrollerat det: "Hanna HR"$/,
    );
  });
});

describe('a person deleting their account', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);

  for (const lang of ['sv', 'en'] as const) {
    it(`the receipt (${lang}) names what the deletion page promised, the reports and API tokens too`, async () => {
      const person = await createPerson(db, { role: 'employer_admin', language: lang });
      const session = await sessionFor(db, person.accountId);
      const res = await client.postForm(`/${lang}/me/delete`, session, { confirm: person.email });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const receipt = await app.inject({ url: String(res.headers.location) });
      assert.equal(receipt.statusCode, 200);
      const main = /<main[\s\S]*<\/main>/.exec(receipt.body)?.[0] ?? '';
      assert.match(main, lang === 'sv' ? /rapporter om tillgänglighet/ : /accessibility reports/);
      assert.match(main, lang === 'sv' ? /API-nycklar/ : /API tokens/);
      assert.doesNotMatch(main, /this time!/, 'no word-for-word translation of "den här tiden"');
    });
  }
});

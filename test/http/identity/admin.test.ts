/**
 * The back-office core over HTTP: who reaches /admin and what they see there, the organisation
 * switcher, organisations (organisationsnummer validation, duplicates), members (what each role may
 * see and change, the last admin), people and ending their sessions — and the audit event each
 * change writes.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import {
  auditActions,
  createOrganisation,
  createPerson,
  REGION,
  sessionFor,
  roleIn,
} from '../../helpers/identity.ts';

describe('back-office', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const { postForm } = await formClient(app);

  const get = (url: string, session?: string) =>
    app.inject({ method: 'GET', url, headers: session ? { cookie: session } : {} });
  const post = (url: string, session: string, fields: Record<string, string> = {}) =>
    postForm(url, session, fields);

  const regionOrg = await createOrganisation(db, { kind: 'region' });
  const admin = await createPerson(db, { role: 'admin', organisationId: regionOrg, language: 'sv' });
  const adminSv = await sessionFor(db, admin.accountId, { secondFactor: true });
  const adminEnPerson = await createPerson(db, { role: 'admin', organisationId: regionOrg, language: 'en' });
  const adminEn = await sessionFor(db, adminEnPerson.accountId, { secondFactor: true });

  const employer = await createOrganisation(db, { kind: 'employer', name: 'Gruvbolaget i Falun AB' });
  const otherEmployer = await createOrganisation(db, { kind: 'employer', name: 'Sågverket i Mora AB' });
  const hr = await createPerson(db, { role: 'employer_admin', organisationId: employer });
  const hrSession = await sessionFor(db, hr.accountId);
  const staffMember = await createPerson(db, { role: 'employer_member', organisationId: employer });
  const talent = await createPerson(db);
  const talentSession = await sessionFor(db, talent.accountId);

  it('shows an admin who they are, whom they act for, and what they can do', async () => {
    const res = await get('/admin', adminSv);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="sv"/);
    assert.match(res.body, /<h1>Översikt<\/h1>/);
    assert.match(res.body, /Du arbetar för .*med rollen administratör/s);
    assert.match(res.body, /href="\/admin\/organisations"/);
    assert.match(res.body, /href="\/admin\/people"/);
    assert.match(res.body, /aria-current="page">Översikt/);
    assert.match(res.body, /action="\/sv\/logout"/, 'a sign-out form');
    assert.match(res.body, /href="\/sv\/me"/);
    assert.doesNotMatch(res.body, /id="org-switch"/, 'no switcher with one organisation');
    const en = await get('/admin', adminEn);
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /You are working for .* as administrator/s);
  });

  it('keeps people without an organisation role out, and sends anonymous visitors to sign in', async () => {
    assert.equal((await get('/admin', talentSession)).statusCode, 403);
    const anonymous = await get('/admin');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /\/login\?next=%2Fadmin$/);
  });

  it('shows an employer admin their own members but nothing of other organisations', async () => {
    const home = await get('/admin', hrSession);
    assert.equal(home.statusCode, 200);
    assert.doesNotMatch(home.body, /href="\/admin\/organisations"/);
    assert.doesNotMatch(home.body, /href="\/admin\/people"/);
    assert.match(home.body, /href="\/admin\/members"/);

    assert.equal((await get('/admin/organisations', hrSession)).statusCode, 403);
    assert.equal((await get('/admin/people', hrSession)).statusCode, 403);
    const mine = await get('/admin/members', hrSession);
    assert.equal(mine.statusCode, 303);
    assert.equal(mine.headers.location, `/admin/organisations/${employer}/members`);
    const members = await get(`/admin/organisations/${employer}/members`, hrSession);
    assert.equal(members.statusCode, 200);
    assert.match(members.body, /Medlemmar i Gruvbolaget i Falun AB/);
    assert.ok(members.body.includes(staffMember.email));
    assert.match(members.body, /Bjud in en person/);
    assert.equal((await get(`/admin/organisations/${otherEmployer}/members`, hrSession)).statusCode, 404);
    assert.equal((await get(`/admin/organisations/${regionOrg}/members`, hrSession)).statusCode, 404);
    assert.equal((await get(`/admin/organisations/not-a-uuid/members`, hrSession)).statusCode, 404);
    const invite = await post(`/admin/organisations/${otherEmployer}/members/invite`, hrSession, {
      email: 'someone@example.org',
      role: 'employer_member',
    });
    assert.equal(invite.statusCode, 404);

    // A member who does not manage members sees the list without forms.
    const staffSession = await sessionFor(db, staffMember.accountId);
    const readOnly = await get(`/admin/organisations/${employer}/members`, staffSession);
    assert.equal(readOnly.statusCode, 200);
    assert.doesNotMatch(readOnly.body, /Bjud in en person/);
    const refused = await post(`/admin/organisations/${employer}/members/invite`, staffSession, {
      email: 'x@example.org',
      role: 'employer_member',
    });
    assert.equal(refused.statusCode, 403);
  });

  it('lets a region admin see any organisation’s members', async () => {
    const res = await get(`/admin/organisations/${employer}/members`, adminSv);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(hr.email));
    assert.equal((await get(`/admin/organisations/${randomUUID()}/members`, adminSv)).statusCode, 404);
  });

  it('lists organisations with kind, formatted number and members, filtered by kind', async () => {
    const all = await get('/admin/organisations', adminSv);
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /Falu kommun|Falun/);
    assert.match(all.body, /Gruvbolaget i Falun AB/);
    const number = (
      await db
        .selectFrom('organisations')
        .select('org_number')
        .where('id', '=', employer)
        .executeTakeFirstOrThrow()
    ).org_number as string;
    assert.ok(all.body.includes(`${number.slice(0, 6)}-${number.slice(6)}`), 'NNNNNN-NNNN');
    assert.match(all.body, /2 medlemmar/);
    const employers = await get('/admin/organisations?kind=employer', adminSv);
    assert.match(employers.body, /Gruvbolaget i Falun AB/);
    assert.doesNotMatch(employers.body, /<td>Kommun<\/td>/);
    const odd = await get('/admin/organisations?kind=nonsense', adminSv);
    assert.equal(odd.statusCode, 200);
  });

  it('refuses an invalid organisationsnummer with the rule, in Swedish and English, keeping what was typed', async () => {
    const sv = await post('/admin/organisations/new', adminSv, {
      name: 'Kopparbergs <Bryggeri> AB',
      kind: 'employer',
      org_number: '556016-0681',
    });
    assert.equal(sv.statusCode, 422);
    assert.match(sv.body, /value="Kopparbergs &lt;Bryggeri&gt; AB"/);
    assert.match(sv.body, /value="556016-0681"/);
    assert.match(sv.body, /<option value="employer" selected>/);
    assert.match(sv.body, /id="org_number-error"[^>]*>[^<]*kontrollsiffran/);
    assert.match(sv.body, /aria-invalid="true"/);
    assert.match(sv.body, /class="error-summary"/);
    assert.match(sv.body, /<title>Fel: /);

    const en = await post('/admin/organisations/new', adminEn, {
      name: 'Kopparbergs Bryggeri AB',
      kind: 'employer',
      org_number: '811218-9876',
    });
    assert.equal(en.statusCode, 422);
    assert.match(en.body, /id="org_number-error"[^>]*>[^<]*personal identity number/);

    const missing = await post('/admin/organisations/new', adminEn, { name: '', kind: 'course_provider' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /id="name-error"/);
    assert.match(missing.body, /id="org_number-error"[^>]*>[^<]*Employers and course providers need one/);
    const badKind = await post('/admin/organisations/new', adminEn, { name: 'X', kind: 'region' });
    assert.equal(badKind.statusCode, 422);
    assert.match(badKind.body, /id="kind-error"/);
    const count = await db
      .selectFrom('organisations')
      .select('id')
      .where('name', 'like', 'Kopparbergs%')
      .execute();
    assert.equal(count.length, 0);
  });

  it('adds and edits organisations, refusing a number already registered', async () => {
    const created = await post('/admin/organisations/new', adminSv, {
      name: 'Ericsson Borlänge',
      kind: 'employer',
      org_number: '5560160680',
    });
    assert.equal(created.statusCode, 303);
    const id = /\/admin\/organisations\/([0-9a-f-]{36})\?done=created/.exec(
      String(created.headers.location),
    )?.[1];
    assert.ok(id);
    const row = await db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.org_number, '5560160680');
    assert.equal(row.kind, 'employer');
    const page = await get(`/admin/organisations/${id}?done=created`, adminSv);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="556016-0680"/);
    assert.match(page.body, /Organisationen är tillagd/);

    const duplicate = await post('/admin/organisations/new', adminSv, {
      name: 'Ericsson igen',
      kind: 'employer',
      org_number: '556016 - 0680',
    });
    assert.equal(duplicate.statusCode, 422);
    assert.match(duplicate.body, /redan registrerat för Ericsson Borlänge/);
    assert.match(duplicate.body, /value="Ericsson igen"/);

    const partner = await post('/admin/organisations/new', adminSv, {
      name: 'Bostadsbolaget',
      kind: 'partner',
    });
    assert.equal(partner.statusCode, 303, 'a partner needs no number');

    const edited = await post(`/admin/organisations/${id}`, adminSv, {
      name: 'Telefonaktiebolaget LM Ericsson',
      org_number: '556016-0680',
    });
    assert.equal(edited.statusCode, 303);
    const after = await db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(after.name, 'Telefonaktiebolaget LM Ericsson');
    const taken = await post(`/admin/organisations/${otherEmployer}`, adminSv, {
      name: 'Sågverket i Mora AB',
      org_number: '556016-0680',
    });
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /Telefonaktiebolaget LM Ericsson/);
    const required = await post(`/admin/organisations/${otherEmployer}`, adminSv, {
      name: 'Sågverket',
      org_number: '',
    });
    assert.equal(required.statusCode, 422, 'an employer keeps its number');

    assert.equal((await get(`/admin/organisations/${randomUUID()}`, adminSv)).statusCode, 404);
    assert.equal((await get('/admin/organisations/123', adminSv)).statusCode, 404);
    assert.equal(
      (await post(`/admin/organisations/${randomUUID()}`, adminSv, { name: 'X' })).statusCode,
      404,
    );
    const actions = await auditActions(db);
    assert.ok(actions.filter((a) => a === 'org.created').length >= 2);
    assert.ok(actions.includes('org.updated'));
  });

  it('switches the organisation acted for, only to one the person belongs to', async () => {
    const both = await createPerson(db, { role: 'employer_admin', organisationId: employer });
    await db
      .insertInto('memberships')
      .values({
        region_id: REGION,
        organisation_id: otherEmployer,
        account_id: both.accountId,
        role: 'employer_member',
      })
      .execute();
    const session = await sessionFor(db, both.accountId);
    const before = await get('/admin', session);
    assert.match(before.body, /id="org-switch"/);
    assert.match(before.body, /<strong>Gruvbolaget i Falun AB<\/strong>/);

    const switched = await post('/admin/organisation', session, { organisation_id: otherEmployer });
    assert.equal(switched.statusCode, 303);
    assert.equal(switched.headers.location, '/admin?done=switched');
    const after = await get('/admin?done=switched', session);
    assert.match(after.body, /<strong>Sågverket i Mora AB<\/strong>/);
    assert.match(after.body, /Du arbetar nu för Sågverket i Mora AB/);
    // As a plain member there, the other organisation's member management is gone.
    const invite = await post(`/admin/organisations/${otherEmployer}/members/invite`, session, {
      email: 'a@example.org',
      role: 'employer_member',
    });
    assert.equal(invite.statusCode, 403);

    assert.equal(
      (await post('/admin/organisation', session, { organisation_id: regionOrg })).statusCode,
      404,
    );
    assert.equal(
      (await post('/admin/organisation', session, { organisation_id: randomUUID() })).statusCode,
      404,
    );
    assert.equal((await post('/admin/organisation', session, { organisation_id: 'nope' })).statusCode, 404);
    assert.equal((await post('/admin/organisation', session)).statusCode, 404);
    assert.ok((await auditActions(db)).includes('session.organisation_switched'));
  });

  it('invites, changes roles, removes members and keeps the last admin', async () => {
    const existing = await post(`/admin/organisations/${employer}/members/invite`, hrSession, {
      email: staffMember.email.toUpperCase(),
      role: 'employer_admin',
    });
    assert.equal(existing.statusCode, 422);
    assert.match(existing.body, /är redan medlem i Gruvbolaget i Falun AB/);
    assert.ok(existing.body.includes(`value="${staffMember.email.toUpperCase()}"`), 'typed address kept');
    assert.match(existing.body, /<option value="employer_admin" selected>/);

    const regionRole = await post(`/admin/organisations/${employer}/members/invite`, hrSession, {
      email: 'ny@example.org',
      role: 'admin',
    });
    assert.equal(regionRole.statusCode, 422);
    assert.match(regionRole.body, /id="role-error"/);
    const badEmail = await post(`/admin/organisations/${employer}/members/invite`, hrSession, {
      email: 'inte en adress',
      role: 'employer_member',
    });
    assert.equal(badEmail.statusCode, 422);
    assert.match(badEmail.body, /id="email-error"/);
    assert.match(badEmail.body, /value="inte en adress"/);

    const invited = await post(`/admin/organisations/${employer}/members/invite`, hrSession, {
      email: 'ny@example.org',
      role: 'employer_member',
    });
    assert.equal(invited.statusCode, 303);
    const page = await get(`/admin/organisations/${employer}/members?done=invited`, hrSession);
    assert.match(page.body, /Väntande inbjudningar/);
    assert.match(page.body, /ny@example\.org/);
    const invitation = await db
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', 'ny@example.org')
      .executeTakeFirstOrThrow();
    const revoked = await post(
      `/admin/organisations/${employer}/invitations/${invitation.id}/revoke`,
      hrSession,
    );
    assert.equal(revoked.statusCode, 303);
    const again = await post(
      `/admin/organisations/${employer}/invitations/${invitation.id}/revoke`,
      hrSession,
    );
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /kan inte återkallas längre/);
    const unknown = await post(
      `/admin/organisations/${employer}/invitations/${randomUUID()}/revoke`,
      hrSession,
    );
    assert.equal(unknown.statusCode, 404);
    const elsewhere = await post(
      `/admin/organisations/${otherEmployer}/invitations/${invitation.id}/revoke`,
      adminSv,
    );
    assert.equal(elsewhere.statusCode, 404, 'an invitation of another organisation');

    const promoted = await post(
      `/admin/organisations/${employer}/members/${staffMember.accountId}/role`,
      hrSession,
      {
        role: 'employer_admin',
      },
    );
    assert.equal(promoted.statusCode, 303);
    const badRole = await post(
      `/admin/organisations/${employer}/members/${staffMember.accountId}/role`,
      hrSession,
      {
        role: 'navigator',
      },
    );
    assert.equal(badRole.statusCode, 422);
    assert.equal(
      (
        await post(`/admin/organisations/${employer}/members/${randomUUID()}/role`, hrSession, {
          role: 'employer_member',
        })
      ).statusCode,
      404,
    );

    // The list only links to a page that asks first; that page's button removes.
    const list = await get(`/admin/organisations/${employer}/members`, hrSession);
    assert.ok(
      list.body.includes(`href="/admin/organisations/${employer}/members/${staffMember.accountId}/remove"`),
    );
    const ask = await get(
      `/admin/organisations/${employer}/members/${staffMember.accountId}/remove`,
      hrSession,
    );
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /<h1>Ta bort .+ från .+\?<\/h1>/);
    assert.match(ask.body, /Ja, ta bort/);
    const removed = await post(
      `/admin/organisations/${employer}/members/${staffMember.accountId}/remove`,
      hrSession,
    );
    assert.equal(removed.statusCode, 303);
    // Now hr is the only employer admin left: removing or demoting themselves is refused.
    const others = await db
      .selectFrom('memberships')
      .select('account_id')
      .where('organisation_id', '=', employer)
      .where('role', '=', 'employer_admin')
      .where('account_id', '<>', hr.accountId)
      .execute();
    for (const o of others) {
      await db
        .deleteFrom('memberships')
        .where('organisation_id', '=', employer)
        .where('account_id', '=', o.account_id)
        .execute();
    }
    const self = await post(`/admin/organisations/${employer}/members/${hr.accountId}/remove`, hrSession);
    assert.equal(self.statusCode, 422);
    assert.match(self.body, /Du är den enda som kan hantera medlemmarna i Gruvbolaget i Falun AB/);
    const selfDemote = await post(
      `/admin/organisations/${employer}/members/${hr.accountId}/role`,
      hrSession,
      {
        role: 'employer_member',
      },
    );
    assert.equal(selfDemote.statusCode, 422);
    assert.equal(await roleIn(db, employer, hr.accountId), 'employer_admin');

    const actions = await auditActions(db);
    for (const action of [
      'org.member.invited',
      'org.invitation.revoked',
      'org.member.role_changed',
      'org.member.removed',
    ]) {
      assert.ok(actions.includes(action), action);
    }
  });

  it('lets an admin find people and end their sessions', async () => {
    const list = await get('/admin/people', adminSv);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(hr.email));
    assert.match(list.body, /Gruvbolaget i Falun AB: administratör för arbetsgivaren/);
    const search = await get(`/admin/people?q=${encodeURIComponent(talent.email.slice(0, 20))}`, adminSv);
    assert.ok(search.body.includes(talent.email));
    assert.ok(!search.body.includes(hr.email));
    assert.match(search.body, /Ingen roll/);
    const wild = await get('/admin/people?q=%25', adminSv);
    assert.match(wild.body, /Ingen person matchar/);

    const detail = await get(`/admin/people/${talent.accountId}`, adminSv);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /inloggad i en webbläsare/);
    const ended = await post(`/admin/people/${talent.accountId}/sessions/end`, adminSv);
    assert.equal(ended.statusCode, 303);
    assert.equal((await get('/sv/me', talentSession)).statusCode, 303, 'the talent is signed out');
    const sessions = await db
      .selectFrom('sessions')
      .select('token_hash')
      .where('account_id', '=', talent.accountId)
      .execute();
    assert.equal(sessions.length, 0);
    assert.ok((await auditActions(db)).includes('account.sessions_ended'));

    assert.equal((await get(`/admin/people/${randomUUID()}`, adminSv)).statusCode, 404);
    assert.equal((await get('/admin/people/nope', adminSv)).statusCode, 404);
    const other = await createPerson(db, { regionId: REGION });
    assert.equal((await get(`/admin/people/${other.accountId}`, adminSv)).statusCode, 200);
  });

  it('lets an admin reset the second factors of a navigator who lost them all, but not their own', async () => {
    const navigator = await createPerson(db, { role: 'navigator', totpSecret: 'JBSWY3DPEHPK3PXP' });
    await db
      .insertInto('recovery_codes')
      .values({ region_id: REGION, account_id: navigator.accountId, code_hash: 'x'.repeat(43) })
      .execute();
    const navigatorSession = await sessionFor(db, navigator.accountId, { secondFactor: true });
    const page = await get(`/admin/people/${navigator.accountId}`, adminSv);
    assert.match(page.body, /Autentiseringsapp: på\. Oanvända reservkoder: 1\./);
    assert.match(page.body, /Ta bort personens nycklar och koder/);

    const reset = await post(`/admin/people/${navigator.accountId}/second-factors/reset`, adminSv);
    assert.equal(reset.statusCode, 303);
    const left = await db
      .selectFrom('accounts as a')
      .select([
        (eb) =>
          eb
            .selectFrom('totp_secrets')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('account_id', '=', 'a.id')
            .as('totp'),
        (eb) =>
          eb
            .selectFrom('recovery_codes')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('account_id', '=', 'a.id')
            .as('codes'),
      ])
      .where('a.id', '=', navigator.accountId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(left, { totp: 0, codes: 0 });
    assert.equal((await get('/sv/me', navigatorSession)).statusCode, 303, 'the navigator is signed out');
    assert.ok((await auditActions(db)).includes('account.second_factors_reset'));
    const trail = await get('/admin/audit', adminSv);
    assert.match(trail.body, /tog bort nycklar och koder för/);

    // Not one's own: the own security page does that, after a factor was shown.
    assert.equal(
      (await post(`/admin/people/${admin.accountId}/second-factors/reset`, adminSv)).statusCode,
      404,
    );
    const own = await get(`/admin/people/${admin.accountId}`, adminSv);
    assert.doesNotMatch(own.body, /Ta bort personens nycklar och koder/);
  });
});

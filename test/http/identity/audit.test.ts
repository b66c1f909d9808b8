/**
 * The audit trail viewer: events read as sentences in the reader's language with Swedish time,
 * filters by organisation, person, kind of event and dates, keyset paging, and who may see what —
 * a region admin the whole region, an employer admin only their own organisation (a forged filter
 * answers 404 and shows nothing of the other), a talent and a region editor get 403.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { CLI_ACTOR, recordAudit, type AuditEvent } from '../../../src/platform/audit.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { createOrganisation, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';

describe('audit trail viewer', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;

  const named = async (accountId: string, displayName: string) =>
    db.updateTable('accounts').set({ display_name: displayName }).where('id', '=', accountId).execute();
  const setLanguage = async (accountId: string, language: 'sv' | 'en') =>
    db.updateTable('accounts').set({ language }).where('id', '=', accountId).execute();
  const record = (event: Omit<AuditEvent, 'regionId'>) => recordAudit(db, { regionId: REGION, ...event });

  const exempel = await createOrganisation(db, { name: 'Exempelbolaget AB' });
  const annat = await createOrganisation(db, { name: 'Annat Bolag AB' });

  const admin = await createPerson(db, { role: 'admin', language: 'en' });
  await named(admin.accountId, 'Alva Admin');
  const adminCookie = await sessionFor(db, admin.accountId, { secondFactor: true });

  const employerAdmin = await createPerson(db, {
    role: 'employer_admin',
    organisationId: exempel,
    language: 'en',
  });
  await named(employerAdmin.accountId, 'Erik Employer');
  const employerCookie = await sessionFor(db, employerAdmin.accountId);

  const tove = await createPerson(db, { email: 'tove@example.org' });
  await named(tove.accountId, 'Tove Talang');
  const toveCookie = await sessionFor(db, tove.accountId);

  const editor = await createPerson(db, { role: 'region_editor' });
  const editorCookie = await sessionFor(db, editor.accountId, { secondFactor: true });

  const invitationId = randomUUID();
  await record({
    actor: { id: admin.accountId, label: '' },
    organisationId: exempel,
    action: 'org.member.invited',
    subjectType: 'invitation',
    subjectId: invitationId,
    data: { email: 'kim@example.org', role: 'employer_member' },
  });
  await record({
    actor: { id: tove.accountId, label: '' },
    action: 'session.started',
    subjectType: 'account',
    subjectId: tove.accountId,
    data: { method: 'passkey' },
  });
  await record({
    actor: { id: admin.accountId, label: '' },
    organisationId: annat,
    action: 'org.member.invited',
    subjectType: 'invitation',
    subjectId: randomUUID(),
    data: { email: 'hemlig@annat.example', role: 'employer_admin' },
  });
  await record({
    actor: { id: null, label: 'token:Lönesystemet' },
    organisationId: exempel,
    action: 'widget.frobbed',
    subjectType: 'widget',
    subjectId: '42',
  });
  await record({
    actor: { id: randomUUID(), label: '' },
    organisationId: exempel,
    action: 'org.member.removed',
    subjectType: 'account',
    subjectId: employerAdmin.accountId,
  });
  await record({
    actor: CLI_ACTOR,
    organisationId: admin.organisationId,
    action: 'admin.created',
    subjectType: 'account',
    subjectId: admin.accountId,
  });
  // One event at a known moment: 13:05 UTC on 1 March 2025 is 14:05 in Stockholm.
  await record({
    actor: { id: employerAdmin.accountId, label: '' },
    organisationId: exempel,
    action: 'api_token.created',
    subjectType: 'api_token',
    subjectId: randomUUID(),
    data: { name: 'Lönesystemet' },
  });
  await sql`update audit_events set at = '2025-03-01T13:05:00Z' where action = 'api_token.created'`.execute(
    db,
  );

  const get = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });
  const sentences = (body: string) =>
    [...body.matchAll(/<p class="audit-event__sentence">([^<]*)<\/p>/g)].map((m) => m[1]);

  it('shows events as sentences in the reader’s language, with Swedish time and the action code', async () => {
    const en = await get('/admin/audit', adminCookie);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html lang="en"/);
    const english = sentences(en.body);
    assert.ok(english.includes('Alva Admin invited kim@example.org to Exempelbolaget AB as employer member'));
    assert.ok(english.includes('Tove Talang signed in with a passkey'));
    assert.ok(english.includes('The API token “Lönesystemet” did widget.frobbed on widget 42'));
    assert.ok(english.includes('A deleted account removed Erik Employer from Exempelbolaget AB'));
    assert.ok(
      english.some((s) => s?.startsWith('Someone at the command line made Alva Admin an administrator')),
    );
    assert.ok(english.includes('Erik Employer created the API token “Lönesystemet” for Exempelbolaget AB'));
    assert.match(en.body, /<time datetime="2025-03-01T13:05:00.000Z">1 March 2025 at 14:05<\/time>/);
    assert.match(en.body, /<code>org\.member\.invited<\/code>/);
    assert.equal(
      english[english.length - 1],
      'Alva Admin invited kim@example.org to Exempelbolaget AB as employer member',
    );
    assert.ok(
      english.indexOf('Tove Talang signed in with a passkey') >
        english.indexOf('Erik Employer created the API token “Lönesystemet” for Exempelbolaget AB'),
      'newest first',
    );

    await setLanguage(admin.accountId, 'sv');
    const sv = await get('/admin/audit', adminCookie);
    await setLanguage(admin.accountId, 'en');
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /<html lang="sv"/);
    const swedish = sentences(sv.body);
    assert.ok(
      swedish.includes(
        'Alva Admin bjöd in kim@example.org till Exempelbolaget AB som medarbetare hos arbetsgivaren',
      ),
    );
    assert.ok(swedish.includes('Tove Talang loggade in med en nyckel'));
    assert.ok(swedish.includes('Ett raderat konto tog bort Erik Employer från Exempelbolaget AB'));
    assert.match(sv.body, />1 mars 2025 kl\. 14:05<\/time>/);
  });

  it('filters by organisation, person, kind of event and dates', async () => {
    const byOrg = sentences((await get(`/admin/audit?organisation=${annat}`, adminCookie)).body);
    assert.deepEqual(byOrg, ['Alva Admin invited hemlig@annat.example to Annat Bolag AB as employer admin']);

    const byInvitee = sentences((await get('/admin/audit?person=KIM%40example.org', adminCookie)).body);
    assert.deepEqual(byInvitee, [
      'Alva Admin invited kim@example.org to Exempelbolaget AB as employer member',
    ]);

    const byActor = sentences((await get('/admin/audit?person=tove%40example.org', adminCookie)).body);
    assert.deepEqual(byActor, ['Tove Talang signed in with a passkey']);

    const bySubject = sentences(
      (await get(`/admin/audit?person=${encodeURIComponent(employerAdmin.email)}`, adminCookie)).body,
    );
    assert.ok(bySubject.includes('A deleted account removed Erik Employer from Exempelbolaget AB'));
    assert.ok(bySubject.includes('Erik Employer created the API token “Lönesystemet” for Exempelbolaget AB'));
    assert.equal(bySubject.length, 2);

    const members = await get('/admin/audit?action=org.member', adminCookie);
    assert.match(members.body, /<option value="org\.member" selected>/);
    const memberSentences = sentences(members.body);
    assert.equal(memberSentences.length, 3);
    assert.ok(memberSentences.every((s) => /invited|removed/.test(s ?? '')));

    const sessions = sentences((await get('/admin/audit?action=session', adminCookie)).body);
    assert.deepEqual(sessions, ['Tove Talang signed in with a passkey']);

    const combined = sentences(
      (await get(`/admin/audit?organisation=${exempel}&action=org.member.invited`, adminCookie)).body,
    );
    assert.deepEqual(combined, [
      'Alva Admin invited kim@example.org to Exempelbolaget AB as employer member',
    ]);

    const day = sentences((await get('/admin/audit?from=2025-03-01&to=2025-03-01', adminCookie)).body);
    assert.deepEqual(day, ['Erik Employer created the API token “Lönesystemet” for Exempelbolaget AB']);
    const dayBefore = sentences((await get('/admin/audit?from=2025-02-28&to=2025-02-28', adminCookie)).body);
    assert.deepEqual(dayBefore, []);

    const bad = await get('/admin/audit?from=2025-02-30&to=nope&person=x&action=nonsense', adminCookie);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    for (const field of ['from', 'to', 'person', 'action']) {
      assert.match(bad.body, new RegExp(`id="${field}-error"`));
    }
    assert.match(bad.body, /value="nope"/, 'what was typed is kept');
    assert.match(bad.body, /aria-invalid="true"/);

    const reversed = await get('/admin/audit?from=2025-03-02&to=2025-03-01', adminCookie);
    assert.equal(reversed.statusCode, 400);
    assert.match(reversed.body, /id="to-error"/);
  });

  it('reads the events other parts write in the shapes they write them', async () => {
    const org = await createOrganisation(db, { name: 'Formbolaget AB' });
    const kim = await createPerson(db, {
      role: 'employer_member',
      organisationId: org,
      email: 'kim@form.example',
    });
    await named(kim.accountId, 'Kim Kollega');
    const events: Omit<AuditEvent, 'regionId' | 'actor'>[] = [
      {
        action: 'org.created',
        subjectType: 'organisation',
        subjectId: org,
        data: { name: 'Formbolaget AB' },
      },
      {
        action: 'org.member.joined',
        subjectType: 'account',
        subjectId: kim.accountId,
        data: { role: 'employer_member' },
      },
      {
        action: 'org.member.role_changed',
        subjectType: 'account',
        subjectId: kim.accountId,
        data: { from: 'employer_member', to: 'employer_admin' },
      },
      {
        action: 'org.invitation.revoked',
        subjectType: 'invitation',
        subjectId: randomUUID(),
        data: { email: 'x@form.example', role: 'employer_member' },
      },
      {
        action: 'session.organisation_switched',
        subjectType: 'organisation',
        subjectId: org,
        data: { role: 'employer_admin' },
      },
      {
        action: 'account.sessions_ended',
        subjectType: 'account',
        subjectId: kim.accountId,
        data: { count: 2 },
      },
    ];
    for (const event of events) {
      const actor = event.action === 'org.member.joined' ? kim.accountId : admin.accountId;
      await record({ ...event, actor: { id: actor, label: '' }, organisationId: org });
    }
    const seen = sentences((await get(`/admin/audit?organisation=${org}`, adminCookie)).body);
    assert.deepEqual(seen, [
      'Alva Admin ended all sessions of Kim Kollega',
      'Alva Admin switched to working for Formbolaget AB',
      'Alva Admin withdrew the invitation of x@form.example to Formbolaget AB',
      'Alva Admin changed the role of Kim Kollega in Formbolaget AB from employer member to employer admin',
      'Kim Kollega joined Formbolaget AB as employer member',
      'Alva Admin created the organisation Formbolaget AB',
    ]);
  });

  it('pages 50 events at a time, older ones behind a link', async () => {
    const paged = await createOrganisation(db, { name: 'Många Händelser AB' });
    for (let i = 0; i < 55; i += 1) {
      await record({
        actor: { id: admin.accountId, label: '' },
        organisationId: paged,
        action: 'org.updated',
        subjectType: 'organisation',
        subjectId: paged,
      });
    }
    const first = await get(`/admin/audit?organisation=${paged}`, adminCookie);
    assert.equal(sentences(first.body).length, 50);
    const older = /<a href="([^"]+)" rel="next">/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(older?.includes('before='));
    const second = await get(older ?? '', adminCookie);
    assert.equal(sentences(second.body).length, 5);
    assert.doesNotMatch(second.body, /rel="next"/);
    assert.ok(
      sentences(second.body).every((s) => s === 'Alva Admin updated the details of Många Händelser AB'),
    );
    const garbage = await get('/admin/audit?before=abc', adminCookie);
    assert.equal(garbage.statusCode, 400);
  });

  it('an employer admin sees only their organisation’s events, and a forged filter shows nothing else', async () => {
    const own = await get('/admin/audit', employerCookie);
    assert.equal(own.statusCode, 200);
    const seen = sentences(own.body);
    assert.ok(seen.includes('Alva Admin invited kim@example.org to Exempelbolaget AB as employer member'));
    assert.ok(!seen.some((s) => s?.includes('Annat Bolag')), 'no other organisation');
    assert.ok(!seen.some((s) => s?.includes('Tove')), 'no events without an organisation');
    assert.doesNotMatch(own.body, /hemlig@annat\.example|Annat Bolag AB/);
    assert.doesNotMatch(own.body, new RegExp(`value="${annat}"`), 'other organisations are not offered');

    const forged = await get(`/admin/audit?organisation=${annat}`, employerCookie);
    assert.equal(forged.statusCode, 404);
    assert.doesNotMatch(forged.body, /hemlig@annat\.example|Annat Bolag AB/);

    const malformed = await get('/admin/audit?organisation=not-a-uuid', employerCookie);
    assert.equal(malformed.statusCode, 404);

    const byPerson = await get('/admin/audit?person=hemlig%40annat.example', employerCookie);
    assert.equal(byPerson.statusCode, 200);
    assert.deepEqual(sentences(byPerson.body), []);

    const api = await app.inject({ url: '/api/v1/audit', headers: { cookie: employerCookie } });
    assert.equal(api.statusCode, 200);
    assert.doesNotMatch(api.body, /hemlig@annat\.example/);
  });

  it('a talent and a region editor (no AuditRead) get 403; nobody signed in is sent to sign in', async () => {
    const talent = await get('/admin/audit', toveCookie);
    assert.equal(talent.statusCode, 403);
    assert.doesNotMatch(talent.body, /kim@example\.org/);
    const editorPage = await get('/admin/audit', editorCookie);
    assert.equal(editorPage.statusCode, 403);
    const anonymous = await app.inject({ url: '/admin/audit' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /\/login\?next=%2Fadmin%2Faudit/);
    // Staff must have shown a second factor in this session.
    const noFactor = await get('/admin/audit', await sessionFor(db, admin.accountId));
    assert.equal(noFactor.statusCode, 303);
    assert.match(String(noFactor.headers.location), /\/me\/second-factor/);
  });
});

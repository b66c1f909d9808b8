/**
 * The newcomer network's back-office: NetworkManage creates and edits groups (sv/en), archives
 * them, lists the group's meetups (events: seats taken and status, each linking to the events
 * back-office, with the link that makes a new one there), and approves and pauses ambassadors —
 * with audit events; others are refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, createPerson, sessionFor } from '../../helpers/identity.ts';
import { createRegistration } from '../../helpers/events.ts';
import { createAmbassador, createGroup, createMeetup } from '../../helpers/network.ts';
import { createNavigator } from '../../helpers/relocation.ts';

describe('the newcomer network in the back-office', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const navigator = await createNavigator(db, { municipalityCode: '2080' });
  const employer = await createPerson(db, { role: 'employer_admin' });
  const employerCookie = await sessionFor(db, employer.accountId);
  const editor = await createPerson(db, { role: 'region_editor', language: 'en' });
  const editorCookie = await sessionFor(db, editor.accountId, { secondFactor: true });

  it('lists groups and ambassadors for NetworkManage only', async () => {
    await createGroup(db, { name: 'Tech-fika', topic: 'tech' });
    const page = await client.get('/admin/network', navigator.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Nätverket för nyinflyttade/);
    assert.match(page.body, /Tech-fika/);
    assert.match(page.body, /<caption id="network-groups-caption">/);
    assert.equal((await client.get('/admin/network', editorCookie)).statusCode, 200);
    assert.equal((await client.get('/admin/network', employerCookie)).statusCode, 403);
    assert.equal((await client.get('/admin/network')).statusCode, 303);
  });

  it('creates a group, re-showing errors by the field, then edits and archives it', async () => {
    const bad = await client.postForm('/admin/network/groups', navigator.cookie, {
      name_sv: 'Skidor',
      name_en: '',
      topic: 'knitting',
      slug: 'Not a slug!',
      description_sv: 'x'.repeat(2001),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Fyll i fältet/);
    assert.match(bad.body, /Välj bland alternativen/);
    assert.match(bad.body, /Använd små bokstäver, siffror och bindestreck/);
    assert.match(bad.body, /Skriv högst 2\s000 tecken/);
    assert.match(bad.body, /value="Skidor"/);

    const made = await client.postForm('/admin/network/groups', navigator.cookie, {
      name_sv: 'Skidor i Sälen',
      name_en: 'Skiing in Sälen',
      description_sv: 'Längdskidor varje lördag.',
      description_en: 'Cross-country skiing every Saturday.',
      topic: 'sports',
      municipality: '2039',
      slug: '',
    });
    assert.equal(made.statusCode, 303, made.body.slice(0, 400));
    const location = String(made.headers.location);
    assert.match(location, /^\/admin\/network\/groups\/[0-9a-f-]{36}\?done=created$/);
    const row = await db
      .selectFrom('network_groups')
      .selectAll()
      .where('name_sv', '=', 'Skidor i Sälen')
      .executeTakeFirstOrThrow();
    assert.equal(row.slug, 'skidor-i-salen');
    const again = await client.postForm('/admin/network/groups', navigator.cookie, {
      name_sv: 'Annan',
      name_en: 'Other',
      topic: 'sports',
      slug: 'skidor-i-salen',
    });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /Adressen används redan/);

    const edited = await client.postForm(`/admin/network/groups/${row.id}`, navigator.cookie, {
      name_sv: 'Skidor i Sälen',
      name_en: 'Skiing in Sälen',
      description_sv: 'Längdskidor varje söndag.',
      description_en: '',
      topic: 'sports',
      municipality: '',
      slug: 'skidor-i-salen',
    });
    assert.equal(edited.statusCode, 303);
    const page = await client.get(`/admin/network/groups/${row.id}?done=saved`, navigator.cookie);
    assert.match(page.body, /Gruppen är sparad/);
    assert.match(page.body, /Saknas/);
    const archived = await client.postForm(`/admin/network/groups/${row.id}/archive`, navigator.cookie, {});
    assert.equal(archived.statusCode, 303);
    const publicPage = await client.get('/sv/network');
    assert.doesNotMatch(publicPage.body, /Skidor i Sälen/);
    const actions = await auditActions(db);
    assert.ok(actions.some((a) => a.startsWith('relocation.network.group.created')));
    assert.ok(actions.some((a) => a.startsWith('relocation.network.group.archived')));
    assert.equal(
      (await client.get('/admin/network/groups/00000000-0000-4000-8000-000000000000', navigator.cookie))
        .statusCode,
      404,
    );
    assert.equal((await client.get('/admin/network/groups/nope', navigator.cookie)).statusCode, 404);
  });

  it('lists the group’s meetups as events with seats and status, links to the events back-office, and makes new ones there', async () => {
    const group = await createGroup(db, { name: 'Matlagning' });
    const meetup = await createMeetup(db, group.id, { title: 'Surdegsbak', capacity: 8, inDays: 10 });
    await createRegistration(db, meetup.id, { status: 'confirmed' });
    const draft = await createMeetup(db, group.id, { title: 'Knytkalas', status: 'draft', inDays: 20 });
    const old = await createMeetup(db, group.id, { title: 'Gammal träff', inDays: -60 });
    const page = await client.get(`/admin/network/groups/${group.id}`, navigator.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<a href="/admin/events/${meetup.id}">Surdegsbak</a>`));
    assert.match(page.body, /1 av 8/);
    assert.match(page.body, /Publicerad/);
    assert.match(page.body, new RegExp(`<a href="/admin/events/${draft.id}">Knytkalas</a>`));
    assert.match(page.body, /Utkast/);
    assert.doesNotMatch(page.body, new RegExp(old.id));
    assert.match(
      page.body,
      new RegExp(`href="/admin/events/new\\?kind=meetup&amp;group=${group.id}"[^>]*>Ny träff för gruppen`),
    );
    assert.doesNotMatch(page.body, /name="capacity"/);
    const list = await client.get('/admin/network', navigator.cookie);
    assert.match(list.body, /Matlagning/);
    // The network's own meetup routes are gone.
    assert.equal(
      (await client.postForm(`/admin/network/groups/${group.id}/meetups`, navigator.cookie, { title: 'x' }))
        .statusCode,
      404,
    );
    assert.equal(
      (await client.postForm(`/admin/network/meetups/${meetup.id}/cancel`, navigator.cookie, {})).statusCode,
      404,
    );
  });

  it('an ambassador waits until NetworkManage approves; others cannot approve', async () => {
    const ambassador = await createAmbassador(db, { status: 'pending', name: 'Greta Pending' });
    const list = await client.get('/admin/network', navigator.cookie);
    assert.match(list.body, /Greta Pending/);
    assert.match(list.body, /Väntar på godkännande/);
    assert.match(list.body, /Godkänn Greta Pending/);
    assert.equal(
      (await client.postForm(`/admin/network/ambassadors/${ambassador.id}/approve`, employerCookie, {}))
        .statusCode,
      403,
    );
    assert.equal(
      (await client.postForm(`/admin/network/ambassadors/${ambassador.id}/approve`, '', {})).statusCode,
      401,
    );
    const approved = await client.postForm(
      `/admin/network/ambassadors/${ambassador.id}/approve`,
      navigator.cookie,
      {},
    );
    assert.equal(approved.statusCode, 303);
    const row = await db
      .selectFrom('network_ambassadors')
      .selectAll()
      .where('id', '=', ambassador.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'approved');
    assert.equal(row.approved_by, navigator.accountId);
    const paused = await client.postForm(
      `/admin/network/ambassadors/${ambassador.id}/pause`,
      editorCookie,
      {},
    );
    assert.equal(paused.statusCode, 303);
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', ambassador.accountId)
      .orderBy('id')
      .execute();
    assert.deepEqual(events, [
      { action: 'relocation.network.ambassador.approved', actor_id: navigator.accountId },
      { action: 'relocation.network.ambassador.paused', actor_id: editor.accountId },
    ]);
    assert.equal(
      (
        await client.postForm(
          '/admin/network/ambassadors/00000000-0000-4000-8000-000000000000/approve',
          navigator.cookie,
          {},
        )
      ).statusCode,
      404,
    );
  });
});

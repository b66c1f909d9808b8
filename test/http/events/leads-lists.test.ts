/**
 * The leads lists: an exhibitor sees only its own stand's leads and only the registrations that
 * consented to the exhibitors; another employer gets 404 (GET and POST); who manages the event sees
 * every stand and filters; CSV with formula cells defused; the organisation's list across events;
 * the event page's panel; the person's export and erasure leave no lead behind.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';
import { addExhibitor, createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { leadsPanel } from '../../../src/modules/events/leads/panel.ts';
import { leadsPersonalData } from '../../../src/modules/events/leads/personal-data.ts';
import { eventAccessOf, eventById } from '../../../src/modules/events/events.ts';

describe('events: the leads lists', async () => {
  const { app, database, regions } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const organiser = await createOrganiser(db);
  const event = await createEvent(db, {
    organisationId: organiser.organisationId,
    kind: 'fair',
    startsAt: new Date(Date.now() + 3_600_000),
  });
  const acme = await createOrganiser(db, { role: 'employer_admin' });
  const bolaget = await createOrganiser(db, { role: 'employer_admin' });
  const outsider = await createOrganiser(db, { role: 'employer_admin' });
  const acmeStand = await addExhibitor(db, event.id, { organisationId: acme.organisationId, stand: 'A1' });
  await addExhibitor(db, event.id, { organisationId: bolaget.organisationId, stand: 'C3' });

  const capture = async (cookie: string, stand: string, name: string, email: string) => {
    const r = await client.postForm(`/admin/events/${event.id}/leads/new`, cookie, {
      stand,
      name,
      email,
      language: 'sv',
      consent_lead: '1',
    });
    assert.equal(r.statusCode, 303, r.body);
  };

  await capture(acme.cookie, acme.organisationId, 'Acme Besökare', 'acme-lead@example.org');
  await capture(bolaget.cookie, bolaget.organisationId, 'Bolaget Besökare', 'bolaget-lead@example.org');
  await capture(organiser.cookie, 'own', '=HYPERLINK("http://evil")', 'formula@example.org');
  await createRegistration(db, event.id, {
    name: 'Delar Gärna',
    email: 'share@example.org',
    shareWithExhibitors: true,
  });
  await createRegistration(db, event.id, {
    name: 'Delar Inte',
    email: 'private@example.org',
    shareWithExhibitors: false,
  });

  it('an exhibitor sees only its own stand’s leads and only the consenting registrations', async () => {
    const page = await client.get(`/admin/events/${event.id}/leads`, acme.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Acme Besökare/);
    assert.doesNotMatch(page.body, /Bolaget Besökare/);
    assert.doesNotMatch(page.body, /HYPERLINK/);
    assert.match(page.body, /share@example\.org/);
    assert.doesNotMatch(page.body, /private@example\.org/);
    // Asking for another stand changes nothing for an exhibitor.
    const other = await client.get(
      `/admin/events/${event.id}/leads?stand=${bolaget.organisationId}`,
      acme.cookie,
    );
    assert.doesNotMatch(other.body, /Bolaget Besökare/);

    const csv = await client.get(
      `/admin/events/${event.id}/leads.csv?stand=${bolaget.organisationId}`,
      acme.cookie,
    );
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /acme-lead@example\.org/);
    assert.doesNotMatch(csv.body, /bolaget-lead/);
    const shared = await client.get(`/admin/events/${event.id}/leads/registrations.csv`, acme.cookie);
    assert.match(shared.body, /"Delar Gärna","share@example\.org"/);
    assert.doesNotMatch(shared.body, /private@example\.org/);
  });

  it('an exhibitor cannot capture for another stand, nor delete another stand’s lead', async () => {
    const r = await client.postForm(`/admin/events/${event.id}/leads/new`, acme.cookie, {
      stand: bolaget.organisationId,
      name: 'Fel Monter',
      email: 'fel@example.org',
      language: 'sv',
      consent_lead: '1',
    });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /Välj en monter i listan\./);
    const lead = await db
      .selectFrom('event_leads')
      .select('id')
      .where('email', '=', 'bolaget-lead@example.org')
      .executeTakeFirstOrThrow();
    const del = await client.postForm(`/admin/events/${event.id}/leads/${lead.id}/delete`, acme.cookie, {});
    assert.equal(del.statusCode, 404);
    assert.ok(await db.selectFrom('event_leads').select('id').where('id', '=', lead.id).executeTakeFirst());
  });

  it('another employer gets 404 for every page and post of the event', async () => {
    const lead = await db
      .selectFrom('event_leads')
      .select('id')
      .where('email', '=', 'acme-lead@example.org')
      .executeTakeFirstOrThrow();
    for (const url of [
      `/admin/events/${event.id}/leads`,
      `/admin/events/${event.id}/leads/new`,
      `/admin/events/${event.id}/leads.csv`,
      `/admin/events/${event.id}/leads/registrations.csv`,
    ])
      assert.equal((await client.get(url, outsider.cookie)).statusCode, 404, url);
    const post = await client.postForm(`/admin/events/${event.id}/leads/new`, outsider.cookie, {
      stand: outsider.organisationId,
      name: 'X',
      email: 'x@example.org',
      language: 'sv',
      consent_lead: '1',
    });
    assert.equal(post.statusCode, 404);
    const del = await client.postForm(
      `/admin/events/${event.id}/leads/${lead.id}/delete`,
      outsider.cookie,
      {},
    );
    assert.equal(del.statusCode, 404);
    assert.equal((await client.get(`/admin/events/not-a-uuid/leads`, acme.cookie)).statusCode, 404);
    const all = await client.get('/admin/events/leads', outsider.cookie);
    assert.equal(all.statusCode, 200);
    assert.doesNotMatch(all.body, /Besökare/);
  });

  it('who manages the event sees every stand, filters, and the CSV defuses formulas', async () => {
    const page = await client.get(`/admin/events/${event.id}/leads`, organiser.cookie);
    assert.match(page.body, /Acme Besökare/);
    assert.match(page.body, /Bolaget Besökare/);
    const filtered = await client.get(
      `/admin/events/${event.id}/leads?stand=${acme.organisationId}`,
      organiser.cookie,
    );
    assert.match(filtered.body, /Acme Besökare/);
    assert.doesNotMatch(filtered.body, /Bolaget Besökare/);
    const csv = await client.get(`/admin/events/${event.id}/leads.csv`, organiser.cookie);
    assert.match(csv.body, /^\uFEFF"Tid","Evenemang","Arbetsgivare"/);
    assert.match(csv.body, /"'=HYPERLINK\(""http:\/\/evil""\)"/);
    assert.doesNotMatch(csv.body, /(^|,)"=HYPERLINK/m);
  });

  it('the organisation’s list across events: an employer its own stands’, with CSV', async () => {
    const page = await client.get('/admin/events/leads', acme.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Acme Besökare/);
    assert.doesNotMatch(page.body, /Bolaget Besökare/);
    const csv = await client.get('/admin/events/leads.csv', bolaget.cookie);
    assert.match(csv.body, /bolaget-lead@example\.org/);
    assert.doesNotMatch(csv.body, /acme-lead/);
  });

  it('deleting a lead (the person asked) is audited', async () => {
    const lead = await db
      .selectFrom('event_leads')
      .select('id')
      .where('email', '=', 'acme-lead@example.org')
      .executeTakeFirstOrThrow();
    const del = await client.postForm(`/admin/events/${event.id}/leads/${lead.id}/delete`, acme.cookie, {});
    assert.equal(del.statusCode, 303);
    const after = await client.get(del.headers.location as string, acme.cookie);
    assert.match(after.body, /Kontakten togs bort\./);
    assert.doesNotMatch(after.body, /Acme Besökare/);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', lead.id)
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['event.lead.captured', 'event.lead.deleted']);
  });

  it('the event page’s panel counts leads per stand and gives the stands’ QR links', async () => {
    const region = regions.byId(REGION)!;
    const row = (await eventById(db, REGION, event.id))!;
    const principal = {
      account: { id: organiser.accountId },
      organisation: { id: organiser.organisationId },
      permissions: new Set(['EventsManage', 'EventsApprove']),
    };
    const access = eventAccessOf(REGION, principal as never)!;
    const view = await leadsPanel.render({
      db,
      region,
      lang: 'sv',
      person: principal as never,
      access,
      relation: 'manage',
      event: row,
      csrfToken: 'x',
      query: {},
    });
    assert.ok(view);
    assert.match(String(view.html), /<section id="leads" aria-labelledby="leads-title">/);
    assert.match(String(view.html), new RegExp(`/sv/events/${event.slug}/stand/${acmeStand.standCode}`));
    assert.match(String(view.html), /<svg role="img"/);
  });

  it('a visitor’s export holds their leads and erasing the account leaves none', async () => {
    const person = await createPerson(db, { email: `visitor-${Date.now()}@example.org` });
    const name = `Raderas Besökarsson${Date.now()}`;
    await capture(acme.cookie, acme.organisationId, name, person.email);
    const exported = (await leadsPersonalData.export(db, {
      regionId: REGION,
      accountId: person.accountId,
      email: person.email,
    })) as { name: string }[];
    assert.deepEqual(
      exported.map((l) => l.name),
      [name],
    );
    assert.ok((await tablesHolding(db, name)).includes('event_leads.name'));
    const deleted = await client.postForm('/sv/me/delete', await sessionFor(db, person.accountId), {
      confirm: person.email,
    });
    assert.equal(deleted.statusCode, 303);
    assert.deepEqual(await tablesHolding(db, name), []);
  });
});

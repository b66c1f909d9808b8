/**
 * The organisers' back-office after the new-user review (findings 7–10 of newuser-admin): the
 * target groups are named in English too as content names them; the statistics speak of attendance
 * only once the event is over (page and CSV); an event that is over is not cancelled, with a clear
 * answer whatever was typed; deleting a draft has a page of its own that asks, without JavaScript.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicMessages as contentMessages } from '../../../src/modules/content/public/messages.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { auditActions, REGION } from '../../helpers/identity.ts';

const HOUR = 3_600_000;

describe('events back-office: fixes after the new-user review', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const editorEn = await createOrganiser(db, { language: 'en' });
  const hr = await createOrganiser(db, { role: 'employer_admin' });
  const exists = async (id: string) =>
    (await db
      .selectFrom('events')
      .select('id')
      .where('region_id', '=', REGION)
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined;

  it('names the target groups with content’s words in the form and in the pending changes (en)', async () => {
    const form = await client.get('/admin/events/new', editorEn.cookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /for="personas-dreamers">Hobby-farm and garage dreamers</);
    assert.match(form.body, /for="personas-nature">Nature in everyday life</);
    assert.doesNotMatch(form.body, /Dreamers and entrepreneurs|Nature lovers/);
    assert.equal(contentMessages.t('en', 'group.dreamers'), 'Hobby-farm and garage dreamers');
  });

  it('shows attendance and no-shows only once the event is over, on the page and in the CSV', async () => {
    const upcoming = await createEvent(db, { capacity: 10, startsAt: new Date(Date.now() + 2 * 86_400_000) });
    await createRegistration(db, upcoming.id, { seats: 1 });
    const cell = (body: string, label: string) =>
      new RegExp(`<th scope="row">${label}</th>\\s*<td class="events-number">([^<]*)</td>`).exec(body)?.[1];
    const sv = await client.get(`/admin/events/${upcoming.id}/stats`, editor.cookie);
    assert.equal(cell(sv.body, 'Bekräftade som inte kom'), '– (räknas när evenemanget är slut)');
    assert.equal(
      cell(sv.body, 'Närvaro \\(incheckade av bekräftade anmälningar\\)'),
      '– (räknas när evenemanget är slut)',
    );
    const en = await client.get(`/admin/events/${upcoming.id}/stats`, editorEn.cookie);
    assert.equal(cell(en.body, 'Confirmed who did not come'), '– (counted once the event is over)');
    const csv = await client.get(`/admin/events/${upcoming.id}/stats.csv`, editor.cookie);
    assert.match(csv.body, /"figures","noShows","[^"]+",""/);
    assert.match(csv.body, /"figures","attendance","[^"]+",""/);

    const past = await createEvent(db, {
      capacity: 10,
      startsAt: new Date(Date.now() - 5 * HOUR),
      endsAt: new Date(Date.now() - 2 * HOUR),
    });
    await createRegistration(db, past.id, { seats: 1 });
    const after = await client.get(`/admin/events/${past.id}/stats`, editor.cookie);
    assert.equal(cell(after.body, 'Bekräftade som inte kom'), '1');
    assert.equal(cell(after.body, 'Närvaro \\(incheckade av bekräftade anmälningar\\)'), '0 %');
    const pastCsv = await client.get(`/admin/events/${past.id}/stats.csv`, editor.cookie);
    assert.match(pastCsv.body, /"figures","noShows","[^"]+","1"/);
  });

  it('refuses to cancel an event that is over with a clear answer, even with no reason typed', async () => {
    const event = await createEvent(db, {
      startsAt: new Date(Date.now() - 5 * HOUR),
      endsAt: new Date(Date.now() - 2 * HOUR),
    });
    const guest = await createRegistration(db, event.id);
    for (const reason of ['Fel knapp', '']) {
      const res = await client.postForm(`/admin/events/${event.id}/cancel`, editor.cookie, { reason });
      assert.equal(res.statusCode, 409, JSON.stringify(reason));
      assert.match(res.body, /Evenemanget är redan slut och kan inte ställas in\./);
      assert.doesNotMatch(res.body, new RegExp(`action="/admin/events/${event.id}/cancel"`));
    }
    const row = await db
      .selectFrom('events')
      .select('status')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'published');
    const reg = await db
      .selectFrom('event_registrations')
      .select('status')
      .where('id', '=', guest.id)
      .executeTakeFirstOrThrow();
    assert.equal(reg.status, 'confirmed');
    // One still to come keeps its cancel form.
    const coming = await createEvent(db, {});
    const page = await client.get(`/admin/events/${coming.id}`, editor.cookie);
    assert.match(page.body, new RegExp(`action="/admin/events/${coming.id}/cancel"`));
  });

  it('asks before deleting a draft: a page with the title, a form that confirms, a way back', async () => {
    const draft = await createEvent(db, {
      organisationId: hr.organisationId,
      status: 'draft',
      title: 'Studiebesök på kraftverket',
    });
    const base = `/admin/events/${draft.id}`;
    const page = await client.get(base, hr.cookie);
    assert.match(
      page.body,
      new RegExp(`<a class="button button--secondary" href="${base}/delete">Ta bort utkastet</a>`),
    );
    assert.doesNotMatch(page.body, new RegExp(`action="${base}/delete"`));

    const ask = await client.get(`${base}/delete`, hr.cookie);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /<h1>Ta bort utkastet\?<\/h1>/);
    assert.match(ask.body, /Studiebesök på kraftverket/);
    assert.match(ask.body, new RegExp(`<form[^>]*method="post" action="${base}/delete"`));
    assert.match(ask.body, /name="confirm" value="yes"/);
    assert.match(ask.body, new RegExp(`href="${base}">Nej, behåll det<`));

    // A post without the confirmation goes to the question, and nothing is deleted.
    const stray = await client.postForm(`${base}/delete`, hr.cookie, { confirm: 'no' });
    assert.equal(stray.statusCode, 303);
    assert.equal(stray.headers.location, `${base}/delete`);
    assert.ok(await exists(draft.id));

    const yes = await client.postForm(`${base}/delete`, hr.cookie, { confirm: 'yes' });
    assert.equal(yes.statusCode, 303);
    assert.equal(yes.headers.location, '/admin/events?tab=drafts&done=deleted');
    assert.equal(await exists(draft.id), false);
    assert.ok((await auditActions(db)).includes('event.deleted'));

    // In English; and a published event has no such page: back to the event.
    const other = await createEvent(db, { status: 'draft', title: 'Draft in English' });
    const en = await client.get(`/admin/events/${other.id}/delete`, editorEn.cookie);
    assert.match(en.body, /<h1>Delete the draft\?<\/h1>/);
    assert.match(en.body, /Yes, delete the draft/);
    const published = await createEvent(db, {});
    const no = await client.get(`/admin/events/${published.id}/delete`, editor.cookie);
    assert.equal(no.statusCode, 303);
    assert.equal(no.headers.location, `/admin/events/${published.id}`);
    // Another organisation's draft is a 404.
    const theirs = await createEvent(db, { status: 'draft' });
    assert.equal((await client.get(`/admin/events/${theirs.id}/delete`, hr.cookie)).statusCode, 404);
  });
});

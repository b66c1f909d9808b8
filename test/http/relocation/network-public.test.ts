/**
 * The newcomer network's public side: the landing page and a group page in Swedish and English,
 * the group's meetups (events since migration 0036) with places left, each linking to the event's
 * own page where people sign up; joining and leaving only when signed in; and signing up as an
 * ambassador (pending until approved).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createGroup, createMeetup } from '../../helpers/network.ts';

describe('the newcomer network, public pages', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const group = await createGroup(db, { name: 'Ut i skogen', municipalityCode: '2080' });
  const meetup = await createMeetup(db, group.id, { title: 'Söndagsvandring', capacity: 10, inDays: 5 });
  await createMeetup(db, group.id, { title: 'Utkast till träff', status: 'draft' });
  await createMeetup(db, group.id, { title: 'Inställd träff', status: 'cancelled' });
  await createMeetup(db, group.id, { title: 'Förra veckans träff', inDays: -7 });
  const whole = await createGroup(db, { name: 'Språkcafé', topic: 'language_cafe', municipalityCode: null });
  await createGroup(db, { name: 'Arkiverad grupp', status: 'archived' });
  const person = await createPerson(db);
  const cookie = await sessionFor(db, person.accountId);
  const groupUrl = `/sv/network/groups/${group.slug}`;

  it('shows the landing page with the region’s name, the groups and the call to become an ambassador', async () => {
    const sv = await client.get('/sv/network');
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /<h1>Ny i Dalarna<\/h1>/);
    assert.match(sv.body, /Ut i skogen/);
    assert.match(sv.body, /Falun/);
    assert.match(sv.body, /Hela Dalarna/);
    assert.match(sv.body, /Nästa träff: /);
    assert.match(sv.body, /<h2 id="landing-meetups-title">Kommande träffar<\/h2>/);
    assert.match(sv.body, new RegExp(`href="/sv/events/${meetup.slug}"`));
    assert.match(sv.body, /Grupp: Ut i skogen/);
    assert.doesNotMatch(sv.body, /Utkast till träff|Inställd träff|Förra veckans träff/);
    assert.match(sv.body, /Bli ambassadör/);
    assert.doesNotMatch(sv.body, /Arkiverad grupp/);
    assert.match(sv.body, /css\/network/);
    const en = await client.get('/en/network');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<h1>New in Dalarna<\/h1>/);
    assert.match(en.body, /Ut i skogen \(en\)/);
    assert.match(en.body, /Become an ambassador/);
    assert.match(en.body, /All of Dalarna/);
    assert.match(en.body, new RegExp(`href="/en/events/${meetup.slug}"`));
    assert.match(en.body, /Söndagsvandring \(en\)/);
  });

  it('shows a group with its upcoming published meetups, places left and a link to sign up on the event’s page', async () => {
    const page = await client.get(groupUrl);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Söndagsvandring/);
    assert.match(page.body, /10 platser kvar/);
    assert.match(page.body, new RegExp(`<a href="/sv/events/${meetup.slug}">Söndagsvandring</a>`));
    assert.match(page.body, /Läs mer och anmäl dig/);
    assert.doesNotMatch(page.body, /Utkast till träff|Inställd träff|Förra veckans träff/);
    assert.doesNotMatch(page.body, /Jag kommer/);
    await db
      .updateTable('events')
      .set({ seats_taken: 9 })
      .where('region_id', '=', REGION)
      .where('id', '=', meetup.id)
      .execute();
    assert.match((await client.get(groupUrl)).body, /1 plats kvar/);
    await db
      .updateTable('events')
      .set({ seats_taken: 10 })
      .where('region_id', '=', REGION)
      .where('id', '=', meetup.id)
      .execute();
    assert.match((await client.get(groupUrl)).body, /Fullt/);
    const other = await client.get(`/sv/network/groups/${whole.slug}`);
    assert.doesNotMatch(other.body, /Söndagsvandring/);
    assert.match(other.body, /Inga träffar planerade just nu/);
  });

  it('a visitor is offered to sign in and come back', async () => {
    const page = await client.get(groupUrl);
    assert.match(page.body, new RegExp(`/sv/login\\?next=${encodeURIComponent(groupUrl)}`));
    assert.doesNotMatch(page.body, /action="[^"]*\/join"/);
    const en = await client.get(`/en/network/groups/${whole.slug}`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Sign in to join/);
    assert.equal((await client.get('/sv/network/groups/no-such-group')).statusCode, 404);
    assert.equal((await client.get('/sv/network/groups/BAD%20slug')).statusCode, 404);
  });

  it('joining and leaving need a sign-in', async () => {
    assert.equal((await client.postForm(`${groupUrl}/join`, '', {})).statusCode, 401);
    const joined = await client.postForm(`${groupUrl}/join`, cookie, {});
    assert.equal(joined.statusCode, 303);
    assert.match(String(joined.headers.location), /done=joined/);
    const page = await client.get(`${groupUrl}?done=joined`, cookie);
    assert.match(page.body, /Du är med i gruppen/);
    assert.match(page.body, /Medlemmar: 1/);
    assert.match(page.body, /Lämna gruppen/);
    const left = await client.postForm(`${groupUrl}/leave`, cookie, {});
    assert.equal(left.statusCode, 303);
    const rows = await db
      .selectFrom('network_members')
      .select('account_id')
      .where('group_id', '=', group.id)
      .execute();
    assert.equal(rows.length, 0);
    assert.equal(
      (await client.postForm('/sv/network/groups/no-such-group/join', cookie, {})).statusCode,
      404,
    );
  });

  it('the network’s own “I’m coming” is gone: people sign up on the event’s page', async () => {
    const answer = await client.postForm(`${groupUrl}/meetups/${meetup.id}/rsvp`, cookie, {});
    assert.equal(answer.statusCode, 404);
  });

  it('the privacy notice describes the network', async () => {
    assert.match((await client.get('/sv/privacy')).body, /Nätverket för nyinflyttade och ambassadörer/);
    assert.match((await client.get('/en/privacy')).body, /The newcomer network and ambassadors/);
  });

  it('signing up as an ambassador: a visitor is asked to sign in; the form says what is wrong; then pending', async () => {
    const visitor = await client.get('/sv/network/ambassadors');
    assert.equal(visitor.statusCode, 200);
    assert.match(visitor.body, /Vad gör en ambassadör/);
    assert.match(visitor.body, /Logga in för att anmäla dig som ambassadör/);
    assert.equal(
      (await client.postForm('/sv/network/ambassadors', '', { municipality: '2080' })).statusCode,
      401,
    );

    const applicant = await createPerson(db);
    const session = await sessionFor(db, applicant.accountId);
    const form = await client.get('/en/network/ambassadors', session);
    assert.match(form.body, /Sign up as an ambassador/);
    assert.match(form.body, /shown to the region’s navigators and to a household I am matched with/);

    const wrong = await client.postForm('/en/network/ambassadors', session, {
      municipality: '9999',
      occupation: 'x'.repeat(201),
      languages: ['xx'],
      about: 'Jag älskar skidor',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Choose a municipality from the list/);
    assert.match(wrong.body, /Choose from the options/);
    assert.match(wrong.body, /Write at most 200 characters/);
    assert.match(wrong.body, /you need to agree that your details are shown/);
    assert.match(wrong.body, /Jag älskar skidor/);

    const sent = await client.postForm('/sv/network/ambassadors', session, {
      municipality: '2080',
      languages: ['sv', 'de'],
      occupation: 'Sjuksköterska',
      personas: ['families'],
      interests: ['outdoors', 'food'],
      about: 'Jag älskar skidor',
      consent: 'yes',
    });
    assert.equal(sent.statusCode, 303);
    assert.match(String(sent.headers.location), /done=applied/);
    const row = await db
      .selectFrom('network_ambassadors')
      .selectAll()
      .where('account_id', '=', applicant.accountId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.deepEqual(row.languages, ['sv', 'de']);
    const again = await client.get('/sv/network/ambassadors?done=applied', session);
    assert.match(again.body, /Din anmälan väntar nu på att regionen godkänner den/);
    assert.match(again.body, /Väntar på godkännande/);
    const me = await client.get('/sv/me', session);
    assert.match(me.body, /id="ambassador"/);
  });
});

/**
 * Attacks on the events back-office by a hostile organisation and by titles that collide with the
 * public routes.
 * - An employer may not publish (EventsApprove) — but once the region approved its event, the
 *   employer's every later edit goes live at once: title, texts, the online link all change on the
 *   public page without review (publishing without EventsApprove, by the back door).
 * - The publish button carries no version: an employer that edits its event while it waits for
 *   review gets the new text published by an approver who read the old one.
 * - An employer (no NetworkManage) can put its event into a group of the newcomer network, which the
 *   network's public pages then list as the group's meetup.
 * - A title that folds to a slug the public routes use for themselves ("registration") makes an
 *   event whose register page is unreachable: /sv/events/registration/register is the personal-link
 *   route with the token "register".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser } from '../../helpers/events.ts';
import { createGroup } from '../../helpers/network.ts';

const eventRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The version a back-office event page's publish button carries. */
const shownVersion = (body: string): string => {
  const version = /action="[^"]+\/publish">[^]*?name="version" value="(\d+)"/.exec(body)?.[1];
  assert.ok(version, 'the page has a publish button with the version');
  return version;
};

function form(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    kind: 'afterwork',
    title_sv: 'After work för studenter i Uppsala',
    title_en: 'After-work for students in Uppsala',
    summary_sv: 'Träffa arbetsgivare från Dalarna.',
    summary_en: 'Meet employers from Dalarna.',
    description_sv: '',
    description_en: '',
    start_date: '2027-03-27',
    start_time: '17:00',
    end_date: '',
    end_time: '20:00',
    location_kind: 'away',
    municipality_code: '',
    venue: 'Nationshuset',
    street_address: 'Sankt Larsgatan 13',
    postal_code: '753 11',
    locality: 'Uppsala',
    online_url: '',
    languages: ['sv', 'en'],
    personas: ['students'],
    accessibility_sv: 'Hiss finns.',
    accessibility_en: 'There is a lift.',
    registration: 'open',
    capacity: '40',
    max_group: '2',
    opens_date: '',
    opens_time: '',
    closes_date: '',
    closes_time: '',
    offer_hours: '24',
    image: '',
    network_group: '',
    ...over,
  };
}

describe('attack: events back-office', async () => {
  const { app, database } = await buildTestApp({ LOTSA_SECRET: TEST_SECRET }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const employer = await createOrganiser(db, { role: 'employer_admin' });

  it('an employer cannot change its approved, published event on the public site without review', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      status: 'draft',
      title: 'Rekryteringsträff hos oss',
    });
    const base = `/admin/events/${event.id}`;
    assert.equal((await client.postForm(`${base}/submit`, employer.cookie, {})).statusCode, 303);
    const version = shownVersion((await client.get(base, editor.cookie)).body);
    assert.equal((await client.postForm(`${base}/publish`, editor.cookie, { version })).statusCode, 303);
    const approved = await eventRow(db, event.id);
    assert.equal(approved.status, 'published');

    // Now the employer rewrites it: nobody with EventsApprove sees this before visitors do.
    const edit = await client.postForm(
      `${base}/edit`,
      employer.cookie,
      form({
        version: String(approved.version),
        title_sv: 'GRATIS iPhone – klicka här',
        title_en: 'FREE iPhone – click here',
        location_kind: 'online',
        venue: '',
        street_address: '',
        postal_code: '',
        locality: '',
        online_url: 'https://phishing.example/login',
      }),
    );
    const after = await eventRow(db, event.id);
    const live = after.status === 'published' && after.published_at !== null;
    assert.ok(
      !live || (after.title_sv === approved.title_sv && after.online_url === approved.online_url),
      `the edit (HTTP ${edit.statusCode}) went live without review: "${after.title_sv}", ${after.online_url}`,
    );
  });

  it('an employer without NetworkManage cannot list its event as a newcomer-network group meetup', async () => {
    const group = await createGroup(db, { name: 'Språkcafé Falun' });
    const created = await client.postForm(
      '/admin/events/new',
      employer.cookie,
      form({ title_sv: 'Vårt företag bjuder in', network_group: group.id }),
    );
    const id = /\/admin\/events\/([0-9a-f-]{36})/.exec(String(created.headers.location))?.[1];
    if (id) {
      // Approved as it stands: the region publishes what the employer made.
      const version = shownVersion((await client.get(`/admin/events/${id}`, editor.cookie)).body);
      await client.postForm(`/admin/events/${id}/publish`, editor.cookie, { version });
      const row = await eventRow(db, id);
      assert.equal(
        row.network_group_id,
        null,
        'an employer attached its own event to a group of the newcomer network',
      );
    } else assert.equal(created.statusCode, 400);
  });

  it('a title that folds to a fixed route ("Registration") still gets a reachable register page', async () => {
    const created = await client.postForm(
      '/admin/events/new',
      editor.cookie,
      form({ title_sv: 'Registration', title_en: 'Registration' }),
    );
    assert.equal(created.statusCode, 303);
    const id = /\/admin\/events\/([0-9a-f-]{36})/.exec(String(created.headers.location))?.[1];
    assert.ok(id);
    const version = shownVersion((await client.get(`/admin/events/${id}`, editor.cookie)).body);
    assert.equal(
      (await client.postForm(`/admin/events/${id}/publish`, editor.cookie, { version })).statusCode,
      303,
    );
    const row = await eventRow(db, id);
    const stand = await addExhibitor(db, id);
    const qr = await client.get(`/sv/events/${row.slug}/stand/${stand.standCode}`);
    const page = await client.get(`/sv/events/${row.slug}/register`);
    assert.deepEqual(
      { register: page.statusCode, standQr: qr.statusCode },
      { register: 200, standQr: 200 },
      `slug "${row.slug}": its pages are shadowed by the personal-link routes`,
    );
  });

  it('what the approver publishes is what the approver saw: an edit during review is not published unseen', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      status: 'draft',
      title: 'Öppet hus på verkstaden',
    });
    const base = `/admin/events/${event.id}`;
    assert.equal((await client.postForm(`${base}/submit`, employer.cookie, {})).statusCode, 303);
    // The editor opens the event in review: the title it approves of.
    const seen = await client.get(base, editor.cookie);
    assert.match(seen.body, /Öppet hus på verkstaden/);
    // Meanwhile the employer rewrites the event that waits for review.
    const inReview = await eventRow(db, event.id);
    const edit = await client.postForm(
      `${base}/edit`,
      employer.cookie,
      form({ version: String(inReview.version), title_sv: 'Något helt annat', title_en: 'Something else' }),
    );
    // The editor presses "Publicera" on the page it read.
    const publish = await client.postForm(`${base}/publish`, editor.cookie, {
      version: shownVersion(seen.body),
    });
    const after = await eventRow(db, event.id);
    assert.ok(
      !(after.status === 'published' && after.title_sv === 'Något helt annat'),
      `the employer's edit during review (HTTP ${edit.statusCode}) was published without the editor seeing it`,
    );
    // Refused clearly, with the page as it is now.
    assert.equal(publish.statusCode, 409);
    assert.match(publish.body, /har ändrats sedan du öppnade sidan/);
    assert.match(publish.body, /Något helt annat/);
  });
});

/**
 * An event's picture: its own from the media library with the credit the library requires, in the
 * page's og:image and JSON-LD; else a fitting library picture by kind on the card; and the media
 * library knows which images events use.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mediaUsage } from '../../../src/modules/content/media/service.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { createEvent } from '../../helpers/events.ts';
import { createPerson, REGION } from '../../helpers/identity.ts';
import { addImage } from '../content/editorial-images.ts';

describe('the events’ pictures', async () => {
  const { app, database, config } = await buildTestApp();
  const db = database.db;
  const editor = await createPerson(db, { role: 'region_editor' });
  const own = await addImage(db, config, REGION, editor.accountId, {
    slug: 'massmonter',
    alt_sv: 'Besökare vid en mässmonter',
    alt_en: 'Visitors at a fair stand',
    photographer: 'Kim Fotograf',
    licence: 'CC BY 4.0',
    source: 'Regionen',
  });
  await addImage(db, config, REGION, editor.accountId, {
    slug: 'office-team-workshop',
    alt_sv: 'Ett team vid en whiteboard',
    alt_en: 'A team at a whiteboard',
    photographer: 'Jason Goodman',
    licence: 'Unsplash License',
    source: 'Unsplash',
  });
  const withImage = await createEvent(db, { slug: 'med-egen-bild', title: 'Med egen bild', kind: 'info' });
  await db.updateTable('events').set({ image_id: own }).where('id', '=', withImage.id).execute();
  await createEvent(db, { slug: 'massa-utan-bild', title: 'Mässa utan bild', kind: 'fair' });
  await createEvent(db, { slug: 'utan-passande-bild', title: 'Utan passande bild', kind: 'meetup' });
  const draft = await createEvent(db, { slug: 'utkast-med-bild', title: 'Utkast med bild', status: 'draft' });
  await db.updateTable('events').set({ image_id: own }).where('id', '=', draft.id).execute();

  it('the page shows the event’s own picture with its credit, and names it for sharing and in JSON-LD', async () => {
    const body = (await app.inject('/sv/events/med-egen-bild')).body;
    assert.match(body, /class="media-figure event-hero__picture"/);
    assert.match(body, /alt="Besökare vid en mässmonter"/);
    assert.match(body, /Foto: Kim Fotograf \/ Regionen, CC BY 4\.0/);
    assert.match(body, new RegExp(`<meta property="og:image" content="http://localhost:3000/media/${own}/`));
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body);
    const data = JSON.parse(ld![1]!) as { image: string[] };
    assert.match(data.image[0]!, new RegExp(`^http://localhost:3000/media/${own}/\\d+-\\w+\\.jpg$`));
    assert.match((await app.inject('/en/events/med-egen-bild')).body, /alt="Visitors at a fair stand"/);
  });

  it('a card without its own picture takes a fitting one by kind, else a drawn placeholder', async () => {
    const list = (await app.inject('/sv/events')).body;
    const card = (title: string) => {
      const at = list.indexOf(title);
      return list.slice(list.lastIndexOf('<li class="event-card', at), at);
    };
    assert.match(card('Med egen bild'), /alt="Besökare vid en mässmonter"/);
    assert.match(card('Mässa utan bild'), /alt="Ett team vid en whiteboard"/);
    assert.match(card('Utan passande bild'), /event-card__placeholder--meetup/);
  });

  it('the media library lists the events that use an image, a draft as not seen by visitors', async () => {
    const usage = await mediaUsage(db, REGION, 'massmonter');
    const events = (usage ?? []).filter((u) => u.href.startsWith('/admin/events/'));
    assert.deepEqual(
      events.map((u) => [u.href, u.live]).sort(),
      [
        [`/admin/events/${draft.id}`, false],
        [`/admin/events/${withImage.id}`, true],
      ].sort(),
    );
  });
});

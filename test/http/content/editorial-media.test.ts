/**
 * The editors and the media library: the hero image is chosen from the library's usable images,
 * an unknown or unusable image is told by its field (and kept in the form), and the library's
 * "used on" names the pages that show an image — the published version as well as the latest draft.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getItem } from '../../../src/modules/content/store.ts';
import { mediaUsageOf } from '../../../src/modules/content/editorial/repository.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient, type FormFields } from '../../helpers/client.ts';
import { createOrganisation, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { addImage } from './editorial-images.ts';

const LIST = '/admin/content';

const full = (extra: FormFields = {}): FormFields => ({
  title_sv: 'Sjön titel',
  title_en: 'The lake title',
  summary_sv: 'Sammanfattning',
  summary_en: 'Summary',
  body_sv: 'Text om sjön.',
  body_en: 'Text about the lake.',
  ...extra,
});

describe('the editors and the media library', async () => {
  const { app, database, config } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganisation(db, { kind: 'region' });
  const editor = await createPerson(db, { role: 'region_editor', organisationId: region });
  const cookie = await sessionFor(db, editor.accountId, { secondFactor: true });
  const get = (url: string) => client.get(url, cookie);
  const post = (url: string, fields: FormFields) => client.postForm(url, cookie, fields);
  const lake = await addImage(db, config, REGION, editor.accountId, {
    slug: 'sjon-i-kvall',
    alt_sv: 'En sjö i kvällsljus',
    alt_en: 'A lake in the evening light',
    photographer: 'Anna Andersson',
    licence: 'CC BY 4.0',
  });

  async function create(slug: string): Promise<string> {
    const res = await post(`${LIST}/new`, { kind: 'guide', slug, title_sv: slug });
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    return String(res.headers.location)
      .replace(/^\/admin\/content\//, '')
      .replace(/\?.*$/, '');
  }

  it('lists on the image’s page the pages that show it, published or in draft, until neither does', async () => {
    const id = await create('anvander-bilden');
    assert.equal(
      (await post(`${LIST}/${id}`, { base: '1', ...full({ hero_image: 'sjon-i-kvall' }) })).statusCode,
      303,
    );
    assert.equal((await post(`${LIST}/${id}/submit`, { shown: '2' })).statusCode, 303);
    assert.equal((await post(`${LIST}/${id}/approve`, { shown: '2', when: 'now' })).statusCode, 303);
    // A new draft without the image: visitors still see it on the published version.
    assert.equal(
      (await post(`${LIST}/${id}`, { base: '2', ...full({ title_sv: 'Utan bild' }) })).statusCode,
      303,
    );
    assert.equal((await getItem(db, REGION, id))?.publishedVersion, 2);
    assert.deepEqual(await mediaUsageOf(db, REGION, 'sjon-i-kvall'), [
      { title: 'Utan bild', href: `${LIST}/${id}`, live: true },
    ]);
    const page = await get(`/admin/media/${lake}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<a href="${LIST}/${id}">Utan bild</a>`));
    const refused = await post(`/admin/media/${lake}/delete`, {});
    assert.equal(refused.statusCode, 409, 'an image visitors see is not deleted');

    assert.equal((await post(`${LIST}/${id}/unpublish`, {})).statusCode, 303);
    assert.deepEqual(await mediaUsageOf(db, REGION, 'sjon-i-kvall'), [], 'shown nowhere any more');
    assert.doesNotMatch((await get(`/admin/media/${lake}`)).body, new RegExp(`href="${LIST}/${id}"`));
  });

  /** The hero field's options: value → label, and the selected one. */
  function heroOptions(body: string): { options: Map<string, string>; selected: string | undefined } {
    const select = /<select[^>]*name="hero_image"[^>]*>([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '';
    const options = new Map<string, string>();
    let selected: string | undefined;
    for (const m of select.matchAll(/<option value="([^"]*)"([^>]*)>([^<]*)<\/option>/g)) {
      options.set(m[1] ?? '', m[3] ?? '');
      if (/selected/.test(m[2] ?? '')) selected = m[1];
    }
    return { options, selected };
  }

  it('offers the library’s usable images as the hero image, and “no image”', async () => {
    await addImage(db, config, REGION, editor.accountId, {
      slug: 'bara-svensk-text',
      alt_sv: 'Bara svenska',
      alt_en: '',
    });
    const id = await create('valj-bild');
    const page = await get(`${LIST}/${id}`);
    assert.equal(page.statusCode, 200);
    const { options, selected } = heroOptions(page.body);
    assert.equal(options.get(''), 'Ingen bild');
    assert.equal(options.get('sjon-i-kvall'), 'sjon-i-kvall – En sjö i kvällsljus');
    assert.ok(!options.has('bara-svensk-text'), 'an image without English alt text is not offered');
    assert.equal(selected, undefined);
    assert.match(page.body, /<label[^>]*for="hero_image"[^>]*>Huvudbild/);
    const saved = await post(`${LIST}/${id}`, { base: '1', ...full({ hero_image: 'sjon-i-kvall' }) });
    assert.equal(saved.statusCode, 303);
    assert.equal(heroOptions((await get(`${LIST}/${id}`)).body).selected, 'sjon-i-kvall');
  });

  it('refuses an image the library does not have, by the field, keeping everything typed', async () => {
    const id = await create('okand-bild');
    const res = await post(`${LIST}/${id}`, {
      base: '1',
      ...full({ hero_image: 'finns-inte', title_sv: 'Min egen titel' }),
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="hero_image-error"[^>]*>[\s\S]*?Bilden finns-inte finns inte i bildbanken/);
    assert.match(res.body, /href="#hero_image"/, 'the error summary links to the field');
    const { options, selected } = heroOptions(res.body);
    assert.equal(selected, 'finns-inte', 'the value is kept, selected');
    assert.equal(options.get('finns-inte'), 'finns-inte – finns inte i bildbanken – välj en annan');
    assert.match(res.body, /value="Min egen titel"/);
    assert.equal((await getItem(db, REGION, id))?.version, 1, 'nothing saved');

    const body = await post(`${LIST}/${id}`, {
      base: '1',
      ...full({ body_sv: 'Text.\n\n![En sjö](image:sjon-som-saknas)' }),
    });
    assert.equal(body.statusCode, 400);
    assert.match(body.body, /id="body_sv-error"[^>]*>[\s\S]*?Bilden sjon-som-saknas finns inte i bildbanken/);
    assert.match(body.body, /!\[En sjö\]\(image:sjon-som-saknas\)/, 'the text is kept');
    const known = await post(`${LIST}/${id}`, {
      base: '1',
      ...full({ body_en: 'Text.\n\n![A lake](image:sjon-i-kvall)' }),
    });
    assert.equal(known.statusCode, 303, 'an image line naming a library image saves');
  });

  it('keeps a hero image that can no longer be shown selected, says why, and tells the save by the field', async () => {
    const id = await create('bilden-forsvann');
    await addImage(db, config, REGION, editor.accountId, {
      slug: 'snart-utan-alt',
      alt_sv: 'Snö',
      alt_en: 'Snow',
    });
    await addImage(db, config, REGION, editor.accountId, {
      slug: 'snart-utgangen',
      alt_sv: 'Is',
      alt_en: 'Ice',
    });
    assert.equal(
      (await post(`${LIST}/${id}`, { base: '1', ...full({ hero_image: 'snart-utan-alt' }) })).statusCode,
      303,
    );
    await db.updateTable('media_images').set({ alt_en: '' }).where('slug', '=', 'snart-utan-alt').execute();
    const page = await get(`${LIST}/${id}`);
    const { options, selected } = heroOptions(page.body);
    assert.equal(selected, 'snart-utan-alt');
    assert.equal(options.get('snart-utan-alt'), 'snart-utan-alt – saknar alternativtext – kan inte visas');
    const refused = await post(`${LIST}/${id}`, { base: '2', ...full({ hero_image: 'snart-utan-alt' }) });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Bilden snart-utan-alt saknar alternativtext på svenska eller engelska/);

    assert.equal(
      (await post(`${LIST}/${id}`, { base: '2', ...full({ hero_image: 'snart-utgangen' }) })).statusCode,
      303,
    );
    await db
      .updateTable('media_images')
      .set({ expires_on: '2020-01-31' })
      .where('slug', '=', 'snart-utgangen')
      .execute();
    const expired = heroOptions((await get(`${LIST}/${id}`)).body);
    assert.equal(expired.selected, 'snart-utgangen');
    assert.equal(
      expired.options.get('snart-utgangen'),
      'snart-utgangen – licensen har gått ut – kan inte visas',
    );
    assert.ok(
      !heroOptions((await get(`${LIST}/${await create('annan-sida')}`)).body).options.has('snart-utgangen'),
      'not offered to others',
    );
    const late = await post(`${LIST}/${id}`, { base: '3', ...full({ hero_image: 'snart-utgangen' }) });
    assert.equal(late.statusCode, 400);
    assert.match(late.body, /Licensen för bilden snart-utgangen har gått ut/);

    await db.deleteFrom('media_images').where('slug', '=', 'snart-utgangen').execute();
    const gone = heroOptions((await get(`${LIST}/${id}`)).body);
    assert.equal(gone.selected, 'snart-utgangen', 'a deleted image stays visible in the field');
    assert.equal(
      gone.options.get('snart-utgangen'),
      'snart-utgangen – finns inte i bildbanken – välj en annan',
    );
    const none = await post(`${LIST}/${id}`, { base: '3', ...full({ hero_image: '' }) });
    assert.equal(none.statusCode, 303, 'choosing no image saves');
  });

  it('refuses to approve a version whose image’s licence expired after it was saved', async () => {
    await addImage(db, config, REGION, editor.accountId, { slug: 'gar-ut', alt_sv: 'Älv', alt_en: 'River' });
    const id = await create('bild-gar-ut');
    assert.equal(
      (await post(`${LIST}/${id}`, { base: '1', ...full({ hero_image: 'gar-ut' }) })).statusCode,
      303,
    );
    assert.equal((await post(`${LIST}/${id}/submit`, { shown: '2' })).statusCode, 303);
    await db
      .updateTable('media_images')
      .set({ expires_on: '2020-01-31' })
      .where('slug', '=', 'gar-ut')
      .execute();
    const res = await post(`${LIST}/${id}/approve`, { shown: '2', when: 'now' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Licensen för bilden gar-ut har gått ut/);
    assert.equal((await getItem(db, REGION, id))?.publishedVersion, null);
  });
});

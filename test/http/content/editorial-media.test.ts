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
      { title: 'Utan bild', href: `${LIST}/${id}` },
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
});

/**
 * Who may change an image the site's pages show: an image's texts and credits appear at once on
 * every page that uses it, without the review those pages' own texts go through. A municipality
 * editor (who cannot approve) may change an image no page uses; one in use only someone who may
 * approve content may change — else a municipality editor could rewrite the caption on the
 * region's pages, or blank an alt text and take the picture off them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { imageById } from '../../../src/modules/content/media/repository.ts';
import { imagesBySlug } from '../../../src/modules/content/media/service.ts';
import { HOME_HERO_IMAGES } from '../../../src/modules/content/public/home.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient, type FormFields } from '../../helpers/client.ts';
import {
  createOrganisation,
  createPerson,
  REGION,
  sessionFor,
  municipalityOrg,
} from '../../helpers/identity.ts';
import { multipart } from '../../helpers/images.ts';
import { addImage } from './editorial-images.ts';

describe('changing an image the pages show', async () => {
  const { app, database, config } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganisation(db, { kind: 'region' });
  const editor = await createPerson(db, { role: 'region_editor', organisationId: region });
  const editorSession = await sessionFor(db, editor.accountId, { secondFactor: true });
  const falun = await createPerson(db, {
    role: 'municipality_editor',
    organisationId: await municipalityOrg(db, '2080'),
  });
  const falunSession = await sessionFor(db, falun.accountId, { secondFactor: true });
  const post = (url: string, fields: FormFields, cookie: string) => client.postForm(url, cookie, fields);
  const image = { alt_sv: 'En sjö', alt_en: 'A lake', photographer: 'Anna', licence: 'CC BY 4.0' };
  const form = (slug: string, changes: FormFields = {}): FormFields => ({ slug, ...image, ...changes });

  it('refuses a municipality editor’s change to an image a page uses, by the field, keeping what was typed', async () => {
    const id = await addImage(db, config, REGION, editor.accountId, { slug: 'regionens-sjo', ...image });
    const guide = await post(
      '/admin/content/new',
      { kind: 'guide', slug: 'regionens-guide', title_sv: 'Guide' },
      editorSession,
    );
    const guideId = String(guide.headers.location)
      .replace(/^\/admin\/content\//, '')
      .replace(/\?.*$/, '');
    const saved = await post(
      `/admin/content/${guideId}`,
      { base: '1', title_sv: 'Guide', hero_image: 'regionens-sjo' },
      editorSession,
    );
    assert.equal(saved.statusCode, 303);

    const blank = await post(`/admin/media/${id}`, form('regionens-sjo', { alt_en: '' }), falunSession);
    assert.equal(blank.statusCode, 400);
    assert.match(blank.body, /id="alt_en-error"[^>]*>[^<]*används på sidorna/);
    const caption = await post(
      `/admin/media/${id}`,
      form('regionens-sjo', { caption_sv: 'Något helt annat' }),
      falunSession,
    );
    assert.equal(caption.statusCode, 400);
    assert.match(caption.body, /id="caption_sv-error"/);
    assert.match(caption.body, /value="Något helt annat"/, 'what was typed is kept');
    const stored = await imageById(db, REGION, id);
    assert.equal(stored?.alt_en, 'A lake');
    assert.equal(stored?.caption_sv, '');

    const same = await post(`/admin/media/${id}`, form('regionens-sjo'), falunSession);
    assert.equal(same.statusCode, 303, 'saving it unchanged is no change');
    const byRegion = await post(
      `/admin/media/${id}`,
      form('regionens-sjo', { caption_sv: 'Sjön i kvällsljus' }),
      editorSession,
    );
    assert.equal(byRegion.statusCode, 303, 'a region editor may');
    assert.equal((await imageById(db, REGION, id))?.caption_sv, 'Sjön i kvällsljus');
  });

  it('lets a municipality editor change their own image while only drafts show it, not once visitors see it', async () => {
    const id = await addImage(db, config, REGION, falun.accountId, { slug: 'falu-gruva', ...image });
    const created = await post(
      '/admin/content/new',
      { kind: 'story', slug: 'falu-berattelse', title_sv: 'Falu' },
      falunSession,
    );
    const story = String(created.headers.location)
      .replace(/^\/admin\/content\//, '')
      .replace(/\?.*$/, '');
    const text = {
      title_sv: 'Falu',
      title_en: 'Falun',
      summary_sv: 'Kort',
      summary_en: 'Short',
      body_sv: 'Text.',
      body_en: 'Text.',
      person_name: 'Anna',
      consent_recorded: '2026-01-01',
      consent_method: 'Blankett',
      consent_ends: '2099-12-31',
      hero_image: 'falu-gruva',
    };
    assert.equal(
      (await post(`/admin/content/${story}`, { base: '1', ...text }, falunSession)).statusCode,
      303,
    );
    const draft = await post(
      `/admin/media/${id}`,
      form('falu-gruva', { caption_sv: 'Gruvan' }),
      falunSession,
    );
    assert.equal(draft.statusCode, 303, 'only their draft shows it');

    assert.equal(
      (await post(`/admin/content/${story}/submit`, { shown: '2' }, falunSession)).statusCode,
      303,
    );
    const approved = await post(
      `/admin/content/${story}/approve`,
      { shown: '2', when: 'now' },
      editorSession,
    );
    assert.equal(approved.statusCode, 303, approved.body.slice(0, 1000));
    const live = await post(`/admin/media/${id}`, form('falu-gruva', { caption_sv: 'Annat' }), falunSession);
    assert.equal(live.statusCode, 400, 'visitors see it now');
    assert.equal((await imageById(db, REGION, id))?.caption_sv, 'Gruvan');
  });

  it('lets a municipality editor change an image no page uses', async () => {
    const id = await addImage(db, config, REGION, falun.accountId, { slug: 'egen-sjo', ...image });
    const res = await post(`/admin/media/${id}`, form('egen-sjo', { caption_sv: 'Egen text' }), falunSession);
    assert.equal(res.statusCode, 303);
    assert.equal((await imageById(db, REGION, id))?.caption_sv, 'Egen text');
  });
});

describe('naming an image after a picture a page waits for', async () => {
  const { app, database, config } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const falun = await createPerson(db, {
    role: 'municipality_editor',
    organisationId: await municipalityOrg(db, '2080'),
  });
  const falunSession = await sessionFor(db, falun.accountId, { secondFactor: true });
  const region = await createPerson(db, { role: 'region_editor' });
  const regionSession = await sessionFor(db, region.accountId, { secondFactor: true });

  const upload = (slug: string, cookie: string) => {
    return sharp({ create: { width: 640, height: 400, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .toBuffer()
      .then((bytes) => {
        const body = multipart(
          { _csrf: client.csrf.token, slug, alt_sv: 'En sjö', alt_en: 'A lake' },
          { name: 'sjo.jpg', type: 'image/jpeg', bytes },
        );
        return app.inject({
          method: 'POST',
          url: '/admin/media/new',
          payload: body.payload,
          headers: { ...client.headers(cookie), 'content-type': body.contentType },
        });
      });
  };

  it('refuses a municipality editor’s upload under the name of the home page’s picture; an approver may', async () => {
    assert.deepEqual([...(await imagesBySlug(db, REGION, [HOME_HERO_IMAGES[0] as string])).keys()], []);
    const res = await upload(HOME_HERO_IMAGES[0] as string, falunSession);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="slug-error"[^>]*>[^<]*Sidorna väntar på en bild med namnet/);
    assert.match(res.body, />En sjö<\/textarea>/, 'what was typed is kept');
    assert.equal((await imagesBySlug(db, REGION, [HOME_HERO_IMAGES[0] as string])).size, 0);
    const mine = await addImage(db, config, REGION, falun.accountId, {
      slug: 'min-sjo',
      alt_sv: 'a',
      alt_en: 'b',
    });
    const renamed = await client.postForm(`/admin/media/${mine}`, falunSession, {
      slug: HOME_HERO_IMAGES[0] as string,
      alt_sv: 'a',
      alt_en: 'b',
    });
    assert.equal(renamed.statusCode, 400, 'nor renamed to it');
    assert.equal((await upload(HOME_HERO_IMAGES[0] as string, regionSession)).statusCode, 303);
  });
});

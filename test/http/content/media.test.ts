/**
 * The media library over HTTP: editors upload (checked by content, limits, metadata stripped), the
 * renditions are served with their types and immutable caching, mistakes come back by the field
 * with what was typed kept, images are edited, flagged when expired, and deleted when unused;
 * talents and visitors are kept out.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { FileStorage } from '../../../src/platform/storage/index.ts';
import { demoIllustrations } from '../../../src/modules/content/demo.ts';
import { importDemoPhotos, importIllustration } from '../../../src/modules/content/media/demo.ts';
import {
  imagesBySlug,
  imageUrl,
  mediaPicker,
  pictureHtml,
  setMediaUsageLookup,
  usableImages,
} from '../../../src/modules/content/media/service.ts';
import { fixedPicturesUsage } from '../../../src/modules/content/public/home.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { auditActions, createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { multipart, noisePng, phonePhoto, pngBomb } from '../../helpers/images.ts';

const FIELDS = {
  slug: 'sjo-i-kvall',
  alt_sv: 'En sjö i kvällsljus',
  alt_en: 'A lake in the evening light',
  photographer: 'Anna Andersson',
  licence: 'CC BY 4.0',
  licence_url: 'https://creativecommons.org/licenses/by/4.0/',
  source: 'Regionens bildarkiv',
};

describe('the media library', async () => {
  const { app, database, config } = await buildTestApp({ MEDIA_MAX_BYTES: String(200 * 1024) }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createPerson(db, { role: 'municipality_editor' });
  const editorCookie = await sessionFor(db, editor.accountId, { secondFactor: true });
  const regionEditor = await createPerson(db, { role: 'region_editor' });
  const regionEditorCookie = await sessionFor(db, regionEditor.accountId, { secondFactor: true });
  const talent = await createPerson(db);
  const talentCookie = await sessionFor(db, talent.accountId);
  const storage = new FileStorage(`${config.dataDir}/files`);
  after(() => setMediaUsageLookup(undefined));

  const upload = (
    fields: Record<string, string>,
    file?: { name: string; type: string; bytes: Buffer },
    cookie = editorCookie,
  ) => {
    const body = multipart({ _csrf: client.csrf.token, ...fields }, file);
    return app.inject({
      method: 'POST',
      url: '/admin/media/new',
      payload: body.payload,
      headers: { ...client.headers(cookie), 'content-type': body.contentType },
    });
  };
  const get = (url: string, cookie = editorCookie) => app.inject({ url, headers: client.headers(cookie) });

  let uploadedId = '';

  it('lets a municipality editor upload a photo: stored upright, without GPS, in every format', async () => {
    const form = await get('/admin/media/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match(form.body, /högst 0,2 MB och 40 megapixlar/, 'the limit in words next to the field');
    const res = await upload(FIELDS, { name: 'IMG_0001.JPG', type: 'image/jpeg', bytes: await phonePhoto() });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const match = /^\/admin\/media\/([0-9a-f-]{36})\?done=uploaded$/.exec(String(res.headers.location));
    assert.ok(match);
    uploadedId = match[1] as string;
    assert.ok((await auditActions(db)).includes('media.image.uploaded'));

    const page = await get(`/admin/media/${uploadedId}?done=uploaded`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bilden är uppladdad/);
    assert.match(
      page.body,
      /Foto: Anna Andersson \/ Regionens bildarkiv, <a href="https:\/\/creativecommons.org\/licenses\/by\/4.0\/">CC BY 4.0<\/a>/,
    );

    const image = (await imagesBySlug(db, REGION, ['sjo-i-kvall'])).get('sjo-i-kvall');
    assert.ok(image);
    assert.deepEqual([image.width, image.height], [300, 600], 'turned upright by its EXIF orientation');
    for (const [format, type] of [
      ['avif', 'image/avif'],
      ['webp', 'image/webp'],
      ['jpeg', 'image/jpeg'],
    ] as const) {
      const url: string = imageUrl(image, 300, format);
      const served = await app.inject({ url });
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], type);
      assert.equal(served.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(served.headers['x-content-type-options'], 'nosniff');
      assert.equal((await sharp(served.rawPayload).metadata()).exif, undefined);
      assert.ok(
        !served.rawPayload.includes('GPS-SECRET') && !served.rawPayload.includes('OWNER-SECRET'),
        `${format}: no GPS`,
      );
    }
    const html = pictureHtml(image, 'en', { sizes: '100vw', loading: 'lazy' }).toString();
    assert.match(html, /<source type="image\/avif" srcset="\/media\/[^"]+ 300w"/);
    assert.match(html, /alt="A lake in the evening light"/);
    assert.match(html, /width="300" height="600"/);
    assert.match(html, /<figcaption>.*Photo: Anna Andersson/s);
    assert.equal((await app.inject(`/media/${uploadedId}/640-0000000000.jpg`)).statusCode, 404);
    assert.equal((await app.inject(`/media/${uploadedId}/../../etc/passwd`)).statusCode, 404);
  });

  it('refuses a file that is not an image whatever its name, keeping what was typed', async () => {
    const res = await upload(
      { ...FIELDS, slug: 'inte-en-bild' },
      { name: 'semester.jpg', type: 'image/jpeg', bytes: Buffer.from('%PDF-1.4 this is no photo at all') },
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="file-error"[^>]*>Filen är inte en JPEG-, PNG-, WebP- eller AVIF-bild/);
    assert.match(res.body, /value="inte-en-bild"/);
    assert.match(res.body, />En sjö i kvällsljus<\/textarea>/);
    assert.match(res.body, /class="error-summary"/);
  });

  it('says a file is not an image also when another field is wrong, not only "choose it again"', async () => {
    // A new user's PDF with a taken name: told to choose "the file" again, they would choose the
    // same PDF and only then learn it is not an image.
    const res = await upload(
      { ...FIELDS, slug: 'sjo-i-kvall' },
      { name: 'semester.jpg', type: 'image/jpeg', bytes: Buffer.from('%PDF-1.4 this is no photo at all') },
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="file-error"[^>]*>Filen är inte en JPEG-, PNG-, WebP- eller AVIF-bild/);
    assert.match(res.body, /Det finns redan en bild med namnet sjo-i-kvall/);
  });

  it('refuses a file over the size limit with 413 and the form again, other fields kept', async () => {
    const res = await upload(
      { ...FIELDS, slug: 'for-stor' },
      { name: 'big.png', type: 'image/png', bytes: await noisePng(300) },
    );
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /id="file-error"[^>]*>Filen är större än 0,2 MB/);
    assert.match(res.body, /value="for-stor"/);
    assert.match(res.body, /value="Anna Andersson"/);
  });

  it('refuses a decompression bomb before decoding it', async () => {
    const res = await upload(
      { ...FIELDS, slug: 'bomb' },
      { name: 'bomb.png', type: 'image/png', bytes: await pngBomb() },
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Bilden har fler än 40 megapixlar/);
  });

  it('asks for the Swedish alt text by its field, keeping what was typed', async () => {
    const res = await upload(
      { ...FIELDS, slug: 'utan-alt', alt_sv: '' },
      { name: 'a.jpg', type: 'image/jpeg', bytes: await phonePhoto() },
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="alt_sv-error"[^>]*>Skriv vad bilden visar, på svenska/);
    assert.match(res.body, /href="#alt_sv"/);
    assert.match(res.body, /value="utan-alt"/);
    assert.match(res.body, />A lake in the evening light<\/textarea>/);
    assert.match(res.body, /Välj filen igen/);
  });

  it('keeps an image without English alt text out of the picker and flags it; flags an expired licence', async () => {
    const edit = await client.postForm(`/admin/media/${uploadedId}`, editorCookie, {
      ...FIELDS,
      alt_en: '',
      expires_on: '2020-01-31',
    });
    assert.equal(edit.statusCode, 303);
    assert.ok((await auditActions(db)).includes('media.image.updated'));
    const list = await get('/admin/media?q=kvällsljus');
    // Which language: the English field is marked "(frivilligt)", so "missing alt text" alone puzzled.
    assert.match(list.body, /Saknar alternativtext på engelska – kan inte användas än/);
    assert.match(list.body, /Licensen gick ut 31 januari 2020/);
    const usable = await usableImages(db, REGION);
    assert.ok(!usable.some((i) => i.slug === 'sjo-i-kvall'));
    assert.ok(!mediaPicker('sv', usable, { name: 'hero', label: 'Bild' }).toString().includes('sjo-i-kvall'));
    const image = (await imagesBySlug(db, REGION, ['sjo-i-kvall'])).get('sjo-i-kvall');
    assert.ok(image?.expired);
    const html = pictureHtml(image, 'sv', { sizes: '100vw', loading: 'lazy', flagExpired: true }).toString();
    assert.match(html, /data-media-expired="2020-01-31"/);
    assert.match(html, /Bildens licens gick ut 31 januari 2020/);
    const bad = await client.postForm(`/admin/media/${uploadedId}`, editorCookie, {
      ...FIELDS,
      licence_url: 'javascript:alert(1)',
      expires_on: '31/1',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="licence_url-error"/);
    assert.match(bad.body, /id="expires_on-error"/);
    assert.match(bad.body, /value="31\/1"/);
    const credentials = await client.postForm(`/admin/media/${uploadedId}`, editorCookie, {
      ...FIELDS,
      source_url: 'https://creativecommons.org@evil.example/',
    });
    assert.equal(credentials.statusCode, 400);
    assert.match(
      credentials.body,
      /id="source_url-error">Skriv en webbadress som börjar med https:\/\/ eller http:\/\/, utan/,
    );
    // Stored before the check: the licence is named, not linked.
    const stored = { ...image, licenceUrl: 'https://user:pw@evil.example/' };
    const credit = pictureHtml(stored, 'sv', { sizes: '100vw', loading: 'lazy' }).toString();
    assert.doesNotMatch(credit, /evil\.example/);
    assert.match(credit, /CC BY 4\.0/);
    const none = await get('/admin/media?q=finns-inte');
    assert.match(none.body, /Inga bilder matchar ”finns-inte”/);
  });

  it('serves shipped SVG illustrations as they are, sandboxed, and imports the demo photographs once', async () => {
    const file = fileURLToPath(
      new URL('../../../src/modules/content/media/demo/lakeside-hills.svg', import.meta.url),
    );
    const credit = 'Lotsa';
    const alt = { sv: 'Kullar vid en sjö', en: 'Hills by a lake' };
    const id = await importIllustration(db, storage, REGION, {
      slug: 'illustration-lakeside-hills',
      file,
      alt,
      credit,
    });
    assert.equal(
      await importIllustration(db, storage, REGION, {
        slug: 'illustration-lakeside-hills',
        file,
        alt,
        credit,
      }),
      id,
    );
    const image = (await imagesBySlug(db, REGION, ['illustration-lakeside-hills'])).get(
      'illustration-lakeside-hills',
    );
    assert.ok(image);
    const svg = await app.inject(imageUrl(image, 640, 'jpeg'));
    assert.equal(svg.statusCode, 200);
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.match(String(svg.headers['content-security-policy']), /sandbox/);
    assert.doesNotMatch(String(svg.headers['content-security-policy']), /unsafe-inline|unsafe-eval/);
    assert.match(
      pictureHtml(image, 'en', { sizes: '100vw', loading: 'lazy' }).toString(),
      /Illustration: Lotsa/,
    );
    await assert.rejects(
      importIllustration(db, storage, REGION, { slug: 'x', file: '/etc/passwd', alt, credit }),
      /shipped/,
    );
    // The content demo's illustrations, as the demo seed imports them (file URLs).
    for (const shipped of demoIllustrations()) {
      await importIllustration(db, storage, REGION, { ...shipped, credit: shipped.author });
    }
    const slugs = demoIllustrations().map((i) => i.slug);
    const imported = await imagesBySlug(db, REGION, slugs);
    assert.equal(imported.size, slugs.length);
    for (const shipped of imported.values()) {
      assert.equal(shipped.kind, 'illustration');
      assert.ok(shipped.usable);
      const url: string = imageUrl(shipped, 640, 'jpeg');
      assert.equal((await app.inject({ url })).statusCode, 200);
    }
    const limits = { maxBytes: config.mediaMaxBytes * 100, maxPixels: config.mediaMaxPixels };
    assert.equal(
      await importDemoPhotos(db, storage, REGION, limits, undefined, ['winter-tree-lined-path']),
      1,
    );
    assert.equal(
      await importDemoPhotos(db, storage, REGION, limits, undefined, ['winter-tree-lined-path']),
      0,
      'idempotent',
    );
    const demo = (await imagesBySlug(db, REGION, ['winter-tree-lined-path'])).get('winter-tree-lined-path');
    assert.equal(demo?.credit.en, 'Photo: Ali Inay / Unsplash, Unsplash License');
    assert.deepEqual(demo?.widths, [320, 640, 720, 960, 1024]);
  });

  it('does not delete an image in use, and deletes it with its files once unused', async () => {
    setMediaUsageLookup(async (_db, _region, slug) =>
      slug === 'sjo-i-kvall' ? [{ title: 'Falun', href: '/admin/content/x' }] : [],
    );
    const blocked = await client.postForm(`/admin/media/${uploadedId}/delete`, editorCookie, {});
    assert.equal(blocked.statusCode, 409);
    assert.match(blocked.body, /<a href="\/admin\/content\/x">Falun<\/a>/);
    setMediaUsageLookup(async () => []);
    const image = (await imagesBySlug(db, REGION, ['sjo-i-kvall'])).get('sjo-i-kvall');
    assert.ok(image);
    const deleted = await client.postForm(`/admin/media/${uploadedId}/delete`, editorCookie, {});
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/admin/media?done=deleted');
    assert.ok((await auditActions(db)).includes('media.image.deleted'));
    assert.equal((await app.inject(imageUrl(image, 300, 'jpeg'))).statusCode, 404, 'its files are gone');
  });

  it('keeps an image in use by its name: no new slug while pages use it, none deleted that a fixed page shows', async () => {
    const res = await upload(
      { ...FIELDS, slug: 'winter-spruce-forest' },
      { name: 'IMG_0002.JPG', type: 'image/jpeg', bytes: await phonePhoto() },
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const id = /\/admin\/media\/([0-9a-f-]{36})/.exec(String(res.headers.location))?.[1] as string;
    // The content module's lookups: its items (none use it here) and the pages' fixed pictures.
    setMediaUsageLookup([async () => [], fixedPicturesUsage]);
    const page = await get(`/admin/media/${id}`);
    assert.match(page.body, /<a href="\/sv\/">Startsidan \(bilden överst\)<\/a>/);
    assert.match(page.body, /<a href="\/sv\/move">Få hjälp att flytta hit \(bilden överst\)<\/a>/);

    const deleted = await client.postForm(`/admin/media/${id}/delete`, editorCookie, {});
    assert.equal(deleted.statusCode, 409);
    assert.match(deleted.body, /Bilden används och kan inte tas bort/);

    const renamed = await client.postForm(`/admin/media/${id}`, editorCookie, {
      ...FIELDS,
      slug: 'gran-i-sno',
    });
    assert.equal(renamed.statusCode, 400);
    assert.match(
      renamed.body,
      /heter winter-spruce-forest där\. Ta först bort den från sidorna, eller behåll namnet/,
    );
    assert.ok((await imagesBySlug(db, REGION, ['winter-spruce-forest'])).has('winter-spruce-forest'));
    const same = await client.postForm(`/admin/media/${id}`, regionEditorCookie, {
      ...FIELDS,
      slug: 'winter-spruce-forest',
      alt_sv: 'Granskog i snö',
    });
    assert.equal(same.statusCode, 303, 'the texts may change (by an approver) while the name stays');

    setMediaUsageLookup(async () => []);
    const free = await client.postForm(`/admin/media/${id}`, editorCookie, { ...FIELDS, slug: 'gran-i-sno' });
    assert.equal(free.statusCode, 303, 'unused, it may be renamed');
  });

  it('keeps talents and visitors out', async () => {
    assert.equal((await get('/admin/media', talentCookie)).statusCode, 403);
    const anonymous = await app.inject('/admin/media/new');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /login/);
    const res = await upload(
      FIELDS,
      { name: 'a.jpg', type: 'image/jpeg', bytes: await phonePhoto() },
      talentCookie,
    );
    assert.equal(res.statusCode, 403);
  });
});

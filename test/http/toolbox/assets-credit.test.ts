/**
 * The credit line and its advice, as an employer reads them on an asset's page: the work's page and
 * a note of the change where the licence asks for them, the advice worded by kind and licence in
 * both languages; and the demo's grid, modern pictures first and the traditions last.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedMedia } from '../../../src/modules/content/media/module.ts';
import { seedAssets } from '../../../src/modules/toolbox/assets/seed.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { createFileAsset, createLibraryPhoto, createPhotoAsset } from '../../helpers/toolbox-assets.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

function creditOf(body: string): { line: string; heading: string; hint: string } {
  const section = /<section class="asset-credit"[^>]*>([\s\S]*?)<\/section>/.exec(body);
  assert.ok(section, 'the credit section');
  const text = (re: RegExp) =>
    (re.exec(section[1]!)?.[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .trim();
  return {
    heading: text(/<h2[^>]*>([\s\S]*?)<\/h2>/),
    hint: text(/<p class="field__hint">([\s\S]*?)<\/p>/),
    line: text(/<p[^>]*id="asset-credit-line"[^>]*>([\s\S]*?)<\/p>/),
  };
}

describe('the credit line and its advice', async () => {
  const { app, database, config } = await buildTestApp();
  const db = database.db;
  const hr = await toolboxUser(db);
  const get = async (url: string) => {
    const res = await app.inject({ url, headers: { cookie: hr.cookie } });
    assert.equal(res.statusCode, 200, url);
    return res.body;
  };

  it('names the work’s page, the licence and the resizing of a demo CC BY-SA photo, in both languages', async () => {
    const image = await createLibraryPhoto(db, config, {
      photographer: '01tonythomas',
      licence: 'CC BY-SA 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
    });
    const page = 'https://commons.wikimedia.org/wiki/File:Midsommar_Pole_-_Maypole_in_Sweden.jpg';
    await db
      .updateTable('media_images')
      .set({ source: 'Wikimedia Commons', source_url: page, demo: true })
      .where('id', '=', image.id)
      .execute();
    const id = await createPhotoAsset(db, image.id);
    const en = creditOf(await get(`/en/toolbox/assets/${id}`));
    assert.equal(
      en.line,
      `Photo: 01tonythomas / Wikimedia Commons (${page}), CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), resized`,
    );
    assert.equal(en.heading, 'Photographer and licence');
    assert.match(en.hint, /The licence asks you to put this line next to the picture/);
    const sv = creditOf(await get(`/sv/toolbox/assets/${id}`));
    assert.ok(sv.line.startsWith('Foto: 01tonythomas / Wikimedia Commons ('), sv.line);
    assert.ok(sv.line.endsWith(', bearbetad'), sv.line);
    assert.match(sv.hint, /Licensen kräver att ni skriver den här raden vid bilden/);
  });

  it('says nothing of a change the library does not record', async () => {
    const image = await createLibraryPhoto(db, config, { photographer: 'Ada Fotograf' });
    const id = await createPhotoAsset(db, image.id);
    const en = creditOf(await get(`/en/toolbox/assets/${id}`));
    assert.doesNotMatch(en.line, /resized/);
  });

  it('tells that a public-domain photo asks no credit', async () => {
    const image = await createLibraryPhoto(db, config, {
      photographer: 'Nordelch',
      licence: 'Public domain',
      licenceUrl: '',
    });
    const id = await createPhotoAsset(db, image.id);
    const en = creditOf(await get(`/en/toolbox/assets/${id}`));
    assert.match(en.hint, /you need not credit the photographer/);
    assert.doesNotMatch(en.line, /resized/);
    const sv = creditOf(await get(`/sv/toolbox/assets/${id}`));
    assert.match(sv.hint, /ni behöver inte ange fotografen/);
  });

  it('words a CC0 PDF’s advice as material that asks no credit', async () => {
    const id = await createFileAsset(db, config, { kind: 'graphic-profile' });
    const en = creditOf(await get(`/en/toolbox/assets/${id}`));
    assert.equal(en.heading, 'Creator and licence');
    assert.match(en.hint, /The material is free to use, and you need not say who made it/);
    assert.doesNotMatch(en.hint, /picture/);
    const sv = creditOf(await get(`/sv/toolbox/assets/${id}`));
    assert.equal(sv.heading, 'Upphov och licens');
    assert.doesNotMatch(sv.hint, /bild/);
  });

  it('shows the demo’s modern pictures first and the traditions last', async () => {
    await seedMedia(db, { demo: true, config });
    await seedAssets(db, { demo: true, config });
    const body = await get('/en/toolbox/assets');
    const at = (title: string) => {
      const i = body.indexOf(title);
      assert.ok(i >= 0, title);
      return i;
    };
    const modern = ['Bright open-plan office', 'Workshop in the project room', 'Jetty at sunset'].map(at);
    const traditions = [
      'Midsummer pole',
      'Walpurgis bonfire by the lake',
      'National Day in folk costume',
    ].map(at);
    assert.ok(Math.max(...modern) < Math.min(...traditions), 'modern before traditions');
    assert.ok(at('Bright open-plan office') < at('Workshop in the project room'));
  });
});

/**
 * Photos and material as the HR person uses them: the credit line they copy is the one the licence
 * asks for, a PDF is not called a picture, and a demo photo of an unknown place is not sold to them
 * as Dalarna.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedMedia } from '../../../src/modules/content/media/module.ts';
import { seedAssets } from '../../../src/modules/toolbox/assets/seed.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { REGION } from '../../helpers/identity.ts';
import { createFileAsset, createLibraryPhoto, createPhotoAsset } from '../../helpers/toolbox-assets.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

function creditLineOf(body: string): string {
  const m = /<p[^>]*id="asset-credit-line"[^>]*>([\s\S]*?)<\/p>/.exec(body);
  assert.ok(m, 'the credit line');
  return m[1]!
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .trim();
}

describe('newuser: photos and material', async () => {
  const { app, database, config } = await buildTestApp();
  const db = database.db;
  const hr = await toolboxUser(db);
  const get = (url: string) => app.inject({ url, headers: { cookie: hr.cookie } });

  it('gives a CC BY-SA photo a credit line with the link to the work, as the licence asks', async () => {
    const image = await createLibraryPhoto(db, config, {
      photographer: 'Bengt Nyman',
      licence: 'CC BY-SA 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
    });
    const sourceUrl = 'https://commons.wikimedia.org/wiki/File:National_Day_of_Sweden_2015_8032.jpg';
    await db
      .updateTable('media_images')
      .set({ source: 'Wikimedia Commons', source_url: sourceUrl })
      .where('id', '=', image.id)
      .execute();
    const id = await createPhotoAsset(db, image.id);
    const res = await get(`/en/toolbox/assets/${id}`);
    assert.equal(res.statusCode, 200);
    const line = creditLineOf(res.body);
    // Seen now: "Photo: Bengt Nyman / Wikimedia Commons, CC BY-SA 4.0 (https://creativecommons.org/…)"
    // – the licence link is there, the work's own page (which the library holds) is not.
    assert.ok(line.includes(sourceUrl), line);
  });

  it('does not tell a PDF’s user to put the line "next to the picture"', async () => {
    const id = await createFileAsset(db, config, { kind: 'graphic-profile' });
    const en = await get(`/en/toolbox/assets/${id}`);
    assert.equal(en.statusCode, 200);
    // Seen now: "Credit and licence to state · Put this line next to the picture wherever you use it."
    // over "Made by Regionen, CC0 1.0" for a PDF.
    assert.doesNotMatch(en.body, /next to the picture/);
    const sv = await get(`/sv/toolbox/assets/${id}`);
    assert.doesNotMatch(sv.body, /vid bilden/);
  });

  it('does not describe a demo photo of an unknown place as Dalarna', async () => {
    // The shipped demo photos are not of Dalarna (README; media/demo/SOURCES.md: the midsummer pole
    // is "in Sweden", no place given).
    await seedMedia(db, { demo: true, config });
    await seedAssets(db, { demo: true, config });
    const rows = await db
      .selectFrom('toolbox_assets')
      .innerJoin('media_images', (j) =>
        j
          .onRef('media_images.id', '=', 'toolbox_assets.media_image_id')
          .onRef('media_images.region_id', '=', 'toolbox_assets.region_id'),
      )
      .select(['media_images.slug', 'toolbox_assets.description_sv', 'toolbox_assets.description_en'])
      .where('toolbox_assets.region_id', '=', REGION)
      .where('toolbox_assets.demo', '=', true)
      .execute();
    assert.ok(rows.length > 0, 'demo photos seeded');
    // Seen now: "Midsommar i Dalarna: blomkransar, björkar och ett rött hus." for midsommar-maypole.
    for (const row of rows) {
      assert.doesNotMatch(row.description_sv, /i Dalarna/, `${row.slug}: ${row.description_sv}`);
      assert.doesNotMatch(row.description_en, /in Dalarna/, `${row.slug}: ${row.description_en}`);
    }
  });
});

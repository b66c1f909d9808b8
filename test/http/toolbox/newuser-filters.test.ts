/**
 * The filters as a Swedish-speaking HR person reads them: the audience list offers "Alla" for "no
 * filter" and "Alla" again for the texts and photos meant for everyone, two options with the same
 * name that do different things. Each option of a select must be told apart by its label.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { createLibraryPhoto, createPhotoAsset } from '../../helpers/toolbox-assets.ts';
import { createText, toolboxUser } from '../../helpers/toolbox.ts';

/** The visible labels of a select's options, without the counts in brackets. */
function optionLabels(body: string, name: string): string[] {
  const m = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(body);
  assert.ok(m, `select ${name}`);
  return [...m[1]!.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((o) =>
    o[1]!.replace(/\s*\(\d+\)\s*$/, '').trim(),
  );
}

function assertDistinct(labels: string[], where: string): void {
  const twice = labels.filter((l, i) => labels.indexOf(l) !== i);
  assert.deepEqual(twice, [], `${where}: options with the same label: ${labels.join(' | ')}`);
}

describe('newuser: the audience filters name each choice once', async () => {
  const { app, database, config } = await buildTestApp();
  const db = database.db;
  const hr = await toolboxUser(db);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  await createText(db, { persona: 'everyone', title: 'För alla', titleEn: 'For everyone' });
  await createText(db, { persona: 'families', title: 'För familjer', titleEn: 'For families' });
  const image = await createLibraryPhoto(db, config);
  await createPhotoAsset(db, image.id, { personas: ['everyone', 'families'] });
  const get = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });

  it('on /sv/toolbox/texts', async () => {
    const res = await get('/sv/toolbox/texts', hr.cookie);
    assert.equal(res.statusCode, 200);
    // Seen now: Alla | Familjepusslare och återvändare | … | Alla (9)
    assertDistinct(optionLabels(res.body, 'persona'), '/sv/toolbox/texts');
  });

  it('on /sv/toolbox/assets', async () => {
    const res = await get('/sv/toolbox/assets', hr.cookie);
    assert.equal(res.statusCode, 200);
    // Seen now: Alla (11) | … | Alla (6)
    assertDistinct(optionLabels(res.body, 'persona'), '/sv/toolbox/assets');
  });

  it('on the region’s /admin/toolbox/texts', async () => {
    const res = await get('/admin/toolbox/texts', editor.cookie);
    assert.equal(res.statusCode, 200);
    assertDistinct(optionLabels(res.body, 'persona'), '/admin/toolbox/texts');
  });
});

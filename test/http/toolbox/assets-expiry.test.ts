/**
 * Licence expiry (issue 18, "Proved"): with the app's clock before an image's last day the download
 * works and is logged; moved past it, the download is a 410 saying why and since when, nothing is
 * logged and nothing sent, and the asset's page, the grid and the organisation's downloads page flag
 * it. A withdrawn asset is refused the same way; a draft is 404 to employers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';
import {
  createFileAsset,
  createLibraryPhoto,
  createPhotoAsset,
  downloadsOf,
} from '../../helpers/toolbox-assets.ts';

describe('toolbox assets: licence expiry by the clock', async () => {
  let now = new Date('2026-03-10T10:00:00Z');
  const { app, database, config } = await buildTestApp({}, undefined, { clock: () => now });
  const db = database.db;
  const hr = await toolboxUser(db);
  const get = (url: string, cookie = hr.cookie) => app.inject({ url, headers: { cookie } });

  it('downloads before the last day, logged; refused after it, nothing logged, and flagged', async () => {
    const image = await createLibraryPhoto(db, config, { expiresOn: '2026-03-31' });
    const assetId = await createPhotoAsset(db, image.id, { title: 'Bryggan vid sjön' });

    const ok = await get(`/sv/toolbox/assets/${assetId}/download`);
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.headers['content-type'], 'image/jpeg');
    assert.match(String(ok.headers['content-disposition']), /^attachment; filename="bryggan-vid-sjon\.jpg"/);
    assert.equal(ok.headers['x-content-type-options'], 'nosniff');
    assert.ok(ok.rawPayload.equals(image.jpeg), 'the library’s largest JPEG rendition');
    const logged = await downloadsOf(db, assetId);
    assert.equal(logged.length, 1);
    assert.equal(logged[0]!.account_id, hr.accountId);
    assert.equal(logged[0]!.organisation_id, hr.organisationId);
    assert.equal(logged[0]!.downloaded_at.toISOString(), now.toISOString(), 'logged at the clock’s time');

    const soon = await get(`/sv/toolbox/assets/${assetId}`);
    assert.equal(soon.statusCode, 200);
    assert.match(soon.body, /Licensen gäller till och med 31 mars 2026/);
    assert.match(soon.body, /href="\/sv\/toolbox\/assets\/[^"]+\/download"/);

    // the clock moves past the last day
    now = new Date('2026-04-01T08:00:00Z');
    const refused = await get(`/sv/toolbox/assets/${assetId}/download`);
    assert.equal(refused.statusCode, 410);
    assert.match(String(refused.headers['content-type']), /^text\/html/);
    assert.match(refused.body, /Licensen gick ut den 31 mars 2026/);
    assert.doesNotMatch(refused.body, /JFIF/);
    assert.equal((await downloadsOf(db, assetId)).length, 1, 'nothing more logged');

    const english = await get(`/en/toolbox/assets/${assetId}/download`);
    assert.equal(english.statusCode, 410);
    assert.match(english.body, /The licence expired on 31 March 2026/);

    const page = await get(`/sv/toolbox/assets/${assetId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Licensen gick ut den 31 mars 2026/);
    assert.match(page.body, /ta bort det från era kanaler/);
    assert.doesNotMatch(page.body, /\/download"/, 'no download button');

    const grid = await get('/sv/toolbox/assets');
    assert.match(grid.body, /Bryggan vid sjön[\s\S]*?Licensen gick ut den 31 mars 2026/);

    const mine = await get('/sv/toolbox/assets/downloads');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Material ni inte längre får använda/);
    assert.match(mine.body, /Ta bort bilden från era kanaler/);
    assert.match(mine.body, /Bryggan vid sjön: licensen gick ut den 31 mars 2026/);
  });

  it('the asset’s own last day counts too, and the earlier of the two wins', async () => {
    now = new Date('2026-05-01T10:00:00Z');
    const image = await createLibraryPhoto(db, config, { expiresOn: '2027-01-01' });
    const assetId = await createPhotoAsset(db, image.id, { expiresOn: '2026-05-10' });
    assert.equal((await get(`/sv/toolbox/assets/${assetId}/download`)).statusCode, 200);
    now = new Date('2026-05-11T10:00:00Z');
    assert.equal((await get(`/sv/toolbox/assets/${assetId}/download`)).statusCode, 410);
  });

  it('a withdrawn asset is refused with 410 and nothing logged; a draft is 404', async () => {
    const withdrawn = await createFileAsset(db, config, { status: 'withdrawn', title: 'Gammal broschyr' });
    const gone = await get(`/sv/toolbox/assets/${withdrawn}/download`);
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, /Regionen drog tillbaka materialet den/);
    assert.equal((await downloadsOf(db, withdrawn)).length, 0);

    const draft = await createFileAsset(db, config, { status: 'draft', title: 'Hemligt utkast' });
    assert.equal((await get(`/sv/toolbox/assets/${draft}`)).statusCode, 404);
    assert.equal((await get(`/sv/toolbox/assets/${draft}/download`)).statusCode, 404);
    assert.doesNotMatch((await get('/sv/toolbox/assets')).body, /Hemligt utkast/);
    assert.equal((await get('/sv/toolbox/assets/not-a-uuid')).statusCode, 404);
  });

  it('a file asset downloads as an attachment with its clean name, sandboxed', async () => {
    now = new Date('2026-05-01T10:00:00Z');
    const id = await createFileAsset(db, config, { title: 'Fakta om Dalarna – 2026' });
    const response = await get(`/sv/toolbox/assets/${id}/download`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /filename="fakta-om-dalarna-2026\.pdf"/);
    assert.match(String(response.headers['content-security-policy']), /sandbox/);
    assert.ok(response.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
  });

  it('another organisation’s downloads are not shown', async () => {
    const other = await toolboxUser(db);
    const id = await createFileAsset(db, config, { title: 'Bara för den andra' });
    assert.equal((await get(`/sv/toolbox/assets/${id}/download`, other.cookie)).statusCode, 200);
    const mine = await get('/sv/toolbox/assets/downloads');
    assert.doesNotMatch(mine.body, /Bara för den andra/);
    const theirs = await get('/sv/toolbox/assets/downloads', other.cookie);
    assert.match(theirs.body, /Bara för den andra/);
  });
});

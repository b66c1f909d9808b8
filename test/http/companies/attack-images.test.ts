/**
 * A company page's pictures under attack: an employer can show only its own images (another
 * organisation's, or the region's, are refused), and nobody can put an image on a page whose
 * licence has expired — as the region's content pages refuse one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import type { FormFields } from '../../helpers/client.ts';
import { importLogo } from './public-fixture.ts';
import { LIST, companyFixture, filled } from './admin-fixture.ts';

/** A multipart body as the edit form posts it, with a logo file. */
function multipart(fields: FormFields, file: Buffer) {
  const boundary = `----lotsa${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    for (const v of [value].flat())
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`),
      );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('a company page’s pictures', async () => {
  const f = await companyFixture();
  const id = await f.ownPage();
  for (const [slug, owner, expires] of [
    ['region-bild', null, null],
    ['andras-bild', f.other, null],
    ['var-gamla-bild', f.employer, '2020-01-31'],
    ['regionens-gamla-bild', null, '2020-01-31'],
  ] as const) {
    await importLogo(f.db, f.config, slug);
    await f.db
      .updateTable('media_images')
      .set({ organisation_id: owner, expires_on: expires })
      .where('slug', '=', slug)
      .execute();
  }

  it('refuses another organisation’s image and the region’s as the employer’s logo or photo', async () => {
    for (const fields of [
      { logo: 'andras-bild' },
      { logo: 'region-bild' },
      { photos: ['andras-bild'] },
    ] as FormFields[]) {
      const res = await f.save(id, f.hrCookie, filled('Bergslagens Stål', fields));
      assert.equal(res.statusCode, 400, JSON.stringify(fields));
      assert.match(res.body, /Välj en av bilderna i listan/);
    }
  });

  it('neither offers nor takes an image whose licence has expired, the employer’s own or the region’s', async () => {
    const form = await f.get(`${LIST}/${id}`, f.hrCookie);
    assert.doesNotMatch(form.body, /value="var-gamla-bild"/);
    const own = await f.save(id, f.hrCookie, filled('Bergslagens Stål', { logo: 'var-gamla-bild' }));
    assert.equal(own.statusCode, 400);
    assert.equal((await f.latest(id)).data.logo, null);

    const staff = await f.get(`${LIST}/${id}`, f.editorCookie);
    assert.match(staff.body, /value="region-bild"/, 'the region’s editors may choose the region’s images');
    assert.doesNotMatch(staff.body, /value="regionens-gamla-bild"/);
    for (const fields of [
      { logo: 'regionens-gamla-bild' },
      { photos: ['regionens-gamla-bild'] },
    ] as FormFields[]) {
      const res = await f.save(id, f.editorCookie, filled('Bergslagens Stål', fields));
      assert.equal(res.statusCode, 400, JSON.stringify(fields));
    }
    const { data } = await f.latest(id);
    assert.equal(data.logo, null);
    assert.deepEqual(data.photos, []);
  });

  it('says so when an image the page shows has expired since it was chosen, keeping what was typed; a new logo file replaces it', async () => {
    const chosen = await f.save(id, f.editorCookie, filled('Bergslagens Stål', { logo: 'region-bild' }));
    assert.equal(chosen.statusCode, 303, chosen.body.slice(0, 2000));
    await f.db
      .updateTable('media_images')
      .set({ expires_on: '2020-01-31' })
      .where('slug', '=', 'region-bild')
      .execute();
    const res = await f.save(
      id,
      f.hrCookie,
      filled('Bergslagens Stål', { logo: 'region-bild', summary_sv: 'Ny sammanfattning.' }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Licensen för bilden region-bild har gått ut\. Välj en annan bild/);
    assert.match(res.body, /Ny sammanfattning\./);
    // A new logo file in its place is taken.
    const base = (await f.latest(id)).company.version;
    const body = multipart(
      {
        _csrf: f.client.csrf.token,
        base: String(base),
        ...filled('Bergslagens Stål', { logo: 'region-bild' }),
      },
      await sharp({ create: { width: 400, height: 200, channels: 3, background: '#1d4ed8' } })
        .png()
        .toBuffer(),
    );
    const uploaded = await f.app.inject({
      method: 'POST',
      url: `${LIST}/${id}`,
      payload: body.payload,
      headers: { ...f.client.headers(f.hrCookie), 'content-type': body.contentType },
    });
    assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 2000));
    assert.match(String((await f.latest(id)).data.logo), /^bergslagens-stal-ab-logotyp-/);
  });
});

/**
 * The addresses browsers and platforms ask for by convention answer with the right file and type,
 * not with an HTML page: /favicon.ico, /apple-touch-icon.png, /manifest.webmanifest; every page
 * links them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The width and height of a PNG, from its IHDR chunk. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('favicon, touch icon and web manifest', async () => {
  const { app } = await buildTestApp();
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('answers /favicon.ico with an icon holding PNG images', async () => {
    const res = await get('/favicon.ico');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/x-icon');
    const ico = res.rawPayload;
    assert.deepEqual([...ico.subarray(0, 4)], [0, 0, 1, 0], 'an ICONDIR of type icon');
    const count = ico.readUInt16LE(4);
    assert.ok(count >= 1);
    const sizes = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const offset = ico.readUInt32LE(entry + 12);
      const image = ico.subarray(offset, offset + ico.readUInt32LE(entry + 8));
      assert.deepEqual(image.subarray(0, 8), PNG);
      sizes.push(pngSize(image)[0]);
    }
    assert.ok(sizes.includes(32), `sizes ${sizes.join(', ')}`);
  });

  it('answers /apple-touch-icon.png with a 180 px PNG', async () => {
    for (const url of ['/apple-touch-icon.png', '/apple-touch-icon-precomposed.png']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['content-type'], 'image/png');
      assert.deepEqual(res.rawPayload.subarray(0, 8), PNG);
      assert.deepEqual(pngSize(res.rawPayload), [180, 180]);
    }
  });

  it("answers /manifest.webmanifest with the region's name, colour and icons", async () => {
    const res = await get('/manifest.webmanifest');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/manifest\+json/);
    const manifest = res.json() as {
      name: string;
      short_name: string;
      start_url: string;
      theme_color: string;
      icons: Array<{ src: string; sizes: string; type: string }>;
    };
    assert.equal(manifest.name, 'Dalarna – karriärregion');
    assert.equal(manifest.short_name, 'Dalarna');
    assert.equal(manifest.start_url, '/sv/');
    assert.equal(manifest.theme_color, '#0b5563');
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size);
      assert.ok(icon, size);
      const file = await get(icon.src);
      assert.equal(file.statusCode, 200, icon.src);
      assert.equal(file.headers['content-type'], 'image/png');
      assert.deepEqual(pngSize(file.rawPayload), size.split('x').map(Number));
    }
  });

  it('links the icons and the manifest from every page', async () => {
    for (const url of ['/sv/', '/en/jobs', '/sv/privacy']) {
      const body = (await get(url)).body;
      assert.match(
        body,
        /<link rel="icon" href="\/static\/img\/favicon\.ico\?v=[0-9a-f]+" sizes="32x32">/,
        url,
      );
      assert.match(
        body,
        /<link rel="apple-touch-icon" href="\/static\/img\/apple-touch-icon\.png\?v=[0-9a-f]+">/,
      );
      assert.match(body, /<link rel="manifest" href="\/manifest\.webmanifest">/);
    }
  });

  it('still answers an unknown file with a 404', async () => {
    assert.equal((await get('/favicon.png')).statusCode, 404);
  });
});

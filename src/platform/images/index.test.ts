/**
 * Images are known by their bytes; bombs and oversized files are refused before decoding; every
 * rendition is upright and carries no metadata at all (the GPS position of a phone photo is gone).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { phonePhoto, pngBomb } from '../../../test/helpers/images.ts';
import { detectImageType, processImage, renditionWidths } from './index.ts';

const LIMITS = { maxBytes: 15 * 1024 * 1024, maxPixels: 40_000_000 };

describe('image type by content', () => {
  it('knows JPEG, PNG, WebP and AVIF by their bytes and nothing else', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } });
    assert.equal(detectImageType(await base.clone().jpeg().toBuffer()), 'jpeg');
    assert.equal(detectImageType(await base.clone().png().toBuffer()), 'png');
    assert.equal(detectImageType(await base.clone().webp().toBuffer()), 'webp');
    assert.equal(detectImageType(await base.clone().avif().toBuffer()), 'avif');
    assert.equal(detectImageType(await base.clone().gif().toBuffer()), undefined);
    assert.equal(detectImageType(await base.clone().tiff().toBuffer()), undefined);
    assert.equal(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')), undefined);
    assert.equal(detectImageType(Buffer.from('%PDF-1.7 pretending to be a photo.jpg')), undefined);
  });
});

describe('processing an upload', () => {
  it('refuses what is not an image, too many bytes, and a bomb before decoding it', async () => {
    assert.deepEqual(await processImage(Buffer.from('just text, named photo.jpg....'), LIMITS), {
      ok: false,
      reason: 'not-image',
    });
    const jpeg = await phonePhoto();
    assert.deepEqual(await processImage(jpeg, { ...LIMITS, maxBytes: 1000 }), {
      ok: false,
      reason: 'too-large',
    });
    const bomb = await pngBomb();
    assert.ok(bomb.length < 200);
    assert.deepEqual(await processImage(bomb, LIMITS), { ok: false, reason: 'too-many-pixels' });
    // A JPEG header followed by nonsense.
    const broken = Buffer.concat([jpeg.subarray(0, 40), Buffer.alloc(400, 7)]);
    assert.equal((await processImage(broken, LIMITS)).ok, false);
  });

  it('turns the photo upright, renders every width in AVIF, WebP and JPEG, and keeps no metadata', async () => {
    const input = await phonePhoto();
    const inputMeta = await sharp(input).metadata();
    assert.ok(inputMeta.exif && inputMeta.exif.includes('GPS-SECRET'), 'the input carries GPS');
    const result = await processImage(input, LIMITS);
    assert.ok(result.ok);
    assert.equal(result.type, 'jpeg');
    assert.deepEqual([result.width, result.height], [300, 600]);
    assert.deepEqual(
      result.renditions.map((r) => `${r.format}:${r.width}x${r.height}`),
      ['avif:300x600', 'webp:300x600', 'jpeg:300x600'],
    );
    for (const rendition of result.renditions) {
      const meta = await sharp(rendition.bytes).metadata();
      assert.equal(meta.exif, undefined, `${rendition.format} has no EXIF`);
      assert.equal(meta.xmp, undefined, `${rendition.format} has no XMP`);
      assert.equal(meta.orientation, undefined);
      for (const secret of ['GPS-SECRET', 'OWNER-SECRET', 'XMP-SECRET', 'GPS']) {
        assert.ok(!rendition.bytes.includes(secret), `${rendition.format} does not contain ${secret}`);
      }
      assert.equal(detectImageType(rendition.bytes), rendition.format);
    }
  });

  it('never upscales: widths stop at the original (and at 1920)', async () => {
    assert.deepEqual(renditionWidths(300), [300]);
    assert.deepEqual(renditionWidths(1000), [320, 640, 720, 960, 1000]);
    assert.deepEqual(renditionWidths(1280), [320, 640, 720, 960, 1280]);
    assert.deepEqual(renditionWidths(4000), [320, 640, 720, 960, 1280, 1920]);
    const photo = readFileSync(
      new URL('../../modules/content/media/demo/lake-jetty-sunset.jpg', import.meta.url),
    );
    const result = await processImage(photo, LIMITS);
    assert.ok(result.ok);
    assert.equal(result.renditions.length, 18);
    assert.deepEqual([...new Set(result.renditions.map((r) => r.width))], [320, 640, 720, 960, 1280, 1920]);
  });
});

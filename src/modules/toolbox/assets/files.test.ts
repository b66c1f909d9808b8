import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { zipOf } from '../../../../test/helpers/zip.ts';
import { checkFile, cleanFileName, sniffFormat } from './files.ts';

const zip = zipOf({
  '[Content_Types].xml': Buffer.from('<Types/>'),
  'ppt/presentation.xml': Buffer.from('<p/>'),
});
const odp = zipOf({
  mimetype: Buffer.from('application/vnd.oasis.opendocument.presentation'),
  'content.xml': Buffer.from('<office:document-content/>'),
});
const other = zipOf({ 'setup.exe': Buffer.from('MZ') });

describe('asset files known by their bytes', () => {
  it('tells the formats by their first bytes, not their names', () => {
    assert.equal(sniffFormat(Buffer.from('%PDF-1.7\n'), 'x.exe'), 'pdf');
    assert.equal(sniffFormat(Buffer.from('MZ\x90\x00'), 'x.pdf'), undefined);
    assert.equal(sniffFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'x'), 'png');
    assert.equal(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'x'), 'jpeg');
    assert.equal(sniffFormat(Buffer.from('\0\0\0\x18ftypmp42'), 'x'), 'mp4');
    assert.equal(sniffFormat(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1]), 'x'), 'webm');
    assert.equal(
      sniffFormat(Buffer.from('<?xml version="1.0"?>\n<!-- a -->\n<svg xmlns="x"></svg>'), 'x'),
      'svg',
    );
    assert.equal(sniffFormat(Buffer.from('<html><svg></svg></html>'), 'x.svg'), undefined);
  });

  it('takes a ZIP only as a template named .pptx, .potx or .odp', () => {
    assert.equal(sniffFormat(zip, 'Mall.PPTX'), 'pptx');
    assert.equal(sniffFormat(zip, 'mall.potx'), 'potx');
    assert.equal(sniffFormat(odp, 'mall.odp'), 'odp');
    assert.equal(sniffFormat(zip, 'mall.odp'), undefined, 'an Office file named .odp');
    assert.equal(sniffFormat(odp, 'mall.pptx'), undefined, 'an OpenDocument file named .pptx');
    assert.equal(sniffFormat(other, 'mall.pptx'), undefined, 'a ZIP of something else');
    assert.equal(
      sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'mall.pptx'),
      undefined,
      'a torn ZIP',
    );
    assert.equal(sniffFormat(zip, 'mall.zip'), undefined);
    assert.deepEqual(checkFile('template', zip, 'a.pptx'), { format: 'pptx' });
    assert.deepEqual(checkFile('film', zip, 'a.pptx'), { error: 'wrongKind' });
  });

  it('knows the shipped demo files', () => {
    const svg = readFileSync(new URL('./demo/dalarna-wordmark.svg', import.meta.url));
    const pdf = readFileSync(new URL('./demo/graphic-profile.pdf', import.meta.url));
    assert.deepEqual(checkFile('logo', svg, 'x'), { format: 'svg' });
    assert.deepEqual(checkFile('graphic-profile', pdf, 'x'), { format: 'pdf' });
    assert.ok(pdf.length <= 150 * 1024);
  });

  it('names a download by its title in plain letters', () => {
    assert.equal(cleanFileName('Bryggan vid sjön', 'jpg'), 'bryggan-vid-sjon.jpg');
    assert.equal(cleanFileName('Ärlig Åsikt – "2026"/../', 'pdf'), 'arlig-asikt-2026.pdf');
    assert.equal(cleanFileName('…', 'svg'), 'material.svg');
  });
});

/**
 * Crafted ZIPs against the template check (files.ts): whatever the bytes, checkFile answers (an
 * error for a ZIP that is no presentation) and never throws. Today an .odp whose end record starts
 * right after the 4-byte signature (26 to 29 bytes) throws a RangeError: the local header's name
 * length at byte 26 and extra length at byte 28 are read without checking the buffer's length.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFile, zipEntries } from './files.ts';

function signatureThenEnd(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.writeUInt32LE(0x04034b50, 0);
  bytes.writeUInt32LE(0x06054b50, size - 22);
  return bytes;
}

describe('template check: crafted ZIPs (attack2)', () => {
  it('reads the tiny ZIP as an empty one', () => {
    assert.deepEqual(zipEntries(signatureThenEnd(26)), []);
  });

  for (const size of [26, 27, 28, 29]) {
    it(`refuses a ${size}-byte .odp instead of throwing`, () => {
      let result: ReturnType<typeof checkFile> | undefined;
      assert.doesNotThrow(() => {
        result = checkFile('template', signatureThenEnd(size), 'mall.odp');
      });
      assert.deepEqual(result, { error: 'unknown' });
    });
  }

  it('refuses (no throw, no loop) a central directory pointing past the end or at itself', () => {
    const bytes = Buffer.alloc(4 + 22);
    bytes.writeUInt32LE(0x04034b50, 0);
    bytes.writeUInt32LE(0x06054b50, 4);
    bytes.writeUInt16LE(0xffff, 4 + 10); // 65,535 entries: over the bound
    bytes.writeUInt32LE(0xffffffff, 4 + 16);
    assert.equal(zipEntries(bytes), undefined);
    bytes.writeUInt16LE(3, 4 + 10);
    bytes.writeUInt32LE(4, 4 + 16); // the directory is the end record itself
    assert.equal(zipEntries(bytes), undefined);
    assert.deepEqual(checkFile('template', bytes, 'mall.pptx'), { error: 'unknown' });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import QRCode from 'qrcode';
import { otpauthUri } from './otp.ts';
import { qrCode } from '../../../../platform/html/qr.ts';

/** The dark cells an SVG path of horizontal strokes (M/m moves, h runs) paints, as "x,y". */
function cells(path: string): Set<string> {
  const painted = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, args] of path.matchAll(/([MmHh])([^MmHh]*)/g)) {
    const n = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (op === 'M') [x, y] = [n[0] ?? 0, n[1] ?? 0];
    else if (op === 'm') [x, y] = [x + (n[0] ?? 0), y + (n[1] ?? 0)];
    else {
      const to = op === 'h' ? x + (n[0] ?? 0) : (n[0] ?? 0);
      for (let c = x; c < to; c++) painted.add(`${c},${Math.floor(y)}`);
      x = to;
    }
  }
  return painted;
}

describe('the QR code of the authenticator-app setup', () => {
  it('paints the same modules, in the same square, as the qrcode library draws them', async () => {
    const uri = otpauthUri('Lotsa Dalarna', 'vägledaren@exempel.se', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    const ours = qrCode(uri);
    const theirs = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(theirs);
    assert.equal(ours.size, Number(viewBox?.[1]));
    const stroke = /<path stroke="[^"]*" d="([^"]*)"/.exec(theirs)?.[1] ?? '';
    const expected = cells(stroke);
    assert.ok(expected.size > 100, 'the library drew a code');
    assert.deepEqual([...cells(ours.path)].sort(), [...expected].sort());
  });

  it('is plain values: a number and path data of digits and M, h and spaces only', () => {
    const qr = qrCode('otpauth://totp/x?secret=AAAA');
    assert.ok(Number.isInteger(qr.size));
    assert.match(qr.path, /^[Mh0-9. ]+$/);
  });
});

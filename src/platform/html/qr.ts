/**
 * A QR code as plain values (the TOTP secret's otpauth:// URI, an event ticket): the side of the square in modules (quiet zone
 * included) and an SVG path of its dark modules, one horizontal stroke per run. The view draws it
 * with the `html` template, so no generated markup is ever embedded as it is.
 */
import QRCode from 'qrcode';

/** Modules of white around the code, so a camera finds its edges. */
const MARGIN = 2;

export interface QrCode {
  /** Width and height in modules, margin included (the SVG's viewBox). */
  size: number;
  /** Path data: `M x y h n` for each run of dark modules, stroked one module high. */
  path: string;
}

export function qrCode(text: string): QrCode {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const runs: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      runs.push(`M${start + MARGIN} ${row + MARGIN + 0.5}h${col - start}`);
    }
  }
  return { size: n + 2 * MARGIN, path: runs.join('') };
}

/**
 * Draws the brand mark (the mountains, the sun and the road of public/img/favicon.svg) and renders
 * the site's icons from it in the system Chromium; the outputs are committed, so nothing is drawn
 * at run time.
 *
 *   node --import tsx scripts/make-icons.ts [--chromium /usr/bin/chromium]
 *
 * Writes to public/img/:
 *   icon.svg                the full-bleed mark (square, no corners: platforms round them)
 *   apple-touch-icon.png    180 × 180, from icon.svg
 *   icon-192.png, icon-512.png   for the web manifest (the mark stays inside the maskable safe
 *                           zone, a circle of 80 % of the width, so they serve as maskable too)
 *   favicon.ico             16, 32 and 48 px PNG images of favicon.svg (rounded corners), in one
 *                           .ico (an .ico may hold PNG images; every browser reads them)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const IMG = fileURLToPath(new URL('../public/img/', import.meta.url));
const chromiumPath = process.argv.includes('--chromium')
  ? (process.argv[process.argv.indexOf('--chromium') + 1] as string)
  : '/usr/bin/chromium';

/** The brand colours (public/css/lotsa.css: --brand-primary and --brand-accent of Dalarna). */
const PRIMARY = '#0b5563';
const ACCENT = '#b4400a';

/**
 * The mark on a 32-unit grid (as favicon.svg draws it), scaled by 0.72 around the centre so that
 * it stays inside the maskable safe zone on a full-bleed square.
 */
const FULL_BLEED = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="512" height="512">
  <rect width="32" height="32" fill="${PRIMARY}"/>
  <g transform="translate(16 16) scale(0.72) translate(-16 -16)">
    <circle cx="22" cy="10" r="4" fill="${ACCENT}"/>
    <path d="M2 24 10.5 12l4 5 5-7L30 24z" fill="#fff"/>
    <rect x="5" y="26.5" width="22" height="2.5" rx="1.25" fill="#fff"/>
  </g>
</svg>
`;

/** An .ico file holding PNG images (ICONDIR, one ICONDIRENTRY each, then the PNG data). */
function ico(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const render = async (svg: string, size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };

  writeFileSync(path.join(IMG, 'icon.svg'), FULL_BLEED);
  for (const [file, size] of [
    ['apple-touch-icon.png', 180],
    ['icon-192.png', 192],
    ['icon-512.png', 512],
  ] as const) {
    writeFileSync(path.join(IMG, file), await render(FULL_BLEED, size));
  }
  const rounded = readFileSync(path.join(IMG, 'favicon.svg'), 'utf8');
  const images = [];
  for (const size of [16, 32, 48]) images.push({ size, png: await render(rounded, size) });
  writeFileSync(path.join(IMG, 'favicon.ico'), ico(images));
  console.log(`Wrote icon.svg, apple-touch-icon.png, icon-192.png, icon-512.png and favicon.ico to ${IMG}`);
} finally {
  await browser.close();
}

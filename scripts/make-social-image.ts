/**
 * Draws the site's default social image (og:image of every page without a picture of its own) in
 * the system Chromium: the demo photograph of a jetty at sunset, cropped to 1200 × 630, with the
 * brand mark and the accent bar. No words in it (it serves both languages); its alt text is the
 * shell catalogue's `ogImageAlt`. The output is committed, so nothing is drawn at run time.
 *
 *   node --import tsx scripts/make-social-image.ts [--chromium /usr/bin/chromium]
 *
 * Writes public/img/og-default.jpg. The photograph: Anders Jildén / Unsplash, Unsplash License
 * (src/modules/content/media/demo/SOURCES.md); it shows no known place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const IMG = fileURLToPath(new URL('../public/img/', import.meta.url));
const PHOTO = fileURLToPath(
  new URL('../src/modules/content/media/demo/lake-jetty-sunset.jpg', import.meta.url),
);
const chromiumPath = process.argv.includes('--chromium')
  ? (process.argv[process.argv.indexOf('--chromium') + 1] as string)
  : '/usr/bin/chromium';

const PRIMARY = '#0b5563';
const ACCENT = '#b4400a';

const photo = `data:image/jpeg;base64,${readFileSync(PHOTO).toString('base64')}`;
const mark = `data:image/svg+xml;base64,${readFileSync(`${IMG}icon.svg`).toString('base64')}`;

const page = `<!doctype html><html><head><style>
  html, body { margin: 0; width: 1200px; height: 630px; overflow: hidden; }
  .photo { position: absolute; inset: 0; width: 1200px; height: 630px; object-fit: cover; object-position: 50% 60%; }
  .shade { position: absolute; inset: 0; background: linear-gradient(90deg, rgb(7 51 59 / .75), rgb(7 51 59 / 0) 55%); }
  .mark { position: absolute; left: 72px; top: 72px; width: 128px; height: 128px; border-radius: 24px; }
  .bar { position: absolute; left: 0; right: 0; bottom: 0; height: 18px; background: ${ACCENT}; }
  .line { position: absolute; left: 0; right: 0; bottom: 18px; height: 6px; background: ${PRIMARY}; }
</style></head><body>
  <img class="photo" src="${photo}" alt="">
  <div class="shade"></div>
  <img class="mark" src="${mark}" alt="">
  <div class="line"></div><div class="bar"></div>
</body></html>`;

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
const tab = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
await tab.setContent(page, { waitUntil: 'load' });
writeFileSync(`${IMG}og-default.jpg`, await tab.screenshot({ type: 'jpeg', quality: 82 }));
await browser.close();
console.log('public/img/og-default.jpg');

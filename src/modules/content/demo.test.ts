/* eslint-disable @typescript-eslint/no-explicit-any -- the checks test writes wrong values into loose JSON */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { richTextPlain } from '../../platform/html/rich-doc.ts';
import { shippedRegions } from '../regions/service.ts';
import {
  checkDemoContent,
  DEMO_DIR,
  DemoContentError,
  demoIllustrations,
  loadDemoContent,
  wordCount,
} from './demo.ts';
import { isContentData, TARGET_GROUPS } from './model.ts';

const municipalities = shippedRegions().find((r) => r.id === 'dalarna')?.municipalities ?? [];

describe('demo content', () => {
  const records = loadDemoContent(municipalities);
  const of = (kind: string) => records.filter((r) => r.kind === kind);

  it('holds a page for every municipality, at least 8 guides, 10 stories and the 6 paths, all valid ContentData', () => {
    assert.equal(of('place').length, 15);
    assert.ok(of('guide').length >= 8);
    assert.equal(of('story').length, 10);
    assert.deepEqual(
      of('path')
        .map((r) => r.slug)
        .sort(),
      [...TARGET_GROUPS].sort(),
    );
    for (const r of records) assert.ok(isContentData(r.kind, r.data), `${r.kind} ${r.slug}`);
    const falun = of('place').find((r) => r.slug === 'falun');
    assert.equal(falun?.municipalityCode, '2080');
    assert.equal(falun?.data.place?.contact.url, 'https://www.falun.se');
    assert.equal(falun?.data.body.sv.blocks[0]?.t, 'h2');
  });

  it('marks every item as demo in both languages, and stories as invented examples', () => {
    for (const r of records) {
      for (const lang of ['sv', 'en'] as const) {
        assert.match(
          richTextPlain(r.data.body[lang]).split('\n').at(-1) ?? '',
          /^Demo: /,
          `${r.slug} ${lang}`,
        );
      }
    }
    for (const s of of('story')) {
      assert.match(s.data.summary.en, /\(Invented example\.\)$/);
      assert.match(s.data.story?.employer ?? '', /\(demo\)$/);
    }
  });

  it('spreads the stories over the six target groups and many municipalities, with consent ending 1–2 years ahead', () => {
    const groups = new Set(of('story').flatMap((s) => s.data.targetGroups));
    assert.deepEqual([...groups].sort(), [...TARGET_GROUPS].sort());
    assert.ok(new Set(of('story').map((s) => s.municipalityCode)).size >= 8);
    for (const s of of('story')) {
      const ends = s.data.story?.consent.endsOn ?? '';
      assert.ok(ends >= '2027-12-06' && ends <= '2028-12-06', `${s.slug} ends ${ends}`);
    }
  });

  it('keeps place pages at 250–450 words and stories at 200–400 words per language', () => {
    for (const r of [...of('place'), ...of('story')]) {
      const [min, max] = r.kind === 'place' ? [250, 450] : [200, 400];
      for (const lang of ['sv', 'en'] as const) {
        const n = wordCount(richTextPlain(r.data.body[lang]));
        assert.ok(n >= min && n <= max, `${r.slug} ${lang}: ${n}`);
      }
    }
  });

  it('links guide steps to the authorities over https', () => {
    const hosts = new Set(
      of('guide').flatMap((g) => g.data.guide?.steps.map((s) => new URL(s.url).hostname)),
    );
    for (const host of ['www.migrationsverket.se', 'www.forsakringskassan.se', 'www.1177.se'])
      assert.ok(hosts.has(host), host);
    assert.ok([...hosts].some((h) => h?.endsWith('skatteverket.se')));
  });

  it('never shows a demo photograph as a Dalarna place: none was taken here (media/demo/SOURCES.md)', () => {
    const photos = JSON.parse(
      readFileSync(new URL('./media/demo/credits.json', import.meta.url), 'utf8'),
    ) as {
      photos: { slug: string; alt: Record<string, string>; caption?: Record<string, string> }[];
    };
    const photo = new Set(photos.photos.map((p) => p.slug));
    assert.ok(photo.has('lake-jetty-sunset'));
    const names = [...municipalities.map((m) => m.shortName), 'Dalarna', 'Siljan', 'Idre', 'Sälen'];
    const named = (text: string) => names.filter((n) => new RegExp(`(^|[^\\p{L}])${n}`, 'iu').test(text));
    // The library's own words for each photograph name no place.
    for (const p of photos.photos)
      for (const text of [...Object.values(p.alt), ...Object.values(p.caption ?? {})])
        assert.deepEqual(named(text), [], `${p.slug}: ${text}`);
    for (const r of records) {
      const images = (['sv', 'en'] as const).flatMap((lang) =>
        r.data.body[lang].blocks.flatMap((b) => (b.t === 'image' ? [b] : [])),
      );
      // A place page or a story from one municipality is pictured by an illustration, not a photograph.
      if (r.kind === 'place' || r.municipalityCode) {
        assert.ok(!photo.has(r.data.heroImage ?? ''), `${r.kind} ${r.slug}: hero ${r.data.heroImage}`);
        for (const b of images) assert.ok(!photo.has(b.image), `${r.kind} ${r.slug}: ${b.image}`);
      }
      // Elsewhere a photograph's caption names no place.
      for (const b of images)
        if (photo.has(b.image)) assert.deepEqual(named(b.caption), [], `${r.slug}: ${b.caption}`);
    }
  });

  it('ships small, self-contained SVG illustrations with credits', () => {
    const list = demoIllustrations();
    assert.ok(list.length >= 6);
    for (const i of list) {
      const svg = readFileSync(i.file, 'utf8');
      assert.ok(statSync(i.file).size < 15_000, i.slug);
      assert.match(svg, /<svg[^>]* width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
      assert.doesNotMatch(svg, /<script|href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
      assert.ok(i.alt.sv && i.alt.en && i.licence === 'CC0-1.0');
    }
  });
});

describe('demo content checks', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wt-demo-content-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(new URL('.', DEMO_DIR), dir, { recursive: true });
  const url = pathToFileURL(`${dir}/`);
  const edit = (file: string, change: (v: Record<string, any>) => void) => {
    const at = path.join(dir, file);
    const value = JSON.parse(readFileSync(at, 'utf8')) as Record<string, any>;
    change(value);
    writeFileSync(at, JSON.stringify(value));
  };

  it('lists every problem at once: markup, missing translations, unknown slugs and images, the demo marking', () => {
    edit('places/falun.json', (v) => {
      v.body.en = '# Work\n\nToo short, and [a link](javascript:alert(1)).';
      v.title.en = '';
      v.heroImage = 'a-photo-of-falun';
      v.place.contact.email = 'real@falun.se';
    });
    edit('paths/families.json', (v) => {
      v.path.stories.push('nobody');
    });
    edit('stories/linnea-garage-vansbro.json', (v) => {
      v.story.consent.endsOn = '2026-02-30';
      v.summary.sv = 'Linnea är bilmekaniker.';
    });
    rmSync(path.join(dir, 'places/orsa.json'));
    const { problems } = checkDemoContent(municipalities, url);
    const has = (text: string) =>
      assert.ok(
        problems.some((p) => p.includes(text)),
        `${text} in\n${problems.join('\n')}`,
      );
    has('places/falun.json.title.en: is missing');
    has('places/falun.json.heroImage: is not a known image: a-photo-of-falun');
    has('places/falun.json.body.en line 1: heading-level');
    has('places/falun.json.body.en line 3: link-unsafe');
    has('places/falun.json.body.en: must end with an italic paragraph starting "Demo: "');
    has('places/falun.json.body.en: has ');
    has('places/falun.json.contact.email');
    has('paths/families.json.path.stories: names unknown nobody');
    has('stories/linnea-garage-vansbro.json.consent.endsOn: must be a date YYYY-MM-DD');
    has('stories/linnea-garage-vansbro.json.summary: must say it is an invented example');
    has('places/orsa.json: is missing');
    assert.throws(() => loadDemoContent(municipalities, url), DemoContentError);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE_GUIDES } from './content.ts';
import { formOfGuide, guideFromForm, readGuideForm } from './form.ts';
import { LIMITS, guideHref, isGuideLink, itemKeys, progressOf, readGuideData } from './guide.ts';

/** A guide's form as the browser posts it (every field a string). */
function posted(data = BASE_GUIDES[2]!.data): Record<string, string> {
  const form = formOfGuide(data, 3);
  const body: Record<string, string> = {
    version: form.version,
    image: form.image,
    title_sv: form.title.sv,
    title_en: form.title.en,
    summary_sv: form.summary.sv,
    summary_en: form.summary.en,
  };
  for (const s of form.sections) {
    const p = `s${s.index}`;
    Object.assign(body, {
      [`${p}_position`]: s.position,
      [`${p}_title_sv`]: s.title.sv,
      [`${p}_title_en`]: s.title.en,
      [`${p}_text_sv`]: s.text.sv,
      [`${p}_text_en`]: s.text.en,
      [`${p}_timeline_sv`]: s.timeline.sv,
      [`${p}_timeline_en`]: s.timeline.en,
    });
    for (const i of s.items) {
      const q = `${p}_i${i.index}`;
      Object.assign(body, {
        [`${q}_key`]: i.key,
        [`${q}_position`]: i.position,
        [`${q}_title_sv`]: i.title.sv,
        [`${q}_title_en`]: i.title.en,
        [`${q}_text_sv`]: i.text.sv,
        [`${q}_text_en`]: i.text.en,
        [`${q}_authority_sv`]: i.authority.sv,
        [`${q}_authority_en`]: i.authority.en,
        [`${q}_url`]: i.url,
      });
    }
    // The blank item the form always offers.
    Object.assign(body, {
      [`${p}_i${s.items.length}_position`]: String(s.items.length + 1),
      [`${p}_i${s.items.length}_title_sv`]: '',
    });
  }
  return body;
}

const images = new Set(BASE_GUIDES.flatMap((g) => (g.data.image ? [g.data.image] : [])));

describe('the guide form', () => {
  it('round-trips a stored guide unchanged (blank slots ignored)', () => {
    for (const guide of BASE_GUIDES) {
      const result = guideFromForm(readGuideForm(posted(guide.data)), images);
      assert.deepEqual(result.errors, undefined);
      assert.deepEqual(result.data, guide.data);
    }
  });

  it('moves sections by position and drops removed ones, keeping keys', () => {
    const body = { ...posted(), s0_position: '9', s1_remove: '1' };
    const { data } = guideFromForm(readGuideForm(body), images);
    assert.ok(data);
    const titles = data.sections.map((s) => s.title.sv);
    assert.equal(titles.at(-1), BASE_GUIDES[2]!.data.sections[0]!.title.sv);
    assert.ok(!titles.includes(BASE_GUIDES[2]!.data.sections[1]!.title.sv));
    assert.ok(itemKeys(data).includes('before-housing'));
  });

  it('gives a new item a fresh key and a duplicated or forged key a new one', () => {
    const body = {
      ...posted(),
      s0_i5_title_sv: 'Ny punkt',
      s0_i5_title_en: 'New item',
      s0_i1_key: 'before-housing',
      s0_i2_key: 'Not A Key!',
    };
    const { data } = guideFromForm(readGuideForm(body), images);
    assert.ok(data);
    const keys = data.sections[0]!.items.map((i) => i.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(keys[0], 'before-housing');
    assert.match(keys[1]!, /^item-[0-9a-f]{8}$/);
    assert.match(keys[2]!, /^item-[0-9a-f]{8}$/);
    assert.match(keys.at(-1)!, /^item-[0-9a-f]{8}$/);
  });

  it('names each bad field', () => {
    const body = {
      ...posted(),
      title_en: '',
      image: 'not-a-photo',
      s0_i0_url: 'ftp://example.org',
      s0_i1_position: '-1',
      s1_title_sv: 'x'.repeat(LIMITS.sectionTitle + 1),
    };
    const { errors } = guideFromForm(readGuideForm(body), images);
    assert.deepEqual(Object.fromEntries(Object.entries(errors ?? {}).map(([k, v]) => [k, v.key])), {
      title_en: 'form.required',
      image: 'form.image',
      s0_i0_url: 'form.url',
      s0_i1_position: 'form.position',
      s1_title_sv: 'form.tooLong',
    });
  });
});

describe('guide links and progress', () => {
  it('links https addresses and site paths only', () => {
    assert.ok(isGuideLink('https://www.migrationsverket.se'));
    assert.ok(isGuideLink('/move'));
    assert.ok(!isGuideLink('//evil.example'));
    assert.ok(!isGuideLink('http://www.migrationsverket.se'));
    assert.ok(!isGuideLink('javascript:alert(1)'));
    assert.equal(guideHref('en', '/talent-pool'), '/en/talent-pool');
    assert.equal(guideHref('sv', 'javascript:alert(1)'), null);
  });

  it('counts only ticks of items the guide has now', () => {
    const data = BASE_GUIDES[0]!.data;
    assert.deepEqual(progressOf(data, ['permit-offer', 'gone-item']), { done: 1, total: 19 });
  });

  it('reads stored data defensively', () => {
    const data = readGuideData({
      title: { sv: 'A' },
      sections: [{ items: [{ key: 'BAD KEY' }, { key: 'ok' }] }],
      x: 1,
    });
    assert.deepEqual(data.title, { sv: 'A', en: '' });
    assert.deepEqual(itemKeys(data), ['ok']);
    assert.deepEqual(readGuideData('not json').sections, []);
  });
});

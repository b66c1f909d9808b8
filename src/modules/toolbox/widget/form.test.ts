import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEY_PATTERN, newWidgetKey, readWidgetForm } from './form.ts';

const CODES = ['2080', '2081'];

describe('widget settings form', () => {
  it('reads a good form', () => {
    const { settings, errors } = readWidgetForm(
      { lang: 'en', municipality: '2081', show_jobs: 'on', max_jobs: '20', enabled: 'on' },
      CODES,
    );
    assert.deepEqual(errors, {});
    assert.deepEqual(settings, {
      lang: 'en',
      municipalityCode: '2081',
      showJobs: true,
      maxJobs: 20,
      enabled: true,
    });
  });

  it('reads unticked boxes as off and the region as no municipality', () => {
    const { settings } = readWidgetForm({ lang: 'sv', municipality: 'region', max_jobs: '1' }, CODES);
    assert.deepEqual(settings, {
      lang: 'sv',
      municipalityCode: null,
      showJobs: false,
      maxJobs: 1,
      enabled: false,
    });
  });

  it('names each bad field and echoes bounded values', () => {
    const { settings, errors, values } = readWidgetForm(
      { lang: 'de', municipality: '1480', show_jobs: 'true', max_jobs: '9'.repeat(50), enabled: 'x' },
      CODES,
    );
    assert.equal(settings, undefined);
    assert.deepEqual(errors, {
      lang: 'error.lang',
      municipality: 'error.municipality',
      max_jobs: 'error.maxJobs',
      show_jobs: 'error.flag',
      enabled: 'error.flag',
    });
    assert.ok(values.maxJobs.length <= 10);
    for (const max of ['0', '21', '1.5', ' ', '٣', '0x1'])
      assert.ok(
        readWidgetForm({ lang: 'sv', municipality: 'region', max_jobs: max }, CODES).errors.max_jobs,
        max,
      );
  });

  it('makes keys of 24 lower-case letters and digits, each new', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newWidgetKey()));
    assert.equal(keys.size, 200);
    for (const key of keys) {
      assert.match(key, KEY_PATTERN);
      assert.equal(key.length, 24);
    }
  });
});

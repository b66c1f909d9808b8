import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { shell } from './html/messages.ts';
import { ERROR_CODES, toAppError } from './errors.ts';

describe('error catalogue', () => {
  const doc = readFileSync(new URL('../../docs/ERRORS.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `(LOTSA_[A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);

  it('docs/ERRORS.md lists exactly the codes of the catalogue, with their statuses', () => {
    assert.deepEqual(rows, Object.entries(ERROR_CODES));
  });

  it('every code has a title and text in both languages', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      for (const lang of ['sv', 'en'] as const) {
        const catalogue = shell.catalogues[lang] as Record<string, string>;
        assert.ok(catalogue[`error.${code}.title`], `${lang} error.${code}.title`);
        assert.ok(catalogue[`error.${code}.text`], `${lang} error.${code}.text`);
      }
    }
  });

  it('maps unknown errors to LOTSA_INTERNAL and framework errors to their codes', () => {
    assert.equal(toAppError(new Error('boom')).code, 'LOTSA_INTERNAL');
    assert.equal(
      toAppError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }).code,
      'LOTSA_PAYLOAD_TOO_LARGE',
    );
    assert.equal(
      toAppError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }).code,
      'LOTSA_UNSUPPORTED_MEDIA_TYPE',
    );
    assert.equal(toAppError({ statusCode: 404 }).code, 'LOTSA_NOT_FOUND');
    assert.equal(toAppError({ statusCode: 418 }).code, 'LOTSA_BAD_REQUEST');
  });
});

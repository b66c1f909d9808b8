import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors.ts';
import { doneOf, isUuid, queryText, uuidParam } from './params.ts';

// A new module's pages (events, companies…) read ids, query values and notices from the platform,
// not from identity's back-office.
describe('the page parameters every module reads', () => {
  it('a uuid in the path comes back lower case; anything else is "not found"', () => {
    assert.equal(uuidParam('0F8FAD5B-D9CB-469F-A165-70867728950E'), '0f8fad5b-d9cb-469f-a165-70867728950e');
    assert.throws(
      () => uuidParam('42'),
      (e) => e instanceof AppError && e.code === 'LOTSA_NOT_FOUND',
    );
    assert.equal(isUuid(['0f8fad5b-d9cb-469f-a165-70867728950e']), false);
  });

  it('a query value is trimmed text, and a repeated one is none', () => {
    assert.equal(queryText('  Falun '), 'Falun');
    assert.equal(queryText(['a', 'b']), '');
    assert.equal(queryText(undefined), '');
  });

  it('a notice after a redirect is one of those the page knows', () => {
    assert.equal(doneOf('saved', ['saved', 'removed'] as const), 'saved');
    assert.equal(doneOf('<script>', ['saved'] as const), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Region } from '../../../platform/region.ts';
import { builderQuery, parseBuilderQuery } from './params.ts';

const region = {
  languages: ['sv', 'en'],
  municipalities: [{ code: '2080', shortName: 'Falun' }],
} as unknown as Region;

describe('parseBuilderQuery', () => {
  it('reads a full choice and defaults the persona and the text’s language', () => {
    const { input, problems } = parseBuilderQuery(
      { job: 'own-abcdefabcdef', municipality: '2080', blocks: ['english', 'partner'] },
      region,
      'en',
    );
    assert.deepEqual(problems, []);
    assert.equal(input.persona, 'everyone');
    assert.equal(input.text, 'en');
    assert.deepEqual(input.blocks, ['partner', 'english']);
  });

  it('needs a title and a municipality without a job', () => {
    const { problems } = parseBuilderQuery({ job: 'none', title: '  ' }, region, 'sv');
    assert.deepEqual(problems, [
      { field: 'title', reason: 'required' },
      { field: 'municipality', reason: 'required' },
    ]);
  });

  it('names each bad field once, and bounds what it re-shows', () => {
    const { problems, values } = parseBuilderQuery(
      {
        job: '<script>',
        q: 'x'.repeat(5000),
        title: ['a', 'b'],
        municipality: '0000',
        persona: 'x',
        text: 'fi',
        blocks: 'gold',
        format: 'pdf',
      },
      region,
      'sv',
    );
    assert.deepEqual(
      problems.map((p) => `${p.field}:${p.reason}`),
      [
        'title:invalid',
        'job:invalid',
        'q:tooLong',
        'municipality:invalid',
        'persona:invalid',
        'text:invalid',
        'blocks:invalid',
        'format:invalid',
      ],
    );
    assert.equal(values.q.length, 500);
  });

  it('asks for a job before a download', () => {
    assert.deepEqual(parseBuilderQuery({ format: 'txt' }, region, 'sv').problems, [
      { field: 'format', reason: 'noText' },
    ]);
  });

  it('writes the URL of a choice back', () => {
    const { input } = parseBuilderQuery(
      { job: 'none', title: 'Lärare', municipality: '2080', blocks: 'navigator' },
      region,
      'sv',
    );
    assert.equal(
      builderQuery(input, { format: 'txt' }),
      'job=none&title=L%C3%A4rare&municipality=2080&persona=everyone&text=sv&blocks=navigator&format=txt',
    );
  });
});

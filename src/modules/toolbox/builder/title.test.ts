import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jobTitle } from './title.ts';

describe('jobTitle', () => {
  const places = ['Ludvika', 'Dalarna'];

  it('keeps a headline that is a job’s name as it is', () => {
    assert.deepEqual(jobTitle('Sjuksköterska till akuten', places), {
      kind: 'title',
      text: 'Sjuksköterska till akuten',
    });
    assert.deepEqual(jobTitle('<script>alert(1)</script> & "Chef"', places), {
      kind: 'title',
      text: '<script>alert(1)</script> & "Chef"',
    });
  });

  it('takes off the place the opening names anyway, and a "we are looking for" frame', () => {
    assert.equal(
      jobTitle('Vi söker civilingenjör inom elkraft i Ludvika', places).text,
      'civilingenjör inom elkraft',
    );
    assert.equal(jobTitle('Design engineer wanted in Falun', ['Falun']).text, 'Design engineer');
    assert.equal(jobTitle('We are looking for a process engineer', ['Falun']).text, 'process engineer');
    assert.equal(
      jobTitle('Undersköterska sökes till Ludvika lasarett', places).text,
      'Undersköterska till Ludvika lasarett',
    );
    assert.equal(jobTitle('Lärare, Ludvika', places).text, 'Lärare');
    assert.equal(jobTitle('Elektriker (Ludvika)', places).text, 'Elektriker');
    assert.equal(
      jobTitle('Nu söker vi två sjuksköterskor i Ludvika, Dalarna!', places).text,
      'två sjuksköterskor',
    );
  });

  it('quotes a headline that is still a sentence, without the place at its end', () => {
    assert.deepEqual(jobTitle('Vill du göra skillnad hos oss?', places), {
      kind: 'quoted',
      text: 'Vill du göra skillnad hos oss?',
    });
    assert.deepEqual(jobTitle('Bli vår nya kollega i Ludvika', places), {
      kind: 'quoted',
      text: 'Bli vår nya kollega',
    });
    assert.equal(jobTitle('Sök', places).kind, 'title');
  });
});

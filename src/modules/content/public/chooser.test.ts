import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TARGET_GROUPS } from '../model.ts';
import {
  CHOOSER_QUESTIONS,
  choosePath,
  completeAnswers,
  readChooser,
  type ChooserAnswers,
} from './chooser.ts';

describe('the chooser', () => {
  it('leads typical answers to the path a person would expect', () => {
    const cases: [ChooserAnswers, string][] = [
      [{ stage: 'studies', more: 'career', where: 'elsewhere' }, 'students'],
      [{ stage: 'family', more: 'everyday', where: 'roots' }, 'families'],
      [{ stage: 'career', more: 'nature', where: 'city' }, 'nature'],
      [{ stage: 'freedom', more: 'outdoors', where: 'cottage' }, 'cottage'],
      [{ stage: 'freedom', more: 'space', where: 'elsewhere' }, 'dreamers'],
      [{ stage: 'career', more: 'career', where: 'abroad' }, 'international'],
    ];
    for (const [answers, path] of cases) assert.equal(choosePath(answers), path, JSON.stringify(answers));
  });

  it('reaches every one of the six paths, and always one of them', () => {
    const reached = new Set<string>();
    for (const stage of CHOOSER_QUESTIONS.stage)
      for (const more of CHOOSER_QUESTIONS.more)
        for (const where of CHOOSER_QUESTIONS.where) {
          const path = choosePath({ stage, more, where });
          assert.ok((TARGET_GROUPS as readonly string[]).includes(path));
          reached.add(path);
        }
    assert.deepEqual([...reached].sort(), [...TARGET_GROUPS].sort());
  });

  it('reads the form: unknown and absent answers are unanswered, known ones kept', () => {
    const form = readChooser({ stage: 'family', more: 'anything', where: ['roots'] });
    assert.deepEqual(form.missing, ['more', 'where']);
    assert.equal(form.values.stage, 'family');
    assert.equal(form.values.more, '');
    assert.equal(completeAnswers(form), undefined);
    const full = readChooser({ stage: 'family', more: 'nature', where: 'roots' });
    assert.deepEqual(completeAnswers(full), { stage: 'family', more: 'nature', where: 'roots' });
  });
});

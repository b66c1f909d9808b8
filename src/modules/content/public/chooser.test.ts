import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TARGET_GROUPS, type TargetGroup } from '../model.ts';
import {
  CHOOSER_QUESTIONS,
  chooserScores,
  choosePath,
  completeAnswers,
  readChooser,
  type ChooserAnswers,
} from './chooser.ts';

describe('the chooser', () => {
  it('leads an obvious set of answers to each of the six paths, outright (no tie decides it)', () => {
    const obvious: Record<TargetGroup, ChooserAnswers[]> = {
      families: [
        { stage: 'family', more: 'everyday', where: 'roots' },
        { stage: 'family', more: 'everyday', where: 'city' },
        { stage: 'family', more: 'space', where: 'elsewhere' },
      ],
      nature: [
        { stage: 'career', more: 'nature', where: 'city' },
        { stage: 'freedom', more: 'nature', where: 'city' },
        { stage: 'family', more: 'nature', where: 'city' },
      ],
      cottage: [
        { stage: 'freedom', more: 'outdoors', where: 'cottage' },
        { stage: 'family', more: 'outdoors', where: 'cottage' },
        { stage: 'career', more: 'outdoors', where: 'cottage' },
      ],
      dreamers: [
        { stage: 'freedom', more: 'space', where: 'elsewhere' },
        { stage: 'freedom', more: 'space', where: 'city' },
        { stage: 'freedom', more: 'space', where: 'roots' },
      ],
      students: [
        { stage: 'studies', more: 'career', where: 'elsewhere' },
        { stage: 'studies', more: 'career', where: 'roots' },
        { stage: 'studies', more: 'nature', where: 'roots' },
      ],
      international: [
        { stage: 'career', more: 'career', where: 'abroad' },
        { stage: 'career', more: 'career', where: 'elsewhere' },
        { stage: 'career', more: 'career', where: 'city' },
        { stage: 'career', more: 'nature', where: 'abroad' },
        { stage: 'studies', more: 'career', where: 'abroad' },
        { stage: 'family', more: 'career', where: 'abroad' },
      ],
    };
    for (const group of TARGET_GROUPS)
      for (const answers of obvious[group]) {
        const label = `${JSON.stringify(answers)} → ${group}`;
        assert.equal(choosePath(answers), group, label);
        const scores = chooserScores(answers);
        for (const other of TARGET_GROUPS)
          if (other !== group) assert.ok(scores[group] > scores[other], `${label}, not a tie with ${other}`);
      }
  });

  it('leads a career at an international company or a career abroad to the international talent path', () => {
    for (const stage of CHOOSER_QUESTIONS.stage)
      for (const more of CHOOSER_QUESTIONS.more)
        for (const where of CHOOSER_QUESTIONS.where) {
          const answers = { stage, more, where };
          const careerAbroad = where === 'abroad' && (stage === 'career' || more === 'career');
          const careerAtAnInternationalCompany = stage === 'career' && more === 'career';
          if (careerAbroad || careerAtAnInternationalCompany)
            assert.equal(choosePath(answers), 'international', JSON.stringify(answers));
        }
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

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnswers, checkDraft, draftFromBody, parseSeats, toQuestion, type Question } from './form.ts';

const questions: Question[] = [
  toQuestion({
    id: 'q1',
    kind: 'choice',
    label_sv: 'Dag',
    label_en: 'Day',
    choices: [{ sv: 'Lördag', en: 'Saturday' }, { sv: 'Söndag' }, 'trasig'],
    required: true,
  }),
  toQuestion({ id: 'q2', kind: 'yes_no', label_sv: 'Tolk', label_en: '', choices: [], required: false }),
  toQuestion({ id: 'q3', kind: 'text', label_sv: 'Allergier', label_en: '', choices: null, required: false }),
];
const open = { registration: 'open', maxGroup: 4, hasExhibitors: false };

describe('the registration form', () => {
  it('reads choices safely: a bad one dropped, a missing English label falls back', () => {
    assert.deepEqual(questions[0]!.choices, [
      { sv: 'Lördag', en: 'Saturday' },
      { sv: 'Söndag', en: 'Söndag' },
    ]);
  });

  it('accepts a good form: address lower-cased, answers stored by index and yes/no', () => {
    const draft = draftFromBody(
      {
        name: ' Ada ',
        email: ' Ada@Example.ORG ',
        seats: '2',
        consent: 'yes',
        q_q1: '1',
        q_q2: 'no',
        q_q3: '',
        q_other: 'x',
      },
      questions,
    );
    const checked = checkDraft(draft, open, questions);
    assert.deepEqual(checked.input, {
      name: 'Ada',
      email: 'ada@example.org',
      seats: 2,
      share: false,
      answers: { q1: '1', q2: 'no' },
    });
  });

  it('names each error by its field', () => {
    const draft = draftFromBody(
      { name: 'x'.repeat(121), email: 'nej', seats: '5', q_q1: '7', q_q2: 'kanske', q_q3: 'y'.repeat(501) },
      questions,
    );
    const { errors } = checkDraft(draft, open, questions);
    assert.deepEqual(Object.keys(errors ?? {}).sort(), [
      'consent',
      'email',
      'name',
      'q_q1',
      'q_q2',
      'q_q3',
      'seats',
    ]);
    assert.equal(checkAnswers({}, questions).errors.q_q1?.key, 'error.required');
  });

  it('asks an application for its motivation; sharing only when there are exhibitors', () => {
    const base = { name: 'Bo', email: 'bo@example.org', seats: '1', consent: 'yes', share: 'yes', q_q1: '0' };
    const app = { registration: 'application', maxGroup: 4, hasExhibitors: false };
    assert.equal(
      checkDraft(draftFromBody(base, questions), app, questions).errors?.motivation?.key,
      'error.motivation',
    );
    const ok = checkDraft(
      draftFromBody({ ...base, motivation: 'Skogen', companions: 'Min fru' }, questions),
      app,
      questions,
    );
    assert.equal(ok.input?.answers.motivation, 'Skogen');
    assert.equal(ok.input?.share, false);
    assert.equal(
      checkDraft(draftFromBody(base, questions), { ...open, hasExhibitors: true }, questions).input?.share,
      true,
    );
  });

  it('reads seats as whole numbers within the group', () => {
    assert.equal(parseSeats('3', 4), 3);
    for (const bad of ['0', '5', '-1', '1.5', '1e1', '', '٣'])
      assert.equal(parseSeats(bad, 4), undefined, bad);
  });
});

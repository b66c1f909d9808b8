/**
 * "Vad lockar dig?" / "What draws you?": three questions whose answers lead to one of the six
 * target groups' paths. Plain values in, a path out; each answer gives points to the groups it
 * speaks for, and the group with most points wins (ties go to the earlier group in TARGET_GROUPS).
 * Building a career at an international company, or a career while living abroad, leads to the
 * international talent path whatever the third answer; chooser.test.ts holds each path's obvious
 * answers.
 */
import { TARGET_GROUPS, type TargetGroup } from '../model.ts';

export const CHOOSER_QUESTIONS = {
  stage: ['studies', 'career', 'family', 'freedom'],
  more: ['nature', 'space', 'everyday', 'career', 'outdoors'],
  where: ['city', 'abroad', 'roots', 'cottage', 'elsewhere'],
} as const;

export type ChooserQuestion = keyof typeof CHOOSER_QUESTIONS;
export const CHOOSER_FIELDS = Object.keys(CHOOSER_QUESTIONS) as ChooserQuestion[];
export type ChooserAnswers = { [Q in ChooserQuestion]: (typeof CHOOSER_QUESTIONS)[Q][number] };

type Points = Partial<Record<TargetGroup, number>>;

const POINTS: { [Q in ChooserQuestion]: Record<ChooserAnswers[Q], Points> } = {
  stage: {
    studies: { students: 3, international: 1 },
    career: { international: 2, nature: 1 },
    family: { families: 3, nature: 1 },
    freedom: { cottage: 2, dreamers: 2 },
  },
  more: {
    nature: { nature: 3, cottage: 1 },
    space: { dreamers: 3, families: 1 },
    everyday: { families: 3 },
    career: { international: 3, students: 1 },
    outdoors: { cottage: 3, nature: 1 },
  },
  where: {
    city: { nature: 2, families: 1 },
    abroad: { international: 4, nature: 1 },
    roots: { families: 2, students: 1 },
    cottage: { cottage: 3 },
    elsewhere: { students: 1, families: 1 },
  },
};

/** What was sent: the answers given (each one of its question's options) and the questions left. */
export interface ChooserForm {
  values: Record<ChooserQuestion, string>;
  missing: ChooserQuestion[];
}

function isAnswer<Q extends ChooserQuestion>(question: Q, value: string): value is ChooserAnswers[Q] {
  return (CHOOSER_QUESTIONS[question] as readonly string[]).includes(value);
}

/** Reads the form's query: an unknown or absent answer counts as unanswered (and is not re-shown). */
export function readChooser(query: Record<string, unknown>): ChooserForm {
  const values = {} as Record<ChooserQuestion, string>;
  const missing: ChooserQuestion[] = [];
  for (const question of CHOOSER_FIELDS) {
    const raw = query[question];
    const value = typeof raw === 'string' ? raw : '';
    if (isAnswer(question, value)) values[question] = value;
    else {
      values[question] = '';
      missing.push(question);
    }
  }
  return { values, missing };
}

/** The answers when every question has one. */
export function completeAnswers(form: ChooserForm): ChooserAnswers | undefined {
  return form.missing.length === 0 ? (form.values as ChooserAnswers) : undefined;
}

/** Each group's points for the answers. */
export function chooserScores(answers: ChooserAnswers): Record<TargetGroup, number> {
  const scores = Object.fromEntries(TARGET_GROUPS.map((g) => [g, 0])) as Record<TargetGroup, number>;
  for (const question of CHOOSER_FIELDS) {
    const points: Points = (POINTS[question] as Record<string, Points>)[answers[question]] ?? {};
    for (const [group, n] of Object.entries(points) as [TargetGroup, number][]) scores[group] += n;
  }
  return scores;
}

/** The path that fits the answers best. */
export function choosePath(answers: ChooserAnswers): TargetGroup {
  const scores = chooserScores(answers);
  let best: TargetGroup = TARGET_GROUPS[0];
  for (const group of TARGET_GROUPS) if (scores[group] > scores[best]) best = group;
  return best;
}

/**
 * Two versions side by side, field by field: each field of ContentData as readable text (rich text
 * as its markup, lists as their items), and which of them differ. The views show the changed ones
 * with the words taken out and put in.
 */
import type { ContentData } from '../model.ts';
import { toMarkup } from './markup.ts';
import type { EditorialMessageKey } from './messages.ts';

export interface FieldText {
  /** A stable key (`title.sv`, `steps`). */
  key: string;
  label: EditorialMessageKey;
  lang?: 'sv' | 'en';
  text: string;
}

const both = (key: string, label: EditorialMessageKey, l: { sv: string; en: string }): FieldText[] => [
  { key: `${key}.sv`, label, lang: 'sv', text: l.sv },
  { key: `${key}.en`, label, lang: 'en', text: l.en },
];

function kindFields(d: ContentData): FieldText[] {
  const out: FieldText[] = [];
  if (d.place) {
    const c = d.place.contact;
    out.push({
      key: 'contact',
      label: 'field.contact',
      text: [c.name, c.email, c.phone, c.url].filter(Boolean).join('\n'),
    });
    out.push(...both('newcomer', 'field.newcomer', d.place.newcomerText));
  }
  if (d.guide) {
    out.push({ key: 'audiences', label: 'field.audiences', text: d.guide.audiences.join(', ') });
    const steps = (lang: 'sv' | 'en') =>
      d
        .guide!.steps.map((s, i) =>
          [`${i + 1}. ${s.title[lang]} (${s.phase})`, s.authority[lang], s.url, s.bring[lang], s.text[lang]]
            .filter(Boolean)
            .join('\n'),
        )
        .join('\n\n');
    out.push({ key: 'steps.sv', label: 'field.steps', lang: 'sv', text: steps('sv') });
    out.push({ key: 'steps.en', label: 'field.steps', lang: 'en', text: steps('en') });
  }
  if (d.story) {
    const s = d.story;
    out.push({ key: 'person', label: 'field.personName', text: s.personName });
    out.push(...both('profession', 'field.profession', s.profession));
    out.push({ key: 'employer', label: 'field.employer', text: s.employer });
    out.push(...both('movedFrom', 'field.movedFrom', s.movedFrom));
    out.push(...both('quote', 'field.quote', s.quote));
    out.push({
      key: 'consent',
      label: 'field.consent',
      text: [s.consent.recordedOn, s.consent.method, s.consent.endsOn].filter(Boolean).join(' · '),
    });
  }
  if (d.path) {
    const p = d.path;
    out.push({ key: 'jobQuery', label: 'field.jobQuery', text: p.jobQuery });
    out.push({ key: 'places', label: 'field.pathPlaces', text: p.places.join(', ') });
    out.push({ key: 'guides', label: 'field.pathGuides', text: p.guides.join(', ') });
    out.push({ key: 'stories', label: 'field.pathStories', text: p.stories.join(', ') });
  }
  return out;
}

/** Every field of a version as text, in the form's order. */
export function fieldTexts(d: ContentData): FieldText[] {
  return [
    ...both('title', 'field.title', d.title),
    ...both('summary', 'field.summary', d.summary),
    ...both('body', 'field.body', { sv: toMarkup(d.body.sv), en: toMarkup(d.body.en) }),
    { key: 'hero', label: 'field.heroImage', text: d.heroImage ?? '' },
    { key: 'groups', label: 'field.targetGroups', text: d.targetGroups.join(', ') },
    ...kindFields(d),
  ];
}

export interface FieldChange {
  key: string;
  label: EditorialMessageKey;
  lang?: 'sv' | 'en';
  before: string;
  after: string;
}

/** The fields that differ between two versions, in the form's order. */
export function changedFields(before: ContentData, after: ContentData): FieldChange[] {
  const old = new Map(fieldTexts(before).map((f) => [f.key, f.text]));
  return fieldTexts(after).flatMap((f) => {
    const was = old.get(f.key) ?? '';
    return was === f.text ? [] : [{ key: f.key, label: f.label, lang: f.lang, before: was, after: f.text }];
  });
}

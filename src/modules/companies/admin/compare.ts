/**
 * A version of a page as labelled texts, for the platform's readable diff (fieldsDiff): what the
 * region reviews (published → waiting), what the employer sees waiting for review, and what
 * someone else changed meanwhile.
 */
import type { FieldChange } from '../../../platform/html/diff.ts';
import { toMarkup } from '../../../platform/html/richtext.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { BADGES, type CompanyData, type Localised } from '../model.ts';
import { sniLabel } from '../sni.ts';
import { companyAdminMessages, type CompanyMessageKey } from './messages.ts';

export interface CompareNames {
  /** A municipality's name by its code. */
  municipality: (code: string) => string;
  /** An occupation's label by its taxonomy id. */
  occupation: (id: string) => string;
  /** A language's name by its code. */
  language: (code: string) => string;
}

type Field = { label: string; text: (d: CompanyData) => string };

function fields(lang: Lang, names: CompareNames): Field[] {
  const t = (key: CompanyMessageKey, params?: Record<string, string>) =>
    companyAdminMessages.t(lang, key, params);
  const both = (key: CompanyMessageKey, get: (d: CompanyData) => Localised): Field[] =>
    (['sv', 'en'] as const).map((l) => ({
      label: t('field.pair', { field: t(key), language: t(`lang.${l}`) }),
      text: (d) => get(d)[l],
    }));
  const list = (items: readonly string[]) => items.join('\n');
  return [
    { label: t('field.name'), text: (d) => d.name },
    ...both('field.summary', (d) => d.summary),
    ...(['sv', 'en'] as const).map((l) => ({
      label: t('field.pair', { field: t('field.about'), language: t(`lang.${l}`) }),
      text: (d: CompanyData) => toMarkup(d.about[l]),
    })),
    ...(['sv', 'en'] as const).map((l) => ({
      label: t('field.pair', { field: t('field.impact'), language: t(`lang.${l}`) }),
      text: (d: CompanyData) => toMarkup(d.impact[l]),
    })),
    ...BADGES.map((badge) => ({
      label: t(`badge.${badge}`),
      text: (d: CompanyData) => {
        const b = d.badges.find((x) => x.badge === badge);
        return b ? `${t('lang.sv')}: ${b.text.sv}\n${t('lang.en')}: ${b.text.en}` : '';
      },
    })),
    { label: t('field.industries'), text: (d) => list(d.industries.map((c) => sniLabel(c, lang))) },
    { label: t('field.municipalities'), text: (d) => list(d.municipalities.map(names.municipality)) },
    { label: t('field.logo'), text: (d) => d.logo ?? '' },
    { label: t('field.photos'), text: (d) => list(d.photos) },
    { label: t('field.film'), text: (d) => d.filmUrl },
    { label: t('field.website'), text: (d) => d.website },
    { label: t('field.sameAs'), text: (d) => list(d.sameAs) },
    {
      label: t('field.employees'),
      text: (d) => (d.facts.employees === null ? '' : String(d.facts.employees)),
    },
    ...both('field.sites', (d) => d.facts.sites),
    { label: t('field.languages'), text: (d) => list(d.facts.languages.map(names.language)) },
    {
      label: t('fs.paths'),
      text: (d) =>
        d.careerPaths
          .map((p) =>
            [
              `${p.title.sv} / ${p.title.en}`,
              ...p.steps.map(
                (s, i) =>
                  `${i + 1}. ${s.title.sv} / ${s.title.en} (${names.occupation(s.occupationId)})${
                    s.text.sv || s.text.en ? `\n   ${s.text.sv}\n   ${s.text.en}` : ''
                  }`,
              ),
            ].join('\n'),
          )
          .join('\n\n'),
    },
    { label: t('fs.stories'), text: (d) => list(d.stories) },
  ];
}

/** Every field of two versions (`before` null: a page never published), labelled for fieldsDiff. */
export function compareFields(
  lang: Lang,
  before: CompanyData | null,
  after: CompanyData,
  names: CompareNames,
): FieldChange[] {
  return fields(lang, names).map((f) => ({
    label: f.label,
    before: before ? f.text(before) : '',
    after: f.text(after),
  }));
}

/** The labels of the fields that differ. */
export function changedLabels(
  lang: Lang,
  before: CompanyData | null,
  after: CompanyData,
  names: CompareNames,
): string[] {
  return compareFields(lang, before, after, names)
    .filter((f) => f.before !== f.after)
    .map((f) => f.label);
}

/** Every occupation id two versions name (to look up their labels). */
export function occupationIds(...versions: (CompanyData | null | undefined)[]): string[] {
  return versions.flatMap((d) => d?.careerPaths.flatMap((p) => p.steps.map((s) => s.occupationId)) ?? []);
}

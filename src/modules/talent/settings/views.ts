/** The region's talent pool settings page: the four numbers with their bounds, and the statistics. */
import { csrfField, formErrorSummary, notice, textField } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { TalentSettings } from '../model.ts';
import { CONSENT_PURPOSES } from '../model.ts';
import { settingsMessages } from './messages.ts';
import { SETTING_BOUNDS, SETTING_FIELDS, type PoolStatistics, type SettingErrors } from './service.ts';

export const SETTINGS_PATH = '/admin/talent/settings';

const FIELD_KEYS = {
  kAnonymity: ['field.k', 'field.kHint'],
  renewAfterMonths: ['field.renew', 'field.renewHint'],
  hideAfterDays: ['field.hide', 'field.hideHint'],
  deleteAfterMonths: ['field.delete', 'field.deleteHint'],
} as const;

export function settingsPage(m: {
  lang: Lang;
  csrf: string;
  values: Record<keyof TalentSettings, string>;
  errors: SettingErrors;
  stats: PoolStatistics;
  saved: boolean;
}): { title: string; main: SafeHtml } {
  const t = (key: Parameters<typeof settingsMessages.t>[1], params?: Record<string, string>) =>
    settingsMessages.t(m.lang, key, params);
  const errorOf = (f: keyof TalentSettings) =>
    m.errors[f]
      ? t('error.range', { min: String(SETTING_BOUNDS[f].min), max: String(SETTING_BOUNDS[f].max) })
      : undefined;
  const summary = SETTING_FIELDS.flatMap((f) => {
    const text = errorOf(f);
    return text ? [{ id: f, text }] : [];
  });
  const rows: Array<[string, number]> = [
    [t('stats.active'), m.stats.active],
    [t('stats.hidden'), m.stats.hidden],
    ...CONSENT_PURPOSES.map((p): [string, number] => [t(`stats.consent.${p}`), m.stats.consents[p]]),
    [t('stats.accepted'), m.stats.accepted],
    [t('stats.declined'), m.stats.declined],
    [t('stats.pending'), m.stats.pending],
  ];
  const title = t('title');
  return {
    title,
    main: html`<h1>${title}</h1>
      ${notice(m.saved ? t('saved') : undefined)} ${formErrorSummary(m.lang, summary)}
      <p class="lead">${t('lead')}</p>
      <form method="post" action="${SETTINGS_PATH}">
        ${csrfField(m.csrf)}
        ${SETTING_FIELDS.map((f) =>
          textField(m.lang, {
            name: f,
            label: t(FIELD_KEYS[f][0]),
            hint: t(FIELD_KEYS[f][1]),
            value: m.values[f],
            inputmode: 'numeric',
            maxlength: 4,
            required: true,
            error: errorOf(f),
          }),
        )}
        <p><button class="button" type="submit">${t('save')}</button></p>
      </form>
      <h2>${t('stats')}</h2>
      ${dataTable({
        id: 'talent-stats-caption',
        caption: t('stats.caption'),
        columns: [t('stats.what'), t('stats.count')],
        rows,
        cells: ([label, n]) => [label, formatNumber(m.lang, n)],
        empty: '',
      })}`,
  };
}

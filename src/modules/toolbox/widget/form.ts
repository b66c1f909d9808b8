/**
 * The widget's settings form (pure): what it posts, how it is read and checked (one error per field,
 * in the part's message keys), and the widget's public key. The region's municipalities are the
 * only places a widget may name.
 */
import { randomBytes } from 'node:crypto';
import type { Lang } from '../../../platform/i18n/index.ts';
import { isLang } from '../../../platform/i18n/index.ts';
import type { WidgetMessageKey } from './messages.ts';

export const WIDGET_FIELDS = ['lang', 'municipality', 'show_jobs', 'max_jobs', 'enabled'] as const;
export type WidgetField = (typeof WIDGET_FIELDS)[number];

export const MAX_JOBS = 20;
/** The value of the municipality select that means the whole region. */
export const REGION_VALUE = 'region';

export interface WidgetSettings {
  lang: Lang;
  /** null: the whole region. */
  municipalityCode: string | null;
  showJobs: boolean;
  maxJobs: number;
  enabled: boolean;
}

/** What the form shows: the saved settings, or what was typed into a refused form. */
export interface WidgetFormValues {
  lang: string;
  municipality: string;
  showJobs: boolean;
  maxJobs: string;
  enabled: boolean;
}

export type WidgetFormErrors = Partial<Record<WidgetField, WidgetMessageKey>>;

export const DEFAULT_SETTINGS: WidgetSettings = {
  lang: 'sv',
  municipalityCode: null,
  showJobs: true,
  maxJobs: 5,
  enabled: true,
};

export function formValuesOf(settings: WidgetSettings): WidgetFormValues {
  return {
    lang: settings.lang,
    municipality: settings.municipalityCode ?? REGION_VALUE,
    showJobs: settings.showJobs,
    maxJobs: String(settings.maxJobs),
    enabled: settings.enabled,
  };
}

/** A checkbox's value: absent → false, "on" → true; anything else is not one a browser sends. */
function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return false;
  return value === 'on' ? true : undefined;
}

/**
 * Reads the posted form: the settings when every field is right, else the errors by the field and
 * the values to show again (bounded: nothing longer than a field can hold is echoed).
 */
export function readWidgetForm(
  body: Partial<Record<WidgetField, string>>,
  municipalityCodes: readonly string[],
): { settings?: WidgetSettings; values: WidgetFormValues; errors: WidgetFormErrors } {
  const errors: WidgetFormErrors = {};
  const lang = (body.lang ?? '').trim();
  const municipality = (body.municipality ?? '').trim();
  const maxText = (body.max_jobs ?? '').trim();
  const showJobs = flag(body.show_jobs);
  const enabled = flag(body.enabled);
  if (!isLang(lang)) errors.lang = 'error.lang';
  if (municipality !== REGION_VALUE && !municipalityCodes.includes(municipality))
    errors.municipality = 'error.municipality';
  const maxJobs = /^[0-9]{1,2}$/.test(maxText) ? Number(maxText) : NaN;
  if (!(maxJobs >= 1 && maxJobs <= MAX_JOBS)) errors.max_jobs = 'error.maxJobs';
  if (showJobs === undefined) errors.show_jobs = 'error.flag';
  if (enabled === undefined) errors.enabled = 'error.flag';
  const values: WidgetFormValues = {
    lang: lang.slice(0, 2),
    municipality: municipality.slice(0, 10),
    showJobs: showJobs ?? false,
    maxJobs: maxText.slice(0, 10),
    enabled: enabled ?? false,
  };
  if (Object.keys(errors).length > 0 || !isLang(lang)) return { values, errors };
  return {
    values,
    errors,
    settings: {
      lang,
      municipalityCode: municipality === REGION_VALUE ? null : municipality,
      showJobs: showJobs!,
      maxJobs,
      enabled: enabled!,
    },
  };
}

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const KEY_PATTERN = /^[a-z0-9]{12,32}$/;

/** A new public key: 24 characters of [a-z0-9] (about 124 bits), unbiased. */
export function newWidgetKey(): string {
  let key = '';
  while (key.length < 24) {
    for (const byte of randomBytes(32)) {
      // 252 = 7 × 36: bytes above it are dropped so every character is equally likely.
      if (byte < 252 && key.length < 24) key += KEY_ALPHABET[byte % 36];
    }
  }
  return key;
}

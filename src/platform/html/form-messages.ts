/**
 * The words every form shares: how a required or optional field is marked, the error summary's
 * title, the date hint. One wording for the whole site.
 */
import { defineMessages } from '../i18n/index.ts';

export const formTexts = defineMessages({
  sv: {
    'form.required': '(obligatoriskt)',
    'form.optional': '(frivilligt)',
    'form.errorSummaryTitle': 'Det finns problem som du behöver rätta',
    'form.titleWithErrors': 'Fel: {title}',
    'form.dateHint': 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.',
    'form.dateInvalid': 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.',
  },
  en: {
    'form.required': '(required)',
    'form.optional': '(optional)',
    'form.errorSummaryTitle': 'There is a problem',
    'form.titleWithErrors': 'Error: {title}',
    'form.dateHint': 'Write the date as YYYY-MM-DD, for example 2026-03-31.',
    'form.dateInvalid': 'Write the date as YYYY-MM-DD, for example 2026-03-31.',
  },
});

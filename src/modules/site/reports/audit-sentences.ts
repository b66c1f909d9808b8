/** The site module's kinds of audit event: accessibility reports answered, closed and noted. */
import type { AuditFacts, AuditGroup, AuditSentences } from '../../../platform/audit-sentences.ts';

const emailed = (f: AuditFacts) => f.data.emailed === true;
const afterAnswer = (f: AuditFacts) => f.data.answered === true;

/** `{name}` is the report's reference (`#12`); events carry no text from the report itself. */
export const siteAuditSentences: AuditSentences = {
  'accessibility_report.answered': {
    label: { sv: 'Tillgänglighetsrapport besvarad', en: 'Accessibility report answered' },
    sentences: [
      {
        when: emailed,
        sv: '{actor} besvarade tillgänglighetsrapport {name} med e-post till besökaren',
        en: '{actor} answered accessibility report {name} by e-mail to the visitor',
      },
      {
        sv: '{actor} besvarade tillgänglighetsrapport {name} (svaret sparades utan e-post)',
        en: '{actor} answered accessibility report {name} (kept without e-mail)',
      },
    ],
  },
  'accessibility_report.closed': {
    label: { sv: 'Tillgänglighetsrapport avslutad', en: 'Accessibility report closed' },
    sentences: [
      {
        when: afterAnswer,
        sv: '{actor} avslutade tillgänglighetsrapport {name}',
        en: '{actor} closed accessibility report {name}',
      },
      {
        sv: '{actor} avslutade tillgänglighetsrapport {name} utan svar',
        en: '{actor} closed accessibility report {name} without an answer',
      },
    ],
  },
  'accessibility_report.noted': {
    label: { sv: 'Anteckning om tillgänglighetsrapport', en: 'Accessibility report note' },
    sentences: [
      {
        sv: '{actor} ändrade den interna anteckningen om tillgänglighetsrapport {name}',
        en: '{actor} changed the internal note on accessibility report {name}',
      },
    ],
  },
};

/** The reports' events as one choice of the audit filter. */
export const siteAuditGroups: readonly AuditGroup[] = [
  {
    value: 'accessibility_report',
    label: { sv: 'Tillgänglighetsrapporter, alla händelser', en: 'Accessibility reports, all events' },
    prefixes: ['accessibility_report'],
  },
];

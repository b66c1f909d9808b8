/**
 * The organisers' export of an event's registrations as CSV (RFC 4180, UTF-8 with a byte-order
 * mark): a row per registration with its answers in words. Every cell quoted; a cell a spreadsheet
 * would take for a formula is defused (platform/html/csv.ts csvCell): a name typed by anyone
 * never runs on the organiser's computer.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { csvCell } from '../../../platform/html/csv.ts';
import { eventMessages } from '../messages.ts';
import type { Question } from './form.ts';
import type { RegistrationRow } from './mails.ts';
import { registrationMessages as msg } from './messages.ts';
import { answerText } from './views.ts';
import { shortTime } from './words.ts';

export function registrationsCsv(
  lang: Lang,
  questions: readonly Question[],
  rows: readonly RegistrationRow[],
): string {
  const label = (q: Question) => (lang === 'en' ? q.label.en || q.label.sv : q.label.sv || q.label.en) || '—';
  const header = [
    msg.t(lang, 'csv.name'),
    msg.t(lang, 'csv.email'),
    msg.t(lang, 'csv.seats'),
    msg.t(lang, 'csv.status'),
    msg.t(lang, 'csv.registered'),
    msg.t(lang, 'csv.language'),
    msg.t(lang, 'csv.shared'),
    ...questions.map(label),
    msg.t(lang, 'admin.motivation'),
    msg.t(lang, 'admin.companions'),
  ];
  const yes = msg.t(lang, 'admin.answerYes');
  const no = msg.t(lang, 'admin.answerNo');
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) {
    const cells: (string | number)[] = [
      r.name,
      r.email,
      r.seats,
      eventMessages.t(lang, `regStatus.${r.status}` as 'regStatus.confirmed'),
      shortTime(lang, r.created_at),
      r.language,
      r.share_with_exhibitors ? yes : no,
      ...questions.map((q) => (r.answers[q.id] !== undefined ? answerText(lang, q, r.answers[q.id]!) : '')),
      r.answers.motivation ?? '',
      r.answers.companions ?? '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

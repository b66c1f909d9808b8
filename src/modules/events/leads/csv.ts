/**
 * The leads' and the consenting registrations' CSV (RFC 4180, UTF-8 with a byte-order mark), each
 * cell quoted and a would-be formula defused (platform/html/csv.ts `csvCell`): a visitor's typed
 * name never runs as a formula on the employer's computer.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { csvCell } from '../../../platform/html/csv.ts';
import { leadsMessages, type LeadsKey } from './messages.ts';
import type { LeadListRow } from './repository.ts';

const stamp = (date: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);

function csv(lines: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function leadsCsv(lang: Lang, rows: readonly LeadListRow[]): string {
  const t = (key: LeadsKey) => leadsMessages.t(lang, key);
  const yes = (v: boolean) => t(v ? 'csv.yes' : 'csv.no');
  return csv([
    [
      t('csv.time'),
      t('csv.event'),
      t('csv.employer'),
      t('csv.stand'),
      t('csv.name'),
      t('csv.email'),
      t('csv.phone'),
      t('csv.occupation'),
      t('csv.note'),
      t('csv.language'),
      t('csv.talentPool'),
      t('csv.navigator'),
      t('csv.source'),
    ],
    ...rows.map((r) => [
      stamp(r.createdAt),
      lang === 'en' ? r.eventTitleEn || r.eventTitleSv : r.eventTitleSv || r.eventTitleEn,
      r.employer,
      r.stand,
      r.name,
      r.email,
      r.phone,
      r.occupation,
      r.note,
      r.language,
      yes(r.wantsTalentPool),
      yes(r.wantsNavigator),
      t(r.source === 'visitor_qr' ? 'source.visitor_qr' : 'source.stand_form'),
    ]),
  ]);
}

export function registrationsCsv(lang: Lang, rows: readonly { name: string; email: string }[]): string {
  const t = (key: LeadsKey) => leadsMessages.t(lang, key);
  return csv([[t('csv.name'), t('csv.email')], ...rows.map((r) => [r.name, r.email])]);
}

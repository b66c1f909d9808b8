/**
 * The region's export of the companies' competence needs as CSV (RFC 4180, UTF-8 with a byte-order
 * mark so spreadsheet programs read å, ä and ö). Every cell is quoted, and a cell that a
 * spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return) is
 * prefixed with an apostrophe: a company's name never runs as a formula on the region's computer.
 */
import { csvDocument } from '../../../platform/html/csv.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { companyAdminMessages } from './messages.ts';
import { formatOrgNumber } from '../../identity/organisations/orgnr.ts';
import type { NeedExportRow } from './repository.ts';

const dayOf = (date: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' }).format(date);

/** The export: a header row in the person's language, then a row per company and occupation. */
export function needsCsv(lang: Lang, rows: readonly NeedExportRow[]): string {
  const t = (key: Parameters<typeof companyAdminMessages.t>[1]) => companyAdminMessages.t(lang, key);
  const header = [
    t('csv.company'),
    t('csv.orgNumber'),
    t('csv.occupationId'),
    t('csv.occupation'),
    t('csv.people'),
    t('csv.updated'),
  ];
  const lines = [
    header,
    ...rows.map((r) => [
      r.company,
      formatOrgNumber(r.orgNumber),
      r.occupationId,
      lang === 'en' ? (r.labelEn ?? r.label) : r.label,
      r.people,
      dayOf(r.updatedAt),
    ]),
  ];
  return csvDocument(lines);
}

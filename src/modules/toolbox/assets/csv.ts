/**
 * An asset's download log as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * read å, ä and ö): when, organisation, person, material. Every cell quoted; a cell a spreadsheet
 * would take for a formula (=, +, -, @, a tab or a carriage return first) gets an apostrophe, so an
 * organisation's or a person's name never runs as a formula on the region's computer.
 */
import { csvDocument } from '../../../platform/html/csv.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { assetMessages } from './messages.ts';
import type { LogRow } from './repository.ts';

// one formatter for every row (making one per row costs more than the whole query)
const TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});
const timeOf = (date: Date) => TIME.format(date);

export function downloadsCsv(lang: Lang, title: string, rows: readonly LogRow[]): string {
  const t = (key: Parameters<typeof assetMessages.t>[1]) => assetMessages.t(lang, key);
  const lines = [
    [t('csv.when'), t('csv.organisation'), t('csv.person'), t('csv.asset')],
    ...rows.map((r) => [
      timeOf(r.downloaded_at),
      r.organisation ?? t('admin.removedOrganisation'),
      r.person ?? t('downloads.formerUser'),
      title,
    ]),
  ];
  return csvDocument(lines);
}

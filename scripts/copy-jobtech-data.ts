/**
 * Copies the JobTech reference data the app needs at run time from ../shared/data/jobtech into
 * src/modules/jobs/data (a fresh clone has no ../shared). The CSV files are copied unchanged; the
 * sample ads lose `application_contacts` (personal data) and the search-only `relevance`, and are
 * written one ad per line.
 *
 *   node --import tsx scripts/copy-jobtech-data.ts [--from ../shared/data/jobtech]
 */
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fromIndex = process.argv.indexOf('--from');
const from = path.resolve(
  fromIndex > 0 ? (process.argv[fromIndex + 1] ?? '') : path.join(root, '..', 'shared', 'data', 'jobtech'),
);
const to = path.join(root, 'src', 'modules', 'jobs', 'data');

const CSV_FILES = [
  'occupation-fields.csv',
  'occupation-groups-ssyk4.csv',
  'occupation-names.csv',
  'skills.csv',
  'geo-regions-municipalities.csv',
  'ad-enum-values-observed.csv',
];
for (const name of CSV_FILES) {
  copyFileSync(path.join(from, name), path.join(to, name));
  chmodSync(path.join(to, name), 0o644); // the shared folder is read-only
}

const ads = JSON.parse(readFileSync(path.join(from, 'ads-sample.json'), 'utf8')) as Record<string, unknown>[];
const lines = ads.map((ad) => {
  const { application_contacts: _contacts, relevance: _relevance, ...rest } = ad;
  return JSON.stringify(rest);
});
writeFileSync(path.join(to, 'ads-sample.json'), `[\n${lines.join(',\n')}\n]\n`);
console.log(
  `Copied ${CSV_FILES.length} CSV files and ${ads.length} sample ads to ${path.relative(root, to)}`,
);

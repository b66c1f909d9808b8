/** Job cards: an open job as a card linking to its page on the job board. */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import type { JobSummary } from '../../jobs/search/index.ts';
import { jobPath } from '../../jobs/views.ts';
import { card, cardList } from './common.ts';

export function jobCards(region: Region, lang: Lang, jobs: readonly JobSummary[]): SafeHtml {
  if (jobs.length === 0) return html``;
  return cardList(
    jobs.map((job) => {
      const place = region.municipalities.find((m) => m.code === job.municipalityCode)?.shortName;
      return card({
        href: localPath(lang, jobPath(job.id)),
        title: job.headline,
        kicker: [job.employerName, place].filter(Boolean).join(' · '),
        text: job.occupationLabel,
        lang,
        cls: 'ccard--job',
      });
    }),
    'ccards--jobs',
  );
}

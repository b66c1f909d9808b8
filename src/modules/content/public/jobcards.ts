/** Job cards: an open job as a card linking to its page on the job board. */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import type { JobSummary } from '../../jobs/search/index.ts';
import { englishGroupTitle } from '../../jobs/english-titles.ts';
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
        text: occupation(lang, job),
        lang,
        cls: 'ccard--job',
      });
    }),
    'ccards--jobs',
  );
}

/**
 * The occupation in the page's language, as the job page gives it: on English pages the Statistics
 * Sweden English title of the ad's group where there is one, else the Swedish label, marked so.
 */
function occupation(lang: Lang, job: JobSummary): string | SafeHtml {
  if (lang !== 'en') return job.occupationLabel;
  const english = job.occupationGroupId ? englishGroupTitle(job.occupationGroupId) : undefined;
  return english ?? html`<span lang="sv">${job.occupationLabel}</span>`;
}

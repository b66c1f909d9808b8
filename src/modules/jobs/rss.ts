/**
 * RSS 2.0 feed of a search: the 50 newest open jobs that match its filters.
 */
import { escapeHtml } from '../../platform/html/html.ts';
import { localPath, type PageContext } from '../../platform/html/layout.ts';
import { messages } from './messages.ts';
import { queryParams, queryString, type JobQuery } from './query.ts';
import type { JobSummary } from './search/index.ts';
import { jobPath } from './views.ts';

/**
 * Characters XML 1.0 forbids (its `Char` production): control characters other than tab and line
 * breaks, lone surrogates, and U+FFFE/U+FFFF. Ad texts and a search's words can carry them, and one
 * makes a feed reader refuse the whole feed.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const xml = (text: string) => escapeHtml(text.replace(NOT_XML, ''));

export function jobsRss(ctx: PageContext, query: JobQuery, jobs: JobSummary[]): string {
  const { lang, origin, region } = ctx;
  const params = { region: region.name[lang], q: query.q };
  const title = messages.t(lang, query.q ? 'rss.titleQuery' : 'rss.title', params);
  const qs = queryString(queryParams(query));
  const self = origin + localPath(lang, `/jobs.rss${qs}`);
  const page = origin + localPath(lang, `/jobs${qs}`);
  const items = jobs.map((job) => {
    const url = origin + localPath(lang, jobPath(job.id));
    const place = region.municipalities.find((m) => m.code === job.municipalityCode)?.shortName;
    const description = [job.employerName, place, job.occupationLabel].filter(Boolean).join(' · ');
    return `<item>
<title>${xml(job.headline)}</title>
<link>${xml(url)}</link>
<guid isPermaLink="true">${xml(url)}</guid>
<description>${xml(description)}</description>
<pubDate>${job.publishedAt.toUTCString()}</pubDate>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xml(title)}</title>
<link>${xml(page)}</link>
<description>${xml(messages.t(lang, 'rss.description', params))}</description>
<language>${lang === 'sv' ? 'sv-SE' : 'en-GB'}</language>
<atom:link href="${xml(self)}" rel="self" type="application/rss+xml"/>
${jobs[0] ? `<lastBuildDate>${jobs[0].publishedAt.toUTCString()}</lastBuildDate>\n` : ''}${items.join('\n')}
</channel>
</rss>
`;
}

/**
 * RSS 2.0 feed of a search: the 50 newest open jobs that match its filters. Built with the `xml`
 * template, which escapes every value and drops the characters XML forbids.
 */
import { xml } from '../../platform/html/html.ts';
import { localPath, type PageContext } from '../../platform/html/layout.ts';
import { messages } from './messages.ts';
import { queryParams, queryString, type JobQuery } from './query.ts';
import type { JobSummary } from './search/index.ts';
import { jobPath } from './views.ts';

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
    return xml`<item>
<title>${job.headline}</title>
<link>${url}</link>
<guid isPermaLink="true">${url}</guid>
<description>${description}</description>
<pubDate>${job.publishedAt.toUTCString()}</pubDate>
</item>`;
  });
  const lastBuild = jobs[0] ? xml`<lastBuildDate>${jobs[0].publishedAt.toUTCString()}</lastBuildDate>\n` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
${xml`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${title}</title>
<link>${page}</link>
<description>${messages.t(lang, 'rss.description', params)}</description>
<language>${lang === 'sv' ? 'sv-SE' : 'en-GB'}</language>
<atom:link href="${self}" rel="self" type="application/rss+xml"/>
${lastBuild}${items.map((item, i) => (i === 0 ? item : xml`\n${item}`))}
</channel>
</rss>
`}`;
}

/**
 * What a widget shows (GET /api/v1/widget/:key, the widget's own page and the settings page's
 * preview all read it): the heading "Life in <place>" with one of the region's approved texts (for
 * everyone, in the widget's language: the municipality's, else the region's), the relocation help
 * link tagged with the widget's key, and the organisation's open jobs — its own ads on Lotsa and the
 * board's ads under its organisationsnummer, newest first, at most max_jobs. Every URL is absolute,
 * from the configured origin.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { stockholmDate } from '../../../platform/i18n/stockholm.ts';
import type { Region } from '../../../platform/region.ts';
import {
  employerJobs,
  employerPages,
  organisationEmployerKeys,
  organisationOpenJobs,
} from '../../jobs/employers.ts';
import type { JobSummary } from '../../jobs/search/index.ts';
import { jobPath } from '../../jobs/views.ts';
import { approvedTexts, paragraphs } from '../toolbox.ts';
import type { WidgetContent } from './api-schema.ts';
import { widgetMessages } from './messages.ts';
import { organisationFacts, type WidgetRow } from './repository.ts';

/** The widget's own page, after the origin. */
export function widgetPagePath(lang: Lang, key: string): string {
  return localPath(lang, `/widget/${key}`);
}

export function widgetApiPath(key: string): string {
  return `/api/v1/widget/${key}`;
}

/** The relocation help page's URL with the widget's campaign tags. */
export function navigatorUrl(origin: string, lang: Lang, key: string): string {
  const query = new URLSearchParams({ utm_source: 'widget', utm_medium: 'career-page', utm_campaign: key });
  return `${origin}${localPath(lang, '/move')}?${query.toString()}`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The open jobs shown (own ads and board ads by organisationsnummer, one of each id, newest first)
 * and the job board's employer keys that list all of them (`/jobs?employer=…`): the number for the
 * board's ads (and own ads of an organisation with one), the name's key for own ads of one without.
 */
async function jobsOf(
  db: Kysely<DB>,
  regionId: string,
  widget: WidgetRow,
  orgNumber: string | null,
  now: Date,
): Promise<{ jobs: JobSummary[]; employerKeys: string[] }> {
  if (!widget.showJobs) return { jobs: [], employerKeys: [] };
  const [own, board, ownKeys] = await Promise.all([
    organisationOpenJobs(db, regionId, widget.organisationId, widget.maxJobs, now),
    orgNumber ? employerJobs(db, regionId, orgNumber, widget.maxJobs) : { total: 0, jobs: [] },
    organisationEmployerKeys(db, regionId, widget.organisationId, now),
  ]);
  const seen = new Set<string>();
  const jobs = [...own, ...board.jobs]
    .filter((job) => (seen.has(job.id) ? false : (seen.add(job.id), true)))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : -1))
    .slice(0, widget.maxJobs);
  const keys = [...(board.total > 0 && orgNumber ? [orgNumber] : []), ...(own.length ? ownKeys : [])];
  return { jobs, employerKeys: [...new Set(keys)] };
}

/** The widget's content, or undefined when its organisation is gone. */
export async function widgetContent(
  db: Kysely<DB>,
  region: Region,
  origin: string,
  widget: WidgetRow,
  now: Date,
): Promise<WidgetContent | undefined> {
  const organisation = await organisationFacts(db, region.id, widget.organisationId);
  if (!organisation) return undefined;
  const lang = widget.lang;
  const t = (key: Parameters<typeof widgetMessages.t>[1], params?: Record<string, string>) =>
    widgetMessages.t(lang, key, params);
  const municipality = region.municipalities.find((m) => m.code === widget.municipalityCode);
  const place = municipality?.shortName ?? region.name[lang];

  const pick = async (municipalities: string[], wholeRegion: boolean) =>
    (
      await approvedTexts(db, region.id, {
        personas: ['everyone'],
        municipalities,
        region: wholeRegion,
        lang,
        limit: 1,
      })
    )[0];
  const text = (municipality ? await pick([municipality.code], false) : undefined) ?? (await pick([], true));

  const [{ jobs, employerKeys }, pages] = await Promise.all([
    jobsOf(db, region.id, widget, organisation.orgNumber, now),
    employerPages(region.id),
  ]);
  const companyPage = pages.get(organisation.orgNumber);
  const site = `${origin}${localPath(lang, '/')}`;
  const jobBoard = `${origin}${localPath(lang, '/jobs')}`;
  // "All open jobs" lists exactly the organisation's open ads. With none, the link is left out and
  // the widget says so; an organisation without an organisationsnummer cannot know the board's ads
  // under its number, so it claims nothing and points to every open job of the region instead.
  const numberless = organisation.orgNumber === null;
  const moreJobsUrl = !widget.showJobs
    ? undefined
    : employerKeys.length && jobs.length
      ? `${jobBoard}?${new URLSearchParams(employerKeys.map((k) => ['employer', k])).toString()}`
      : numberless && jobs.length === 0
        ? jobBoard
        : undefined;
  const source = text?.source.name
    ? {
        name: text.source.name,
        ...(isHttpUrl(text.source.url) ? { url: text.source.url } : {}),
      }
    : undefined;

  return {
    organisation: {
      name: organisation.name,
      ...(companyPage ? { companyUrl: `${origin}${localPath(lang, companyPage.path)}` } : {}),
    },
    lang,
    life: {
      title: t('widget.lifeTitle', { place }),
      paragraphs: text ? paragraphs(text.body[lang]) : [],
      ...(source ? { source } : {}),
    },
    navigator: { text: t('widget.navigator'), url: navigatorUrl(origin, lang, widget.key) },
    jobs: jobs.map((job) => ({
      title: job.headline,
      municipality: region.municipalities.find((m) => m.code === job.municipalityCode)?.shortName ?? null,
      url: `${origin}${localPath(lang, jobPath(job.id))}`,
      ...(job.deadlineAt ? { deadline: stockholmDate(job.deadlineAt) } : {}),
    })),
    showJobs: widget.showJobs,
    ...(moreJobsUrl ? { moreJobsUrl } : {}),
    texts: {
      jobs: t('widget.jobs', { organisation: organisation.name }),
      noJobs: numberless ? t('widget.noJobsListed', { organisation: organisation.name }) : t('widget.noJobs'),
      moreJobs: t('widget.moreJobs'),
      company: t('widget.company', { organisation: organisation.name }),
      deadline: t('widget.deadline'),
      source: t('widget.source'),
      from: t('widget.from', { region: region.name[lang] }),
    },
    links: {
      page: `${origin}${widgetPagePath(lang, widget.key)}`,
      json: `${origin}${widgetApiPath(widget.key)}`,
      site,
    },
  };
}

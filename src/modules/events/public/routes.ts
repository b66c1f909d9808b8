/**
 * The visitors' event routes: /:lang/events (the calendar), /:lang/events/calendar.ics (the feed of
 * the same filter: upcoming events and the last 30 days, capped, with an ETag), /:lang/events/:slug
 * (an event's page: 404 unless published or cancelled) and /:lang/events/:slug/calendar.ics (its
 * one VEVENT). Registering them also gives the place pages their events section and tells the
 * media library which images events use.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageContext } from '../../../platform/html/send.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { AnyQuery, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { addMediaUsageLookup } from '../../content/media/service.ts';
import { setPlaceSection } from '../../content/places/sections.ts';
import { visibleEventBySlug, type EventRow } from '../events.ts';
import { ICS_TYPE } from '../ics.ts';
import { PATHS } from '../model.ts';
import type { PanelView, PartsContext } from '../part.ts';
import { eventCalendar, type IcsEventFields } from './calendar.ts';
import { translator } from './cards.ts';
import { companyPages } from './companies.ts';
import { applyFilter, companyOptions, PAGE_SIZE, parseEventFilter, pageOf } from './filters.ts';
import { eventImages } from './images.ts';
import { listPage, problemText } from './list.ts';
import { eventImageUsage } from './media.ts';
import { eventJsonLd, eventPage } from './page.ts';
import {
  cardEvents,
  eventIndex,
  FEED_PAST_DAYS,
  feedPick,
  organisationsOf,
  type EventOrg,
} from './repository.ts';
import { eventsPlaceSection } from './sections.ts';
import { setSitemapDatabase } from './sitemap.ts';

const pub = { permission: Permission.Public } as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

async function visible(db: Kysely<DB>, regionId: string, slug: string): Promise<EventRow> {
  if (!SLUG.test(slug) || slug.length > 80) throw new AppError('LOTSA_NOT_FOUND');
  const event = await visibleEventBySlug(db, regionId, slug);
  if (!event) throw new AppError('LOTSA_NOT_FOUND');
  return event;
}

function sendCalendar(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  options: { filename?: string; cache: string },
): FastifyReply {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', options.cache);
  if (options.filename) reply.header('content-disposition', `attachment; filename="${options.filename}"`);
  const match = String(request.headers['if-none-match'] ?? '')
    .split(',')
    .map((s) => s.trim().replace(/^W\//, ''));
  if (match.includes(etag)) return reply.code(304).send();
  return reply.type(ICS_TYPE).send(body);
}

/** The calendar's DTSTAMP: the newest change of what it holds, so an unchanged feed keeps its ETag. */
function stamp(events: readonly Pick<IcsEventFields, 'updated_at'>[]): Date {
  return new Date(Math.max(0, ...events.map((e) => e.updated_at.getTime())));
}

export function registerPublicEventRoutes(app: App, deps: ModuleDeps, parts: PartsContext): void {
  const db = deps.database.db;
  setPlaceSection(eventsPlaceSection(db));
  setSitemapDatabase(db);
  addMediaUsageLookup(eventImageUsage);

  app.get(
    `/:lang${PATHS.events}`,
    { schema: { params: LangParams, querystring: AnyQuery }, config: pub },
    async (request, reply) => {
      langParam(request);
      const region = request.region;
      const { events, more } = await eventIndex(db, region.id, { endsAfter: new Date() });
      const companies = new Set(companyOptions(events).map((c) => c.id));
      const { filter, problems } = parseEventFilter(request.query, region, companies);
      const chosen = applyFilter(events, filter);
      // A page past the last is a bad value like any other: named, and the first page shown.
      if (filter.page > 1 && (filter.page - 1) * PAGE_SIZE >= chosen.length) {
        problems.push({ field: 'page', value: String(filter.page), reason: 'unknown' });
        filter.page = 1;
      }
      const ids = pageOf(chosen, filter.page).items.map((e) => e.event.id);
      const cards = await cardEvents(db, region.id, ids);
      const images = await eventImages(db, region.id, cards);
      const page = listPage(pageContext(request, deps.site), {
        events,
        more,
        chosen,
        cards,
        filter,
        problems,
        images,
      });
      return reply.page(page, { status: problems.length ? 400 : 200, cache: 'no-cache' });
    },
  );

  app.get(
    `/:lang${PATHS.feed}`,
    { schema: { params: LangParams, querystring: AnyQuery }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const now = new Date();
      const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
      const { events } = await eventIndex(db, region.id, { endsAfter: since });
      const companies = new Set(companyOptions(events).map((c) => c.id));
      const { filter, problems } = parseEventFilter(request.query, region, companies);
      if (problems.length) {
        const t = translator(lang, region);
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send(problems.map((p) => problemText(t, p)).join('\n'));
      }
      // At most FEED_CAP events, the soonest upcoming first (feedPick).
      const picked = feedPick(applyFilter(events, { ...filter, page: 1 }), now);
      const chosen = await cardEvents(
        db,
        region.id,
        picked.map((e) => e.event.id),
      );
      const origin = siteOrigin(request);
      const body = eventCalendar(chosen, { origin, lang, region, now: stamp(chosen) });
      return sendCalendar(request, reply, body, { cache: 'public, max-age=300' });
    },
  );

  app.get(
    `/:lang${PATHS.events}/:slug`,
    { schema: { params: PathParams('lang', 'slug'), querystring: AnyQuery }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const event = await visible(db, region.id, request.params.slug);
      const origin = siteOrigin(request);
      const [images, organisations, pages] = await Promise.all([
        eventImages(db, region.id, [event]),
        organisationsOf(db, region.id, event),
        companyPages(db, region.id),
      ]);
      const image = images(event);
      const csrfToken = reply.csrfToken();
      const panels: PanelView[] = [];
      for (const panel of parts.publicPanels) {
        const view = await panel.render({ db, region, lang, event, query: request.query, csrfToken });
        if (view) panels.push(view);
      }
      const companyPathOf = (o: EventOrg) => pages.get(o.orgNumber)?.path;
      const municipality =
        region.municipalities.find((m) => m.code === event.municipality_code)?.shortName ?? '';
      const jsonLd = eventJsonLd(event, {
        origin,
        lang,
        municipality,
        organisations,
        organisationUrl: (o) => {
          const path = companyPathOf(o);
          return path ? `${origin}/${lang}${path}` : undefined;
        },
        image,
      });
      const page = eventPage(pageContext(request, deps.site), { event, image, panels }, jsonLd);
      // The panels carry this visitor's CSRF token: the page is theirs alone.
      return reply.page(page, { cache: 'no-store' });
    },
  );

  app.get(
    `/:lang${PATHS.events}/:slug/calendar.ics`,
    { schema: { params: PathParams('lang', 'slug') }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const event = await visible(db, region.id, request.params.slug);
      const body = eventCalendar([event], {
        origin: siteOrigin(request),
        lang,
        region,
        now: event.updated_at,
      });
      return sendCalendar(request, reply, body, {
        filename: `${event.slug}.ics`,
        cache: 'public, max-age=300',
      });
    },
  );
}

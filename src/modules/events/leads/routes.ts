/**
 * The leads part's routes (thin: the rules are service.ts's, the SQL repository.ts's).
 * Back office (EventsManage; eventForAccess — what the person does not reach is a 404):
 * - GET/POST /admin/events/:id/leads/new: the stand staff's form; saved → the empty form again with
 *   "Sparat: Anna" and its undo. An exhibitor captures for its own stand; who manages the event
 *   chooses the stand (or the organiser's own). Open while the event is published, from a day
 *   before it to a week after (paper notes), never when cancelled; the mails a lead starts are
 *   limited per address in the same buckets as the visitors' page (429 by the e-mail field); the
 *   same address at the same stand within a day updates the first lead (nothing started twice):
 *   the staff's save corrects it, the visitors' page only adds to it (service.ts mergeLead).
 * - GET /admin/events/:id/leads (+ .csv): the leads (manage: every stand, a filter; exhibitor: its
 *   own), and the registrations that consented to the exhibitors (+ registrations.csv).
 * - POST /admin/events/:id/leads/:lead/delete: the person asked; audited.
 * - GET /admin/events/leads (+ .csv): the organisation's leads across its events and stands.
 * Public: GET/POST /:lang/events/:slug/stand/:code (the stand's QR code; rate limited per client;
 * open from a day before the event to a day after), GET …/thanks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { AppError } from '../../../platform/errors.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { queryText, uuidParam, type QueryValue } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { imagesById, imagesBySlug, type MediaImage } from '../../content/media/service.ts';
import { mailboxKey } from '../../identity/accounts.ts';
import { REQUEST_PER_ADDRESS } from '../../relocation/request/service.ts';
import { SEND_PER_ADDRESS } from '../../talent/join/service.ts';
import { eventAccessOf, eventById, eventForAccess, type EventAccess, type EventRow } from '../events.ts';
import { checkLead, draftFromBody, emptyDraft, LeadBody, type LeadDraft, type LeadErrors } from './form.ts';
import { leadsCsv, registrationsCsv } from './csv.ts';
import { leadsMessages } from './messages.ts';
import * as repo from './repository.ts';
import {
  captureLead,
  deleteLead,
  STAFF_PER_IP,
  staffClosesAt,
  staffWindow,
  VISITOR_PER_IP,
  VISITOR_VIEW_PER_IP,
  visitorWindow,
  WINDOW_MS,
  wouldStart,
  type Starts,
} from './service.ts';
import * as views from './views.ts';

const manage = { permission: Permission.EventsManage } as const;
const pub = { permission: Permission.Public } as const;

export const PAGE_SIZE = 100;
export const CSV_MAX = 10_000;
export const SHARED_MAX = 2_000;
/** The picture on the visitors' page when the event has none (a demo photograph of the library). */
const FALLBACK_IMAGE = 'office-team-workshop';
const CODE = /^[a-z0-9]{8,32}$/;

function pageOf(value: QueryValue): number {
  const n = Number(queryText(value));
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}

function paging(lang: Lang, base: string, query: string, page: number, total: number) {
  const sep = query ? `${query}&` : '?';
  const links = [];
  if (page > 1)
    links.push({
      href: `${base}${sep}page=${page - 1}`,
      text: leadsMessages.t(lang, 'list.prev'),
      rel: 'prev' as const,
    });
  if (page * PAGE_SIZE < total)
    links.push({
      href: `${base}${sep}page=${page + 1}`,
      text: leadsMessages.t(lang, 'list.next'),
      rel: 'next' as const,
    });
  return links;
}

function csvReply(reply: FastifyReply, name: string, body: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

async function eventImage(
  db: Kysely<DB>,
  regionId: string,
  event: EventRow,
): Promise<MediaImage | undefined> {
  const own = event.image_id
    ? (await imagesById(db, regionId, [event.image_id])).get(event.image_id)
    : undefined;
  const image = own ?? (await imagesBySlug(db, regionId, [FALLBACK_IMAGE])).get(FALLBACK_IMAGE);
  return image?.usable && !image.expired ? image : undefined;
}

export function registerLeadRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  function accessOf(request: FastifyRequest): EventAccess {
    const access = eventAccessOf(request.region.id, request.auth ?? undefined);
    if (!access) throw new AppError('LOTSA_NOT_FOUND');
    return access;
  }

  /** The event the person reaches, and the stands they may capture for; else a 404. */
  async function reach(request: FastifyRequest, id: string) {
    const access = accessOf(request);
    const found = await eventForAccess(db, access, uuidParam(id));
    if (!found) throw new AppError('LOTSA_NOT_FOUND');
    const all = await repo.standsOf(db, access.regionId, found.event);
    const stands =
      found.relation === 'manage' ? all : all.filter((s) => s.organisationId === access.organisationId);
    return { access, ...found, all, stands };
  }

  /**
   * Anyone may type any address (a visitor on their phone, an exhibitor's staff): the mails a lead
   * starts are limited per address in the same buckets as where they are usually asked for (the
   * talent pool's sign-up, a navigator's request), so the two forms together stay within them.
   * Seconds to wait, or undefined.
   */
  async function addressWait(email: string, starts: Starts): Promise<number | undefined> {
    // The navigator's bucket first, the talent pool's last: a save refused by one spends neither.
    // Every bucket is looked at before any is spent; and should another save slip in between, the
    // order still never spends the talent pool's send on a navigator's refusal.
    const rules = [
      ...(starts.navigator ? [REQUEST_PER_ADDRESS] : []),
      ...(starts.talent ? [SEND_PER_ADDRESS] : []),
    ];
    const keys = rules.map((rule) => `${rule.name}:${mailboxKey(deps.secret, rule.name, email)}`);
    const limiter = deps.rateLimiter;
    if (limiter.peek) {
      const waits = await Promise.all(rules.map((rule, i) => limiter.peek!(keys[i]!, rule)));
      const refused = waits.filter((w): w is number => w !== undefined);
      if (refused.length > 0) return Math.max(...refused);
    }
    for (const [i, rule] of rules.entries()) {
      const wait = await limiter.hit(keys[i]!, rule);
      if (wait !== undefined) return wait;
    }
    return undefined;
  }

  /** Why the staff's form does not take details now, or undefined when it does. */
  function staffClosed(event: EventRow) {
    const window = staffWindow(event);
    if (window === 'open') return undefined;
    return { window, opens: new Date(event.starts_at.getTime() - WINDOW_MS), closes: staffClosesAt(event) };
  }

  // ---- The stand staff's form ----

  app.get(
    '/admin/events/:id/leads/new',
    { schema: { params: PathParams('id'), querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const lang = adminLang(request);
      const r = await reach(request, request.params.id);
      const q = request.query;
      const wanted = queryText(q.stand);
      const stand = r.stands.find((s) => s.key === wanted)?.key ?? r.stands[0]?.key ?? '';
      const savedId = queryText(q.saved);
      const lead =
        savedId && /^[0-9a-f-]{36}$/.test(savedId)
          ? await repo.leadById(db, r.access.regionId, r.event.id, savedId)
          : undefined;
      const ownLead =
        lead && r.stands.some((s) => s.organisationId === lead.organisation_id) ? lead : undefined;
      // What the save started (w=t: the talent pool's link, n: a navigator's case; u: updated).
      const flags = queryText(q.w);
      const closed = staffClosed(r.event);
      const page = views.standFormPage({
        lang,
        event: r.event,
        csrf: reply.csrfToken(),
        stands: r.stands,
        draft: emptyDraft(lang, stand),
        errors: {},
        saved: ownLead
          ? {
              id: ownLead.id,
              name: ownLead.name,
              email: ownLead.email,
              talent: flags.includes('t'),
              navigator: flags.includes('n'),
              updated: flags.includes('u'),
            }
          : undefined,
        deleted: queryText(q.done) === 'deleted',
        closed,
      });
      return reply.adminPage(page);
    },
  );

  app.post(
    '/admin/events/:id/leads/new',
    { schema: { params: PathParams('id'), body: LeadBody }, config: { ...manage, rateLimit: STAFF_PER_IP } },
    async (request, reply) => {
      const lang = adminLang(request);
      const r = await reach(request, request.params.id);
      const draft = draftFromBody(request.body);
      const closed = staffClosed(r.event);
      if (closed) {
        // Outside the event's window (or cancelled): nothing is saved or sent; the page says why.
        const page = views.standFormPage({
          lang,
          event: r.event,
          csrf: reply.csrfToken(),
          stands: r.stands,
          draft,
          errors: {},
          closed,
        });
        const gone = closed.window === 'over' || closed.window === 'cancelled';
        return reply.adminPage(page, { status: gone ? 410 : 409 });
      }
      const stand = r.stands.find((s) => s.key === draft.stand);
      const checked = checkLead(draft, false);
      const errors: LeadErrors = {
        ...(checked.errors ?? {}),
        ...(stand ? {} : { stand: 'error.stand' as const }),
      };
      if (!stand || !checked.input) {
        const page = views.standFormPage({
          lang,
          event: r.event,
          csrf: reply.csrfToken(),
          stands: r.stands,
          draft,
          errors,
        });
        return reply.adminPage(page, { status: 400 });
      }
      const starts = await wouldStart(db, r.access.regionId, r.event, stand, checked.input);
      const wait = await addressWait(checked.input.email, starts);
      if (wait !== undefined) {
        reply.header('retry-after', String(wait));
        const page = views.standFormPage({
          lang,
          event: r.event,
          csrf: reply.csrfToken(),
          stands: r.stands,
          draft,
          errors: { email: 'error.tooMany' },
          tooMany: Math.max(1, Math.ceil(wait / 60)),
        });
        return reply.adminPage(page, { status: 429 });
      }
      const person = personOf(request);
      const captured = await captureLead(
        {
          db,
          queue: deps.queue,
          region: request.region,
          origin: siteOrigin(request),
          actor: actorOf(person),
        },
        r.event,
        stand,
        checked.input,
        'stand_form',
      );
      const flags = `${captured.talentMailed ? 't' : ''}${captured.navigatorStarted ? 'n' : ''}${captured.updated ? 'u' : ''}`;
      return reply.redirect(
        `${views.leadPaths.new(r.event.id)}?stand=${encodeURIComponent(stand.key)}&saved=${captured.id}&w=${flags}`,
        303,
      );
    },
  );

  app.post(
    '/admin/events/:id/leads/:lead/delete',
    {
      schema: { params: PathParams('id', 'lead'), body: FormBody('return', 'stand') },
      config: manage,
    },
    async (request, reply) => {
      const r = await reach(request, request.params.id);
      const leadId = uuidParam(request.params.lead);
      const lead = await repo.leadById(db, r.access.regionId, r.event.id, leadId);
      if (!lead || !r.stands.some((s) => s.organisationId === lead.organisation_id))
        throw new AppError('LOTSA_NOT_FOUND');
      const person = personOf(request);
      const gone = await deleteLead(db, r.access.regionId, actorOf(person), lead, r.access.organisationId);
      const done = gone ? 'deleted' : 'gone';
      const back = request.body.return;
      if (back === 'new') {
        const stand = r.stands.find((s) => s.key === request.body.stand)?.key ?? '';
        return reply.redirect(
          `${views.leadPaths.new(r.event.id)}?stand=${encodeURIComponent(stand)}&done=${done}`,
          303,
        );
      }
      if (back === 'all') return reply.redirect(`${views.leadPaths.all}?done=${done}`, 303);
      return reply.redirect(`${views.leadPaths.list(r.event.id)}?done=${done}`, 303);
    },
  );

  // ---- The leads of an event ----

  /** The stand filter of a list: the exhibitor's own always; a manager's choice, if any. */
  function standScope(r: Awaited<ReturnType<typeof reach>>, wanted: string) {
    if (r.relation === 'exhibitor') return { key: '', scope: r.access.organisationId };
    const chosen = r.stands.find((s) => s.key === wanted);
    if (!chosen) return { key: '', scope: undefined };
    return { key: chosen.key, scope: chosen.organisationId };
  }

  app.get(
    '/admin/events/:id/leads',
    { schema: { params: PathParams('id'), querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const lang = adminLang(request);
      const r = await reach(request, request.params.id);
      const q = request.query;
      const { key, scope } = standScope(r, queryText(q.stand));
      const leadScope: repo.LeadScope = { kind: 'event', eventId: r.event.id, stand: scope };
      const page = pageOf(q.page);
      const [total, rows, registrations] = await Promise.all([
        repo.countLeads(db, r.access.regionId, leadScope),
        repo.listLeads(db, r.access.regionId, leadScope, {
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        }),
        repo.sharedRegistrations(db, r.access.regionId, r.event.id, SHARED_MAX),
      ]);
      const done = queryText(q.done);
      const query = key ? `?stand=${encodeURIComponent(key)}` : '';
      return reply.adminPage(
        views.listPage({
          lang,
          event: r.event,
          relation: r.relation,
          csrf: reply.csrfToken(),
          stands: r.stands,
          stand: key,
          rows,
          total,
          paging: paging(lang, views.leadPaths.list(r.event.id), query, page, total),
          registrations,
          done: done === 'deleted' || done === 'gone' ? done : undefined,
        }),
      );
    },
  );

  app.get(
    '/admin/events/:id/leads.csv',
    { schema: { params: PathParams('id'), querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const lang = adminLang(request);
      const r = await reach(request, request.params.id);
      const { scope } = standScope(r, queryText(request.query.stand));
      const rows = await repo.listLeads(
        db,
        r.access.regionId,
        { kind: 'event', eventId: r.event.id, stand: scope },
        { limit: CSV_MAX, offset: 0 },
      );
      return csvReply(reply, `leads-${r.event.slug}.csv`, leadsCsv(lang, rows));
    },
  );

  app.get(
    '/admin/events/:id/leads/registrations.csv',
    { schema: { params: PathParams('id'), querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const lang = adminLang(request);
      const r = await reach(request, request.params.id);
      const rows = await repo.sharedRegistrations(db, r.access.regionId, r.event.id, SHARED_MAX);
      return csvReply(reply, `participants-${r.event.slug}.csv`, registrationsCsv(lang, rows));
    },
  );

  // ---- The organisation's leads across its events ----

  app.get(
    views.leadPaths.all,
    { schema: { querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const lang = adminLang(request);
      const access = accessOf(request);
      const scope: repo.LeadScope = { kind: 'organisation', access };
      const page = pageOf(request.query.page);
      const [total, rows] = await Promise.all([
        repo.countLeads(db, access.regionId, scope),
        repo.listLeads(db, access.regionId, scope, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      ]);
      // Rows of events the person manages, or of their own stand, may be deleted from here.
      const managed = new Set<string>();
      for (const id of new Set(rows.map((r) => r.eventId))) {
        const found = await eventForAccess(db, access, id);
        if (found?.relation === 'manage') managed.add(id);
      }
      const done = queryText(request.query.done);
      return reply.adminPage(
        views.allPage({
          lang,
          csrf: reply.csrfToken(),
          rows,
          total,
          paging: paging(lang, views.leadPaths.all, '', page, total),
          deletable: (r) => managed.has(r.eventId) || r.organisationId === access.organisationId,
          done: done === 'deleted' || done === 'gone' ? done : undefined,
        }),
      );
    },
  );

  app.get(
    views.leadPaths.allCsv,
    { schema: { querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const lang = adminLang(request);
      const access = accessOf(request);
      const rows = await repo.listLeads(
        db,
        access.regionId,
        { kind: 'organisation', access },
        { limit: CSV_MAX, offset: 0 },
      );
      return csvReply(reply, 'leads.csv', leadsCsv(lang, rows));
    },
  );

  // ---- The visitor's own phone ----

  async function visitorStand(request: FastifyRequest, slug: string, code: string) {
    const regionId = request.region.id;
    if (!CODE.test(code) || slug.length > 80) throw new AppError('LOTSA_NOT_FOUND');
    const found = await repo.standByCode(db, regionId, slug, code);
    if (!found) throw new AppError('LOTSA_NOT_FOUND');
    const event = await eventById(db, regionId, found.eventId);
    // A draft or one waiting for review is not there for visitors.
    if (!event || !event.published_at || (event.status !== 'published' && event.status !== 'cancelled'))
      throw new AppError('LOTSA_NOT_FOUND');
    const image = await eventImage(db, regionId, event);
    return { event, stand: found.stand, image };
  }

  function showVisitor(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    v: Awaited<ReturnType<typeof visitorStand>>,
    draft: LeadDraft,
    errors: LeadErrors,
    status = 200,
    tooMany?: number,
  ) {
    const page = views.visitorPage({
      lang,
      event: v.event,
      stand: v.stand,
      image: v.image,
      csrf: reply.csrfToken(),
      draft,
      errors,
      tooMany,
    });
    return reply.page(page, { status, cache: 'no-store' });
  }

  const VisitorParams = PathParams('lang', 'slug', 'code');

  app.get(
    '/:lang/events/:slug/stand/:code',
    { schema: { params: VisitorParams }, config: { ...pub, rateLimit: VISITOR_VIEW_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const v = await visitorStand(request, request.params.slug, request.params.code);
      const window = visitorWindow(v.event);
      if (window !== 'open')
        return reply.page(views.visitorClosedPage(lang, v.event, v.stand, v.image, window), {
          status: window === 'not_yet' ? 200 : 410,
          cache: 'no-store',
        });
      return showVisitor(request, reply, lang, v, emptyDraft(lang, v.stand.key), {});
    },
  );

  app.post(
    '/:lang/events/:slug/stand/:code',
    { schema: { params: VisitorParams, body: LeadBody }, config: { ...pub, rateLimit: VISITOR_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const v = await visitorStand(request, request.params.slug, request.params.code);
      const window = visitorWindow(v.event);
      if (window !== 'open')
        return reply.page(views.visitorClosedPage(lang, v.event, v.stand, v.image, window), {
          status: window === 'not_yet' ? 409 : 410,
          cache: 'no-store',
        });
      const draft = { ...draftFromBody(request.body), note: '', language: lang };
      const checked = checkLead(draft, true);
      if (!checked.input) return showVisitor(request, reply, lang, v, draft, checked.errors, 400);
      const starts = await wouldStart(db, request.region.id, v.event, v.stand, checked.input);
      const wait = await addressWait(checked.input.email, starts);
      if (wait !== undefined) {
        reply.header('retry-after', String(wait));
        return showVisitor(request, reply, lang, v, draft, {}, 429, Math.max(1, Math.ceil(wait / 60)));
      }
      const captured = await captureLead(
        {
          db,
          queue: deps.queue,
          region: request.region,
          origin: siteOrigin(request),
          actor: { id: null, label: 'visitor' },
        },
        v.event,
        v.stand,
        checked.input,
        'visitor_qr',
      );
      // The thank-you page says what was started; nothing personal travels in its address.
      const flags = `${captured.talentMailed ? 't' : ''}${captured.navigatorStarted ? 'n' : ''}${captured.updated ? 'u' : ''}`;
      return reply
        .header('cache-control', 'no-store')
        .redirect(`/${lang}${views.leadPaths.thanks(v.event.slug, request.params.code)}?w=${flags}`, 303);
    },
  );

  app.get(
    '/:lang/events/:slug/stand/:code/thanks',
    {
      schema: { params: VisitorParams, querystring: AnyQuery },
      config: { ...pub, rateLimit: VISITOR_VIEW_PER_IP },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const v = await visitorStand(request, request.params.slug, request.params.code);
      const q = request.query;
      const flags = queryText(q.w);
      const page = views.visitorThanksPage(lang, v.event, v.stand, v.image, {
        talent: flags.includes('t'),
        navigator: flags.includes('n'),
        updated: flags.includes('u'),
        region: request.region.name[lang],
      });
      return reply.header('referrer-policy', 'no-referrer').page(page, { cache: 'no-store' });
    },
  );
}

/**
 * Routes of the check-in part, all EventsManage and only for an event the person manages
 * (eventForAccess relation 'manage'; anything else a 404):
 * GET /admin/events/:id/checkin (the door page; ?q= searches), POST …/checkin (a search result
 * checked in), POST …/checkin/code (a typed ticket code), POST …/checkin/undo, GET
 * …/checkin/list.json (the offline list), GET …/checkin/counts.json, POST …/checkins (the door's
 * queued batch, JSON). Thin: read, one service call, render.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { isUuid, queryText, uuidParam } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { eventAccessOf, eventForAccess, type EventRow } from '../events.ts';
import { MAX_GROUP, PATHS } from '../model.ts';
import { doorCounts, doorList, registrationById, searchRegistrations } from './repository.ts';
import {
  checkIn,
  checkInBatch,
  CHECKIN_PER_IP,
  LIST_LIMIT,
  MAX_BATCH,
  maskEmail,
  METHODS,
  SEARCH_LIMIT,
  SEARCH_MAX,
  undoCheckin,
  type Actor,
  type CheckinOutcome,
} from './service.ts';
import {
  CHECKIN_CSS,
  CHECKIN_SCRIPT,
  checkinPaths,
  doorPage,
  outcomeText,
  tt,
  type DoorPageInput,
  type DoorSearch,
} from './views.ts';
import { stockholmTime } from '../../../platform/i18n/stockholm.ts';

const manage = { permission: Permission.EventsManage } as const;
const posting = { permission: Permission.EventsManage, rateLimit: CHECKIN_PER_IP } as const;
const EventParams = PathParams('id');

/** One queued check-in from the door's script. */
const BatchItem = Type.Object(
  {
    clientId: Type.String({ minLength: 1, maxLength: 64 }),
    registrationId: Type.Optional(Type.String({ maxLength: 64 })),
    ticketCode: Type.Optional(Type.String({ maxLength: 64 })),
    people: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_GROUP })),
    recordedAt: Type.Optional(Type.String({ maxLength: 40 })),
    method: Type.Union(METHODS.map((m) => Type.Literal(m))),
    offline: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const BatchBody = Type.Object(
  { items: Type.Array(BatchItem, { minItems: 1, maxItems: MAX_BATCH }) },
  { additionalProperties: false },
);

/** The registration's people as a form sends them: a whole number, else undefined (all seats). */
function peopleOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
}

/** The JSON answer for one item of a batch (or a check-in the script sent alone). */
function presentOutcome(clientId: string, outcome: CheckinOutcome) {
  const base = { clientId, outcome: outcome.kind };
  switch (outcome.kind) {
    case 'checked_in':
      return {
        ...base,
        registrationId: outcome.registration.id,
        name: outcome.registration.name,
        people: outcome.people,
        checkedInAt: outcome.at.toISOString(),
        time: stockholmTime(outcome.at),
      };
    case 'already':
      return {
        ...base,
        registrationId: outcome.registration.id,
        name: outcome.registration.name,
        checkedInAt: outcome.at.toISOString(),
        time: stockholmTime(outcome.at),
      };
    case 'not_confirmed':
      return {
        ...base,
        registrationId: outcome.registration.id,
        name: outcome.registration.name,
        status: outcome.registration.status,
      };
    default:
      return base;
  }
}

export function registerCheckinRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  /** The event the person manages, else a 404 (an exhibitor's view is not the door). */
  async function managedEvent(request: FastifyRequest, id: string): Promise<EventRow> {
    const access = eventAccessOf(request.region.id, request.auth ?? undefined);
    if (!access) throw new AppError('LOTSA_NOT_FOUND');
    const found = await eventForAccess(db, access, uuidParam(id));
    if (!found || found.relation !== 'manage') throw new AppError('LOTSA_NOT_FOUND');
    return found.event;
  }

  function actorFor(request: FastifyRequest): Actor {
    const person = personOf(request);
    return { regionId: request.region.id, accountId: person.account.id, audit: actorOf(person) };
  }

  async function searchFor(event: EventRow, q: string): Promise<DoorSearch | null> {
    const text = q.slice(0, SEARCH_MAX).trim();
    if (!text) return null;
    if (text.length < 2) return { q: text, rows: [], more: false, tooShort: true };
    const { rows, more } = await searchRegistrations(db, event.region_id, event.id, text, SEARCH_LIMIT);
    return { q: text, rows, more, tooShort: false };
  }

  async function showDoor(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EventRow,
    extra: Omit<DoorPageInput, 'lang' | 'event' | 'counts' | 'csrf' | 'search'> & { q?: string } = {},
    status = 200,
  ) {
    const lang = adminLang(request);
    const { q, ...rest } = extra;
    const view = doorPage({
      lang,
      event,
      counts: await doorCounts(db, event.region_id, event.id),
      csrf: reply.csrfToken(),
      search: await searchFor(event, q ?? ''),
      ...rest,
    });
    return reply.adminPage(
      {
        ...view,
        path: checkinPaths.page(event.id),
        navPath: PATHS.admin,
        scripts: [CHECKIN_SCRIPT],
        stylesheets: [CHECKIN_CSS],
      },
      { status },
    );
  }

  /** After a check-in from the page: back to the page with a notice, or the page with the refusal. */
  function afterCheckin(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EventRow,
    outcome: CheckinOutcome,
    q: string,
    form: 'search' | 'code',
    code = '',
  ) {
    const lang = adminLang(request);
    if (outcome.kind === 'checked_in') {
      const params = new URLSearchParams({
        done: 'in',
        r: outcome.registration.id,
        p: String(outcome.people),
      });
      if (q) params.set('q', q);
      return reply.redirect(`${checkinPaths.page(event.id)}?${params.toString()}`, 303);
    }
    const status = outcome.kind === 'invalid' || outcome.kind === 'unknown' ? 400 : 409;
    const text =
      form === 'search' && outcome.kind === 'invalid'
        ? tt(lang)('outcome.people')
        : outcomeText(lang, outcome);
    return form === 'code'
      ? showDoor(request, reply, event, { q, code: { value: code, error: text } }, status)
      : showDoor(request, reply, event, { q, alert: text }, status);
  }

  /**
   * The door page may use the device's camera to read tickets (the platform denies it everywhere
   * else). The platform's headers are set by an app-level onSend; a route-level one runs after it.
   */
  const onSendCamera = {
    onSend: (
      _request: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (e: null, p: unknown) => void,
    ) => {
      reply.header('permissions-policy', 'camera=(self), microphone=(), geolocation=(), interest-cohort=()');
      done(null, payload);
    },
  };

  app.get(
    checkinPaths.page(':id'),
    { schema: { params: EventParams, querystring: AnyQuery }, config: manage, ...onSendCamera },
    async (request, reply) => {
      const event = await managedEvent(request, request.params.id);
      const query = request.query;
      let done: string | undefined;
      const r = queryText(query.r);
      if (query.done === 'in' || query.done === 'undone') {
        const reg = isUuid(r) ? await registrationById(db, event.region_id, r) : undefined;
        if (reg && reg.eventId === event.id) {
          const t = tt(adminLang(request));
          const people = Number(queryText(query.p));
          done =
            query.done === 'undone'
              ? t('outcome.undone', { name: reg.name })
              : people > 1
                ? t('outcome.checked_inPeople', { name: reg.name, people })
                : t('outcome.checked_in', { name: reg.name });
        }
      }
      return showDoor(request, reply, event, { q: queryText(query.q), done });
    },
  );

  app.post(
    checkinPaths.checkin(':id'),
    {
      schema: { params: EventParams, body: FormBody('registration', 'people', 'q') },
      config: posting,
      ...onSendCamera,
    },
    async (request, reply) => {
      const event = await managedEvent(request, request.params.id);
      const q = (request.body.q ?? '').slice(0, SEARCH_MAX).trim();
      const outcome = await checkIn(db, actorFor(request), event, {
        registrationId: (request.body.registration ?? '').slice(0, 64),
        people: peopleOf(request.body.people),
        method: 'search',
      });
      return afterCheckin(request, reply, event, outcome, q, 'search');
    },
  );

  app.post(
    checkinPaths.code(':id'),
    { schema: { params: EventParams, body: FormBody('code', 'people') }, config: posting, ...onSendCamera },
    async (request, reply) => {
      const event = await managedEvent(request, request.params.id);
      const code = (request.body.code ?? '').slice(0, 64).trim();
      const outcome = await checkIn(db, actorFor(request), event, {
        ticketCode: code,
        people: peopleOf(request.body.people),
        method: 'manual',
      });
      return afterCheckin(request, reply, event, outcome, '', 'code', code);
    },
  );

  app.post(
    checkinPaths.undo(':id'),
    {
      schema: { params: EventParams, body: FormBody('registration', 'q') },
      config: posting,
      ...onSendCamera,
    },
    async (request, reply) => {
      const event = await managedEvent(request, request.params.id);
      const q = (request.body.q ?? '').slice(0, SEARCH_MAX).trim();
      const outcome = await undoCheckin(
        db,
        actorFor(request),
        event,
        (request.body.registration ?? '').slice(0, 64),
      );
      if (outcome.kind === 'unknown') throw new AppError('LOTSA_NOT_FOUND');
      if (outcome.kind === 'not_checked_in') {
        const text = tt(adminLang(request))('outcome.notCheckedIn', { name: outcome.registration.name });
        return showDoor(request, reply, event, { q, alert: text }, 409);
      }
      const params = new URLSearchParams({ done: 'undone', r: outcome.registration.id });
      if (q) params.set('q', q);
      return reply.redirect(`${checkinPaths.page(event.id)}?${params.toString()}`, 303);
    },
  );

  app.get(
    checkinPaths.list(':id'),
    { schema: { params: EventParams }, config: manage },
    async (request, reply) => {
      const event = await managedEvent(request, request.params.id);
      const rows = await doorList(db, event.region_id, event.id, LIST_LIMIT);
      reply.header('cache-control', 'no-store');
      return {
        event: event.id,
        generatedAt: new Date().toISOString(),
        truncated: rows.length > LIST_LIMIT,
        registrations: rows.slice(0, LIST_LIMIT).map((r) => ({
          id: r.id,
          name: r.name,
          email: maskEmail(r.email),
          seats: r.seats,
          status: r.status,
          ticketHash: r.ticketHash,
          checkedInAt: r.checkedInAt?.toISOString() ?? null,
          people: r.people,
        })),
      };
    },
  );

  app.get(
    checkinPaths.counts(':id'),
    { schema: { params: EventParams }, config: manage },
    async (request, reply) => {
      const event = await managedEvent(request, request.params.id);
      reply.header('cache-control', 'no-store');
      return doorCounts(db, event.region_id, event.id);
    },
  );

  app.post(
    checkinPaths.batch(':id'),
    { schema: { params: EventParams, body: BatchBody }, config: posting },
    async (request, reply) => {
      const event = await managedEvent(request, request.params.id);
      const items = request.body.items;
      const outcomes = await checkInBatch(
        db,
        actorFor(request),
        event,
        items.map((item) => ({
          registrationId: item.ticketCode === undefined ? (item.registrationId ?? '') : undefined,
          ticketCode: item.ticketCode,
          people: item.people,
          recordedAt: item.recordedAt,
          method: item.method,
          offline: item.offline === true,
        })),
      );
      reply.header('cache-control', 'no-store');
      return {
        results: outcomes.map((o, i) => presentOutcome(items[i]!.clientId, o)),
        counts: await doorCounts(db, event.region_id, event.id),
      };
    },
  );
}

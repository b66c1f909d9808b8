/**
 * Registration's routes (thin: the rules are service.ts's).
 * Public (Permission.Public; pages holding a CSRF token are no-store):
 * - GET/POST /:lang/events/:slug/register — the form on its own page; a bad form re-shown with the
 *   errors by each field (400); a good one registers and 303s to the personal page. Limited per
 *   client (route) and, when sending, per client and per address (deps.rateLimiter).
 * - GET /:lang/me/events/:id (SignedIn) — the own page's link: one's own registration → its
 *   personal page (303); another's a 404.
 * - GET /:lang/events/registration/:token — the personal page (noindex, no-store, no referrer);
 *   POST …/seats, …/answers, …/accept, …/decline, GET+POST …/cancel (a confirm step), …/share
 *   (give or withdraw the exhibitors' consent), …/erase (an ended registration deleted at once) →
 *   GET /:lang/events/registration/erased (the confirmation, holding nothing of the person).
 * Back office (Permission.EventsManage, relation 'manage' to the event; else 404):
 * - GET /admin/events/:id/registrations (filter, search, 50 a page), …/registrations.csv,
 *   POST …/registrations/:rid/{cancel,approve,wait,decline}.
 */
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { Type, type TObject } from '@sinclair/typebox';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { qrCode } from '../../../platform/html/qr.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { doneOf, queryText, uuidParam } from '../../../platform/http/params.ts';
import { clientKey, type RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { AnyQuery, FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { mailboxKey } from '../../identity/accounts.ts';
import {
  eventAccessOf,
  eventById,
  eventForAccess,
  registrationOpen,
  visibleEventBySlug,
  type EventRow,
} from '../events.ts';
import { manageToken, ticketCode } from '../tokens.ts';
import { registrationsCsv } from './csv.ts';
import {
  answersFromBody,
  checkAnswers,
  checkDraft,
  draftFromBody,
  EMPTY_DRAFT,
  groupLimit,
  LIMITS,
  parseSeats,
  RegisterBody,
  type FieldErrors,
  type RegisterDraft,
} from './form.ts';
import { managePath } from './mails.ts';
import { registrationMessages as msg } from './messages.ts';
import * as repo from './repository.ts';
import {
  acceptOffer,
  cancelRegistration,
  changeAnswers,
  changeSeats,
  changeShare,
  decideApplication,
  declineOffer,
  eraseOwnRegistration,
  KEEP_ENDED_DAYS,
  register,
  registrationByToken,
  waitingPlace,
} from './service.ts';
import * as views from './views.ts';
import { LIVE_STATUSES, type RegistrationStatus } from '../model.ts';

const pub = { permission: Permission.Public, auth: 'optional' } as const;
const manage = { permission: Permission.EventsManage } as const;

/** The form's page and re-shown forms (no writes). */
export const FORM_PER_IP: RateLimitRule = { name: 'events-register-form', max: 120, windowSeconds: 900 };
/** Registrations sent, per client and per address. */
export const REGISTER_PER_IP: RateLimitRule = { name: 'events-register', max: 20, windowSeconds: 900 };
export const REGISTER_PER_ADDRESS: RateLimitRule = {
  name: 'events-register-address',
  max: 10,
  windowSeconds: 86_400,
};
/** The personal link's pages and changes. */
export const LINK_PER_IP: RateLimitRule = { name: 'events-registration-link', max: 120, windowSeconds: 900 };

const noReferrer: onSendHookHandler = (_request, reply, payload, done) => {
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-robots-tag', 'noindex');
  done(null, payload);
};

const MANAGE_DONE = [
  'registered',
  'waiting',
  'applied',
  'already',
  'seats',
  'seatsFull',
  'seatsDecided',
  'answers',
  'cancelled',
  'accepted',
  'refused',
  'offerGone',
  'notAllowed',
  'shareOn',
  'shareOff',
] as const;

export function registerRegistrationRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;
  const serviceDeps = (request: FastifyRequest) => ({
    db,
    queue: deps.queue,
    secret: deps.secret,
    origin: siteOrigin(request),
  });

  async function eventOf(request: FastifyRequest, slug: string): Promise<EventRow> {
    if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw new AppError('LOTSA_NOT_FOUND');
    const event = await visibleEventBySlug(db, request.region.id, slug);
    if (!event) throw new AppError('LOTSA_NOT_FOUND');
    return event;
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    event: EventRow,
    draft: RegisterDraft,
    errors: FieldErrors,
    status = 200,
    noticeText?: string,
  ) {
    const [questions, exhibitors] = await Promise.all([
      repo.questionsOf(db, request.region.id, event.id),
      repo.hasExhibitors(db, request.region.id, event.id),
    ]);
    const page = views.registerPage({
      lang,
      event,
      questions,
      hasExhibitors: exhibitors,
      draft,
      errors,
      csrfToken: reply.csrfToken(),
      notice: noticeText,
    });
    return reply.page(page, { status, cache: 'no-store' });
  }

  app.get(
    '/:lang/events/:slug/register',
    {
      schema: { params: PathParams('lang', 'slug'), querystring: AnyQuery },
      config: { ...pub, rateLimit: FORM_PER_IP },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const event = await eventOf(request, request.params.slug);
      const account = request.auth?.account;
      const draft: RegisterDraft = {
        ...EMPTY_DRAFT,
        name: account?.displayName ?? '',
        email: account?.email ?? '',
      };
      return showForm(request, reply, lang, event, draft, {});
    },
  );

  app.post(
    '/:lang/events/:slug/register',
    {
      schema: { params: PathParams('lang', 'slug'), body: RegisterBody },
      config: { ...pub, rateLimit: FORM_PER_IP },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const event = await eventOf(request, request.params.slug);
      const [questions, exhibitors] = await Promise.all([
        repo.questionsOf(db, region.id, event.id),
        repo.hasExhibitors(db, region.id, event.id),
      ]);
      const draft = draftFromBody(request.body, questions);
      if (!registrationOpen(event))
        return showForm(request, reply, lang, event, draft, {}, 409, msg.t(lang, 'error.closed'));
      const checked = checkDraft(
        draft,
        { registration: event.registration, maxGroup: event.max_group, hasExhibitors: exhibitors },
        questions,
      );
      if (checked.errors) return showForm(request, reply, lang, event, draft, checked.errors, 400);
      const input = checked.input;
      for (const [rule, key] of [
        [REGISTER_PER_IP, clientKey(request, deps.secret)],
        [REGISTER_PER_ADDRESS, mailboxKey(deps.secret, REGISTER_PER_ADDRESS.name, input.email)],
      ] as const) {
        const wait = await deps.rateLimiter.hit(`${rule.name}:${key}`, rule);
        if (wait !== undefined) {
          reply.header('retry-after', String(wait));
          return showForm(
            request,
            reply,
            lang,
            event,
            draft,
            {},
            429,
            msg.t(lang, 'error.tooMany', { minutes: Math.max(1, Math.ceil(wait / 60)) }),
          );
        }
      }
      const account = request.auth?.account;
      const result = await register(serviceDeps(request), {
        ...input,
        regionId: region.id,
        eventId: event.id,
        lang,
        accountId: account && account.email.toLowerCase() === input.email ? account.id : null,
      });
      if (result.kind === 'closed')
        return showForm(request, reply, lang, event, draft, {}, 409, msg.t(lang, 'error.closed'));
      // Already registered: said so, and the link mailed again — never shown here, or anyone who
      // knows an address would reach its registration.
      if (result.kind === 'already')
        return showForm(request, reply, lang, event, EMPTY_DRAFT, {}, 200, msg.t(lang, 'done.already'));
      const token = manageToken(deps.secret, region.id, result.id);
      const done = result.kind === 'confirmed' ? 'registered' : result.kind;
      return reply
        .header('cache-control', 'no-store')
        .redirect(`${managePath(lang, token)}?done=${done}`, 303);
    },
  );

  // ---- The personal page ----

  const TokenParams = PathParams('lang', 'token');

  async function byToken(request: FastifyRequest, token: string) {
    const reg = await registrationByToken(db, request.region.id, token.slice(0, 64));
    if (!reg) throw new AppError('LOTSA_NOT_FOUND');
    const event = await eventById(db, reg.region_id, reg.event_id);
    if (!event) throw new AppError('LOTSA_NOT_FOUND');
    return { reg, event };
  }

  async function showManage(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    token: string,
    extra: { notice?: string; answerErrors?: FieldErrors; answersDraft?: Record<string, string> } = {},
    status = 200,
  ) {
    const { reg, event } = await byToken(request, token);
    const [questions, exhibitors] = await Promise.all([
      repo.questionsOf(db, reg.region_id, event.id),
      repo.hasExhibitors(db, reg.region_id, event.id),
    ]);
    const code = ticketCode(deps.secret, reg.region_id, reg.id);
    const page = views.managePage({
      lang,
      token,
      event,
      reg,
      questions,
      hasExhibitors: exhibitors,
      keepEndedDays: KEEP_ENDED_DAYS,
      place: reg.status === 'waiting' ? await waitingPlace(db, reg) : undefined,
      ticket: reg.status === 'confirmed' ? { code, qr: qrCode(code) } : undefined,
      csrfToken: reply.csrfToken(),
      ...extra,
    });
    return reply.page(page, { status, cache: 'no-store' });
  }

  const back = (reply: FastifyReply, lang: Lang, token: string, done: (typeof MANAGE_DONE)[number]) =>
    reply.header('cache-control', 'no-store').redirect(`${managePath(lang, token)}?done=${done}`, 303);

  const linkConfig = { ...pub, rateLimit: LINK_PER_IP };

  app.get(
    '/:lang/events/registration/:token',
    { schema: { params: TokenParams, querystring: AnyQuery }, config: linkConfig, onSend: noReferrer },
    async (request, reply) => {
      const lang = langParam(request);
      const done = doneOf(request.query.done, MANAGE_DONE);
      return showManage(request, reply, lang, request.params.token, {
        notice: done ? msg.t(lang, `done.${done}`) : undefined,
      });
    },
  );

  // The own page's links: a signed-in person's own registration (by account or address) → its
  // personal page, so the own page needs no secret to list them.
  app.get(
    '/:lang/me/events/:id',
    { schema: { params: PathParams('lang', 'id') }, config: { permission: Permission.SignedIn } },
    async (request, reply) => {
      const lang = langParam(request);
      const person = personOf(request);
      const id = uuidParam(request.params.id);
      const own = id
        ? await repo.registrationOfPerson(db, request.region.id, person.account.id, person.account.email, id)
        : undefined;
      if (!own) throw new AppError('LOTSA_NOT_FOUND');
      return reply
        .header('cache-control', 'no-store')
        .redirect(managePath(lang, manageToken(deps.secret, request.region.id, own.id)), 303);
    },
  );

  app.get(
    '/:lang/events/registration/:token/cancel',
    { schema: { params: TokenParams }, config: linkConfig, onSend: noReferrer },
    async (request, reply) => {
      const lang = langParam(request);
      const { event, reg } = await byToken(request, request.params.token);
      if (!LIVE_STATUSES.includes(reg.status as RegistrationStatus))
        return back(reply, lang, request.params.token, 'notAllowed');
      return reply.page(views.cancelPage(lang, event, request.params.token, reply.csrfToken()), {
        cache: 'no-store',
      });
    },
  );

  const post = (
    action: string,
    run: (
      request: FastifyRequest<{ Params: { lang: string; token: string }; Body: Record<string, unknown> }>,
      lang: Lang,
      regId: string,
    ) => Promise<FastifyReply | (typeof MANAGE_DONE)[number]>,
    body: TObject = FormBody('seats'),
  ) =>
    app.post(
      `/:lang/events/registration/:token/${action}`,
      {
        schema: { params: TokenParams, body },
        config: linkConfig,
        onSend: noReferrer,
      },
      async (request, reply) => {
        const lang = langParam(request);
        const { reg } = await byToken(request, request.params.token);
        const outcome = await run(request as never, lang, reg.id);
        if (typeof outcome !== 'string') return outcome;
        return back(reply, lang, request.params.token, outcome);
      },
    );

  post('cancel', async (request, _lang, id) => {
    const r = await cancelRegistration(serviceDeps(request), request.region.id, id, { by: 'self' });
    return r === 'done' ? 'cancelled' : 'notAllowed';
  });
  post('accept', async (request, _lang, id) => {
    const r = await acceptOffer(serviceDeps(request), request.region.id, id);
    return r === 'done' ? 'accepted' : 'offerGone';
  });
  post('decline', async (request, _lang, id) => {
    const r = await declineOffer(serviceDeps(request), request.region.id, id);
    return r === 'done' ? 'refused' : 'offerGone';
  });
  post(
    'share',
    async (request, _lang, id) => {
      const value = request.body.share;
      if (value !== 'yes' && value !== 'no') return 'notAllowed';
      const r = await changeShare(serviceDeps(request), request.region.id, id, value === 'yes');
      return r === 'done' ? (value === 'yes' ? 'shareOn' : 'shareOff') : 'notAllowed';
    },
    FormBody('share'),
  );

  // An ended registration deleted at the person's request: then a page that holds nothing of them.
  const erasedPath = (lang: Lang) => localPath(lang, '/events/registration/erased');
  app.post(
    '/:lang/events/registration/:token/erase',
    { schema: { params: TokenParams, body: FormBody() }, config: linkConfig, onSend: noReferrer },
    async (request, reply) => {
      const lang = langParam(request);
      const { reg } = await byToken(request, request.params.token);
      const r = await eraseOwnRegistration(serviceDeps(request), request.region.id, reg.id);
      if (r !== 'done') return back(reply, lang, request.params.token, 'notAllowed');
      return reply.header('cache-control', 'no-store').redirect(erasedPath(lang), 303);
    },
  );
  app.get(
    '/:lang/events/registration/erased',
    { schema: { params: PathParams('lang') }, config: linkConfig, onSend: noReferrer },
    async (request, reply) => reply.page(views.erasedPage(langParam(request)), { cache: 'no-store' }),
  );
  post('seats', async (request, _lang, id) => {
    const value = typeof request.body.seats === 'string' ? request.body.seats.trim() : '';
    const seats = parseSeats(value, groupLimit(20));
    if (seats === undefined) return 'notAllowed';
    const r = await changeSeats(serviceDeps(request), request.region.id, id, seats);
    if (r === 'done') return 'seats';
    return r === 'full' ? 'seatsFull' : r === 'decided' ? 'seatsDecided' : 'notAllowed';
  });

  app.post(
    '/:lang/events/registration/:token/answers',
    { schema: { params: TokenParams, body: FormBody() }, config: linkConfig, onSend: noReferrer },
    async (request, reply) => {
      const lang = langParam(request);
      const token = request.params.token;
      const { reg } = await byToken(request, token);
      const questions = await repo.questionsOf(db, reg.region_id, reg.event_id);
      const typed = answersFromBody(request.body, questions);
      const checked = checkAnswers(typed, questions);
      if (Object.keys(checked.errors).length > 0)
        return showManage(
          request,
          reply,
          lang,
          token,
          { answerErrors: checked.errors, answersDraft: typed },
          400,
        );
      const r = await changeAnswers(serviceDeps(request), request.region.id, reg.id, checked.values);
      return back(reply, lang, token, r === 'done' ? 'answers' : 'notAllowed');
    },
  );

  // ---- The organisers' side ----

  async function managedEvent(request: FastifyRequest, id: string): Promise<EventRow> {
    const access = eventAccessOf(request.region.id, request.auth ?? undefined);
    if (!access) throw new AppError('LOTSA_NOT_FOUND');
    const found = await eventForAccess(db, access, uuidParam(id));
    if (!found || found.relation !== 'manage') throw new AppError('LOTSA_NOT_FOUND');
    return found.event;
  }

  const listFilter = (query: AnyQuery) => {
    const status = repo.statusOf(queryText(query.status));
    const q = queryText(query.q).slice(0, 100);
    return { status, q };
  };

  async function showList(
    request: FastifyRequest & { query: AnyQuery },
    reply: FastifyReply,
    event: EventRow,
    extra: { declineError?: { id: string; message: string } } = {},
    status = 200,
  ) {
    const lang = adminLang(request);
    const filter = listFilter(request.query);
    const pageText = queryText(request.query.page);
    const page = /^\d{1,5}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;
    const [list, counts, questions] = await Promise.all([
      repo.listRegistrations(db, event.region_id, event.id, filter, page),
      repo.countsOf(db, event.region_id, event.id),
      repo.questionsOf(db, event.region_id, event.id),
    ]);
    const page_ = views.adminListPage({
      lang,
      event,
      questions,
      rows: list.rows,
      total: list.total,
      page,
      pages: Math.max(1, Math.ceil(list.total / repo.PAGE_SIZE)),
      status: filter.status ?? '',
      q: filter.q,
      counts,
      csrfToken: reply.csrfToken(),
      done: doneOf(request.query.done, views.ADMIN_DONE),
      ...extra,
    });
    return reply.adminPage(page_, { status });
  }

  app.get(
    '/admin/events/:id/registrations',
    { schema: { params: PathParams('id'), querystring: AnyQuery }, config: manage },
    async (request, reply) => showList(request, reply, await managedEvent(request, request.params.id)),
  );

  app.get(
    '/admin/events/:id/registrations.csv',
    { schema: { params: PathParams('id'), querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const event = await managedEvent(request, request.params.id);
      const lang = adminLang(request);
      const [list, questions] = await Promise.all([
        repo.listRegistrations(
          db,
          event.region_id,
          event.id,
          listFilter(request.query),
          1,
          repo.EXPORT_LIMIT,
        ),
        repo.questionsOf(db, event.region_id, event.id),
      ]);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="anmalningar-${event.slug}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(registrationsCsv(lang, questions, list.rows));
    },
  );

  const DecisionParams = PathParams('id', 'rid');
  const decisionBody = Type.Object({ message: Type.Optional(Type.String({ maxLength: 4000 })) });

  for (const action of ['cancel', 'approve', 'wait', 'decline'] as const) {
    app.post(
      `/admin/events/:id/registrations/:rid/${action}`,
      { schema: { params: DecisionParams, body: decisionBody, querystring: AnyQuery }, config: manage },
      async (request, reply) => {
        const event = await managedEvent(request, request.params.id);
        const rid = uuidParam(request.params.rid);
        const person = personOf(request);
        const sdeps = serviceDeps(request);
        let done: views.AdminDone;
        if (action === 'cancel') {
          const r = await cancelRegistration(sdeps, event.region_id, rid, {
            by: 'organiser',
            actor: actorOf(person),
            eventId: event.id,
          });
          done = r === 'done' ? 'cancelled' : 'gone';
        } else {
          const message = (request.body.message ?? '').trim();
          if (action === 'decline' && message.length > LIMITS.message)
            return showList(
              request,
              reply,
              event,
              { declineError: { id: rid, message: msg.t(adminLang(request), 'admin.error.message') } },
              400,
            );
          const r = await decideApplication(
            sdeps,
            event.region_id,
            event.id,
            rid,
            action === 'decline' ? { kind: 'decline', message } : { kind: action },
            { accountId: person.account.id },
          );
          done =
            r === 'gone'
              ? 'gone'
              : r === 'full'
                ? 'full'
                : action === 'approve'
                  ? 'approved'
                  : action === 'wait'
                    ? 'waiting'
                    : 'declined';
        }
        return reply.redirect(`${views.registrationsPath(event.id)}?done=${done}`, 303);
      },
    );
  }
}

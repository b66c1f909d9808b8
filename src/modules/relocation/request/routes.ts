/**
 * Asking a navigator (Permission.Public; the page holds a CSRF token, so it is no-store like the
 * talent pool's join steps, and its POST carries the token):
 * - GET /:lang/move: content's move page with the request form in the contact box's place; `?job=`
 *   and utm_* are carried along; a signed-in talent is not asked again what the profile says.
 * - POST /:lang/move: "Visa tider" re-shows the form with the slots for the chosen municipality
 *   and channel; "Skicka" stores the request (rate limited per client and per address) and 303s
 *   to the receipt; a slot taken meanwhile re-shows the form with the next slots, nothing lost.
 * - GET /:lang/move/thanks/:token: the receipt, behind a signed value valid two hours (a guessed
 *   case id shows nothing).
 * - GET/POST /:lang/move/welcome/:token: the e-mail link (GET changes nothing; POST signs in).
 * Back office (Permission.CasesWork): /admin/cases/slots — my open times; add; remove.
 */
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { clientKey } from '../../../platform/http/rate-limit.ts';
import {
  AnyQuery,
  FormBody,
  FormList,
  LangParams,
  PathParams,
  type App,
} from '../../../platform/http/schema.ts';
import { queryText } from '../../../platform/http/params.ts';
import { Type } from '@sinclair/typebox';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { mailboxKey } from '../../identity/accounts.ts';
import { movePage, moveContent } from '../../content/public/move.ts';
import { PATHS } from '../model.ts';
import {
  checkDraft,
  cleanJobId,
  cleanTag,
  draftFromBody,
  EMPTY_DRAFT,
  RequestBody,
  type FieldErrors,
  type RequestDraft,
} from './form.ts';
import {
  FORM_PER_IP,
  jobOf,
  knownFromProfile,
  LINK_PER_IP,
  receiptCase,
  receiptOf,
  receiptToken,
  REQUEST_PER_ADDRESS,
  REQUEST_PER_IP,
  slotsFor,
  spendWelcome,
  submitRequest,
  welcomeLive,
} from './service.ts';
import { addSlots, EMPTY_SLOT_FORM, readSlotForm, removeSlot, type SlotStaff } from './slots.ts';
import { slotsOf } from './repository.ts';
import * as views from './views.ts';

const pub = { permission: Permission.Public, auth: 'optional' } as const;
const cases = { permission: Permission.CasesWork } as const;

const noReferrer: onSendHookHandler = (_request, reply, payload, done) => {
  reply.header('referrer-policy', 'no-referrer');
  done(null, payload);
};

const SlotBody = Type.Object({
  day: Type.Optional(Type.String({ maxLength: 100 })),
  start: Type.Optional(Type.String({ maxLength: 100 })),
  minutes: Type.Optional(Type.String({ maxLength: 100 })),
  count: Type.Optional(Type.String({ maxLength: 100 })),
  channels: FormList(),
});

export function registerRequestRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  /** The move page with the form: its slots, job, what the profile knows. */
  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    draft: RequestDraft,
    errors: FieldErrors,
    extra: Pick<views.FormView, 'notice' | 'tooMany'> = {},
    status = 200,
  ) {
    const region = request.region;
    const account = request.auth?.account;
    const [content, slots, job, known] = await Promise.all([
      moveContent(db, region.id, lang),
      slotsFor(db, region.id, draft.municipality, draft.channel, region),
      draft.job ? jobOf(db, region.id, draft.job) : undefined,
      knownFromProfile(db, region.id, account?.id, lang),
    ]);
    const form = views.requestForm({
      lang,
      region,
      draft,
      errors,
      csrfToken: reply.csrfToken(),
      slots,
      job,
      known,
      account: account ? { email: account.email } : undefined,
      ...extra,
    });
    const hasErrors = Object.keys(errors).length > 0;
    const page = movePage(region, lang, content.guides, content.images, content.hero, {
      html: form,
      stylesheets: [views.RELOCATION_CSS],
      ...(hasErrors ? { title: `${lang === 'sv' ? 'Fel' : 'Error'}: ${views.formTitle(lang)}` } : {}),
    });
    return reply.page(page, { status, cache: 'no-store' });
  }

  app.get(
    '/:lang/move',
    { schema: { params: LangParams, querystring: AnyQuery }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      const q = request.query;
      const account = request.auth?.account;
      const known = account ? await knownFromProfile(db, request.region.id, account.id, lang) : undefined;
      const single = known?.municipalities.length === 1 ? known.municipalities[0]! : '';
      const draft: RequestDraft = {
        ...EMPTY_DRAFT,
        job: cleanJobId(queryText(q.job)),
        utm: {
          source: cleanTag(queryText(q.utm_source)),
          medium: cleanTag(queryText(q.utm_medium)),
          campaign: cleanTag(queryText(q.utm_campaign)),
        },
        municipality: single,
        name: account?.displayName ?? '',
        language: lang,
        ...(known ? { hasPartner: known.hasPartner ? 'yes' : 'no', housing: known.housing } : {}),
      };
      return showForm(request, reply, lang, draft, {});
    },
  );

  app.post(
    '/:lang/move',
    { schema: { params: LangParams, body: RequestBody }, config: { ...pub, rateLimit: FORM_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const draft = draftFromBody(request.body);
      const account = request.auth?.account;
      if (request.body.action === 'slots')
        return showForm(request, reply, lang, draft, {}, { notice: 'shown' });

      const known = await knownFromProfile(db, region.id, account?.id, lang);
      const checked = checkDraft(draft, {
        municipalities: new Set(region.municipalities.map((m) => m.code)),
        accountEmail: account?.email,
        fromProfile: !!known,
      });
      if (checked.errors) return showForm(request, reply, lang, draft, checked.errors, {}, 400);
      const input = checked.input;

      // Sending is limited per client and per address (a form re-shown with its errors is not).
      const ipWait = await deps.rateLimiter.hit(
        `${REQUEST_PER_IP.name}:${clientKey(request, deps.secret)}`,
        REQUEST_PER_IP,
      );
      if (ipWait !== undefined) {
        reply.header('retry-after', String(ipWait));
        return showForm(
          request,
          reply,
          lang,
          draft,
          {},
          { tooMany: Math.max(1, Math.ceil(ipWait / 60)) },
          429,
        );
      }
      const email = input.email;
      if (email) {
        const wait = await deps.rateLimiter.hit(
          `${REQUEST_PER_ADDRESS.name}:${mailboxKey(deps.secret, REQUEST_PER_ADDRESS.name, email)}`,
          REQUEST_PER_ADDRESS,
        );
        if (wait !== undefined) {
          reply.header('retry-after', String(wait));
          return showForm(
            request,
            reply,
            lang,
            draft,
            {},
            { tooMany: Math.max(1, Math.ceil(wait / 60)) },
            429,
          );
        }
      }
      const job = draft.job ? await jobOf(db, region.id, draft.job) : undefined;
      const result = await submitRequest(
        {
          db,
          queue: deps.queue,
          region,
          lang,
          origin: siteOrigin(request),
          account: account ? { id: account.id, email: account.email } : undefined,
          known,
          jobId: job?.id,
          campaign: draft.utm,
        },
        input,
      );
      if (result.kind === 'slot-taken')
        return showForm(request, reply, lang, { ...draft, slot: '' }, {}, { notice: 'slotTaken' }, 409);
      const token = receiptToken(deps.secret, region.id, result.caseId);
      return reply.header('cache-control', 'no-store').redirect(views.requestPaths.thanks(lang, token), 303);
    },
  );

  app.get(
    '/:lang/move/thanks/:token',
    { schema: { params: PathParams('lang', 'token') }, config: pub, onSend: noReferrer },
    async (request, reply) => {
      const lang = langParam(request);
      const token = request.params.token.slice(0, 120);
      const caseId = receiptCase(deps.secret, request.region.id, token);
      const receipt = caseId ? await receiptOf(db, request.region.id, caseId) : undefined;
      return reply.page(views.receiptPage(lang, receipt, token), {
        status: receipt ? 200 : 410,
        cache: 'no-store',
      });
    },
  );

  app.get(
    '/:lang/move/welcome/:token',
    {
      schema: { params: PathParams('lang', 'token') },
      config: { ...pub, rateLimit: LINK_PER_IP },
      onSend: noReferrer,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const token = request.params.token.slice(0, 64);
      if (!(await welcomeLive(db, request.region.id, token)))
        return reply.page(views.welcomeGonePage(lang), { status: 410, cache: 'no-store' });
      return reply.page(views.welcomePage(lang, token, reply.csrfToken()), { cache: 'no-store' });
    },
  );

  app.post(
    '/:lang/move/welcome/:token',
    {
      schema: { params: PathParams('lang', 'token'), body: FormBody() },
      config: { ...pub, rateLimit: LINK_PER_IP },
      onSend: noReferrer,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const spent = await spendWelcome(db, deps.sessions, {
        regionId: request.region.id,
        token: request.params.token.slice(0, 64),
        lang,
        browser: deps.sessions.browserOf(request),
      });
      if (!spent) return reply.page(views.welcomeGonePage(lang), { status: 410, cache: 'no-store' });
      deps.sessions.setCookie(reply, spent.sessionToken);
      return reply.header('cache-control', 'no-store').redirect(views.requestPaths.ownMove(lang), 303);
    },
  );

  // ---- The navigators' open times ----

  const staffOf = (request: FastifyRequest): SlotStaff => {
    const person = personOf(request);
    return {
      regionId: request.region.id,
      accountId: person.account.id,
      organisationId: person.organisation?.id ?? '',
      actor: actorOf(person),
    };
  };

  async function showSlots(
    request: FastifyRequest,
    reply: FastifyReply,
    model: Omit<views.SlotsPageModel, 'lang' | 'csrf' | 'slots'>,
    status = 200,
  ) {
    const staff = staffOf(request);
    const slots = await slotsOf(db, staff.regionId, staff.accountId);
    const page = views.slotsPage({ lang: adminLang(request), csrf: reply.csrfToken(), slots, ...model });
    return reply.adminPage({ ...page, path: PATHS.slots }, { status });
  }

  app.get(PATHS.slots, { schema: { querystring: AnyQuery }, config: cases }, async (request, reply) => {
    const q = request.query;
    const done = queryText(q.done);
    const count = Number(queryText(q.count));
    return showSlots(request, reply, {
      form: EMPTY_SLOT_FORM,
      errors: {},
      done:
        done === 'added' && Number.isInteger(count) && count > 0 && count <= 16
          ? { kind: 'added', count }
          : done === 'removed'
            ? { kind: 'removed' }
            : done === 'gone'
              ? { kind: 'gone' }
              : undefined,
    });
  });

  app.post(PATHS.slots, { schema: { body: SlotBody }, config: cases }, async (request, reply) => {
    const form = readSlotForm(request.body);
    const staff = staffOf(request);
    if (!staff.organisationId) return showSlots(request, reply, { form, errors: {} }, 403);
    const result = await addSlots(db, staff, form, adminLang(request));
    if (result.kind === 'invalid') return showSlots(request, reply, { form, errors: result.errors }, 400);
    return reply.redirect(`${PATHS.slots}?done=added&count=${result.count}`, 303);
  });

  app.post(
    `${PATHS.slots}/:id/remove`,
    { schema: { params: PathParams('id'), body: FormBody() }, config: cases },
    async (request, reply) => {
      const removed = await removeSlot(db, staffOf(request), request.params.id);
      return reply.redirect(`${PATHS.slots}?done=${removed ? 'removed' : 'gone'}`, 303);
    },
  );
}

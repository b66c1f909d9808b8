/**
 * Routes of the employers' side. Back-office (Permission.TalentSearch, for the organisation acted
 * for): /admin/talent (the card search), /admin/talent/cards/:card (one card and the intro request
 * form), /admin/talent/requests. Public: /:lang/talent-pool/intro/:token (the e-mailed answer page
 * and its POST). Signed in: the own page's answer and unblock forms. Thin: read, one service call,
 * render.
 */
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { doneOf, isUuid } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { getOrganisation } from '../../identity/organisations/service.ts';
import { answerPage, ownPath } from './person.ts';
import {
  conceptsById,
  introsOfOrganisation,
  openJobsOf,
  searchConcepts,
  type Concept,
} from './repository.ts';
import {
  answerIntro,
  INTROS_PER_DAY,
  introForToken,
  openCard,
  PAGE_SIZE,
  searchCards,
  sendIntro,
  unblock,
  type Sender,
} from './service.ts';
import {
  cardPage,
  conceptIdsOf,
  goneCardPage,
  requestsPage,
  searchPage,
  TALENT_PATH,
  REQUESTS_PATH,
  cardPath,
  translator,
  type CardContext,
} from './views.ts';
import { html } from '../../../platform/html/html.ts';
import { talentSettings } from '../profiles.ts';
import type { WideMove } from './cards.ts';

const search = { permission: Permission.TalentSearch } as const;
const CardParams = PathParams('card');
const IntroParams = PathParams('lang', 'token');
const INTRO_PAGE_PER_IP = { name: 'talent-intro-page', max: 60, windowSeconds: 900 };
const MOVES: readonly WideMove[] = ['within-a-year', 'later', 'live-here'];
/** Highest page of results one may ask for. */
const MAX_PAGE = 500;

const noReferrer: onSendHookHandler = (_request, reply, payload, done) => {
  reply.header('referrer-policy', 'no-referrer');
  done(null, payload);
};

const text = (value: unknown, max = 100) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export function registerEmployerRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  /** The person and the organisation they act for. */
  async function senderOf(request: FastifyRequest): Promise<Sender> {
    const person = personOf(request);
    const acting = person.organisation;
    const organisation = acting && (await getOrganisation(db, request.region.id, acting.id));
    if (!organisation) throw new AppError('LOTSA_NOT_FOUND');
    return {
      regionId: request.region.id,
      organisationId: organisation.id,
      accountId: person.account.id,
      secret: deps.secret,
      organisation: { id: organisation.id, name: organisation.name, orgNumber: organisation.orgNumber },
      actor: actorOf(person),
      origin: siteOrigin(request),
    };
  }

  async function contextFor(request: FastifyRequest, ids: string[]): Promise<CardContext> {
    return {
      lang: adminLang(request),
      concepts: await conceptsById(db, ids),
      municipalities: request.region.municipalities,
    };
  }

  app.get(TALENT_PATH, { schema: { querystring: AnyQuery }, config: search }, async (request, reply) => {
    const sender = await senderOf(request);
    const q = request.query;
    const values = {
      occupation: text(q.occupation),
      oc: text(q.oc, 40),
      skill: text(q.skill),
      municipality: text(q.municipality, 10),
      move: text(q.move, 20),
    };
    const page = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(text(q.page, 6), 10) || 1));
    const occupationMatches = values.occupation
      ? await searchConcepts(db, 'occupation', values.occupation, 10)
      : [];
    const picked = occupationMatches.find((o) => o.id === values.oc);
    const occupations: Concept[] = picked ? [picked] : occupationMatches;
    const skills = values.skill ? await searchConcepts(db, 'skill', values.skill, 20) : [];
    const municipality = request.region.municipalities.some((m) => m.code === values.municipality)
      ? values.municipality
      : '';
    const move = MOVES.find((m) => m === values.move);
    const occupationNone = values.occupation !== '' && occupationMatches.length === 0;
    const skillNone = values.skill !== '' && skills.length === 0;
    const found =
      occupationNone || skillNone
        ? { total: 0, tooFew: false, k: 0, cards: [] }
        : await searchCards(
            db,
            sender,
            {
              occupations: occupations.map((o) => o.id),
              skills: skills.map((s) => s.id),
              municipality: municipality || undefined,
              move,
            },
            page,
          );
    const k = found.k || (await talentSettings(db, sender.regionId)).kAnonymity;
    const context = await contextFor(request, [
      ...found.cards.flatMap((c) => conceptIdsOf(c.card.facts)),
      ...occupationMatches.map((o) => o.id),
    ]);
    const query = new URLSearchParams(
      Object.entries({ ...values, municipality, move: move ?? '' }).filter(([, v]) => v !== ''),
    ).toString();
    const view = searchPage({
      lang: context.lang,
      k,
      municipalities: request.region.municipalities,
      values: { ...values, municipality, move: move ?? '' },
      occupationMatches,
      occupationNone,
      skillNone,
      concepts: context.concepts,
      result: {
        total: found.total,
        tooFew: found.tooFew,
        cards: found.cards,
        page,
        pages: Math.ceil(found.total / PAGE_SIZE),
        query,
      },
    });
    return reply.adminPage({ ...view, path: TALENT_PATH });
  });

  async function showCard(
    request: FastifyRequest,
    reply: FastifyReply,
    sender: Sender,
    cardId: string,
    model: Partial<Parameters<typeof cardPage>[0]> = {},
    status = 200,
  ) {
    const shown = await openCard(db, sender, cardId);
    const lang = adminLang(request);
    if (!shown) return reply.adminPage({ ...goneCardPage(lang), path: TALENT_PATH }, { status: 404 });
    const [context, jobs] = await Promise.all([
      contextFor(request, conceptIdsOf(shown.card.facts)),
      openJobsOf(db, sender.regionId, sender.organisation),
    ]);
    const view = cardPage({
      lang,
      csrf: reply.csrfToken(),
      context,
      shown,
      jobs,
      values: { message: '', job: '' },
      errors: {},
      limit: INTROS_PER_DAY,
      ...model,
    });
    return reply.adminPage({ ...view, path: cardPath(cardId), navPath: TALENT_PATH }, { status });
  }

  app.get(
    `${TALENT_PATH}/cards/:card`,
    { schema: { params: CardParams, querystring: AnyQuery }, config: search },
    async (request, reply) => {
      const sender = await senderOf(request);
      return showCard(request, reply, sender, request.params.card, {
        sent: doneOf(request.query.done, ['sent'] as const) === 'sent',
      });
    },
  );

  app.post(
    `${TALENT_PATH}/cards/:card`,
    { schema: { params: CardParams, body: FormBody('message', 'job') }, config: search },
    async (request, reply) => {
      const sender = await senderOf(request);
      const cardId = request.params.card;
      const values = { message: request.body.message ?? '', job: request.body.job ?? '' };
      const outcome = await sendIntro(db, deps.queue, sender, cardId, {
        message: values.message,
        jobId: values.job,
      });
      switch (outcome.kind) {
        case 'sent':
          return reply.redirect(`${cardPath(cardId)}?done=sent`, 303);
        case 'invalid':
          return showCard(request, reply, sender, cardId, { values, errors: outcome.errors }, 422);
        case 'unavailable': {
          // The card may still be in the pool's snapshot: say so on a page without the form.
          const lang = adminLang(request);
          const view = goneCardPage(lang);
          return reply.adminPage(
            {
              ...view,
              main: html`<div class="error-summary" role="alert"><p>${translator(lang)('intro.unavailable')}</p></div>
                ${view.main}`,
              path: TALENT_PATH,
            },
            { status: 409 },
          );
        }
        case 'limited':
          reply.header('retry-after', String(3600));
          return showCard(request, reply, sender, cardId, { values, problem: 'limited' }, 429);
        case 'pending':
          return showCard(request, reply, sender, cardId, { values, problem: 'pending' }, 409);
      }
    },
  );

  app.get(REQUESTS_PATH, { schema: { querystring: AnyQuery }, config: search }, async (request, reply) => {
    const sender = await senderOf(request);
    const intros = await introsOfOrganisation(db, sender.regionId, sender.organisationId);
    const view = requestsPage(adminLang(request), sender.organisation.name, intros);
    return reply.adminPage({ ...view, path: REQUESTS_PATH, navPath: TALENT_PATH });
  });

  // ------------------------------------------------------------------ the person's answers

  app.get(
    '/:lang/talent-pool/intro/:token',
    {
      schema: { params: IntroParams, querystring: AnyQuery },
      config: { permission: Permission.Public, rateLimit: INTRO_PAGE_PER_IP },
      onSend: noReferrer,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const intro = await introForToken(db, request.region.id, request.params.token);
      const view = answerPage(lang, reply.csrfToken(), request.params.token, intro);
      return reply.page(
        { ...view, description: view.title, path: '/talent-pool', noindex: true },
        { status: intro ? 200 : 404, cache: 'no-store' },
      );
    },
  );

  app.post(
    '/:lang/talent-pool/intro/:token',
    {
      schema: { params: IntroParams, body: FormBody('answer', 'block') },
      config: { permission: Permission.Public, rateLimit: INTRO_PAGE_PER_IP },
      onSend: noReferrer,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const answer = request.body.answer;
      if (answer !== 'accept' && answer !== 'decline') throw new AppError('LOTSA_BAD_REQUEST');
      const block = answer === 'decline' && request.body.block === '1';
      const result = await answerIntro(
        db,
        deps.queue,
        request.region.id,
        { token: request.params.token },
        {
          accept: answer === 'accept',
          block,
        },
      );
      const intro = result.kind === 'not-found' ? undefined : result.intro;
      const view = answerPage(lang, reply.csrfToken(), request.params.token, intro, block);
      return reply.page(
        { ...view, description: view.title, path: '/talent-pool', noindex: true },
        { status: intro ? 200 : 404, cache: 'no-store' },
      );
    },
  );

  const signedIn = { permission: Permission.SignedIn } as const;

  app.post(
    '/:lang/talent-pool/requests/answer',
    { schema: { params: LangParams, body: FormBody('id', 'answer', 'block') }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const person = personOf(request);
      const { id, answer } = request.body;
      if (!isUuid(id) || (answer !== 'accept' && answer !== 'decline'))
        throw new AppError('LOTSA_BAD_REQUEST');
      const result = await answerIntro(
        db,
        deps.queue,
        request.region.id,
        { id, accountId: person.account.id },
        { accept: answer === 'accept', block: answer === 'decline' && request.body.block === '1' },
      );
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      const done = result.kind === 'answered' ? (answer === 'accept' ? 'accepted' : 'declined') : 'gone';
      return reply.redirect(`/${lang}/me?talent_done=${done}#talent-employers`, 303);
    },
  );

  app.post(
    '/:lang/talent-pool/blocks/remove',
    { schema: { params: LangParams, body: FormBody('organisation') }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const person = personOf(request);
      const organisation = request.body.organisation;
      if (!isUuid(organisation)) throw new AppError('LOTSA_BAD_REQUEST');
      await unblock(db, request.region.id, person.account.id, organisation);
      return reply.redirect(ownPath(lang).replace('#', '?talent_done=unblocked#'), 303);
    },
  );
}

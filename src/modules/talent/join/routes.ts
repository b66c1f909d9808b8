/**
 * Joining the talent pool (Permission.Public):
 * - GET /:lang/talent-pool: the landing page; GET /:lang/talent-pool/join: step 1 of the form.
 * - POST /:lang/talent-pool/join/:step (1–3): search-and-pick, back, next — the draft travels in
 *   hidden fields; POST /:lang/talent-pool/join/send: step 4, stores the sign-up and mails the link
 *   (a signed-in person's profile is written at once).
 * - GET /:lang/talent-pool/confirm/:token: what confirming will save — the answers in words
 *   (merged into the existing profile, if the address has one) and each consent given — with the
 *   withdrawn consents as unticked checkboxes and a confirm button (a GET changes nothing); POST
 *   /:lang/talent-pool/confirm: writes or merges the profile, gives the consents (a withdrawn one
 *   only when ticked), signs in, lands on /:lang/me#talent.
 * - POST /:lang/talent-pool/renew: a new link for an expired sign-up, with what was typed.
 */
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { shell } from '../../../platform/html/messages.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { Type } from '@sinclair/typebox';
import { FormBody, FormList, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import type { Page } from '../../../platform/html/layout.ts';
import { imagesFor } from '../../content/public/media.ts';
import { mailboxKey, normalizeEmail } from '../../identity/accounts.ts';
import { profileOf } from '../profiles.ts';
import {
  checkDraft,
  draftFromBody,
  DraftBody,
  EMPTY_DRAFT,
  PICKER_NAMES,
  pickerQuery,
  STEP_FIELDS,
  type Draft,
  type DraftBodyValue,
  type DraftErrors,
  type PickerName,
} from './draft.ts';
import type { FieldsView } from './fields.ts';
import { conceptsById } from './taxonomy.ts';
import {
  confirmSignup,
  createSignup,
  joinSignedIn,
  LINK_PER_IP,
  draftFieldsView,
  previewSignup,
  renewSignup,
  SEND_PER_ADDRESS,
  SEND_PER_IP,
  STEP_PER_IP,
} from './service.ts';
import * as views from './views.ts';

/** The landing page's photograph: the first of these the media library has. */
export const TALENT_HERO_IMAGES = ['autumn-forest-sunbeams', 'lake-jetty-sunset', 'winter-spruce-forest'];

const pub = { permission: Permission.Public, auth: 'optional' } as const;
const noStore = (reply: FastifyReply, page: Page, status = 200) =>
  reply.page(page, { status, cache: 'no-store' });
/** The confirm form: the link's token and the withdrawn consents ticked again. */
const ConfirmBody = Type.Object({ token: Type.Optional(Type.String()), consents: FormList() });

const noReferrer: onSendHookHandler = (_request, reply, payload, done) => {
  reply.header('referrer-policy', 'no-referrer');
  done(null, payload);
};

export function registerJoinRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  const fieldsView = (
    request: FastifyRequest,
    lang: Lang,
    draft: Draft,
    errors: DraftErrors,
    body: DraftBodyValue = {},
    searched?: readonly { name: PickerName; q: string }[],
  ) => draftFieldsView(db, request.region, lang, draft, errors, body, searched);

  async function showStep(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    step: number,
    view: FieldsView,
    status = 200,
  ) {
    const page = views.stepPage({
      ...view,
      step,
      csrfToken: reply.csrfToken(),
      signedIn: !!request.auth?.account,
    });
    return noStore(reply, page, status);
  }

  app.get('/:lang/talent-pool', { schema: { params: LangParams }, config: pub }, async (request, reply) => {
    const lang = langParam(request);
    const account = request.auth?.account;
    const [images, member] = await Promise.all([
      imagesFor(db, request.region.id, TALENT_HERO_IMAGES),
      account ? profileOf(db, request.region.id, account.id) : undefined,
    ]);
    const hero = TALENT_HERO_IMAGES.map((s) => images.get(s)).find(Boolean);
    const page = views.landingPage(lang, hero, !!member);
    return reply.page(page, { cache: account ? 'no-store' : 'public, max-age=300' });
  });

  app.get(
    '/:lang/talent-pool/join',
    { schema: { params: LangParams }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      return showStep(request, reply, lang, 1, await fieldsView(request, lang, { ...EMPTY_DRAFT }, {}));
    },
  );

  /** Steps 1–3: search, back or next. */
  app.post(
    '/:lang/talent-pool/join/:step',
    {
      schema: { params: PathParams('lang', 'step'), body: DraftBody },
      config: { ...pub, rateLimit: STEP_PER_IP },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const step = Number(request.params.step);
      if (![1, 2, 3].includes(step)) return reply.callNotFound();
      const body = request.body;
      const draft = draftFromBody(body);
      const action = body.action ?? 'next';
      const ctx = { db, region: request.region, signedIn: !!request.auth?.account };

      if (action.startsWith('search:')) {
        const asked = action.slice('search:'.length) as PickerName;
        const onStep = PICKER_NAMES.filter((n) => (STEP_FIELDS[step] ?? []).includes(n));
        // Enter in a search field presses the form's first "Search" without JavaScript: every
        // search field of the step that holds text is searched (the one asked for when none does).
        const withText = onStep.filter((n) => (body[`q_${n}`] ?? '').trim());
        const names = withText.length ? withText : onStep.filter((n) => n === asked).slice(0, 1);
        const errors: DraftErrors = {};
        const searched: { name: PickerName; q: string }[] = [];
        for (const name of names) {
          const query = pickerQuery(body, name);
          if (query.error) errors[name] = query.error;
          else searched.push({ name, q: query.q });
        }
        // Keep what was typed; unknown ids already chosen are reported with the search.
        const checked = await checkDraft(ctx, draft, []);
        const view = await fieldsView(request, lang, draft, { ...checked, ...errors }, body, searched);
        return showStep(request, reply, lang, step, view, Object.keys(errors).length ? 422 : 200);
      }
      if (action === 'back') {
        return showStep(
          request,
          reply,
          lang,
          Math.max(1, step - 1),
          await fieldsView(request, lang, draft, {}, body),
        );
      }
      const errors = await checkDraft(ctx, draft, [step]);
      for (const n of PICKER_NAMES) {
        if (!(STEP_FIELDS[step] ?? []).includes(n)) continue;
        const q = pickerQuery(body, n);
        if (q.error) errors[n] ??= q.error;
      }
      if (Object.keys(errors).length > 0)
        return showStep(
          request,
          reply,
          lang,
          step,
          await fieldsView(request, lang, draft, errors, body),
          422,
        );
      return showStep(request, reply, lang, step + 1, await fieldsView(request, lang, draft, {}));
    },
  );

  /** Step 4: store the sign-up and mail the link, or (signed in) join at once. */
  app.post(
    '/:lang/talent-pool/join/send',
    { schema: { params: LangParams, body: DraftBody }, config: { ...pub, rateLimit: SEND_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const body = request.body;
      const draft = draftFromBody(body);
      const account = request.auth?.account;
      if (body.action === 'back')
        return showStep(request, reply, lang, 3, await fieldsView(request, lang, draft, {}));
      const ctx = { db, region: request.region, signedIn: !!account };
      const errors = await checkDraft(ctx, draft, [1, 2, 3, 4]);
      const first = [1, 2, 3, 4].find((s) => (STEP_FIELDS[s] ?? []).some((f) => errors[f]));
      if (first !== undefined)
        return showStep(
          request,
          reply,
          lang,
          first,
          await fieldsView(request, lang, draft, errors, body),
          422,
        );
      const regionId = request.region.id;
      if (account) {
        await joinSignedIn(db, regionId, account.id, draft, deps.secret);
        return reply
          .header('cache-control', 'no-store')
          .redirect(`${views.joinPaths.me(lang)}?talent=joined#talent`, 303);
      }
      const email = normalizeEmail(draft.email);
      const wait = await deps.rateLimiter.hit(
        `${SEND_PER_ADDRESS.name}:${mailboxKey(deps.secret, SEND_PER_ADDRESS.name, email)}`,
        SEND_PER_ADDRESS,
      );
      if (wait !== undefined) {
        reply.header('retry-after', String(wait));
        const view = await fieldsView(request, lang, draft, {}, body);
        const page = views.tooManyPage({
          ...view,
          csrfToken: reply.csrfToken(),
          minutes: Math.max(1, Math.ceil(wait / 60)),
        });
        return noStore(reply, page, 429);
      }
      const language: Lang = draft.language === 'en' ? 'en' : 'sv';
      const site = shell.t(language, 'siteName', { region: request.region.name[language] });
      await db.transaction().execute(async (trx) => {
        const { url } = await createSignup(trx, {
          regionId,
          draft,
          email,
          language,
          origin: siteOrigin(request),
        });
        const mail = views.signupMail(language, site, url);
        await queueMail(trx, deps.queue, { regionId, to: email, language, ...mail });
      });
      return noStore(reply, views.sentPage(lang, email));
    },
  );

  app.get(
    '/:lang/talent-pool/confirm/:token',
    {
      schema: { params: PathParams('lang', 'token') },
      config: { ...pub, rateLimit: LINK_PER_IP },
      onSend: noReferrer,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const { token } = request.params;
      const preview = await previewSignup(db, request.region.id, token);
      if (!preview) return noStore(reply, views.gonePage(lang, token.slice(0, 64), reply.csrfToken()), 410);
      const d = preview.draft;
      const names = async (type: 'occupation-name' | 'skill' | 'language', ids: string[]) =>
        (await conceptsById(db, type, ids, lang)).map((c) => c.label);
      const towns = new Map(request.region.municipalities.map((m) => [m.code, m.shortName]));
      const labels: views.DraftLabels = {
        occupations: await names('occupation-name', d.occupations),
        skills: await names('skill', d.skills),
        languages: await names('language', d.languages),
        municipalities: d.municipalities.flatMap((c) => towns.get(c) ?? []),
        partnerOccupations: d.hasPartner ? await names('occupation-name', d.partnerOccupations) : [],
        partnerSkills: d.hasPartner ? await names('skill', d.partnerSkills) : [],
      };
      const page = views.confirmPage({ lang, token, csrfToken: reply.csrfToken(), preview, labels });
      return noStore(reply, page);
    },
  );

  app.post(
    '/:lang/talent-pool/confirm',
    {
      schema: { params: LangParams, body: ConfirmBody },
      config: { ...pub, rateLimit: LINK_PER_IP },
      onSend: noReferrer,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const token = (request.body.token ?? '').slice(0, 64);
      const confirmed = await confirmSignup(db, deps.sessions, {
        regionId: request.region.id,
        token,
        ticked: (request.body.consents ?? []).slice(0, 10),
        secret: deps.secret,
        browser: deps.sessions.browserOf(request),
      });
      if (!confirmed) return noStore(reply, views.gonePage(lang, token, reply.csrfToken()), 410);
      deps.sessions.setCookie(reply, confirmed.sessionToken);
      return reply
        .header('cache-control', 'no-store')
        .redirect(`${views.joinPaths.me(lang)}?talent=joined#talent`, 303);
    },
  );

  app.post(
    '/:lang/talent-pool/renew',
    {
      schema: { params: LangParams, body: FormBody('token') },
      config: { ...pub, rateLimit: SEND_PER_IP },
      onSend: noReferrer,
    },
    async (request, reply) => {
      const lang = langParam(request);
      const token = (request.body.token ?? '').slice(0, 64);
      const regionId = request.region.id;
      const renewed = await db.transaction().execute(async (trx) => {
        const r = await renewSignup(trx, { regionId, token, origin: siteOrigin(request) });
        if (!r) return undefined;
        const site = shell.t(r.language, 'siteName', { region: request.region.name[r.language] });
        await queueMail(trx, deps.queue, {
          regionId,
          to: r.email,
          language: r.language,
          ...views.signupMail(r.language, site, r.url),
        });
        return r;
      });
      if (!renewed)
        return reply.header('cache-control', 'no-store').redirect(views.joinPaths.join(lang), 303);
      return noStore(reply, views.resentPage(lang));
    },
  );
}

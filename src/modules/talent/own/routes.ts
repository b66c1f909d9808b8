/**
 * The own side of the talent pool (Permission.SignedIn unless said): GET/POST /:lang/me/talent (the
 * profile's fields on one page, search-and-pick included), consents, hide/show, leave; the partner's
 * invitation, its link's pages (Public) and the partner's own part (/:lang/me/talent/partner).
 */
import { followAlertsConsent } from '../alerts/service.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../../../platform/html/html.ts';
import { csrfField, emailField, formErrorSummary, hiddenField } from '../../../platform/html/forms.ts';
import type { Page } from '../../../platform/html/layout.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { shell } from '../../../platform/html/messages.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { FormBody, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { AppError } from '../../../platform/errors.ts';
import { isValidEmail, normalizeEmail } from '../../identity/accounts.ts';
import { CONSENT_PURPOSES, isOneOf } from '../model.ts';
import { profileAsPartner, profileOf } from '../profiles.ts';
import {
  checkDraft,
  draftFromBody,
  draftFromProfile,
  DraftBody,
  EMPTY_DRAFT,
  PICKER_NAMES,
  pickerQuery,
  type Draft,
  type DraftBodyValue,
  type DraftErrors,
  type PickerName,
} from '../join/draft.ts';
import {
  aboutFields,
  householdFields,
  pickerField,
  PICKER_SCRIPT,
  TALENT_CSS,
  type FieldsView,
} from '../join/fields.ts';
import {
  giveConsents,
  LINK_PER_IP,
  draftFieldsView,
  saveProfile,
  SEND_PER_IP,
  withdrawConsent,
} from '../join/service.ts';
import { summary } from '../join/views.ts';
import { ownMessages, type OwnKey } from './messages.ts';
import {
  claimInvite,
  invitePartner,
  leavePool,
  liveInvite,
  savePartnerPart,
  setVisibility,
  unlinkPartner,
} from './service.ts';

const signedIn = { permission: Permission.SignedIn } as const;
const pub = { permission: Permission.Public } as const;
const EDIT_FIELDS = [
  'occupations',
  'skills',
  'experience',
  'languages',
  'education',
  'municipalities',
  'move_when',
  'about',
  'partner_occupations',
  'partner_skills',
  'children',
  'housing',
];

function accountOf(request: FastifyRequest) {
  const account = request.auth?.account;
  if (!account) throw new AppError('LOTSA_UNAUTHENTICATED');
  return account;
}

const back = (reply: FastifyReply, lang: Lang, done: string) =>
  reply.header('cache-control', 'no-store').redirect(`${localPath(lang, '/me')}?talent=${done}#talent`, 303);

export function registerOwnTalentRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  async function view(
    request: FastifyRequest,
    lang: Lang,
    draft: Draft,
    errors: DraftErrors,
    body: DraftBodyValue = {},
    searched?: readonly { name: PickerName; q: string }[],
  ): Promise<FieldsView> {
    const [fields, own] = await Promise.all([
      draftFieldsView(db, request.region, lang, draft, errors, body, searched),
      request.auth?.account && profileOf(db, request.region.id, request.auth.account.id),
    ]);
    return { ...fields, partnerClaimed: !!own && own.household.partnerAccountId !== null };
  }

  function editPage(v: FieldsView, csrf: string, partnerOnly: boolean): Page {
    const t = (k: OwnKey) => ownMessages.t(v.lang, k);
    const title = partnerOnly ? t('partnerSide.title') : t('edit.title');
    const action = localPath(v.lang, partnerOnly ? '/me/talent/partner' : '/me/talent');
    const fields = partnerOnly
      ? html`${pickerField({ ...v, partnerSelf: true }, 'partner_occupations')} ${pickerField({ ...v, partnerSelf: true }, 'partner_skills')}`
      : html`${pickerField(v, 'occupations')} ${pickerField(v, 'skills')} ${aboutFields(v)} ${householdFields(v)}`;
    return {
      title: `${Object.keys(v.errors).length ? (v.lang === 'sv' ? 'Fel: ' : 'Error: ') : ''}${title}`,
      description: title,
      path: partnerOnly ? '/me/talent/partner' : '/me/talent',
      noindex: true,
      stylesheets: [TALENT_CSS],
      scripts: [PICKER_SCRIPT],
      main: html`<div class="wrap talent-join"><h1>${title}</h1>
        ${summary(v.lang, v.errors, EDIT_FIELDS)}
        <form method="post" action="${action}" novalidate class="talent-form">
          ${csrfField(csrf)} ${fields}
          <div class="talent-actions">
            <button class="button" type="submit" name="action" value="save">${partnerOnly ? t('partnerSide.save') : t('edit.save')}</button>
            <a href="${localPath(v.lang, '/me')}#talent">${t('edit.cancel')}</a>
          </div>
        </form></div>`,
    };
  }

  /** Shared by the edit page and the partner's page: search, or check and save. */
  async function handleEdit(
    request: FastifyRequest,
    body: DraftBodyValue,
    reply: FastifyReply,
    lang: Lang,
    partnerOnly: boolean,
    base: Draft,
  ) {
    const posted = draftFromBody(body);
    const draft: Draft = partnerOnly
      ? {
          ...base,
          hasPartner: true,
          partnerOccupations: posted.partnerOccupations,
          partnerSkills: posted.partnerSkills,
        }
      : { ...posted, consents: [] };
    const names: PickerName[] = partnerOnly ? ['partner_occupations', 'partner_skills'] : PICKER_NAMES;
    const action = body.action ?? 'save';
    const send = (v: FieldsView, status: number) =>
      reply.page(editPage(v, reply.csrfToken(), partnerOnly), { status, cache: 'no-store' });
    if (action.startsWith('search:')) {
      const asked = action.slice(7) as PickerName;
      // Every search field that holds text is searched (Enter presses the first "Search").
      const withText = names.filter((n) => (body[`q_${n}`] ?? '').trim());
      const chosen = withText.length ? withText : [names.includes(asked) ? asked : names[0]!];
      const errors: DraftErrors = {};
      const searched: { name: PickerName; q: string }[] = [];
      for (const name of chosen) {
        const q = pickerQuery(body, name);
        if (q.error) errors[name] = q.error;
        else searched.push({ name, q: q.q });
      }
      const failed = Object.keys(errors).length > 0;
      return send(await view(request, lang, draft, errors, body, searched), failed ? 422 : 200);
    }
    const errors = await checkDraft(
      { db, region: request.region, signedIn: true },
      draft,
      partnerOnly ? [3] : [1, 2, 3],
    );
    for (const n of names) {
      const q = pickerQuery(body, n);
      if (q.error) errors[n] ??= q.error;
    }
    if (Object.keys(errors).length) return send(await view(request, lang, draft, errors, body), 422);
    return { draft };
  }

  app.get(
    '/:lang/me/talent',
    { schema: { params: LangParams }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const account = accountOf(request);
      const profile = await profileOf(db, request.region.id, account.id);
      if (!profile) return reply.redirect(localPath(lang, '/talent-pool/join'), 303);
      const v = await view(request, lang, draftFromProfile(profile, account.email, account.language), {});
      return reply.page(editPage(v, reply.csrfToken(), false), { cache: 'no-store' });
    },
  );

  app.post(
    '/:lang/me/talent',
    { schema: { params: LangParams, body: DraftBody }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const account = accountOf(request);
      const result = await handleEdit(request, request.body, reply, lang, false, EMPTY_DRAFT);
      if (!('draft' in result)) return result;
      const regionId = request.region.id;
      const profile = await profileOf(db, regionId, account.id);
      if (!profile) return reply.redirect(localPath(lang, '/talent-pool/join'), 303);
      // A partner who claimed their part keeps it: the main mover's form does not carry it.
      const draft = profile.household.partnerAccountId
        ? {
            ...result.draft,
            hasPartner: true,
            partnerOccupations: profile.household.partnerOccupations,
            partnerSkills: profile.household.partnerSkills,
          }
        : result.draft;
      await db.transaction().execute((trx) => saveProfile(trx, regionId, account.id, draft));
      return back(reply, lang, 'saved');
    },
  );

  app.post(
    '/:lang/me/talent/consent',
    { schema: { params: LangParams, body: FormBody('purpose', 'give') }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const account = accountOf(request);
      const purpose = request.body.purpose;
      if (!isOneOf(CONSENT_PURPOSES, purpose))
        throw new AppError('LOTSA_BAD_REQUEST', { fields: { purpose: 'unknown purpose' } });
      const regionId = request.region.id;
      if (!(await profileOf(db, regionId, account.id))) return back(reply, lang, 'left');
      await db.transaction().execute(async (trx) => {
        const give = request.body.give === '1';
        const changed = give
          ? (await giveConsents(trx, regionId, account.id, [purpose])).length > 0
          : await withdrawConsent(trx, regionId, account.id, purpose);
        // The alerts consent is the matches digest's: it starts and stops with it.
        if (changed && purpose === 'alerts')
          await followAlertsConsent(trx, regionId, account.id, deps.secret, give);
      });
      return back(reply, lang, 'consent');
    },
  );

  app.post(
    '/:lang/me/talent/visibility',
    { schema: { params: LangParams, body: FormBody('hidden') }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const hidden = request.body.hidden === '1';
      await setVisibility(db, request.region.id, accountOf(request).id, hidden);
      return back(reply, lang, hidden ? 'hidden' : 'shown');
    },
  );

  app.post(
    '/:lang/me/talent/leave',
    { schema: { params: LangParams }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      await leavePool(db, request.region.id, accountOf(request).id);
      return back(reply, lang, 'left');
    },
  );

  app.post(
    '/:lang/me/talent/partner/invite',
    {
      schema: { params: LangParams, body: FormBody('partner_email') },
      config: { ...signedIn, rateLimit: SEND_PER_IP },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const account = accountOf(request);
      const regionId = request.region.id;
      const profile = await profileOf(db, regionId, account.id);
      if (!profile) return back(reply, lang, 'left');
      const typed = (request.body.partner_email ?? '').trim().slice(0, 320);
      const email = normalizeEmail(typed);
      const error: OwnKey | undefined = !profile.household.hasPartner
        ? 'error.noPartner'
        : !typed
          ? 'error.emailRequired'
          : !isValidEmail(email) || email === normalizeEmail(account.email)
            ? 'error.emailInvalid'
            : undefined;
      if (error) {
        const t = (k: OwnKey) => ownMessages.t(lang, k);
        const page = simplePage(
          lang,
          t('partner.title'),
          html`${formErrorSummary(lang, [{ id: 'partner_email', text: t(error) }])}
            <p>${t('partner.text')}</p>
            <form method="post" action="${localPath(lang, '/me/talent/partner/invite')}" novalidate>
              ${csrfField(reply.csrfToken())}
              ${emailField(lang, { name: 'partner_email', label: t('partner.email'), value: typed, required: true, error: t(error), maxlength: 254 })}
              <div class="talent-actions">
                <button class="button" type="submit">${t('partner.send')}</button>
                <a href="${localPath(lang, '/me')}#talent">${t('edit.cancel')}</a>
              </div>
            </form>`,
        );
        return reply.page(page, { status: 422, cache: 'no-store' });
      }
      const language = lang;
      const site = shell.t(language, 'siteName', { region: request.region.name[language] });
      await db.transaction().execute(async (trx) => {
        const url = await invitePartner(trx, {
          regionId,
          accountId: account.id,
          profileId: profile.id,
          email,
          language,
          origin: siteOrigin(request),
        });
        await queueMail(trx, deps.queue, {
          regionId,
          to: email,
          language,
          subject: ownMessages.t(language, 'partnerMail.subject', { site }),
          text: ownMessages.t(language, 'partnerMail.text', { site, url }),
        });
      });
      return back(reply, lang, 'invited');
    },
  );

  function simplePage(lang: Lang, title: string, body: ReturnType<typeof html>): Page {
    return {
      title,
      description: title,
      path: '/talent-pool',
      noindex: true,
      stylesheets: [TALENT_CSS],
      main: html`<div class="wrap talent-join"><h1>${title}</h1>${body}</div>`,
    };
  }

  app.get(
    '/:lang/talent-pool/partner/:token',
    { schema: { params: PathParams('lang', 'token') }, config: { ...pub, rateLimit: LINK_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const t = (k: OwnKey, p?: Record<string, string>) => ownMessages.t(lang, k, p);
      reply.header('referrer-policy', 'no-referrer');
      const invite = await liveInvite(db, request.region.id, request.params.token);
      if (!invite)
        return reply.page(simplePage(lang, t('partnerGone.title'), html`<p>${t('partnerGone.text')}</p>`), {
          status: 410,
          cache: 'no-store',
        });
      const page = simplePage(
        lang,
        t('partnerConfirm.title'),
        html`<p>${t('partnerConfirm.text', { email: invite.email })}</p>
          <form method="post" action="${localPath(lang, '/talent-pool/partner')}">${csrfField(reply.csrfToken())}${hiddenField('token', request.params.token)}
          <button class="button" type="submit">${t('partnerConfirm.button')}</button></form>`,
      );
      return reply.page(page, { cache: 'no-store' });
    },
  );

  app.post(
    '/:lang/talent-pool/partner',
    { schema: { params: LangParams, body: FormBody('token') }, config: { ...pub, rateLimit: LINK_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      reply.header('referrer-policy', 'no-referrer');
      const claimed = await claimInvite(db, deps.sessions, {
        regionId: request.region.id,
        token: (request.body.token ?? '').slice(0, 64),
        browser: deps.sessions.browserOf(request),
      });
      if (!claimed) {
        const t = (k: OwnKey) => ownMessages.t(lang, k);
        return reply.page(simplePage(lang, t('partnerGone.title'), html`<p>${t('partnerGone.text')}</p>`), {
          status: 410,
          cache: 'no-store',
        });
      }
      deps.sessions.setCookie(reply, claimed.sessionToken);
      return back(reply, lang, 'claimed');
    },
  );

  app.get(
    '/:lang/me/talent/partner',
    { schema: { params: LangParams }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const household = await profileAsPartner(db, request.region.id, accountOf(request).id);
      if (!household) return back(reply, lang, 'partnerLeft');
      const d: Draft = {
        ...EMPTY_DRAFT,
        hasPartner: true,
        partnerOccupations: household.household.partnerOccupations,
        partnerSkills: household.household.partnerSkills,
      };
      return reply.page(editPage(await view(request, lang, d, {}), reply.csrfToken(), true), {
        cache: 'no-store',
      });
    },
  );

  app.post(
    '/:lang/me/talent/partner',
    { schema: { params: LangParams, body: DraftBody }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const account = accountOf(request);
      const result = await handleEdit(request, request.body, reply, lang, true, { ...EMPTY_DRAFT });
      if (!('draft' in result)) return result;
      const ok = await savePartnerPart(
        db,
        request.region.id,
        account.id,
        result.draft.partnerOccupations,
        result.draft.partnerSkills,
      );
      return back(reply, lang, ok ? 'saved' : 'partnerLeft');
    },
  );

  app.post(
    '/:lang/me/talent/partner/leave',
    { schema: { params: LangParams }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      await unlinkPartner(db, request.region.id, accountOf(request).id);
      return back(reply, lang, 'partnerLeft');
    },
  );
}

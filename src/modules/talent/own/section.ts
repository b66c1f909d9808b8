/** "Din profil i talangpoolen" on /:lang/me: the profile in words, consents, hide/show, leave, the partner; or an invitation to join. */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { csrfField, emailField, hiddenField, notice } from '../../../platform/html/forms.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { OwnPageContext, OwnPageSection } from '../../../platform/personal-data.ts';
import { talentMessages } from '../messages.ts';
import { CONSENT_PURPOSES, type TalentConsent, type TalentProfile } from '../model.ts';
import { consentHistory, profileAsPartner, profileOf } from '../profiles.ts';
import { conceptsById } from '../join/taxonomy.ts';
import { ownMessages, type OwnKey } from './messages.ts';
import { waitingInvite } from './service.ts';

export const DONE = [
  'joined',
  'saved',
  'consent',
  'hidden',
  'shown',
  'left',
  'invited',
  'partnerLeft',
  'claimed',
] as const;

const button = (
  action: string,
  csrf: string,
  label: string,
  fields: SafeHtml = html``,
  cls = 'button button--secondary',
) =>
  html`<form method="post" action="${action}" class="talent-inline">${csrfField(csrf)}${fields}<button class="${cls}" type="submit">${label}</button></form>`;

async function profileList(ctx: OwnPageContext, p: TalentProfile): Promise<SafeHtml> {
  const { db, lang } = ctx;
  const t = (k: OwnKey) => ownMessages.t(lang, k);
  const listed = async (type: 'occupation-name' | 'skill' | 'language', ids: string[]) =>
    (await conceptsById(db, type, ids, lang)).map((c) => c.label).join(', ');
  const names = async (type: 'occupation-name' | 'skill' | 'language', ids: string[]) =>
    (await listed(type, ids)) || t('profile.none');
  const towns = ctx.region.municipalities
    .filter((m) => p.municipalities.includes(m.code))
    .map((m) => m.shortName)
    .sort((a, b) => a.localeCompare(b, 'sv'));
  const places = p.anywhere ? t('profile.anywhere') : towns.join(', ') || t('profile.none');
  const row = (k: OwnKey, v: string) => html`<dt>${t(k)}</dt><dd>${v}</dd>`;
  const partnerWords = [
    await listed('occupation-name', p.household.partnerOccupations),
    await listed('skill', p.household.partnerSkills),
  ].filter(Boolean);
  const partner = p.household.hasPartner ? partnerWords.join('; ') || t('profile.yes') : t('profile.no');
  return html`<div class="prose"><dl class="talent-profile">
    ${row('profile.occupations', await names('occupation-name', p.occupations))}
    ${row('profile.skills', await names('skill', p.skills))}
    ${row('profile.experience', talentMessages.t(lang, `experience.${p.experience}`))}
    ${row('profile.languages', await names('language', p.languages))}
    ${row('profile.education', talentMessages.t(lang, `education.${p.education}`))}
    ${row('profile.places', places)}
    ${row('profile.move', talentMessages.t(lang, `move.${p.moveWhen}`))}
    ${row('profile.remote', t(p.remoteNow ? 'profile.yes' : 'profile.no'))}
    ${row('profile.partner', partner)}
    ${row('profile.children', p.household.childrenAges.join(', ') || t('profile.none'))}
    ${row('profile.housing', talentMessages.t(lang, `housing.${p.household.housing}`))}
    ${p.about ? row('profile.about', p.about) : ''}
  </dl></div>`;
}

function consentList(lang: Lang, csrf: string, history: TalentConsent[]): SafeHtml {
  const t = (k: OwnKey, params?: Record<string, string>) => ownMessages.t(lang, k, params);
  const action = localPath(lang, '/me/talent/consent');
  return html`<h3>${t('consents.title')}</h3><div class="prose"><dl class="talent-consents">${CONSENT_PURPOSES.map(
    (purpose) => {
      const latest = history.find((c) => c.purpose === purpose);
      const live = latest && !latest.withdrawnAt;
      const state = !latest
        ? t('consents.never')
        : live
          ? t('consents.given', { date: formatDate(lang, latest.grantedAt), version: latest.textVersion })
          : t('consents.withdrawn', { date: formatDate(lang, latest.withdrawnAt ?? latest.grantedAt) });
      return html`<dt>${talentMessages.t(lang, `consent.${purpose}.label`)}</dt><dd>
      <p class="field__hint">${talentMessages.t(lang, `consent.${purpose}.text`)}</p>
      <p>${state}</p>
      ${button(
        action,
        csrf,
        t(live ? 'consents.withdraw' : 'consents.give'),
        html`${hiddenField('purpose', purpose)}${hiddenField('give', live ? '0' : '1')}`,
      )}</dd>`;
    },
  )}</dl></div>`;
}

/** The section's frame, as the own page's own sections are framed. */
const frame = (title: string, body: SafeHtml): SafeHtml =>
  html`<section class="me-section talent-section" id="talent" aria-labelledby="talent-title">
    <h2 id="talent-title">${title}</h2>
    ${body}
  </section>`;

export const talentOwnSection: OwnPageSection = {
  order: 10,
  async render(ctx) {
    const { db, regionId, accountId, lang, csrfToken: csrf } = ctx;
    const t = (k: OwnKey, params?: Record<string, string>) => ownMessages.t(lang, k, params);
    const done =
      typeof ctx.query.talent === 'string'
        ? (DONE as readonly string[]).find((d) => d === ctx.query.talent)
        : undefined;
    const [profile, asPartner] = await Promise.all([
      profileOf(db, regionId, accountId),
      profileAsPartner(db, regionId, accountId),
    ]);
    const partnerSide = asPartner
      ? html`<h3>${t('partnerSide.title')}</h3><p>${t('partnerSide.text')}</p>
        <p><a href="${localPath(lang, '/me/talent/partner')}">${t('profile.edit')}</a></p>
        ${button(localPath(lang, '/me/talent/partner/leave'), csrf, t('partnerSide.leave'))}`
      : html``;
    const shownNotice = done ? notice(t(`done.${done}` as OwnKey)) : html``;
    if (!profile) {
      return {
        id: 'talent',
        title: t('section.title'),
        html: frame(
          t('section.title'),
          // A partner who claimed their part is in the pool already: not invited to join it.
          asPartner
            ? html`${shownNotice}${partnerSide}`
            : html`${shownNotice}<p>${t('invite.text')}</p>
                <p><a class="button" href="${localPath(lang, '/talent-pool')}">${t('invite.link')}</a></p>`,
        ),
      };
    }
    const [history, invite] = await Promise.all([
      consentHistory(db, regionId, accountId),
      waitingInvite(db, regionId, profile.id),
    ]);
    const partnerPart = !profile.household.hasPartner
      ? html``
      : profile.household.partnerAccountId
        ? html`<p>${invite ? t('partner.claimedTo', { email: invite.email }) : t('partner.claimed')}</p>`
        : html`<h3>${t('partner.title')}</h3><p>${t('partner.text')}</p>
          ${invite && !invite.used_at ? html`<p>${t('partner.invited', { email: invite.email })}</p>` : ''}
          <form method="post" action="${localPath(lang, '/me/talent/partner/invite')}" novalidate>
            ${csrfField(csrf)}
            ${emailField(lang, { name: 'partner_email', label: t('partner.email'), value: '', required: true, maxlength: 254 })}
            <button class="button button--secondary" type="submit">${t('partner.send')}</button>
          </form>`;
    const hidden = profile.status === 'hidden';
    return {
      id: 'talent',
      title: t('section.title'),
      html: frame(
        t('section.title'),
        html`${shownNotice}
        ${hidden ? html`<p class="notice">${t('profile.hidden')}</p>` : ''}
        ${await profileList(ctx, profile)}
        <p><a class="button" href="${localPath(lang, '/me/talent')}">${t('profile.edit')}</a></p>
        ${consentList(lang, csrf, history)}
        ${partnerPart}
        <h3>${t('hide.title')}</h3><p>${t('hide.text')}</p>
        ${button(localPath(lang, '/me/talent/visibility'), csrf, t(hidden ? 'show.button' : 'hide.button'), hiddenField('hidden', hidden ? '0' : '1'))}
        <h3>${t('leave.title')}</h3><p>${t('leave.text')}</p>
        ${button(localPath(lang, '/me/talent/leave'), csrf, t('leave.button'))}
        ${partnerSide}`,
      ),
    };
  },
};

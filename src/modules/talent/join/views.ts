/** The join pages: the landing page, each step of the form, "check your e-mail", the link's pages, the e-mail. */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { checkboxGroup, csrfField, formErrorSummary, hiddenField } from '../../../platform/html/forms.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { heroPicture } from '../../content/public/common.ts';
import type { PublicImage } from '../../content/public/media.ts';
import { talentMessages } from '../messages.ts';
import { CONSENT_TEXT_VERSIONS, type ConsentPurpose } from '../model.ts';
import { parseChildren, STEP_FIELDS, STEPS, type Draft, type DraftErrors } from './draft.ts';
import {
  aboutFields,
  contactFields,
  errorText,
  fieldAnchor,
  hiddenDraft,
  householdFields,
  pickerField,
  PICKER_SCRIPT,
  TALENT_CSS,
  type FieldsView,
} from './fields.ts';
import { joinMessages, type JoinKey } from './messages.ts';
import type { ConsentPlan, SignupPreview } from './service.ts';

export const joinPaths = {
  landing: (lang: Lang) => localPath(lang, '/talent-pool'),
  join: (lang: Lang) => localPath(lang, '/talent-pool/join'),
  step: (lang: Lang, step: number) => localPath(lang, `/talent-pool/join/${step}`),
  send: (lang: Lang) => localPath(lang, '/talent-pool/join/send'),
  confirm: (lang: Lang) => localPath(lang, '/talent-pool/confirm'),
  renew: (lang: Lang) => localPath(lang, '/talent-pool/renew'),
  me: (lang: Lang) => localPath(lang, '/me'),
};

const tt = (lang: Lang) => (k: JoinKey, p?: Record<string, string | number>) => joinMessages.t(lang, k, p);

const base = (lang: Lang, page: Omit<Page, 'description'> & { description?: string }): Page => ({
  description: joinMessages.t(lang, 'landing.description'),
  stylesheets: [TALENT_CSS],
  ...page,
});

export function landingPage(lang: Lang, hero: PublicImage | undefined, member: boolean): Page {
  const t = tt(lang);
  const list = (keys: JoinKey[]) =>
    html`<ul class="talent-points">${keys.map((k) => html`<li>${t(k)}</li>`)}</ul>`;
  return base(lang, {
    title: t('landing.title'),
    path: '/talent-pool',
    main: html`<div class="talent-landing">
      <header class="talent-hero">
        <div class="wrap talent-hero__inner">
          <div class="talent-hero__text">
            <h1>${t('landing.title')}</h1>
            <p class="talent-lead">${t('landing.lead')}</p>
            ${
              member
                ? html`<p class="notice">${t('landing.member')} <a href="${joinPaths.me(lang)}#talent">${t('landing.memberLink')}</a></p>`
                : html`<p><a class="button talent-start" href="${joinPaths.join(lang)}">${t('landing.start')}</a></p>`
            }
          </div>
          <div class="talent-hero__picture">${heroPicture(hero, lang)}</div>
        </div>
      </header>
      <div class="wrap talent-landing__cards">
        <section class="card talent-card" aria-labelledby="why-title">
          <h2 id="why-title">${t('landing.why.title')}</h2>
          ${list(['landing.why.1', 'landing.why.2', 'landing.why.3'])}
        </section>
        <section class="card talent-card" aria-labelledby="data-title">
          <h2 id="data-title">${t('landing.data.title')}</h2>
          ${list(['landing.data.1', 'landing.data.2', 'landing.data.3'])}
          <p><a href="${localPath(lang, '/privacy')}">${t('landing.privacy')}</a></p>
        </section>
      </div>
    </div>`,
  });
}

const stepTitle = (lang: Lang, step: number, signedIn: boolean): string =>
  joinMessages.t(lang, step === 4 && signedIn ? 'join.step4signedIn' : (`join.step${step}` as JoinKey));

const LABELS: Record<string, JoinKey> = {
  occupations: 'field.occupations',
  skills: 'field.skills',
  partner_occupations: 'field.partner_occupations',
  partner_skills: 'field.partner_skills',
  experience: 'field.experience',
  languages: 'field.languages',
  education: 'field.education',
  municipalities: 'field.municipalities',
  move_when: 'field.move_when',
  about: 'field.about',
  children: 'field.children',
  housing: 'field.housing',
  email: 'field.email',
  language: 'field.language',
  consents: 'field.consents',
};

/** A field's label, for the error summary (the question without its question mark). */
function fieldLabel(lang: Lang, name: string): string {
  const key = LABELS[name];
  return key ? joinMessages.t(lang, key).replace(/\?$/, '') : name;
}

/** The error summary: one link per field, in the order of the page. */
export function summary(lang: Lang, errors: DraftErrors, order: readonly string[]): SafeHtml {
  const list = order
    .filter((n) => errors[n])
    .map((n) => ({
      id: fieldAnchor(n),
      text: `${fieldLabel(lang, n)}: ${errorText(lang, errors, n) ?? ''}`,
    }));
  return formErrorSummary(lang, list);
}

/** One step of the form, carrying the rest of the draft in hidden fields. */
export function stepPage(view: FieldsView & { step: number; csrfToken: string; signedIn: boolean }): Page {
  const { lang, step, signedIn } = view;
  const t = tt(lang);
  const shown = STEP_FIELDS[step] ?? [];
  const title = stepTitle(lang, step, signedIn);
  const hasErrors = Object.keys(view.errors).length > 0;
  const fields =
    step === 1
      ? html`${pickerField(view, 'occupations')} ${pickerField(view, 'skills')}`
      : step === 2
        ? aboutFields(view)
        : step === 3
          ? householdFields(view)
          : contactFields(view, signedIn);
  const action = step === 4 ? joinPaths.send(lang) : joinPaths.step(lang, step);
  const steps = [1, 2, 3, 4].map(
    (n) =>
      html`<li${n === step ? html` aria-current="step" class="is-current"` : ''}>${stepTitle(lang, n, signedIn)}</li>`,
  );
  return base(lang, {
    title: `${hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ` : ''}${title} – ${t('join.title')}`,
    path: '/talent-pool/join',
    noindex: true,
    scripts: step === 1 || step === 3 ? [PICKER_SCRIPT] : [],
    main: html`<div class="wrap talent-join">
      <p class="talent-step">${t('join.stepOf', { step, total: STEPS })}</p>
      <h1>${title}</h1>
      <nav aria-label="${t('join.progress')}"><ol class="talent-steps">${steps}</ol></nav>
      ${summary(lang, view.errors, STEP_FIELDS[step] ?? [])}
      <form method="post" action="${action}" novalidate class="talent-form">
        ${csrfField(view.csrfToken)} ${hiddenDraft(view.draft, shown)}
        ${fields}
        <div class="talent-actions">
          <button class="button" type="submit" name="action" value="next">${
            step === 4 ? t(signedIn ? 'join.save' : 'join.send') : t('join.next')
          }</button>
          ${step > 1 ? html`<button class="button button--secondary" type="submit" name="action" value="back">${t('join.back')}</button>` : ''}
        </div>
      </form>
    </div>`,
  });
}

export function sentPage(lang: Lang, email: string): Page {
  const t = tt(lang);
  return base(lang, {
    title: t('sent.title'),
    path: '/talent-pool/join',
    noindex: true,
    main: html`<div class="wrap talent-join">
      <h1>${t('sent.title')}</h1>
      <div class="notice" role="status"><p>${t('sent.text', { email })}</p></div>
      <p><a href="${joinPaths.join(lang)}">${t('sent.again')}</a></p>
    </div>`,
  });
}

export function tooManyPage(view: FieldsView & { csrfToken: string; minutes: number }): Page {
  const page = stepPage({ ...view, step: 4, signedIn: false });
  const t = tt(view.lang);
  return {
    ...page,
    title: t('tooMany.title'),
    main: html`<div class="notice" role="alert"><h2>${t('tooMany.title')}</h2><p>${t('tooMany.text', {
      minutes: view.minutes,
    })}</p></div>${page.main}`,
  };
}

/** The concepts and places of the draft a confirm page shows, as words. */
export interface DraftLabels {
  occupations: string[];
  skills: string[];
  languages: string[];
  municipalities: string[];
  partnerOccupations: string[];
  partnerSkills: string[];
}

export interface ConfirmView {
  lang: Lang;
  token: string;
  csrfToken: string;
  preview: SignupPreview;
  labels: DraftLabels;
}

/** The answers a confirm saves, in words (the whole profile after a merge). */
function answersList(lang: Lang, d: Draft, labels: DraftLabels): SafeHtml {
  const t = tt(lang);
  const words = (list: string[]) => list.join(', ') || t('answer.none');
  const enumWord = (key: string) =>
    key ? talentMessages.t(lang, key as Parameters<typeof talentMessages.t>[1]) : t('answer.none');
  const partner = d.hasPartner
    ? [labels.partnerOccupations.join(', '), labels.partnerSkills.join(', ')].filter(Boolean).join('; ') ||
      t('answer.yes')
    : t('answer.no');
  const row = (k: JoinKey, v: string) => html`<dt>${t(k)}</dt><dd>${v}</dd>`;
  return html`<dl class="talent-profile">
    ${row('answer.occupations', words(labels.occupations))}
    ${row('answer.skills', words(labels.skills))}
    ${row('answer.experience', enumWord(d.experience && `experience.${d.experience}`))}
    ${row('answer.languages', words(labels.languages))}
    ${row('answer.education', enumWord(d.education && `education.${d.education}`))}
    ${row('answer.places', d.anywhere ? t('field.anywhere') : words(labels.municipalities))}
    ${row('answer.move', enumWord(d.moveWhen && `move.${d.moveWhen}`))}
    ${row('answer.remote', t(d.remoteNow ? 'answer.yes' : 'answer.no'))}
    ${row('answer.partner', partner)}
    ${row('answer.children', (parseChildren(d.children) ?? []).join(', ') || t('answer.none'))}
    ${row('answer.housing', enumWord(`housing.${d.housing}`))}
    ${row('answer.about', d.about || t('answer.none'))}
  </dl>`;
}

/** The consents a confirm gives, each named with its text; withdrawn ones as unticked checkboxes. */
function consentsPart(lang: Lang, plan: ConsentPlan): SafeHtml {
  const t = tt(lang);
  const named = (p: ConsentPurpose, extra = '') =>
    html`<li><strong>${talentMessages.t(lang, `consent.${p}.label`)}</strong>${extra}
      <p class="field__hint">${talentMessages.t(lang, `consent.${p}.text`)}</p></li>`;
  const version = (p: ConsentPurpose) =>
    ` (${t('confirm.consents.version', { version: CONSENT_TEXT_VERSIONS[p] })})`;
  return html`<h2>${t('confirm.consents')}</h2>
    ${
      plan.give.length
        ? html`<p>${t('confirm.consents.give')}</p>
          <ul class="talent-consents">${plan.give.map((p) => named(p, version(p)))}</ul>`
        : html`<p>${t('confirm.consents.none')}</p>`
    }
    ${
      plan.kept.length
        ? html`<p>${t('confirm.consents.kept')}</p>
          <ul class="talent-consents">${plan.kept.map((p) => named(p))}</ul>`
        : ''
    }
    ${
      plan.offer.length
        ? checkboxGroup(lang, {
            name: 'consents',
            legend: t('confirm.consents.offer'),
            hint: t('confirm.consents.offerHint'),
            values: [],
            options: plan.offer.map((o) => ({
              value: o.purpose,
              label: `${talentMessages.t(lang, `consent.${o.purpose}.label`)}${
                o.asked ? ` (${t('confirm.consents.asked')})` : ''
              }`,
              hint: talentMessages.t(lang, `consent.${o.purpose}.text`),
            })),
          })
        : ''
    }`;
}

/**
 * The link's page: exactly what confirming will save — the answers in words (after the merge, when
 * the address already has a profile) and the consents, each named — and the button. A GET saves
 * nothing.
 */
export function confirmPage(view: ConfirmView): Page {
  const { lang, preview } = view;
  const t = tt(lang);
  return base(lang, {
    title: t('confirm.title'),
    path: '/talent-pool/join',
    noindex: true,
    main: html`<div class="wrap talent-join">
      <h1>${t('confirm.title')}</h1>
      <p>${t('confirm.text', { email: preview.email })}</p>
      ${preview.existing ? html`<div class="notice"><p>${t('confirm.existing', { email: preview.email })}</p></div>` : ''}
      <form method="post" action="${joinPaths.confirm(lang)}" class="talent-form">
        ${csrfField(view.csrfToken)} ${hiddenField('token', view.token)}
        <h2>${t(preview.existing ? 'confirm.answersExisting' : 'confirm.answers')}</h2>
        ${answersList(lang, preview.draft, view.labels)}
        ${preview.aboutKept ? html`<p>${t('confirm.aboutKept')}</p>` : ''}
        ${consentsPart(lang, preview.consents)}
        <div class="talent-actions">
          <button class="button" type="submit">${t(preview.existing ? 'confirm.buttonExisting' : 'confirm.button')}</button>
        </div>
      </form>
    </div>`,
  });
}

/** An expired or used link: say so, offer a new link with what was typed (when kept) or a new start. */
export function gonePage(lang: Lang, token: string, csrfToken: string): Page {
  const t = tt(lang);
  return base(lang, {
    title: t('gone.title'),
    path: '/talent-pool/join',
    noindex: true,
    main: html`<div class="wrap talent-join">
      <h1>${t('gone.title')}</h1>
      <p>${t('gone.text')}</p>
      <form method="post" action="${joinPaths.renew(lang)}">
        ${csrfField(csrfToken)} ${hiddenField('token', token)}
        <button class="button" type="submit">${t('gone.resend')}</button>
      </form>
      <p><a href="${joinPaths.join(lang)}">${t('gone.start')}</a></p>
    </div>`,
  });
}

export function resentPage(lang: Lang): Page {
  const t = tt(lang);
  return base(lang, {
    title: t('resent.title'),
    path: '/talent-pool/join',
    noindex: true,
    main: html`<div class="wrap talent-join"><h1>${t('resent.title')}</h1>
      <div class="notice" role="status"><p>${t('resent.text')}</p></div></div>`,
  });
}

/**
 * The confirm mail of a sign-up. Started at an event's stand (events/leads), it names the event and the
 * stand's employer (organiserStand: the organiser's own stand) and says that they keep what was left
 * there, while clicking adds the talent pool.
 */
export function signupMail(
  lang: Lang,
  site: string,
  url: string,
  stand?: { event: string; employer: string; organiserStand: boolean },
): { subject: string; text: string } {
  return {
    subject: joinMessages.t(lang, 'mail.subject', { site }),
    text: stand
      ? joinMessages.t(lang, stand.organiserStand ? 'mail.standOwn.text' : 'mail.stand.text', {
          site,
          url,
          event: stand.event,
          employer: stand.employer,
        })
      : joinMessages.t(lang, 'mail.text', { site, url }),
  };
}

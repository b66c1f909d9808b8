/**
 * Views of the public site's own pages: accessibility statement with its feedback form, the
 * thank-you page, privacy notice and easy-to-read Swedish. Every visible word comes from the site
 * catalogue; the shell (header, navigation, footer) is drawn by the layout.
 */
import { csrfField, emailField, errorSummary, textareaField, textField } from '../../platform/html/forms.ts';
import type { PrivacyProcessingText } from '../../platform/personal-data.ts';
import { html, type SafeHtml } from '../../platform/html/html.ts';
import { localPath, type Page, type PageContext } from '../../platform/html/layout.ts';
import { formatDate, formatNumber, type Lang, type Params } from '../../platform/i18n/index.ts';
import { FEEDBACK_FIELDS, MESSAGE_MAX, type FeedbackField, type FeedbackFormState } from './feedback.ts';
import { messages } from './messages.ts';

type Key = Parameters<typeof messages.t>[1];

/** The day the accessibility statement and the privacy notice were last assessed and updated. */
const REVIEWED_ISO = '2026-11-26';
const REVIEWED = new Date(`${REVIEWED_ISO}T12:00:00Z`);

/** Catalogue readers for one page, with {region}, {organisation} and {email} filled in. */
function texts(ctx: PageContext, lang: Lang = ctx.lang) {
  const base: Params = {
    region: ctx.region.name[lang],
    organisation: ctx.region.contact.organisation,
    email: ctx.region.contact.email,
  };
  return {
    t: (key: Key, params?: Params) => messages.t(lang, key, { ...base, ...params }),
    h: (key: Key, params?: Params) => messages.h(lang, key, { ...base, ...params }),
    reviewed: { iso: REVIEWED_ISO, date: formatDate(lang, REVIEWED) },
  };
}

/** A section of a long text page: an h2 named by its id. */
function proseSection(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section aria-labelledby="${id}-title">
    <h2 id="${id}-title">${title}</h2>
    ${body}
  </section>`;
}

// Accessibility statement and feedback form

function feedbackForm(ctx: PageContext, form: FeedbackFormState): SafeHtml {
  const { t } = texts(ctx);
  const { lang } = ctx;
  const errorText = (field: FeedbackField) => {
    const key = form.errors[field];
    return key ? messages.t(lang, key) : undefined;
  };
  const failed = FEEDBACK_FIELDS.filter((field) => form.errors[field]);
  const common = (name: FeedbackField, label: Key) => ({
    name,
    label: t(label),
    error: errorText(name),
    value: form.values[name],
  });

  return html`<form
    class="form"
    method="post"
    action="${localPath(lang, '/accessibility/feedback')}#feedback"
    novalidate
  >
    ${errorSummary(
      t('feedback.form.errorSummaryTitle'),
      failed.map((name) => ({ id: name, text: errorText(name) ?? '' })),
    )}
    ${csrfField(form.csrfToken)}
    ${textareaField(lang, {
      ...common('message', 'feedback.form.message.label'),
      hint: t('feedback.form.message.hint', { max: formatNumber(lang, MESSAGE_MAX) }),
      required: true,
      rows: 8,
    })}
    ${textField(lang, {
      ...common('page_url', 'feedback.form.pageUrl.label'),
      hint: t('feedback.form.pageUrl.hint'),
      required: false,
    })}
    ${textField(lang, { ...common('name', 'feedback.form.name.label'), required: false, autocomplete: 'name' })}
    ${emailField(lang, {
      ...common('email', 'feedback.form.email.label'),
      hint: t('feedback.form.email.hint'),
      required: false,
    })}
    <button class="button" type="submit">${t('feedback.form.submit')}</button>
  </form>`;
}

export function accessibility(ctx: PageContext, form: FeedbackFormState): Page {
  const { t, h, reviewed } = texts(ctx);
  const hasErrors = FEEDBACK_FIELDS.some((field) => form.errors[field]);
  const title = t('a11y.title');
  return {
    title: hasErrors ? t('a11y.titleWithErrors', { title }) : title,
    description: t('a11y.description'),
    path: '/accessibility',
    main: html`<div class="wrap">
      <div class="prose">
        <h1>${title}</h1>
        <p>${t('a11y.intro', { host: new URL(ctx.origin).host })}</p>
        <p>${h('a11y.easyToReadHtml')}</p>
        ${proseSection(
          'status',
          t('a11y.status.title'),
          html`<p>${h('a11y.status.textHtml')}</p>
            <p>${t('a11y.status.new')}</p>`,
        )}
        ${proseSection(
          'gaps',
          t('a11y.gaps.title'),
          html`<ul>
              <li>${t('a11y.gaps.signLanguage')}</li>
              <li>${t('a11y.gaps.later')}</li>
            </ul>
            <p>${h('a11y.gaps.moreHtml')}</p>`,
        )}
        ${proseSection(
          'method',
          t('a11y.method.title'),
          html`<p>${t('a11y.method.intro')}</p>
            <ul>
              <li>${t('a11y.method.axe')}</li>
              <li>${t('a11y.method.keyboard')}</li>
              <li>${t('a11y.method.screenReader')}</li>
              <li>${t('a11y.method.noScript')}</li>
            </ul>
            <p>${h('a11y.method.assessedHtml', reviewed)}</p>
            <p>${h('a11y.method.updatedHtml', reviewed)}</p>`,
        )}
        <section id="feedback" aria-labelledby="feedback-title">
          <h2 id="feedback-title">${t('a11y.feedback.title')}</h2>
          <p>${t('a11y.feedback.intro')}</p>
          <p>${h('a11y.feedback.otherFormatHtml')}</p>
          <div class="notice">
            <h3>${t('a11y.notice.title')}</h3>
            <ul>
              <li>${t('a11y.notice.stored')}</li>
              <li>${t('a11y.notice.optional')}</li>
              <li>${t('a11y.notice.deleted')}</li>
              <li>${t('a11y.notice.public')}</li>
            </ul>
            <p>${h('a11y.notice.privacyHtml', { privacyUrl: localPath(ctx.lang, '/privacy') })}</p>
          </div>
          ${feedbackForm(ctx, form)}
        </section>
        ${proseSection(
          'enforcement',
          t('a11y.enforcement.title'),
          html`<p>${t('a11y.enforcement.text')}</p>
            <p>${h('a11y.enforcement.linkHtml')}</p>`,
        )}
        ${proseSection(
          'scope',
          t('a11y.scope.title'),
          html`<p>${h('a11y.scope.thirdPartyHtml')}</p>
            <p>${t('a11y.scope.archive')}</p>`,
        )}
      </div>
    </div>`,
  };
}

export function feedbackSent(ctx: PageContext): Page {
  const { t } = texts(ctx);
  return {
    title: t('sent.title'),
    description: t('sent.description'),
    path: '/accessibility/feedback/sent',
    noindex: true,
    main: html`<div class="wrap">
      <div class="prose">
        <h1>${t('sent.title')}</h1>
        <p>${t('sent.received')}</p>
        ${proseSection(
          'next',
          t('sent.next.title'),
          html`<ul>
            <li>${t('sent.next.reply')}</li>
            <li>${t('sent.next.deleted')}</li>
          </ul>`,
        )}
        <nav aria-labelledby="links-title">
          <h2 id="links-title">${t('sent.links.title')}</h2>
          <ul>
            <li><a href="${localPath(ctx.lang, '/accessibility')}">${t('sent.links.statement')}</a></li>
            <li><a href="${localPath(ctx.lang, '/')}">${t('sent.links.home')}</a></li>
          </ul>
        </nav>
      </div>
    </div>`,
  };
}

// Privacy notice

type Processing = 'accounts' | 'feedback' | 'logs' | 'rateLimit';
type Cookie = 'csrf' | 'session' | 'webauthn';

export function privacy(
  ctx: PageContext,
  more: readonly (PrivacyProcessingText & { id: string })[] = [],
): Page {
  const { t, h, reviewed } = texts(ctx);
  const processing = (id: Processing) =>
    html`<h3 id="data-${id}">${t(`privacy.${id}.title`)}</h3>
      <dl>
        <dt>${t('privacy.term.data')}</dt>
        <dd>${t(`privacy.${id}.data`)}</dd>
        <dt>${t('privacy.term.purpose')}</dt>
        <dd>${t(`privacy.${id}.purpose`)}</dd>
        <dt>${t('privacy.term.basis')}</dt>
        <dd>${t(`privacy.${id}.basis`)}</dd>
        <dt>${t('privacy.term.retention')}</dt>
        <dd>${t(`privacy.${id}.retention`)}</dd>
      </dl>`;

  const cookie = (id: Cookie) =>
    html`<dl>
      <dt>${t('privacy.cookie.term.name')}</dt>
      <dd>${h(`privacy.cookie.${id}.nameHtml`)}</dd>
      <dt>${t('privacy.cookie.term.purpose')}</dt>
      <dd>${t(`privacy.cookie.${id}.purpose`)}</dd>
      <dt>${t('privacy.cookie.term.lifetime')}</dt>
      <dd>${t(`privacy.cookie.${id}.lifetime`)}</dd>
      <dt>${t('privacy.cookie.term.type')}</dt>
      <dd>${t(`privacy.cookie.${id}.type`)}</dd>
    </dl>`;

  return {
    title: t('privacy.title'),
    description: t('privacy.description'),
    path: '/privacy',
    main: html`<div class="wrap">
      <div class="prose">
        <h1>${t('privacy.title')}</h1>
        <p>${t('privacy.intro')}</p>
        <p>${h('privacy.updatedHtml', reviewed)}</p>
        ${proseSection('controller', t('privacy.controller.title'), html`<p>${h('privacy.controller.textHtml')}</p>`)}
        ${proseSection(
          'data',
          t('privacy.data.title'),
          html`<p>${t('privacy.data.intro')}</p>
            ${processing('accounts')} ${processing('feedback')} ${processing('logs')} ${processing('rateLimit')}
            ${more.map(
              (p) => html`<h3 id="data-${p.id}">${p.title}</h3>
                <dl>
                  <dt>${t('privacy.term.data')}</dt>
                  <dd>${p.data}</dd>
                  <dt>${t('privacy.term.purpose')}</dt>
                  <dd>${p.purpose}</dd>
                  <dt>${t('privacy.term.basis')}</dt>
                  <dd>${p.basis}</dd>
                  <dt>${t('privacy.term.retention')}</dt>
                  <dd>${p.retention}</dd>
                </dl>`,
            )}`,
        )}
        ${proseSection(
          'cookies',
          t('privacy.cookies.title'),
          html`<p>${t('privacy.cookies.intro')}</p>
            ${(['csrf', 'session', 'webauthn'] as const).map(cookie)}
            <p>${t('privacy.cookies.none')}</p>`,
        )}
        ${proseSection(
          'public',
          t('privacy.public.title'),
          html`<p>${t('privacy.public.text')}</p>
            <p>${h('privacy.public.gallringHtml')}</p>`,
        )}
        ${proseSection(
          'rights',
          t('privacy.rights.title'),
          html`<p>${t('privacy.rights.intro')}</p>
            <ul>
              <li>${t('privacy.rights.access')}</li>
              <li>${t('privacy.rights.rectification')}</li>
              <li>${t('privacy.rights.erasure')}</li>
              <li>${t('privacy.rights.restriction')}</li>
              <li>${t('privacy.rights.objection')}</li>
            </ul>
            <p>${h('privacy.rights.howHtml')}</p>
            <p>${h('privacy.rights.complaintHtml')}</p>`,
        )}
      </div>
    </div>`,
  };
}

// Easy-to-read Swedish

export function easyToRead(ctx: PageContext): Page {
  const { t, h } = texts(ctx, 'sv');
  const lines = (...content: (string | SafeHtml)[]) => content.map((line) => html`<p>${line}</p>`);
  return {
    title: t('easy.title'),
    description: t('easy.description'),
    path: '/lattlast',
    languages: ['sv'],
    otherLanguagePath: '/',
    main: html`<div class="wrap">
      <div class="prose">
        <h1>${t('easy.heading')}</h1>
        <div class="notice"><p>${t('easy.note')}</p></div>
        ${proseSection(
          'what',
          t('easy.what.title'),
          html`${lines(t('easy.what.1'), t('easy.what.2'), t('easy.what.3'), t('easy.what.4'))}`,
        )}
        ${proseSection('who', t('easy.who.title'), html`${lines(t('easy.who.1'), t('easy.who.2'))}`)}
        ${proseSection(
          'data',
          t('easy.data.title'),
          html`${lines(t('easy.data.1'), t('easy.data.2'), t('easy.data.3'), t('easy.data.4'), t('easy.data.5'))}`,
        )}
        ${proseSection(
          'rights',
          t('easy.rights.title'),
          html`${lines(
            t('easy.rights.1'),
            t('easy.rights.2'),
            t('easy.rights.3'),
            t('easy.rights.4'),
            t('easy.rights.5'),
            t('easy.rights.6'),
          )}`,
        )}
        ${proseSection(
          'contact',
          t('easy.contact.title'),
          html`${lines(
            t('easy.contact.1'),
            h('easy.contact.2Html'),
            t('easy.contact.3'),
            h('easy.contact.4Html', { formUrl: `${localPath('sv', '/accessibility')}#feedback` }),
            t('easy.contact.5'),
          )}`,
        )}
      </div>
    </div>`,
  };
}

/**
 * Views of signing in and out: the login page (e-mail form, passkey button), "check your e-mail"
 * with the code form, the confirm page a link opens, the page for a link that no longer works, the
 * "too many" pages, and the sign-in e-mail. Every word comes from this part's catalogue.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page, type PageContext } from '../../../platform/html/layout.ts';
import { shell } from '../../../platform/html/messages.ts';
import type { Lang, Params } from '../../../platform/i18n/index.ts';
import { PASSKEY_SCRIPT, passkeySignInHtml } from '../second-factor/views.ts';
import { messages, type MessageKey } from './messages.ts';
import {
  csrfField,
  errorSummary as sharedErrorSummary,
  hiddenField,
  textField,
} from '../../../platform/html/forms.ts';

/** Paths of this part, for views and routes alike. */
export const loginPaths = {
  login: (lang: Lang) => localPath(lang, '/login'),
  code: (lang: Lang) => localPath(lang, '/login/code'),
  link: (lang: Lang) => localPath(lang, '/login/link'),
  logout: (lang: Lang) => localPath(lang, '/logout'),
  me: (lang: Lang) => localPath(lang, '/me'),
};

/** `path?next=…` when there is somewhere to go afterwards. */
export function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** The site's name in a language ("Dalarna – karriärregion"). */
export function siteName(ctx: Pick<PageContext, 'region'>, lang: Lang): string {
  return shell.t(lang, 'siteName', { region: ctx.region.name[lang] });
}

function texts(ctx: PageContext) {
  const base: Params = { site: siteName(ctx, ctx.lang) };
  return {
    t: (key: MessageKey, params?: Params) => messages.t(ctx.lang, key, { ...base, ...params }),
    h: (key: MessageKey, params?: Params) => messages.h(ctx.lang, key, { ...base, ...params }),
  };
}

/** A sign-out button (a POST form), for any page that shows who is signed in. */
export function signOutFormHtml(lang: Lang, csrfToken: string): SafeHtml {
  return html`<form class="form" method="post" action="${loginPaths.logout(lang)}">
    ${csrfField(csrfToken)}
    <button class="button button--secondary" type="submit">${messages.t(lang, 'login.signOut')}</button>
  </form>`;
}

type FieldName = 'email' | 'code';

export type FormErrors = Partial<Record<FieldName, MessageKey>>;

interface FieldSpec {
  name: FieldName;
  label: string;
  hint?: string;
  value: string;
  type: 'email' | 'text';
  autocomplete: string;
  inputmode?: string;
}

function field(ctx: PageContext, spec: FieldSpec, errors: FormErrors): SafeHtml {
  const { t } = texts(ctx);
  const key = errors[spec.name];
  return textField(ctx.lang, {
    ...spec,
    error: key ? t(key) : undefined,
    required: true,
    spellcheck: spec.type === 'email' ? false : undefined,
  });
}

function errorSummary(ctx: PageContext, errors: FormErrors): SafeHtml | '' {
  const { t } = texts(ctx);
  const failed = (['email', 'code'] as const).filter((name) => errors[name]);
  if (failed.length === 0) return '';
  return sharedErrorSummary(
    t('common.errorSummaryTitle'),
    failed.map((name) => ({ id: name, text: t(errors[name] as MessageKey) })),
  );
}

function hasErrors(errors: FormErrors): boolean {
  return Boolean(errors.email || errors.code);
}

// The login page

export interface LoginView {
  csrfToken: string;
  next: string | undefined;
  email: string;
  errors: FormErrors;
  signedOut: boolean;
  /** The address of the person already signed in in this browser. */
  signedInAs: string | undefined;
}

export function loginPage(ctx: PageContext, view: LoginView): Page {
  const { t } = texts(ctx);
  const lang = ctx.lang;
  const title = t('login.title');
  const notice = view.signedOut
    ? html`<div class="notice" role="status"><p>${t('login.signedOut')}</p></div>`
    : '';
  if (view.signedInAs) {
    return {
      title,
      description: t('login.description'),
      path: '/login',
      noindex: true,
      main: html`<div class="wrap prose">
        <h1>${title}</h1>
        <p>${t('login.already', { email: view.signedInAs })}</p>
        <p><a class="button" href="${view.next ?? loginPaths.me(lang)}">${t('login.alreadyLink')}</a></p>
        ${signOutFormHtml(lang, view.csrfToken)}
      </div>`,
    };
  }
  return {
    title: hasErrors(view.errors) ? t('login.titleWithErrors', { title }) : title,
    description: t('login.description'),
    path: '/login',
    noindex: true,
    scripts: [PASSKEY_SCRIPT],
    main: html`<div class="wrap prose">
      ${notice}
      <h1>${title}</h1>
      <p>${t('login.intro')}</p>
      <p>${t('login.newAccount')}</p>
      <form class="form" method="post" action="${loginPaths.login(lang)}" novalidate>
        ${errorSummary(ctx, view.errors)} ${csrfField(view.csrfToken)}
        ${view.next ? hiddenField('next', view.next) : ''}
        ${field(
          ctx,
          {
            name: 'email',
            label: t('login.email.label'),
            hint: t('login.email.hint'),
            value: view.email,
            type: 'email',
            autocomplete: 'email',
          },
          view.errors,
        )}
        <button class="button" type="submit">${t('login.submit')}</button>
      </form>
      <div class="login-passkey">${passkeySignInHtml(lang, view.next ?? '', view.csrfToken)}</div>
    </div>`,
  };
}

// Check your e-mail, with the code form

export interface SentView {
  csrfToken: string;
  /** The address the e-mail went to (shown), and what the code form holds. */
  email: string;
  code: string;
  errors: FormErrors;
  next: string | undefined;
  ttlMinutes: number;
  /** The address the mail was sent to, when this page answers the sending itself. */
  sentTo?: string;
}

export function sentPage(ctx: PageContext, view: SentView): Page {
  const { t, h } = texts(ctx);
  const lang = ctx.lang;
  const title = view.sentTo ? t('sent.title') : t('code.title');
  return {
    title: hasErrors(view.errors) ? t('login.titleWithErrors', { title }) : title,
    description: t('sent.description'),
    path: '/login',
    noindex: true,
    main: html`<div class="wrap prose">
      <h1>${title}</h1>
      ${
        view.sentTo
          ? html`<p>${h('sent.textHtml', { email: view.sentTo })}</p>
            <p>${t('sent.validity', { minutes: view.ttlMinutes })}</p>
            <h2 id="code-title">${t('code.title')}</h2>`
          : ''
      }
      <form
        class="form"
        method="post"
        action="${loginPaths.code(lang)}"
        novalidate
        ${view.sentTo ? html`aria-labelledby="code-title"` : ''}
      >
        ${errorSummary(ctx, view.errors)} ${csrfField(view.csrfToken)}
        ${field(
          ctx,
          {
            name: 'email',
            label: t('code.email.label'),
            value: view.email,
            type: 'email',
            autocomplete: 'email',
          },
          view.errors,
        )}
        ${field(
          ctx,
          {
            name: 'code',
            label: t('code.code.label'),
            hint: t('code.code.hint'),
            value: view.code,
            type: 'text',
            autocomplete: 'one-time-code',
            inputmode: 'numeric',
          },
          view.errors,
        )}
        <button class="button" type="submit">${t('code.submit')}</button>
      </form>
      <p>${t('sent.notArrived')}</p>
      <p><a href="${withNext(loginPaths.login(lang), view.next)}">${t('sent.again')}</a></p>
    </div>`,
  };
}

// The confirm page a link opens (GET never signs in)

export function confirmPage(
  ctx: PageContext,
  view: { token: string; email: string; newAccount: boolean; csrfToken: string },
): Page {
  const { t, h } = texts(ctx);
  const title = t('confirm.title');
  return {
    title,
    description: t('confirm.description'),
    path: `/login/link/${view.token}`,
    noindex: true,
    head: html`<meta name="referrer" content="no-referrer" />`,
    main: html`<div class="wrap prose">
      <h1>${title}</h1>
      <p>
        ${
          view.newAccount
            ? h('confirm.newAccountHtml', { email: view.email })
            : h('confirm.textHtml', { email: view.email })
        }
      </p>
      <form class="form" method="post" action="${loginPaths.link(ctx.lang)}">
        ${csrfField(view.csrfToken)}
        ${hiddenField('token', view.token)}
        <button class="button" type="submit">${t('confirm.submit')}</button>
      </form>
      <p>${t('confirm.notYou')}</p>
    </div>`,
  };
}

export function gonePage(ctx: PageContext, ttlMinutes: number): Page {
  const { t } = texts(ctx);
  const title = t('gone.title');
  return {
    title,
    description: t('gone.description'),
    path: '/login',
    noindex: true,
    head: html`<meta name="referrer" content="no-referrer" />`,
    main: html`<div class="wrap prose">
      <h1>${title}</h1>
      <p>${t('gone.text', { minutes: ttlMinutes })}</p>
      <p><a class="button" href="${loginPaths.login(ctx.lang)}">${t('gone.again')}</a></p>
    </div>`,
  };
}

export function tooManyPage(
  ctx: PageContext,
  view: { kind: 'send' | 'code'; email: string; minutes: number; next: string | undefined },
): Page {
  const { t } = texts(ctx);
  const prefix = view.kind === 'send' ? 'tooMany' : 'tooManyCodes';
  const title = t(`${prefix}.title`);
  return {
    title,
    description: t(`${prefix}.description`),
    path: '/login',
    noindex: true,
    main: html`<div class="wrap prose">
      <h1>${title}</h1>
      <p>${t(`${prefix}.text`, { email: view.email, minutes: view.minutes })}</p>
      <p><a href="${withNext(loginPaths.login(ctx.lang), view.next)}">${t('tooMany.back')}</a></p>
    </div>`,
  };
}

// The e-mail

/** Subject and plain-text body of the sign-in e-mail, in the recipient's language. */
export function signInMail(
  lang: Lang,
  site: string,
  link: { url: string; code: string; newAccount: boolean; ttlMinutes: number },
): { subject: string; text: string } {
  const m = (key: MessageKey, params?: Params) => messages.t(lang, key, { site, ...params });
  const text = [
    m('mail.greeting'),
    '',
    m('mail.intro'),
    ...(link.newAccount ? ['', m('mail.newAccount')] : []),
    '',
    m('mail.link'),
    link.url,
    '',
    m('mail.code', { code: link.code }),
    '',
    m('mail.validity', { minutes: link.ttlMinutes }),
    '',
    m('mail.ignore'),
    '',
    m('mail.signature'),
  ].join('\n');
  return { subject: m('mail.subject'), text };
}

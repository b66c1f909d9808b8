/**
 * Views of the second-factor pages: the own security page, setting up an authenticator app, the
 * recovery codes (shown once), the second-factor check before the back-office, and the passkey
 * sign-in block for the login page. Passkeys need `public/js/passkey.js`; every block that uses it
 * is `hidden` until the script finds a browser that supports passkeys, and the text beside it
 * (`data-passkey-fallback`) says what to do without.
 */
import { csrfField, errorSummary, hiddenField, notice, textField } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { messages, type MessageKey } from './messages.ts';
import type { PasskeySummary } from './passkeys/repository.ts';
import type { QrCode } from '../../../platform/html/qr.ts';

/** The script that runs passkey ceremonies (pages work without it; passkeys need it). */
export const PASSKEY_SCRIPT = 'js/passkey.js';

const t = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  messages.t(lang, key, params);

/** Paths of this part, for views and routes alike. */
export const paths = {
  security: (lang: Lang) => localPath(lang, '/me/security'),
  totp: (lang: Lang) => localPath(lang, '/me/totp'),
  totpDisable: (lang: Lang) => localPath(lang, '/me/totp/disable'),
  recoveryCodes: (lang: Lang) => localPath(lang, '/me/recovery-codes'),
  passkeys: (lang: Lang) => localPath(lang, '/me/passkeys'),
  passkeyOptions: (lang: Lang) => localPath(lang, '/me/passkeys/options'),
  passkeyRename: (lang: Lang) => localPath(lang, '/me/passkeys/rename'),
  passkeyRemove: (lang: Lang) => localPath(lang, '/me/passkeys/remove'),
  check: (lang: Lang) => localPath(lang, '/me/second-factor'),
  checkPasskeyOptions: (lang: Lang) => localPath(lang, '/me/second-factor/passkey/options'),
  checkPasskey: (lang: Lang) => localPath(lang, '/me/second-factor/passkey'),
  signInOptions: (lang: Lang) => localPath(lang, '/login/passkey/options'),
  signIn: (lang: Lang) => localPath(lang, '/login/passkey'),
  me: (lang: Lang) => localPath(lang, '/me'),
};

/** `path?next=…` when there is somewhere to go afterwards. */
export function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/**
 * A passkey button run by the script: `mode` picks the ceremony. Hidden until the script shows it;
 * the status line announces progress and failures.
 */
function passkeyBlock(options: {
  lang: Lang;
  mode: 'register' | 'signin' | 'verify';
  className: string;
  optionsUrl: string;
  finishUrl: string;
  csrfToken: string;
  next: string;
  label: string;
  failed: string;
  working: string;
  secondary?: boolean;
}): SafeHtml {
  return html`<div
    class="${options.className} passkey"
    hidden
    data-passkey="${options.mode}"
    data-options-url="${options.optionsUrl}"
    data-finish-url="${options.finishUrl}"
    data-csrf="${options.csrfToken}"
    data-next="${options.next}"
    data-working="${options.working}"
    data-failed="${options.failed}"
  >
    <p>
      <button type="button" class="button${options.secondary ? ' button--secondary' : ''}">
        ${options.label}
      </button>
    </p>
    <p class="passkey__status" role="status"></p>
  </div>`;
}

/** Markup for "Sign in with a passkey" on the login page; `next` is where to go afterwards. */
export function passkeySignInHtml(lang: Lang, next: string, csrfToken: string): SafeHtml {
  return passkeyBlock({
    lang,
    mode: 'signin',
    className: 'passkey-signin',
    optionsUrl: paths.signInOptions(lang),
    finishUrl: paths.signIn(lang),
    csrfToken,
    next,
    label: t(lang, 'signin.button'),
    working: t(lang, 'signin.working'),
    failed: t(lang, 'signin.failed'),
    secondary: true,
  });
}

function registerBlock(lang: Lang, csrfToken: string, next: string): SafeHtml {
  return html`${passkeyBlock({
    lang,
    mode: 'register',
    className: 'passkey-register',
    optionsUrl: paths.passkeyOptions(lang),
    finishUrl: paths.passkeys(lang),
    csrfToken,
    next,
    label: t(lang, 'passkeys.add'),
    working: t(lang, 'passkeys.working'),
    failed: t(lang, 'passkeys.failed'),
  })}
    <p class="passkey-fallback" data-passkey-fallback>${t(lang, 'passkeys.noScript')}</p>`;
}

// The security page

export type Done = 'passkeyAdded' | 'passkeyRenamed' | 'passkeyRemoved' | 'totpDisabled' | 'factorGone';
export const DONE: readonly Done[] = [
  'passkeyAdded',
  'passkeyRenamed',
  'passkeyRemoved',
  'totpDisabled',
  'factorGone',
];

export interface SecurityView {
  lang: Lang;
  csrfToken: string;
  passkeys: PasskeySummary[];
  totpOn: boolean;
  recoveryLeft: number;
  staff: boolean;
  /** The account has a factor but this session has not shown one: changes wait for it. */
  verifyFirst: boolean;
  done?: Done;
  /** A rename that failed validation: which passkey, what was typed, the error. */
  rename?: { credentialId: string; value: string; error: string };
}

/** The notice after a change; a first passkey says where its recovery codes are made. */
function doneKey(view: SecurityView): MessageKey {
  if (view.done === 'passkeyAdded' && view.recoveryLeft === 0) return 'done.passkeyAddedNoCodes';
  return `done.${view.done ?? 'passkeyAdded'}`;
}

const dateOrNever = (lang: Lang, d: Date | null) => (d ? formatDate(lang, d) : t(lang, 'common.never'));

/** One passkey: its name and dates, and (when the session may change factors) rename and remove. */
function passkeyItem(view: SecurityView, p: PasskeySummary, index: number): SafeHtml {
  const { lang, csrfToken } = view;
  const name = p.name || t(lang, 'passkeys.defaultName');
  const failed = view.rename?.credentialId === p.credentialId ? view.rename : undefined;
  const forms = html`<form method="post" action="${paths.passkeyRename(lang)}" class="passkey-item__form" novalidate>
      ${csrfField(csrfToken)} ${hiddenField('credential', p.credentialId)}
      ${textField(lang, {
        id: `passkey-name-${index + 1}`,
        name: 'name',
        label: t(lang, 'passkeys.renameLabel', { name }),
        error: failed?.error,
        value: failed ? failed.value : p.name,
        autocomplete: 'off',
        maxlength: 200,
      })}
      <button type="submit" class="button--secondary">${t(lang, 'passkeys.renameButton')}</button>
    </form>
    <form method="post" action="${paths.passkeyRemove(lang)}" class="passkey-item__form">
      ${csrfField(csrfToken)} ${hiddenField('credential', p.credentialId)}
      <button type="submit" class="button--secondary" aria-label="${t(lang, 'passkeys.removeLabel', { name })}">
        ${t(lang, 'passkeys.removeButton')}
      </button>
    </form>`;
  return html`<li class="card passkey-item">
    <h3 class="card__title" id="passkey-${index + 1}-title">${name}</h3>
    <dl class="passkey-item__facts">
      <dt>${t(lang, 'passkeys.created')}</dt>
      <dd>${dateOrNever(lang, p.createdAt)}</dd>
      <dt>${t(lang, 'passkeys.lastUsed')}</dt>
      <dd>${dateOrNever(lang, p.lastUsedAt)}</dd>
    </dl>
    ${view.verifyFirst ? '' : forms}
  </li>`;
}

/** The notices under the heading: what was done, why staff need a factor, showing one first. */
function securityNotices(view: SecurityView, factors: number): SafeHtml {
  const { lang } = view;
  const staff = html`<div class="notice">
    <p>${t(lang, 'security.staffNote')}</p>
    ${factors === 1 && !view.verifyFirst ? html`<p>${t(lang, 'security.staffLast')}</p>` : ''}
  </div>`;
  const verifyFirst = html`<div class="notice">
    <p>${t(lang, 'security.verifyFirst')}</p>
    <p><a href="${withNext(paths.check(lang), paths.security(lang))}">${t(lang, 'security.verifyLink')}</a></p>
  </div>`;
  return html`${view.done ? notice(t(lang, doneKey(view))) : ''}
    <p>${t(lang, 'security.intro')}</p>
    ${view.staff ? staff : ''} ${view.verifyFirst ? verifyFirst : ''}`;
}

function passkeysSection(view: SecurityView): SafeHtml {
  const { lang } = view;
  const list =
    view.passkeys.length > 0
      ? html`<ul class="passkey-list" aria-label="${t(lang, 'passkeys.caption')}">
          ${view.passkeys.map((p, i) => passkeyItem(view, p, i))}
        </ul>`
      : html`<p>${t(lang, 'passkeys.none')}</p>`;
  return html`<section aria-labelledby="passkeys-title">
    <h2 id="passkeys-title">${t(lang, 'passkeys.title')}</h2>
    <p>${t(lang, 'passkeys.intro')}</p>
    ${list} ${view.verifyFirst ? '' : registerBlock(lang, view.csrfToken, paths.security(lang))}
  </section>`;
}

function totpSection(view: SecurityView): SafeHtml {
  const { lang } = view;
  const action = view.totpOn
    ? html`<form method="post" action="${paths.totpDisable(lang)}">
        ${csrfField(view.csrfToken)}
        <button type="submit" class="button--secondary">${t(lang, 'totp.disable')}</button>
      </form>`
    : html`<p><a class="button" href="${paths.totp(lang)}">${t(lang, 'totp.setupLink')}</a></p>`;
  return html`<section aria-labelledby="totp-title">
    <h2 id="totp-title">${t(lang, 'totp.title')}</h2>
    <p>${t(lang, 'totp.intro')}</p>
    <p><strong>${t(lang, view.totpOn ? 'totp.on' : 'totp.off')}</strong></p>
    ${view.verifyFirst ? '' : action}
  </section>`;
}

function recoverySection(view: SecurityView, factors: number): SafeHtml {
  const { lang } = view;
  // Only someone who has codes can lose them to a new set.
  const button =
    view.recoveryLeft > 0
      ? html`<p class="field__hint" id="recovery-hint">${t(lang, 'recovery.generateHint')}</p>
          <button type="submit" aria-describedby="recovery-hint">${t(lang, 'recovery.generate')}</button>`
      : html`<button type="submit">${t(lang, 'recovery.generateFirst')}</button>`;
  const action =
    factors === 0
      ? html`<p>${t(lang, 'recovery.needFactor')}</p>`
      : view.verifyFirst
        ? ''
        : html`<form method="post" action="${paths.recoveryCodes(lang)}">
            ${csrfField(view.csrfToken)} ${button}
          </form>`;
  const left =
    view.recoveryLeft > 0 ? t(lang, 'recovery.left', { count: view.recoveryLeft }) : t(lang, 'recovery.none');
  return html`<section aria-labelledby="recovery-title">
    <h2 id="recovery-title">${t(lang, 'recovery.title')}</h2>
    <p>${t(lang, 'recovery.intro')}</p>
    <p><strong>${left}</strong></p>
    ${action}
  </section>`;
}

export function securityPage(view: SecurityView): Page {
  const { lang } = view;
  const factors = view.passkeys.length + (view.totpOn ? 1 : 0);
  const renameIndex = view.passkeys.findIndex((p) => p.credentialId === view.rename?.credentialId);
  const renameError = view.rename ? [{ id: `passkey-name-${renameIndex + 1}`, text: view.rename.error }] : [];
  const main = html`<div class="wrap prose second-factor">
    <h1>${t(lang, 'security.title')}</h1>
    ${errorSummary(t(lang, 'common.errorSummaryTitle'), renameError)} ${securityNotices(view, factors)}
    ${passkeysSection(view)} ${totpSection(view)} ${recoverySection(view, factors)}
    <p><a href="${paths.me(lang)}">${t(lang, 'common.backToMe')}</a></p>
  </div>`;
  return {
    title: t(lang, 'security.title'),
    description: t(lang, 'security.description'),
    path: '/me/security',
    main,
    noindex: true,
    scripts: view.verifyFirst ? undefined : [PASSKEY_SCRIPT],
  };
}

// Setting up an authenticator app

export interface TotpSetupView {
  lang: Lang;
  csrfToken: string;
  secret: string;
  issuer: string;
  /** The QR code of the otpauth URI (absent when the app is on already). */
  qr?: QrCode;
  next?: string;
  code: string;
  error?: string;
  already?: boolean;
}

/** The QR code drawn from its modules: an image with a name and a size; never a style attribute. */
function qrImage(qr: QrCode, label: string): SafeHtml {
  const side = qr.size;
  return html`<svg role="img" aria-label="${label}" class="totp-qr__svg" width="200" height="200" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h${side}v${side}H0z"/><path stroke="#000000" d="${qr.path}"/></svg>`;
}

export function totpSetupPage(view: TotpSetupView): Page {
  const { lang } = view;
  const main = view.already
    ? html`<div class="wrap prose second-factor">
        <h1>${t(lang, 'setup.title')}</h1>
        <p>${t(lang, 'setup.already')}</p>
        <p><a href="${paths.security(lang)}">${t(lang, 'common.backToSecurity')}</a></p>
      </div>`
    : html`<div class="wrap prose second-factor">
        <h1>${t(lang, 'setup.title')}</h1>
        ${errorSummary(t(lang, 'common.errorSummaryTitle'), view.error ? [{ id: 'code', text: view.error }] : [])}
        <ol class="totp-steps">
          <li>
            <p>${t(lang, 'setup.step1')}</p>
            <div class="totp-qr">
              ${view.qr ? qrImage(view.qr, t(lang, 'setup.qrLabel', { issuer: view.issuer })) : ''}
            </div>
            <p>${t(lang, 'setup.manual')}</p>
            <p><code class="totp-secret">${view.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code></p>
          </li>
          <li><p>${t(lang, 'setup.step2')}</p></li>
        </ol>
        <form method="post" action="${paths.totp(lang)}" class="form" novalidate>
          ${csrfField(view.csrfToken)}
          ${view.next ? hiddenField('next', view.next) : ''}
          ${textField(lang, {
            name: 'code',
            label: t(lang, 'setup.codeLabel'),
            hint: t(lang, 'setup.codeHint'),
            error: view.error,
            value: view.code,
            autocomplete: 'one-time-code',
            inputmode: 'numeric',
            maxlength: 12,
            spellcheck: false,
            autocapitalize: 'none',
          })}
          <button type="submit">${t(lang, 'setup.submit')}</button>
        </form>
        <p><a href="${paths.security(lang)}">${t(lang, 'common.backToSecurity')}</a></p>
      </div>`;
  return {
    title: t(lang, 'setup.title'),
    description: t(lang, 'setup.description'),
    path: '/me/totp',
    main,
    noindex: true,
  };
}

// Recovery codes, shown once

export function recoveryCodesPage(view: {
  lang: Lang;
  codes: string[];
  totpEnabled: boolean;
  continueTo: string;
}): Page {
  const { lang } = view;
  const main = html`<div class="wrap prose second-factor">
    <h1>${t(lang, 'codes.title')}</h1>
    ${view.totpEnabled ? notice(t(lang, 'codes.totpOn')) : ''}
    <p>${t(lang, 'codes.intro')}</p>
    <ul class="recovery-codes" aria-label="${t(lang, 'codes.listLabel')}">
      ${view.codes.map((code) => html`<li><code>${code}</code></li>`)}
    </ul>
    <p><a class="button" href="${view.continueTo}">${t(lang, 'codes.continue')}</a></p>
  </div>`;
  return {
    title: t(lang, 'codes.title'),
    description: t(lang, 'codes.intro'),
    path: '/me/recovery-codes',
    main,
    noindex: true,
  };
}

// The second-factor check

export interface CheckView {
  lang: Lang;
  csrfToken: string;
  next: string;
  staff: boolean;
  /** The account has a passkey or a confirmed TOTP secret. */
  hasFactor: boolean;
  hasPasskey: boolean;
  code: string;
  error?: string;
}

export function checkPage(view: CheckView): Page {
  const { lang } = view;
  const why = html`<p>${t(lang, view.staff ? 'check.why' : 'check.whyPlain')}</p>`;
  const body = view.hasFactor
    ? html`${errorSummary(t(lang, 'common.errorSummaryTitle'), view.error ? [{ id: 'code', text: view.error }] : [])}
        <form method="post" action="${paths.check(lang)}" class="form" novalidate>
          ${csrfField(view.csrfToken)}
          ${hiddenField('next', view.next)}
          <p>${t(lang, 'check.codeIntro')}</p>
          ${textField(lang, {
            name: 'code',
            label: t(lang, 'check.codeLabel'),
            hint: t(lang, 'check.codeHint'),
            error: view.error,
            value: view.code,
            autocomplete: 'one-time-code',
            maxlength: 20,
            spellcheck: false,
            autocapitalize: 'none',
          })}
          <button type="submit">${t(lang, 'check.submit')}</button>
        </form>
        ${
          view.hasPasskey
            ? html`<section aria-labelledby="check-passkey-title" class="passkey-verify-section">
              <h2 id="check-passkey-title">${t(lang, 'check.passkeyTitle')}</h2>
              ${passkeyBlock({
                lang,
                mode: 'verify',
                className: 'passkey-verify',
                optionsUrl: paths.checkPasskeyOptions(lang),
                finishUrl: paths.checkPasskey(lang),
                csrfToken: view.csrfToken,
                next: view.next,
                label: t(lang, 'check.passkey'),
                working: t(lang, 'passkeys.working'),
                failed: t(lang, 'check.passkeyFailed'),
                secondary: true,
              })}
              <p class="passkey-fallback" data-passkey-fallback>${t(lang, 'passkeys.noScript')}</p>
            </section>`
            : ''
        }`
    : html`<section aria-labelledby="check-setup-title">
        <h2 id="check-setup-title">${t(lang, 'check.setupTitle')}</h2>
        <p>${t(lang, 'check.setupIntro')}</p>
        <p><a class="button" href="${withNext(paths.totp(lang), view.next)}">${t(lang, 'check.setupTotp')}</a></p>
        ${registerBlock(lang, view.csrfToken, view.next)}
      </section>`;
  const main = html`<div class="wrap prose second-factor">
    <h1>${t(lang, 'check.title')}</h1>
    ${why} ${body}
  </div>`;
  return {
    title: t(lang, 'check.title'),
    description: t(lang, 'check.description'),
    path: '/me/second-factor',
    main,
    noindex: true,
    scripts: [PASSKEY_SCRIPT],
  };
}

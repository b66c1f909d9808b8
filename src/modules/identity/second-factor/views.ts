/**
 * Views of the second-factor pages: the own security page, setting up an authenticator app, the
 * recovery codes (shown once), the second-factor check before the back-office, and the passkey
 * sign-in block for the login page. Passkeys need `public/js/passkey.js`; every block that uses it
 * is `hidden` until the script finds a browser that supports passkeys, and the text beside it
 * (`data-passkey-fallback`) says what to do without.
 */
import { html, raw, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { messages, type MessageKey } from './messages.ts';
import type { PasskeySummary } from './passkeys/repository.ts';
import { csrfField, errorSummary } from '../../../platform/html/forms.ts';

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

// Forms: one text field with its label, hint and error, and the error summary above a form.

interface FieldOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  autocomplete: string;
  inputmode?: 'numeric' | 'text';
  maxlength: number;
  spellcheck?: boolean;
}

function textField(o: FieldOptions): SafeHtml {
  const hintId = o.hint ? `${o.id}-hint` : '';
  const errorId = o.error ? `${o.id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return html`<div class="field${o.error ? ' field--error' : ''}">
    <label class="field__label" for="${o.id}">${o.label}</label>
    ${o.hint ? html`<p class="field__hint" id="${hintId}">${o.hint}</p>` : ''}
    ${o.error ? html`<p class="field__error" id="${errorId}">${o.error}</p>` : ''}
    <input
      class="input"
      type="text"
      id="${o.id}"
      name="${o.name}"
      value="${o.value}"
      autocomplete="${o.autocomplete}"
      ${o.inputmode ? html`inputmode="${o.inputmode}"` : ''}
      maxlength="${o.maxlength}"
      ${o.spellcheck === false ? html`spellcheck="false" autocapitalize="none"` : ''}
      ${o.error ? html`aria-invalid="true"` : ''}
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
    />
  </div>`;
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

export function securityPage(view: SecurityView): Page {
  const { lang, csrfToken } = view;
  const editable = !view.verifyFirst;
  const factors = view.passkeys.length + (view.totpOn ? 1 : 0);
  const date = (d: Date | null) => (d ? formatDate(lang, d) : t(lang, 'common.never'));

  const passkeyItem = (p: PasskeySummary, index: number) => {
    const name = p.name || t(lang, 'passkeys.defaultName');
    const failed = view.rename?.credentialId === p.credentialId ? view.rename : undefined;
    const id = `passkey-name-${index + 1}`;
    return html`<li class="card passkey-item">
      <h3 class="card__title" id="passkey-${index + 1}-title">${name}</h3>
      <dl class="passkey-item__facts">
        <dt>${t(lang, 'passkeys.created')}</dt>
        <dd>${date(p.createdAt)}</dd>
        <dt>${t(lang, 'passkeys.lastUsed')}</dt>
        <dd>${date(p.lastUsedAt)}</dd>
      </dl>
      ${
        editable
          ? html`<form method="post" action="${paths.passkeyRename(lang)}" class="passkey-item__form" novalidate>
              ${csrfField(csrfToken)}
              <input type="hidden" name="credential" value="${p.credentialId}" />
              ${textField({
                id,
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
              ${csrfField(csrfToken)}
              <input type="hidden" name="credential" value="${p.credentialId}" />
              <button type="submit" class="button--secondary" aria-label="${t(lang, 'passkeys.removeLabel', { name })}">
                ${t(lang, 'passkeys.removeButton')}
              </button>
            </form>`
          : ''
      }
    </li>`;
  };

  const renameError = view.rename
    ? [
        {
          id: `passkey-name-${view.passkeys.findIndex((p) => p.credentialId === view.rename?.credentialId) + 1}`,
          text: view.rename.error,
        },
      ]
    : [];

  const main = html`<div class="wrap prose second-factor">
    <h1>${t(lang, 'security.title')}</h1>
    ${errorSummary(t(lang, 'common.errorSummaryTitle'), renameError)}
    ${view.done ? html`<div class="notice" role="status"><p>${t(lang, doneKey(view))}</p></div>` : ''}
    <p>${t(lang, 'security.intro')}</p>
    ${
      view.staff
        ? html`<div class="notice">
          <p>${t(lang, 'security.staffNote')}</p>
          ${factors === 1 && editable ? html`<p>${t(lang, 'security.staffLast')}</p>` : ''}
        </div>`
        : ''
    }
    ${
      view.verifyFirst
        ? html`<div class="notice">
          <p>${t(lang, 'security.verifyFirst')}</p>
          <p><a href="${withNext(paths.check(lang), paths.security(lang))}">${t(lang, 'security.verifyLink')}</a></p>
        </div>`
        : ''
    }

    <section aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">${t(lang, 'passkeys.title')}</h2>
      <p>${t(lang, 'passkeys.intro')}</p>
      ${
        view.passkeys.length > 0
          ? html`<ul class="passkey-list" aria-label="${t(lang, 'passkeys.caption')}">
            ${view.passkeys.map(passkeyItem)}
          </ul>`
          : html`<p>${t(lang, 'passkeys.none')}</p>`
      }
      ${editable ? registerBlock(lang, csrfToken, paths.security(lang)) : ''}
    </section>

    <section aria-labelledby="totp-title">
      <h2 id="totp-title">${t(lang, 'totp.title')}</h2>
      <p>${t(lang, 'totp.intro')}</p>
      <p><strong>${t(lang, view.totpOn ? 'totp.on' : 'totp.off')}</strong></p>
      ${
        editable
          ? view.totpOn
            ? html`<form method="post" action="${paths.totpDisable(lang)}">
              ${csrfField(csrfToken)}
              <button type="submit" class="button--secondary">${t(lang, 'totp.disable')}</button>
            </form>`
            : html`<p><a class="button" href="${paths.totp(lang)}">${t(lang, 'totp.setupLink')}</a></p>`
          : ''
      }
    </section>

    <section aria-labelledby="recovery-title">
      <h2 id="recovery-title">${t(lang, 'recovery.title')}</h2>
      <p>${t(lang, 'recovery.intro')}</p>
      <p>
        <strong
          >${
            view.recoveryLeft > 0
              ? t(lang, 'recovery.left', { count: view.recoveryLeft })
              : t(lang, 'recovery.none')
          }</strong
        >
      </p>
      ${
        factors === 0
          ? html`<p>${t(lang, 'recovery.needFactor')}</p>`
          : editable
            ? html`<form method="post" action="${paths.recoveryCodes(lang)}">
              ${csrfField(csrfToken)}
              ${
                // Only someone who has codes can lose them to a new set.
                view.recoveryLeft > 0
                  ? html`<p class="field__hint" id="recovery-hint">${t(lang, 'recovery.generateHint')}</p>
                      <button type="submit" aria-describedby="recovery-hint">${t(lang, 'recovery.generate')}</button>`
                  : html`<button type="submit">${t(lang, 'recovery.generateFirst')}</button>`
              }
            </form>`
            : ''
      }
    </section>

    <p><a href="${paths.me(lang)}">${t(lang, 'common.backToMe')}</a></p>
  </div>`;

  return {
    title: t(lang, 'security.title'),
    description: t(lang, 'security.description'),
    path: '/me/security',
    main,
    noindex: true,
    scripts: editable ? [PASSKEY_SCRIPT] : undefined,
  };
}

// Setting up an authenticator app

export interface TotpSetupView {
  lang: Lang;
  csrfToken: string;
  secret: string;
  issuer: string;
  /** The QR code as SVG markup (made here from the otpauth URI, no inline styles). */
  qrSvg: string;
  next?: string;
  code: string;
  error?: string;
  already?: boolean;
}

/** Makes the QR code's SVG an accessible image: role, name, a size; never a style attribute. */
export function accessibleSvg(svg: string, label: string): SafeHtml {
  const clean = svg
    .replace(/<\?xml[^>]*>/g, '')
    .replace(/\sstyle="[^"]*"/g, '')
    .replace(/\s(width|height)="[^"]*"/g, '')
    .trim();
  const escaped = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return raw(
    clean.replace(
      /^<svg\b/,
      `<svg role="img" aria-label="${escaped}" class="totp-qr__svg" width="200" height="200" focusable="false"`,
    ),
  );
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
              ${accessibleSvg(view.qrSvg, t(lang, 'setup.qrLabel', { issuer: view.issuer }))}
            </div>
            <p>${t(lang, 'setup.manual')}</p>
            <p><code class="totp-secret">${view.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code></p>
          </li>
          <li><p>${t(lang, 'setup.step2')}</p></li>
        </ol>
        <form method="post" action="${paths.totp(lang)}" class="form" novalidate>
          ${csrfField(view.csrfToken)}
          ${view.next ? html`<input type="hidden" name="next" value="${view.next}" />` : ''}
          ${textField({
            id: 'code',
            name: 'code',
            label: t(lang, 'setup.codeLabel'),
            hint: t(lang, 'setup.codeHint'),
            error: view.error,
            value: view.code,
            autocomplete: 'one-time-code',
            inputmode: 'numeric',
            maxlength: 12,
            spellcheck: false,
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
    ${view.totpEnabled ? html`<div class="notice" role="status"><p>${t(lang, 'codes.totpOn')}</p></div>` : ''}
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
          <input type="hidden" name="next" value="${view.next}" />
          <p>${t(lang, 'check.codeIntro')}</p>
          ${textField({
            id: 'code',
            name: 'code',
            label: t(lang, 'check.codeLabel'),
            hint: t(lang, 'check.codeHint'),
            error: view.error,
            value: view.code,
            autocomplete: 'one-time-code',
            maxlength: 20,
            spellcheck: false,
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

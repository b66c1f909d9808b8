/**
 * Views of the own page: the account page with its sections (profile, organisations, security,
 * sessions, your data), the account deletion page and the goodbye page. Everything works without
 * JavaScript; every visible word comes from this part's catalogue.
 */
import type { Membership } from '../../../platform/auth/principal.ts';
import type { OwnPageSectionView } from '../../../platform/personal-data.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { formatDate, type Lang, type Params } from '../../../platform/i18n/index.ts';
import type { Role } from '../../../platform/permissions.ts';
import { roleLabel as auditRoleLabel } from '../admin/audit-messages.ts';
import { messages, type MessageKey } from './messages.ts';
import { DISPLAY_NAME_MAX, type AccountDetails, type ProfileErrors, type ProfileValues } from './service.ts';
import {
  csrfField,
  emailField,
  hiddenField,
  errorSummary,
  radioGroup,
  textField,
} from '../../../platform/html/forms.ts';

const t = (lang: Lang, key: MessageKey, params?: Params) => messages.t(lang, key, params);

/** Paths of this part and the ones it links to. */
export const paths = {
  me: (lang: Lang) => localPath(lang, '/me'),
  profile: (lang: Lang) => localPath(lang, '/me/profile'),
  sessionEnd: (lang: Lang) => localPath(lang, '/me/sessions/end'),
  sessionsEndOthers: (lang: Lang) => localPath(lang, '/me/sessions/end-others'),
  sessionsEndAll: (lang: Lang) => localPath(lang, '/me/sessions/end-all'),
  exportJson: (lang: Lang) => localPath(lang, '/me/export.json'),
  delete: (lang: Lang) => localPath(lang, '/me/delete'),
  deleted: (lang: Lang) => localPath(lang, '/me/deleted'),
  security: (lang: Lang) => localPath(lang, '/me/security'),
  logout: (lang: Lang) => localPath(lang, '/logout'),
  login: (lang: Lang) => localPath(lang, '/login'),
  home: (lang: Lang) => localPath(lang, '/'),
  admin: '/admin',
};

/** The name of a role in words, as the back-office names it, for a table cell. */
export function roleLabel(lang: Lang, role: Role): string {
  const label = auditRoleLabel(lang, role);
  return label.charAt(0).toLocaleUpperCase(lang) + label.slice(1);
}

const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
};

/** "26 november 2026 kl. 14:05" in Europe/Stockholm, as text. */
export function dateTimeText(lang: Lang, date: Date): string {
  return t(lang, 'common.dateTime', { date: formatDate(lang, date), time: timeFormats[lang].format(date) });
}

function dateTime(lang: Lang, date: Date): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${dateTimeText(lang, date)}</time>`;
}

function day(lang: Lang, date: Date): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${formatDate(lang, date)}</time>`;
}

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section class="me-section" id="${id}" aria-labelledby="${id}-title">
    <h2 id="${id}-title">${title}</h2>
    ${body}
  </section>`;
}

// The account page

export type Notice = 'saved' | 'sessionEnded' | 'othersEnded';

export interface SessionRow {
  handle: string;
  device: string;
  method: 'link' | 'code' | 'passkey';
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

export interface MeView {
  lang: Lang;
  csrfToken: string;
  account: AccountDetails;
  memberships: Membership[];
  sessions: SessionRow[];
  /** What the profile form shows: the stored values, or what was typed and what was wrong. */
  profile: { values: ProfileValues; errors: ProfileErrors };
  notice?: Notice;
  /** Other modules' sections (the talent pool …), after the profile. */
  sections?: readonly OwnPageSectionView[];
}

function profileSection(view: MeView): SafeHtml {
  const { lang, account, profile } = view;
  const nameError = profile.errors.displayName && t(lang, profile.errors.displayName);
  const languageError = profile.errors.language && t(lang, profile.errors.language);
  const summary = errorSummary(t(lang, 'common.errorSummaryTitle'), [
    ...(nameError ? [{ id: 'display_name', text: nameError }] : []),
    ...(languageError ? [{ id: 'language-sv', text: languageError }] : []),
  ]);
  return section(
    'profile',
    t(lang, 'profile.title'),
    html`<dl class="me-facts">
        <dt>${t(lang, 'profile.email')}</dt>
        <dd>${account.email}</dd>
        <dt>${t(lang, 'profile.memberSince')}</dt>
        <dd>${day(lang, account.createdAt)}</dd>
        <dt>${t(lang, 'profile.lastSignIn')}</dt>
        <dd>${account.lastSignInAt ? dateTime(lang, account.lastSignInAt) : t(lang, 'common.never')}</dd>
      </dl>
      <p class="field__hint">${t(lang, 'profile.emailHint')}</p>
      <form class="form" method="post" action="${paths.profile(lang)}" novalidate>
        ${summary} ${csrfField(view.csrfToken)}
        ${textField(lang, {
          name: 'display_name',
          label: t(lang, 'profile.displayName.label'),
          hint: t(lang, 'profile.displayName.hint', { max: DISPLAY_NAME_MAX }),
          error: nameError || undefined,
          required: false,
          value: profile.values.displayName,
          autocomplete: 'name',
          maxlength: DISPLAY_NAME_MAX,
        })}
        ${radioGroup(lang, {
          name: 'language',
          legend: t(lang, 'profile.language.legend'),
          hint: t(lang, 'profile.language.hint'),
          error: languageError || undefined,
          choiceClass: 'me-choice',
          value: profile.values.language,
          options: (['sv', 'en'] as const).map((value) => ({
            value,
            label: t(lang, `lang.${value}`),
            lang: value,
          })),
        })}
        <button class="button" type="submit">${t(lang, 'profile.save')}</button>
      </form>`,
  );
}

function organisationsSection(view: MeView): SafeHtml {
  const { lang, memberships } = view;
  if (memberships.length === 0) {
    return section('organisations', t(lang, 'orgs.title'), html`<p>${t(lang, 'orgs.none')}</p>`);
  }
  return section(
    'organisations',
    t(lang, 'orgs.title'),
    html`${dataTable({
      id: 'orgs-caption',
      caption: t(lang, 'orgs.caption'),
      className: 'me-table',
      columns: [
        t(lang, 'orgs.organisation'),
        t(lang, 'orgs.kind'),
        t(lang, 'orgs.role'),
        t(lang, 'orgs.since'),
      ],
      rows: memberships,
      cells: (m) => [
        m.organisationName,
        t(lang, `kind.${m.kind}` as MessageKey),
        roleLabel(lang, m.role),
        day(lang, m.since),
      ],
      empty: t(lang, 'orgs.none'),
    })}
      <p><a class="button button--secondary" href="${paths.admin}">${t(lang, 'orgs.admin')}</a></p>`,
  );
}

function securitySection(lang: Lang): SafeHtml {
  return section(
    'security',
    t(lang, 'security.title'),
    html`<p>${t(lang, 'security.text')}</p>
      <p><a href="${paths.security(lang)}">${t(lang, 'security.link')}</a></p>`,
  );
}

function sessionsSection(view: MeView): SafeHtml {
  const { lang, csrfToken } = view;
  const others = view.sessions.filter((s) => !s.current).length;
  const row = (s: SessionRow) => {
    const device = s.device || t(lang, 'sessions.unknownDevice');
    return [
      html`${device}${s.current ? html` <span class="tag">${t(lang, 'sessions.thisDevice')}</span>` : ''}`,
      t(lang, `sessions.method.${s.method}`),
      dateTime(lang, s.createdAt),
      dateTime(lang, s.lastSeenAt),
      s.current
        ? ''
        : html`<form method="post" action="${paths.sessionEnd(lang)}" class="me-inline-form">
          ${csrfField(csrfToken)}
          ${hiddenField('session', s.handle)}
          <button
            type="submit"
            class="button button--secondary"
            aria-label="${t(lang, 'sessions.endLabel', { device, started: dateTimeText(lang, s.createdAt) })}"
          >
            ${t(lang, 'sessions.end')}
          </button>
        </form>`,
    ];
  };
  return section(
    'sessions',
    t(lang, 'sessions.title'),
    html`<p>${t(lang, 'sessions.intro')}</p>
      ${dataTable({
        id: 'sessions-caption',
        caption: t(lang, 'sessions.caption'),
        className: 'me-table',
        columns: [
          t(lang, 'sessions.device'),
          t(lang, 'sessions.method'),
          t(lang, 'sessions.started'),
          t(lang, 'sessions.lastActive'),
          t(lang, 'sessions.actions'),
        ],
        rows: view.sessions,
        cells: row,
        rowClass: (s) => (s.current ? 'me-session--current' : undefined),
        empty: '',
      })}
      <div class="me-actions">
        ${
          others > 0
            ? html`<form method="post" action="${paths.sessionsEndOthers(lang)}">
              ${csrfField(csrfToken)}
              <p class="field__hint" id="end-others-hint">${t(lang, 'sessions.endOthersHint')}</p>
              <button type="submit" class="button button--secondary" aria-describedby="end-others-hint">
                ${t(lang, 'sessions.endOthers')}
              </button>
            </form>`
            : ''
        }
        <form method="post" action="${paths.sessionsEndAll(lang)}">
          ${csrfField(csrfToken)}
          <p class="field__hint" id="end-all-hint">${t(lang, 'sessions.endAllHint')}</p>
          <button type="submit" class="button button--secondary" aria-describedby="end-all-hint">
            ${t(lang, 'sessions.endAll')}
          </button>
        </form>
      </div>`,
  );
}

function dataSection(lang: Lang): SafeHtml {
  return section(
    'data',
    t(lang, 'data.title'),
    html`<p>${t(lang, 'data.exportText')}</p>
      <p><a class="button button--secondary" href="${paths.exportJson(lang)}" download>${t(lang, 'data.export')}</a></p>
      <p>${t(lang, 'data.deleteText')}</p>
      <p><a href="${paths.delete(lang)}">${t(lang, 'data.delete')}</a></p>`,
  );
}

const NOTICE_KEYS: Record<Notice, MessageKey> = {
  saved: 'notice.saved',
  sessionEnded: 'notice.sessionEnded',
  othersEnded: 'notice.othersEnded',
};

export function mePage(view: MeView): Page {
  const { lang } = view;
  const title = t(lang, 'me.title');
  const failed = Boolean(view.profile.errors.displayName || view.profile.errors.language);
  const name = view.account.displayName || view.account.email;
  const sections = view.sections ?? [];
  const contents: [string, string][] = [
    ['profile', t(lang, 'profile.title')],
    ...sections.map((s): [string, string] => [s.id, s.title]),
    ['organisations', t(lang, 'orgs.title')],
    ['security', t(lang, 'security.title')],
    ['sessions', t(lang, 'sessions.title')],
    ['data', t(lang, 'data.title')],
  ];
  return {
    title: failed ? t(lang, 'common.titleWithErrors', { title }) : title,
    description: t(lang, 'me.description'),
    path: '/me',
    noindex: true,
    main: html`<div class="wrap me">
      <h1>${title}</h1>
      <p class="lead">${t(lang, 'me.greeting', { name })}</p>
      <p>${t(lang, 'me.intro')}</p>
      ${view.notice ? html`<div class="notice" role="status"><p>${t(lang, NOTICE_KEYS[view.notice])}</p></div>` : ''}
      <nav class="me-contents" aria-labelledby="me-contents-title">
        <h2 id="me-contents-title" class="me-contents__title">${t(lang, 'me.contents')}</h2>
        <ul>
          ${contents.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}
        </ul>
      </nav>
      <form method="post" action="${paths.logout(lang)}" class="me-signout">
        ${csrfField(view.csrfToken)}
        <button type="submit" class="button button--secondary">${t(lang, 'me.signOut')}</button>
      </form>
      ${profileSection(view)} ${sections.map((s) => s.html)} ${organisationsSection(view)} ${securitySection(lang)} ${sessionsSection(view)}
      ${dataSection(lang)}
    </div>`,
  };
}

// Deleting the account

export interface DeleteView {
  lang: Lang;
  csrfToken: string;
  email: string;
  /** What was typed into the confirmation field. */
  value: string;
  error?: boolean;
  /** The person is the region's last admin: no form, an explanation instead. */
  lastAdmin: boolean;
}

export function deletePage(view: DeleteView): Page {
  const { lang } = view;
  const title = view.lastAdmin ? t(lang, 'delete.lastAdmin.title') : t(lang, 'delete.title');
  const error = view.error ? t(lang, 'delete.error.confirm') : undefined;
  const exportLink = html`<a href="${paths.exportJson(lang)}" download>${t(lang, 'data.export')}</a>`;
  const [before, after] = t(lang, 'delete.exportFirst').split('{link}');
  const explanation = html`<h2>${t(lang, 'delete.removed.title')}</h2>
    <ul>
      <li>${t(lang, 'delete.removed.account')}</li>
      <li>${t(lang, 'delete.removed.memberships')}</li>
      <li>${t(lang, 'delete.removed.sessions')}</li>
      <li>${t(lang, 'delete.removed.factors')}</li>
      <li>${t(lang, 'delete.removed.invitations')}</li>
      <li>${t(lang, 'delete.removed.reports')}</li>
      <li>${t(lang, 'delete.removed.tokens')}</li>
      <li>${t(lang, 'delete.removed.services')}</li>
    </ul>
    <h2>${t(lang, 'delete.kept.title')}</h2>
    <ul>
      <li>${t(lang, 'delete.kept.audit')}</li>
      <li>${t(lang, 'delete.kept.content')}</li>
    </ul>
    <p>${before}${exportLink}${after}</p>`;
  const form = html`<form class="form" method="post" action="${paths.delete(lang)}" novalidate>
    ${errorSummary(t(lang, 'common.errorSummaryTitle'), error ? [{ id: 'confirm', text: error }] : [])} ${csrfField(view.csrfToken)}
    ${emailField(lang, {
      name: 'confirm',
      label: t(lang, 'delete.confirm.label'),
      hint: t(lang, 'delete.confirm.hint', { email: view.email }),
      error: error || undefined,
      required: true,
      value: view.value,
      autocomplete: 'off',
    })}
    <p><button class="button" type="submit">${t(lang, 'delete.submit')}</button></p>
    <p><a href="${paths.me(lang)}">${t(lang, 'delete.cancel')}</a></p>
  </form>`;
  return {
    title: error ? t(lang, 'common.titleWithErrors', { title }) : title,
    description: t(lang, 'delete.description'),
    path: '/me/delete',
    noindex: true,
    main: html`<div class="wrap prose me">
      <h1>${title}</h1>
      ${
        view.lastAdmin
          ? html`<div class="notice" role="alert"><p>${t(lang, 'delete.lastAdmin.text')}</p></div>
            <p><a href="${paths.me(lang)}">${t(lang, 'common.backToMe')}</a></p>`
          : html`<p class="lead">${t(lang, 'delete.intro')}</p>
            ${explanation} ${form}`
      }
    </div>`,
  };
}

export function deletedPage(lang: Lang): Page {
  return {
    title: t(lang, 'deleted.title'),
    description: t(lang, 'deleted.description'),
    path: '/me/deleted',
    noindex: true,
    main: html`<div class="wrap prose">
      <h1>${t(lang, 'deleted.title')}</h1>
      <p>${t(lang, 'deleted.text')}</p>
      <p><a href="${paths.home(lang)}">${t(lang, 'deleted.home')}</a></p>
    </div>`,
  };
}

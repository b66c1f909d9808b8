/**
 * The back-office shell: every /admin page is rendered in it. A header names the person and the
 * organisation they act for (with a switcher when they belong to several, a plain form that works
 * without JavaScript), links to their own page and a sign-out button; below it the navigation their
 * role allows. Parts of the back-office add their navigation items to `adminNavigation` when they
 * are registered.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Site } from '../../../platform/html/layout.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Permission } from '../../../platform/permissions.ts';
import { messages } from './messages.ts';

export interface AdminNavItem {
  /** Absolute path, e.g. `/admin/organisations`. */
  path: string;
  label: (lang: Lang) => string;
  /** Shown only to people whose role holds this permission. */
  permission: Permission;
}

/** Filled by the back-office parts as they register, in the order they should appear. */
export const adminNavigation: AdminNavItem[] = [];

/** Adds a navigation item once (the app may be built more than once in a process, as in tests). */
export function addAdminNavItem(item: AdminNavItem): void {
  if (!adminNavigation.some((existing) => existing.path === item.path)) adminNavigation.push(item);
}

export interface AdminPage {
  title: string;
  /** Absolute path of this page, e.g. `/admin/audit`. */
  path: string;
  main: SafeHtml;
  scripts?: string[];
  /** The navigation item this page belongs under when its path does not say (default: by path). */
  navPath?: string;
}

/** The language of back-office pages: the person's own choice. */
export function adminLang(request: FastifyRequest): Lang {
  return request.auth?.account?.language ?? request.lang;
}

const csrfTokens = new WeakMap<FastifyRequest, string>();

const rememberCsrfToken: preHandlerHookHandler = function (request, reply, done) {
  csrfTokens.set(request, reply.csrfToken());
  done();
};

/**
 * Lets the shell put CSRF tokens in its own forms (switcher, sign-out): every /admin route added
 * after this call gets a small preHandler that keeps the reply's token for the request. Call before
 * registering back-office routes.
 */
export function installAdminShell(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/admin')) return;
    const existing = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [rememberCsrfToken, ...existing];
  });
}

/** The CSRF token for forms on an admin page (the shell's own, or one from the reply). */
export function adminCsrfToken(request: FastifyRequest, reply?: FastifyReply): string | undefined {
  return csrfTokens.get(request) ?? reply?.csrfToken();
}

/** The navigation item a page belongs under: the longest matching path. */
function currentItem(items: AdminNavItem[], path: string): AdminNavItem | undefined {
  let best: AdminNavItem | undefined;
  for (const item of items) {
    const matches = path === item.path || (item.path !== '/admin' && path.startsWith(item.path + '/'));
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}

function header(request: FastifyRequest, lang: Lang, csrf: string | undefined): SafeHtml {
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string>) =>
    messages.t(lang, key, params);
  const auth = request.auth;
  const account = auth?.account;
  const organisation = auth?.organisation;
  const memberships = auth?.memberships ?? [];
  const role = auth?.role ? t(`role.${auth.role}`) : '';
  const switcher =
    memberships.length > 1 && csrf
      ? html`<form class="org-switch" method="post" action="/admin/organisation">
          <input type="hidden" name="_csrf" value="${csrf}" />
          <label class="org-switch__label" for="org-switch">${t('shell.switchLabel')}</label>
          <select id="org-switch" name="organisation_id">
            ${memberships.map(
              (m) =>
                html`<option value="${m.organisationId}"${m.organisationId === organisation?.id ? html` selected` : ''}>
                  ${m.organisationName} (${t(`role.${m.role}`)})
                </option>`,
            )}
          </select>
          <button class="button button--secondary" type="submit">${t('shell.switchButton')}</button>
        </form>`
      : '';
  return html`<div class="admin-header__org">
      <p class="admin-header__acting">
        ${t('shell.actingFor')}
        <strong>${organisation?.name ?? t('shell.noOrganisation')}</strong>${role ? html` <span class="admin-header__role">(${role})</span>` : ''}
      </p>
      ${switcher}
    </div>
    ${
      account
        ? html`<div class="admin-header__person">
            <p>
              ${t('shell.person')} <strong>${account.displayName || account.email}</strong>
            </p>
            <ul class="admin-header__links">
              <li><a href="${localPath(lang, '/me')}">${t('shell.myAccount')}</a></li>
              ${
                csrf
                  ? html`<li>
                      <form class="admin-signout" method="post" action="${localPath(lang, '/logout')}">
                        <input type="hidden" name="_csrf" value="${csrf}" />
                        <button class="button button--secondary" type="submit">${t('shell.signOut')}</button>
                      </form>
                    </li>`
                  : ''
              }
            </ul>
          </div>`
        : ''
    }`;
}

/** A whole back-office page as HTML. */
export function renderAdminPage(request: FastifyRequest, site: Site, page: AdminPage): string {
  const lang = adminLang(request);
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string>) =>
    messages.t(lang, key, params);
  const region = request.region;
  const permissions = request.auth?.permissions;
  const seen = new Set<string>();
  const items = adminNavigation.filter((item) => {
    if (seen.has(item.path) || !permissions?.has(item.permission)) return false;
    seen.add(item.path);
    return true;
  });
  const current = currentItem(items, page.navPath ?? page.path);
  const csrf = csrfTokens.get(request);
  const origin = siteOrigin(request);
  const regionName = region.name[lang];

  return `<!doctype html>${html`<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('shell.pageTitle', { title: page.title, region: regionName })}</title>
<meta name="robots" content="noindex, nofollow">
<link rel="canonical" href="${origin + page.path}">
<meta name="theme-color" content="${region.brand.primary}">
<link rel="icon" href="${site.assets.url('img/favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${site.assets.url('css/lotsa.css')}">
<link rel="stylesheet" href="/brand/${region.id}.css">
${(page.scripts ?? []).map((src) => html`<script src="${site.assets.url(src)}" defer></script>`)}
</head>
<body class="admin-body">
<a class="skip-link" href="#main">${t('shell.skipLink')}</a>
<header class="site-header admin-header">
<div class="wrap admin-header__inner">
<a class="brand" href="/admin">
<img class="brand__logo" src="${site.assets.url(region.brand.logo)}" alt="" width="40" height="40">
<span class="brand__name">${regionName}</span>
<span class="brand__tagline">${t('shell.name')}</span>
</a>
${header(request, lang, csrf)}
</div>
<nav class="admin-nav" aria-label="${t('shell.nav')}">
<ul class="wrap admin-nav__list">
${items.map(
  (item) =>
    html`<li><a href="${item.path}"${item === current ? html` aria-current="page"` : ''}>${item.label(lang)}</a></li>`,
)}
</ul>
</nav>
</header>
<main id="main" tabindex="-1" class="wrap admin-main">
${page.main}
</main>
<footer class="admin-footer">
<div class="wrap admin-footer__inner">
<a href="${localPath(lang, '/')}">${t('shell.toSite')}</a>
<a href="${localPath(lang, '/accessibility')}">${t('shell.accessibility')}</a>
</div>
</footer>
</body>
</html>`}`;
}

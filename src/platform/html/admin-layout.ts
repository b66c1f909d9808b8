/**
 * The back-office shell: every /admin page is rendered in it. A header names the person and the
 * organisation they act for (with a switcher when they belong to several, a plain form that works
 * without JavaScript), links to their own page and a sign-out button; below it the navigation their
 * role allows: every module's `adminNavigation` (platform/module.ts), gathered in
 * `site.adminNavigation` in module order. The switcher posts to /admin/organisation (identity's).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { siteOrigin } from '../http/origin.ts';
import type { Lang } from '../i18n/index.ts';
import { adminShell as messages } from './admin-messages.ts';
import { csrfField, selectField } from './forms.ts';
import { html, type SafeHtml } from './html.ts';
import { brandAssets, brandLink, localPath, scriptTags, type AdminNavItem, type Site } from './layout.ts';

/** A menu item's path may lead to a page of the site: `/:lang/…` is the person's language. */
const LANG_SLOT = /^\/:lang\//;

export interface AdminPage {
  title: string;
  /** Absolute path of this page, e.g. `/admin/audit`. */
  path: string;
  main: SafeHtml;
  scripts?: string[];
  /** Extra stylesheets (paths under public/), after the site's and the region's. */
  stylesheets?: string[];
  /** The navigation item this page belongs under when its path does not say (default: by path). */
  navPath?: string;
}

/** The language of back-office pages: the person's own choice. */
export function adminLang(request: FastifyRequest): Lang {
  return request.auth?.account?.language ?? request.lang;
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

function header(request: FastifyRequest, lang: Lang, csrf: string): SafeHtml {
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string>) =>
    messages.t(lang, key, params);
  const auth = request.auth;
  const account = auth?.account;
  const organisation = auth?.organisation;
  const memberships = auth?.memberships ?? [];
  const role = auth?.role ? t(`role.${auth.role}`) : '';
  const switcher =
    memberships.length > 1
      ? html`<form class="org-switch" method="post" action="/admin/organisation">
          ${csrfField(csrf)}
          ${selectField(lang, {
            name: 'organisation_id',
            id: 'org-switch',
            label: t('shell.switchLabel'),
            className: 'field--contents',
            value: organisation?.id ?? '',
            options: memberships.map((m) => ({
              value: m.organisationId,
              label: `${m.organisationName} (${t(`role.${m.role}`)})`,
            })),
          })}
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
              <li>
                <form class="admin-signout" method="post" action="${localPath(lang, '/logout')}">
                  ${csrfField(csrf)}
                  <button class="button button--secondary" type="submit">${t('shell.signOut')}</button>
                </form>
              </li>
            </ul>
          </div>`
        : ''
    }`;
}

/** A whole back-office page as HTML. */
export function renderAdminPage(
  request: FastifyRequest,
  reply: FastifyReply,
  site: Site,
  page: AdminPage,
): string {
  const lang = adminLang(request);
  const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string>) =>
    messages.t(lang, key, params);
  const region = request.region;
  const permissions = request.auth?.permissions;
  const items = site.adminNavigation.filter((item) => permissions?.has(item.permission));
  const current = currentItem(items, page.navPath ?? page.path);
  // The shell's own forms (switcher, sign-out) post with the page's CSRF token.
  const csrf = reply.csrfToken();
  const origin = siteOrigin(request);
  const regionName = region.name[lang];

  return `<!doctype html>${html`<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('shell.pageTitle', { title: page.title, region: regionName })}</title>
<meta name="robots" content="noindex, nofollow">
<link rel="canonical" href="${origin + page.path}">
${brandAssets(site, region)}
${(page.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${site.assets.url(href)}">`)}
${scriptTags(site, page.scripts)}
</head>
<body class="admin-body">
<a class="skip-link" href="#main">${t('shell.skipLink')}</a>
<header class="site-header admin-header">
<div class="wrap admin-header__inner">
${brandLink(site, region, '/admin', regionName, t('shell.name'))}
${header(request, lang, csrf)}
</div>
<nav class="admin-nav" aria-label="${t('shell.nav')}">
<ul class="wrap admin-nav__list">
${items.map(
  (item) =>
    html`<li><a href="${item.path.replace(LANG_SLOT, `/${lang}/`)}"${item === current ? html` aria-current="page"` : ''}>${item.label(lang)}</a></li>`,
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

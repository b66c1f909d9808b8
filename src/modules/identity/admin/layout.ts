/**
 * The back-office shell: every /admin page is rendered in it. It shows the navigation the person's
 * role allows and the organisation switcher. Parts of the back-office add their navigation items
 * to `adminNavigation` when they are registered.
 */
import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { renderPage, type Site } from '../../../platform/html/layout.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Permission } from '../../../platform/permissions.ts';

export interface AdminNavItem {
  /** Absolute path, e.g. `/admin/organisations`. */
  path: string;
  label: (lang: Lang) => string;
  /** Shown only to people whose role holds this permission. */
  permission: Permission;
}

/** Filled by the back-office parts as they register, in the order they should appear. */
export const adminNavigation: AdminNavItem[] = [];

export interface AdminPage {
  title: string;
  /** Absolute path of this page, e.g. `/admin/audit`. */
  path: string;
  main: SafeHtml;
  scripts?: string[];
}

/** The language of back-office pages: the person's own choice. */
export function adminLang(request: FastifyRequest): Lang {
  return request.auth?.account?.language ?? request.lang;
}

/** A whole back-office page as HTML. */
export function renderAdminPage(request: FastifyRequest, site: Site, page: AdminPage): string {
  const lang = adminLang(request);
  const permissions = request.auth?.permissions;
  const items = adminNavigation.filter((item) => permissions?.has(item.permission));
  const label = lang === 'sv' ? 'Administration' : 'Back-office';
  const main = html`<div class="wrap admin">
<nav class="admin__nav" aria-label="${label}">
<ul>
${items.map(
  (item) =>
    html`<li><a href="${item.path}"${item.path === page.path ? html` aria-current="page"` : ''}>${item.label(lang)}</a></li>`,
)}
</ul>
</nav>
<div class="admin__content">${page.main}</div>
</div>`;
  const origin = siteOrigin(request);
  return renderPage(
    { lang, region: request.region, origin, site },
    {
      title: page.title,
      description: page.title,
      path: page.path,
      main,
      languages: [lang],
      noindex: true,
      canonical: origin + page.path,
      scripts: page.scripts,
      bodyClass: 'admin-body',
    },
  );
}

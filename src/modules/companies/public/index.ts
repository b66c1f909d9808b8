/** The public company pages: what the companies module wires (module.ts). */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { SectionOrder, type NavItem } from '../../../platform/html/layout.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { COMPANIES_PATH } from './directory.ts';
import { companyMessages } from './messages.ts';

export { registerPublicCompanyRoutes } from './routes.ts';
export { companySitemap, type SitemapState } from './sitemap.ts';
export { employerPagesChanged } from './directory.ts';

/** "Företag" in the header menu and the footer sitemap's work group. */
export const publicCompanyNavigation: readonly NavItem[] = [
  {
    path: COMPANIES_PATH,
    label: (lang) => companyMessages.t(lang, 'nav.companies'),
    order: SectionOrder.companies,
    footer: 'work',
  },
];

/** The module's state the public pages need (the sitemap reads the database). */
export function publicCompanyState(deps: ModuleDeps): { db: Kysely<DB> } {
  return { db: deps.database.db };
}

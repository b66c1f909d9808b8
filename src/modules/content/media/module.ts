/**
 * The media library as a module of its own for now (routes, back-office link, audit sentences, the
 * demo photographs at seed). The content module may take these pieces over: `mediaRoutes`,
 * `mediaAdminNavigation`, `mediaAuditSentences`/`mediaAuditGroups` and `seedMedia` are exported.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../../platform/config.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { AdminNavItem } from '../../../platform/html/layout.ts';
import { defineModule, type ModuleDeps, type SeedContext } from '../../../platform/module.ts';
import type { App } from '../../../platform/http/schema.ts';
import { Permission } from '../../../platform/permissions.ts';
import { storageFor } from '../../../platform/storage/index.ts';
import { mediaAuditGroups, mediaAuditSentences } from './audit-sentences.ts';
import { demoIllustrations } from '../demo.ts';
import { importDemoPhotos, importIllustration } from './demo.ts';
import { mediaMessages } from './messages.ts';
import { regionIds } from './repository.ts';
import { registerMediaRoutes } from './routes.ts';
import { MEDIA_PATH } from './views.ts';

export { mediaAuditGroups, mediaAuditSentences };

/** The image limits the configuration sets. */
export function mediaLimits(config: Pick<Config, 'mediaMaxBytes' | 'mediaMaxPixels'>) {
  return { maxBytes: config.mediaMaxBytes, maxPixels: config.mediaMaxPixels };
}

export const mediaAdminNavigation: AdminNavItem[] = [
  {
    path: MEDIA_PATH,
    label: (lang) => mediaMessages.t(lang, 'nav.media'),
    permission: Permission.MediaManage,
    order: 5,
  },
];

export function mediaRoutes(app: App, deps: ModuleDeps): void {
  registerMediaRoutes(app, {
    db: deps.database.db,
    storage: storageFor(deps.config),
    limits: mediaLimits(deps.config),
    rateLimiter: deps.rateLimiter,
  });
}

/**
 * The demo photographs and the content demo's SVG illustrations (content/demo/illustrations) into
 * every region's library — only with demo data and a configuration; what is stored is skipped.
 */
export async function seedMedia(db: Kysely<DB>, context: SeedContext): Promise<void> {
  if (!context.demo || !context.config) return;
  const storage = storageFor(context.config);
  for (const regionId of await regionIds(db)) {
    await importDemoPhotos(db, storage, regionId, mediaLimits(context.config), context.logger);
    for (const illustration of demoIllustrations()) {
      const { slug, file, alt, author, licence, licenceUrl, source } = illustration;
      await importIllustration(db, storage, regionId, {
        slug,
        file,
        alt,
        credit: { photographer: author, licence, licenceUrl, source: author.includes(source) ? '' : source },
      });
    }
  }
}

export const mediaModule = defineModule({
  name: 'media',
  adminNavigation: mediaAdminNavigation,
  auditSentences: mediaAuditSentences,
  auditGroups: mediaAuditGroups,
  seed: seedMedia,
  routes: mediaRoutes,
});

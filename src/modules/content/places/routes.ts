/**
 * The public place pages: /:lang/places (map and list) and /:lang/places/:slug (by the
 * municipality's slug). A municipality whose place page is not published (never written, in review
 * or unpublished) still has its page, with facts, jobs, stories and contact but no editors' text —
 * every municipality on the map leads somewhere. An unknown slug is the site's 404 page.
 */
import { AppError } from '../../../platform/errors.ts';
import { pageContext } from '../../../platform/html/send.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { publishedBySlug } from '../store.ts';
import { loadPlaceCards, placesListPage } from './list.ts';
import { factsOnlyPage, PLACES_PATH, renderPlacePage } from './page.ts';

const pub = { permission: Permission.Public } as const;

export function registerPlaceRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.get(`/:lang${PLACES_PATH}`, { schema: { params: LangParams }, config: pub }, async (request, reply) => {
    langParam(request);
    const ctx = pageContext(request, deps.site);
    return reply.page(placesListPage(ctx, await loadPlaceCards(db, ctx)));
  });

  const schema = { params: PathParams('lang', 'slug') };
  app.get(`/:lang${PLACES_PATH}/:slug`, { schema, config: pub }, async (request, reply) => {
    const lang = langParam(request);
    const region = request.region;
    const m = region.municipalities.find((x) => x.slug === request.params.slug);
    if (!m) throw new AppError('LOTSA_NOT_FOUND');
    const rctx = { deps, region, lang, preview: false };
    const item = await publishedBySlug(db, region.id, lang, 'place', m.slug);
    if (!item) return reply.page(await factsOnlyPage(rctx, m));
    const page = await renderPlacePage(rctx, {
      itemId: item.itemId,
      kind: item.kind,
      slug: item.slug,
      lang,
      municipalityCode: item.municipalityCode,
      version: item.version,
      data: item.data,
      publishedAt: item.publishedAt,
    });
    return reply.page(page);
  });
}

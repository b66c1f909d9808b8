/**
 * The public content pages: home, guides, stories, paths and the chooser. Published items
 * are read through the content store; each item's page comes from its kind's ContentRenderer, the
 * same function that renders the editors' preview.
 */
import { AppError } from '../../../platform/errors.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { AnyQuery, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { featuredCompaniesSection } from '../../companies/public/sections.ts';
import type { Region } from '../../../platform/region.ts';
import { isTargetGroup, type ContentKind, type TargetGroup } from '../model.ts';
import type { ContentRenderer } from '../render.ts';
import { countPublished, publishedBySlug, publishedList } from '../store.ts';
import { CHOOSER_FIELDS, choosePath, completeAnswers, readChooser } from './chooser.ts';
import { chooserPage } from './chooser-view.ts';
import { viewOf } from './common.ts';
import { guidesList, renderGuidePage } from './guides.ts';
import { HOME_HERO_IMAGES, homePage, variedFirst } from './home.ts';
import { imagesFor } from './media.ts';
import { contentSitemap } from './sitemap.ts';
import { pathsList, renderPathPage } from './paths.ts';
import { renderStoryPage, STORIES_PER_PAGE, storiesList } from './stories.ts';

const pub = { permission: Permission.Public } as const;
const langPage = { schema: { params: LangParams }, config: pub };
const listPage = { schema: { params: LangParams, querystring: AnyQuery }, config: pub };
const itemPage = { schema: { params: PathParams('lang', 'slug') }, config: pub };

const first = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

/** The paths visitors can see, by target group. */
async function publishedPaths(deps: ModuleDeps, region: Region, lang: Lang) {
  const paths = await publishedList(deps.database.db, region.id, lang, { kind: 'path', limit: 20 });
  return new Map(paths.filter((p) => isTargetGroup(p.slug)).map((p) => [p.slug, p]));
}

/** The routes, and the content pages' part of sitemap.xml. */
export function registerPublicContentRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  deps.site.sitemapSources.push(contentSitemap(db));

  /** An item's page by kind and slug, or 404 when visitors cannot see it. */
  const itemRoute =
    (kind: ContentKind, render: ContentRenderer) => async (request: { params: unknown; region: Region }) => {
      const lang = langParam(request);
      const { slug } = request.params as { slug: string };
      const item = await publishedBySlug(db, request.region.id, lang, kind, slug);
      if (!item) throw new AppError('LOTSA_NOT_FOUND');
      return render({ deps, region: request.region, lang, preview: false }, viewOf(item));
    };

  app.get(
    '/:lang/',
    { ...langPage, schema: { params: LangParams, querystring: AnyQuery } },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const [latestPlaces, stories, guides, paths, companies] = await Promise.all([
        publishedList(db, region.id, lang, { kind: 'place', limit: 30 }),
        publishedList(db, region.id, lang, { kind: 'story', limit: 3 }),
        publishedList(db, region.id, lang, { kind: 'guide', limit: 3 }),
        publishedPaths(deps, region, lang),
        featuredCompaniesSection(db, region, lang),
      ]);
      const places = variedFirst(latestPlaces);
      const shownPlaces = places.slice(0, 6);
      const images = await imagesFor(db, region.id, [
        ...HOME_HERO_IMAGES,
        ...[...shownPlaces, ...stories, ...guides, ...paths.values()].map((i) => i.heroImage),
      ]);
      const hero = HOME_HERO_IMAGES.map((slug) => images.get(slug)).find(Boolean);
      return reply.page(
        homePage(region, lang, region.contact.organisation, {
          hero,
          places,
          stories,
          guides,
          paths,
          images,
          chooser: readChooser({}),
          companies,
        }),
      );
    },
  );

  app.get('/:lang/guides', langPage, async (request, reply) => {
    const lang = langParam(request);
    const guides = await publishedList(db, request.region.id, lang, { kind: 'guide', limit: 200 });
    const images = await imagesFor(
      db,
      request.region.id,
      guides.map((g) => g.heroImage),
    );
    return reply.page(await guidesList(request.region, lang, guides, images));
  });
  const guide = itemRoute('guide', renderGuidePage);
  app.get('/:lang/guides/:slug', itemPage, async (request, reply) => reply.page(await guide(request)));

  app.get('/:lang/stories', listPage, async (request, reply) => {
    const lang = langParam(request);
    const region = request.region;
    const query = request.query as Record<string, unknown>;
    const groupValue = first(query.group);
    const group = isTargetGroup(groupValue) ? groupValue : '';
    const municipality = region.municipalities.find((m) => m.slug === first(query.municipality));
    const requested = Number.parseInt(first(query.page), 10);
    const filter = {
      kind: 'story' as const,
      ...(group ? { targetGroup: group } : {}),
      ...(municipality ? { municipalityCode: municipality.code } : {}),
    };
    const total = await countPublished(db, region.id, lang, filter);
    const pages = Math.max(1, Math.ceil(total / STORIES_PER_PAGE));
    const page = Number.isFinite(requested) && requested >= 1 ? Math.min(requested, pages) : 1;
    const items = await publishedList(db, region.id, lang, {
      ...filter,
      limit: STORIES_PER_PAGE,
      offset: (page - 1) * STORIES_PER_PAGE,
    });
    const images = await imagesFor(
      db,
      region.id,
      items.map((s) => s.heroImage),
    );
    const shown = { group, municipality: municipality?.slug ?? '', page } as const;
    return reply.page(storiesList(region, lang, shown, { items, total }, images));
  });
  const story = itemRoute('story', renderStoryPage);
  app.get('/:lang/stories/:slug', itemPage, async (request, reply) => reply.page(await story(request)));

  app.get('/:lang/paths', langPage, async (request, reply) => {
    const lang = langParam(request);
    const paths = await publishedPaths(deps, request.region, lang);
    const images = await imagesFor(
      db,
      request.region.id,
      [...paths.values()].map((p) => p.heroImage),
    );
    return reply.page(pathsList(request.region, lang, paths, images, readChooser({})));
  });

  app.get('/:lang/paths/choose', listPage, async (request, reply) => {
    const lang = langParam(request);
    const query = request.query as Record<string, unknown>;
    const form = readChooser(query);
    const answers = completeAnswers(form);
    if (answers) return reply.redirect(localPath(lang, `/paths/${choosePath(answers)}`), 303);
    // Nothing sent (the language switch from this page, a shared link): the questions, no errors.
    if (!CHOOSER_FIELDS.some((q) => q in query))
      return reply.page(chooserPage(request.region, lang, form, false));
    return reply.page(chooserPage(request.region, lang, form), { status: 400 });
  });

  app.get(
    '/:lang/paths/:slug',
    { schema: { params: PathParams('lang', 'slug') }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      const { slug } = request.params;
      if (!isTargetGroup(slug)) throw new AppError('LOTSA_NOT_FOUND');
      const item = await publishedBySlug(db, request.region.id, lang, 'path', slug);
      const ctx = { deps, region: request.region, lang, preview: false };
      const view = item ? viewOf(item) : { ...groupView(slug), lang };
      return reply.page(await renderPathPage(ctx, view));
    },
  );
}

/** A path whose editors have published nothing yet: the group's own words and every job. */
function groupView(group: TargetGroup) {
  return {
    itemId: '',
    kind: 'path' as const,
    slug: group,
    municipalityCode: null,
    version: 0,
    publishedAt: null,
    data: {
      title: { sv: '', en: '' },
      summary: { sv: '', en: '' },
      body: { sv: { v: 1 as const, blocks: [] }, en: { v: 1 as const, blocks: [] } },
      heroImage: null,
      targetGroups: [group],
      path: { jobQuery: '', places: [], guides: [], stories: [] },
    },
  };
}

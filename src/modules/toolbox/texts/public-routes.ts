/**
 * The organisations' page of texts, /:lang/toolbox/texts (Permission.ToolboxUse): the approved
 * texts' outlines (every approved text, up to TEXTS_CAP) filtered and counted in memory, then the
 * words of the page's 20 read by their ids; a bad or
 * repeated filter value is a 400 naming its field, with the page shown as far as it can be.
 */
import { personOf } from '../../../platform/auth/principal.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { AnyQuery, LangParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { imagesBySlug } from '../../content/media/service.ts';
import { factsOf, isStale } from '../../regions/facts.ts';
import { COPY_SCRIPT, TOOLBOX_CSS, toolboxFrame } from '../frame.ts';
import { PATHS } from '../model.ts';
import { approvedOutlines, approvedTexts } from '../toolbox.ts';
import { municipalityLabel, TEXTS_ADMIN_CSS } from './admin-views.ts';
import {
  applyPublicFilter,
  pageSlice,
  parsePublicFilter,
  publicFacets,
  publicQuery,
  PUBLIC_PAGE_SIZE,
} from './filters.ts';
import { textsMessages } from './messages.ts';
import { publicBody, quotableFacts } from './public-views.ts';

/** The photograph at the top of the page (a demo photo of the media library; none, no picture). */
export const TEXTS_IMAGE = 'lake-jetty-sunset';
/** The most approved texts the page lists (their outlines: no words are read but the page's). */
export const TEXTS_CAP = 20_000;

export function registerTextsPublicRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.get(
    `/:lang${PATHS.texts}`,
    { schema: { params: LangParams, querystring: AnyQuery }, config: { permission: Permission.ToolboxUse } },
    async (request, reply) => {
      const lang = langParam(request);
      const person = personOf(request);
      const region = request.region;
      const { filter, problems } = parsePublicFilter(request.query, region, lang);
      const all = await approvedOutlines(db, region.id, TEXTS_CAP);
      // A municipality's own texts first, then those about the whole region.
      const chosen = applyPublicFilter(all, filter).sort(
        (a, b) => Number(b.municipalityCode !== null) - Number(a.municipalityCode !== null),
      );
      const { items: outlines, pages } = pageSlice(chosen, filter.page, PUBLIC_PAGE_SIZE);
      const byId = new Map(
        (await approvedTexts(db, region.id, { ids: outlines.map((o) => o.id) })).map((t) => [t.id, t]),
      );
      const items = outlines.flatMap((o) => byId.get(o.id) ?? []);
      const facts = filter.municipality
        ? quotableFacts(
            await factsOf(db, region.id, filter.municipality),
            filter.language,
            municipalityLabel(filter.language, region, filter.municipality),
            (asOf) => isStale(asOf, deps.clock()),
          )
        : [];
      const image = (await imagesBySlug(db, region.id, [TEXTS_IMAGE])).get(TEXTS_IMAGE);
      const t = (key: Parameters<typeof textsMessages.t>[1]) => textsMessages.t(lang, key);
      const body = publicBody({
        lang,
        region,
        filter,
        problems,
        total: chosen.length,
        texts: items,
        pages,
        facets: publicFacets(all, filter, region),
        facts,
        image: image && !image.expired ? image : undefined,
      });
      const lead = textsMessages.t(lang, 'pub.lead', { region: region.name[lang] });
      return reply.page(
        {
          title: t('pub.title'),
          description: lead,
          path: `${PATHS.texts}${publicQuery(filter, region, lang)}`,
          main: toolboxFrame(lang, {
            current: 'texts',
            heading: t('pub.title'),
            lead,
            organisationName: person.organisation?.name,
            body,
          }),
          stylesheets: [TOOLBOX_CSS, TEXTS_ADMIN_CSS],
          scripts: [COPY_SCRIPT],
          noindex: true,
        },
        { status: problems.length ? 400 : 200, cache: 'no-store' },
      );
    },
  );
}

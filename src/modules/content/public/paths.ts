/** The six target groups' paths: the list, and a path's page gathering jobs, places, guides and stories. */
import { html } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import type { Region } from '../../../platform/region.ts';
import { isTargetGroup, TARGET_GROUPS, type TargetGroup } from '../model.ts';
import type { ContentRenderer } from '../render.ts';
import { publishedList, type PublishedItem } from '../store.ts';
import type { ChooserForm } from './chooser.ts';
import { chooserSection } from './chooser-view.ts';
import {
  card,
  cardSection,
  contentPage,
  groupName,
  heroPicture,
  helpBox,
  itemCard,
  previewBanner,
  texts,
} from './common.ts';
import { jobCards } from './jobcards.ts';
import { jobsPreview } from './jobs.ts';
import { imagesFor, richText, textImageSlugs, type ImageMap } from './media.ts';
import { storyCard } from './stories.ts';

/** Items of `slugs` in the editors' order (those not visible are left out). */
async function bySlugs(
  deps: ModuleDeps,
  region: Region,
  lang: Lang,
  kind: 'place' | 'guide' | 'story',
  slugs: string[],
) {
  const found = await publishedList(deps.database.db, region.id, lang, { kind, slugs, limit: 30 });
  return slugs.flatMap((slug) => found.filter((item) => item.slug === slug));
}

/** A path's card (its item when published, else the group's own words). */
export function pathCard(lang: Lang, group: TargetGroup, item: PublishedItem | undefined, images: ImageMap) {
  const { t } = texts(lang, '');
  return card({
    href: localPath(lang, `/paths/${group}`),
    title: item?.title || groupName(lang, group),
    text: item?.summary || t(`group.${group}.text`),
    image: item?.heroImage ? images.get(item.heroImage) : undefined,
    lang,
    cls: 'ccard--path',
  });
}

export const renderPathPage: ContentRenderer = async (ctx, view) => {
  const { lang, region, deps } = ctx;
  const { t } = texts(lang, region.name[lang]);
  const data = view.data;
  const path = data.path ?? { jobQuery: '', places: [], guides: [], stories: [] };
  const [places, guides, stories] = await Promise.all([
    bySlugs(deps, region, lang, 'place', path.places),
    bySlugs(deps, region, lang, 'guide', path.guides),
    bySlugs(deps, region, lang, 'story', path.stories),
  ]);
  const jobs = await jobsPreview(deps, region, lang, path.jobQuery, 4);
  const images = await imagesFor(deps.database.db, region.id, [
    data.heroImage,
    ...textImageSlugs(data.body[lang]),
    ...[...places, ...guides, ...stories].map((i) => i.heroImage),
  ]);
  const hero = data.heroImage ? images.get(data.heroImage) : undefined;
  const group = isTargetGroup(view.slug) ? view.slug : undefined;
  const others = TARGET_GROUPS.filter((g) => g !== group);
  const jobsText =
    jobs.total === 0
      ? t('path.jobsNone')
      : jobs.total === 1
        ? t('path.jobsCountOne')
        : t('path.jobsCount', { count: formatNumber(lang, jobs.total) });
  const main = html`${previewBanner(ctx, t)}
    <article class="cpage cpage--path">
      <header class="chero${hero ? '' : ' chero--plain'}">
        <div class="wrap chero__text">
          <p class="chero__kicker"><a href="${localPath(lang, '/paths')}">${t('paths.title')}</a></p>
          <h1>${data.title[lang] || (group ? groupName(lang, group) : view.slug)}</h1>
          <p class="chero__lead">${data.summary[lang]}</p>
        </div>
        ${heroPicture(hero, lang)}
      </header>
      <div class="wrap prose cpage__text">${richText(data.body[lang], lang, images, { preview: ctx.preview })}</div>
      <section class="csection" aria-labelledby="jobs-title">
        <div class="wrap">
          <div class="csection__head">
            <h2 class="csection__title" id="jobs-title">${t('path.jobs')}</h2>
            <a class="csection__more" href="${localPath(lang, jobs.searchPath)}">${
              jobs.total > 0
                ? t('path.jobsAll', { count: formatNumber(lang, jobs.total) })
                : t('path.jobsSearch')
            }</a>
          </div>
          <p>${jobsText}</p>
          ${jobCards(region, lang, jobs.items)}
        </div>
      </section>
      ${cardSection(
        'places',
        t('path.places'),
        places.map((p) => itemCard(p, images)),
      )}
      ${cardSection(
        'guides',
        t('path.guides'),
        guides.map((g) => itemCard(g, images)),
      )}
      ${cardSection(
        'stories',
        t('path.stories'),
        stories.map((s) => storyCard(region, s, images)),
      )}
      <div class="wrap">${helpBox(lang, t)}</div>
    </article>
    ${cardSection(
      'other-paths',
      t('path.others'),
      others.map((g) => pathCard(lang, g, undefined, images)),
    )}`;
  return contentPage(
    ctx,
    {
      title: data.title[lang] || (group ? groupName(lang, group) : view.slug),
      description: data.summary[lang] || (group ? t(`group.${group}.text`) : ''),
      path: `/paths/${view.slug}`,
      main,
    },
    hero,
  );
};

/** /:lang/paths: the six paths and the chooser. */
export function pathsList(
  region: Region,
  lang: Lang,
  paths: Map<string, PublishedItem>,
  images: ImageMap,
  form: ChooserForm,
): Page {
  const { t } = texts(lang, region.name[lang]);
  const main = html`<div class="chero chero--plain">
      <div class="wrap chero__text">
        <h1>${t('paths.title')}</h1>
        <p class="chero__lead">${t('paths.intro')}</p>
      </div>
    </div>
    ${cardSection(
      'paths',
      t('paths.title'),
      TARGET_GROUPS.map((g) => pathCard(lang, g, paths.get(g), images)),
      undefined,
      'csection--title-hidden',
    )}
    ${chooserSection(lang, region.name[lang], form)}`;
  return contentPage(
    { lang },
    { title: t('paths.title'), description: t('paths.description'), path: '/paths', main },
    undefined,
  );
}

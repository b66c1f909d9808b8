/** Stories of people who moved here: the list with its filter and paging, and one story. */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { selectField } from '../../../platform/html/forms.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { TARGET_GROUPS, type TargetGroup } from '../model.ts';
import type { ContentRenderer } from '../render.ts';
import { publishedBySlug, publishedList, type PublishedItem } from '../store.ts';
import {
  card,
  cardList,
  cardSection,
  contentPage,
  groupName,
  heroPicture,
  itemCard,
  paging,
  previewBanner,
  texts,
} from './common.ts';
import { imagesFor, richText, textImageSlugs, type ImageMap } from './media.ts';

export const STORIES_PER_PAGE = 12;

function municipalityOf(region: Region, code: string | null) {
  return code ? region.municipalities.find((m) => m.code === code) : undefined;
}

/** A story's card: picture, name, profession and municipality, the quote. */
export function storyCard(region: Region, item: PublishedItem, images: ImageMap, level: 2 | 3 = 3) {
  const story = item.data.story;
  const place = municipalityOf(region, item.municipalityCode);
  const kicker = [story?.profession[item.lang], place?.shortName].filter(Boolean).join(' · ');
  return itemCard(item, images, {
    title: story?.personName || item.title,
    kicker,
    quote: story?.quote[item.lang] || undefined,
    text: undefined,
    level,
    cls: 'ccard--story',
  });
}

export const renderStoryPage: ContentRenderer = async (ctx, view) => {
  const { lang, region } = ctx;
  const { t } = texts(lang, region.name[lang]);
  const data = view.data;
  const story = data.story;
  const db = ctx.deps.database.db;
  const group: TargetGroup | undefined = data.targetGroups[0];
  const related = (
    await publishedList(db, region.id, lang, {
      kind: 'story',
      limit: 4,
      ...(group ? { targetGroup: group } : {}),
    })
  ).filter((s) => s.slug !== view.slug);
  const path = group ? await publishedBySlug(db, region.id, lang, 'path', group) : undefined;
  const images = await imagesFor(db, region.id, [
    data.heroImage,
    ...textImageSlugs(data.body[lang]),
    ...related.map((s) => s.heroImage),
  ]);
  const hero = data.heroImage ? images.get(data.heroImage) : undefined;
  const place = municipalityOf(region, view.municipalityCode);
  const fact = (label: string, value: string | SafeHtml | undefined) =>
    value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : '';
  const name = story?.personName ?? '';
  const main = html`${previewBanner(ctx, t)}
    <article class="cpage cpage--story">
      <header class="chero${hero ? '' : ' chero--plain'}">
        <div class="wrap chero__text">
          <p class="chero__kicker"><a href="${localPath(lang, '/stories')}">${t('stories.title')}</a></p>
          <h1>${data.title[lang]}</h1>
          ${story?.quote[lang] ? html`<blockquote class="chero__quote"><p>${t('quoted', { quote: story.quote[lang] })}</p></blockquote>` : ''}
        </div>
        ${heroPicture(hero, lang)}
      </header>
      <div class="wrap cpage__columns">
        <div class="prose cpage__text">
          <p class="lead">${data.summary[lang]}</p>
          ${richText(data.body[lang], lang, images, { preview: ctx.preview })}
        </div>
        <aside class="cfacts" aria-labelledby="facts-title">
          <h2 id="facts-title">${t('story.facts', { name })}</h2>
          <dl>
            ${fact(t('story.profession'), story?.profession[lang])}
            ${fact(t('story.employer'), story?.employer)}
            ${fact(t('story.movedFrom'), story?.movedFrom[lang])}
            ${fact(
              t('story.municipality'),
              place ? html`<a href="${localPath(lang, `/places/${place.slug}`)}">${place.shortName}</a>` : '',
            )}
          </dl>
        </aside>
      </div>
    </article>
    ${
      group
        ? html`<section class="csection" aria-labelledby="path-title">
            <div class="wrap">
              <h2 class="visually-hidden" id="path-title">${t('story.path', { group: groupName(lang, group) })}</h2>
              ${cardList([
                card({
                  href: localPath(lang, `/paths/${group}`),
                  title: t('story.path', { group: path?.title || groupName(lang, group) }),
                  text: t('story.pathText'),
                  lang,
                  cls: 'ccard--path',
                }),
              ])}
            </div>
          </section>`
        : ''
    }
    ${cardSection(
      'related',
      t('story.related'),
      related.slice(0, 3).map((s) => storyCard(region, s, images)),
      { href: localPath(lang, '/stories'), label: t('stories.title') },
    )}`;
  return contentPage(
    ctx,
    { title: data.title[lang], description: data.summary[lang], path: `/stories/${view.slug}`, main },
    hero,
  );
};

export interface StoriesFilter {
  group: TargetGroup | '';
  municipality: string;
  page: number;
}

/** /:lang/stories: the cards, the filter (a plain GET form) and paging. */
export function storiesList(
  region: Region,
  lang: Lang,
  filter: StoriesFilter,
  found: { items: PublishedItem[]; total: number },
  images: ImageMap,
): Page {
  const { t } = texts(lang, region.name[lang]);
  const pages = Math.max(1, Math.ceil(found.total / STORIES_PER_PAGE));
  const pathOf = (page: number) => {
    const q = new URLSearchParams();
    if (filter.group) q.set('group', filter.group);
    if (filter.municipality) q.set('municipality', filter.municipality);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return '/stories' + (s ? `?${s}` : '');
  };
  const href = (page: number) => localPath(lang, pathOf(page));
  const municipalities = [...region.municipalities].sort((a, b) =>
    a.shortName.localeCompare(b.shortName, 'sv'),
  );
  const main = html`<div class="chero chero--plain">
      <div class="wrap chero__text">
        <h1>${t('stories.title')}</h1>
        <p class="chero__lead">${t('stories.intro')}</p>
      </div>
    </div>
    <div class="wrap">
      <form class="cfilter" method="get" action="${localPath(lang, '/stories')}" aria-labelledby="filter-title">
        <h2 class="visually-hidden" id="filter-title">${t('stories.filter.title')}</h2>
        ${selectField(lang, {
          name: 'group',
          label: t('stories.filter.group'),
          value: filter.group,
          options: [
            { value: '', label: t('stories.filter.groupAll') },
            ...TARGET_GROUPS.map((g) => ({ value: g, label: groupName(lang, g) })),
          ],
        })}
        ${selectField(lang, {
          name: 'municipality',
          label: t('stories.filter.municipality'),
          value: filter.municipality,
          options: [
            { value: '', label: t('stories.filter.municipalityAll') },
            ...municipalities.map((m) => ({ value: m.slug, label: m.shortName })),
          ],
        })}
        <button class="button" type="submit">${t('stories.filter.submit')}</button>
      </form>
      <p class="cfilter__count" role="status">
        ${found.total === 1 ? t('stories.countOne') : t('stories.count', { count: formatNumber(lang, found.total) })}
      </p>
      ${found.items.length ? cardList(found.items.map((s) => storyCard(region, s, images, 2))) : html`<p>${t('stories.none')}</p>`}
      ${paging(lang, t, filter.page, pages, href)}
    </div>`;
  const filtered = filter.group !== '' || filter.municipality !== '' || filter.page > 1;
  return contentPage(
    { lang },
    {
      title: t('stories.title'),
      description: t('stories.description'),
      path: pathOf(filter.page),
      main,
      ...(filtered ? { noindex: true } : {}),
    },
    undefined,
  );
}

/** The moving guides: the list grouped by audience, and a guide's steps grouped by phase. */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { safeHref } from '../../../platform/html/links.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { GUIDE_AUDIENCES, GUIDE_PHASES, type GuideStep } from '../model.ts';
import type { ContentRenderer } from '../render.ts';
import { publishedList, type PublishedItem } from '../store.ts';
import {
  contentPage,
  heroPicture,
  helpBox,
  itemCard,
  cardSection,
  previewBanner,
  texts,
  type Texts,
} from './common.ts';
import { imagesFor, richText, textImageSlugs, type ImageMap } from './media.ts';

function step(lang: Lang, t: Texts['t'], s: GuideStep): SafeHtml {
  const authority = s.authority[lang];
  // a stored address that is not a plain web address is never a link (shown as text)
  const href = safeHref(s.url);
  return html`<li class="gstep">
    <h4 class="gstep__title">${s.title[lang]}</h4>
    <dl class="gstep__facts">
      ${authority ? html`<div><dt>${t('step.authority')}</dt><dd>${authority}</dd></div>` : ''}
      ${s.bring[lang] ? html`<div><dt>${t('step.bring')}</dt><dd>${s.bring[lang]}</dd></div>` : ''}
    </dl>
    ${s.text[lang] ? html`<p>${s.text[lang]}</p>` : ''}
    ${
      s.url && authority
        ? href
          ? html`<p><a class="gstep__link" href="${href}" rel="noopener">${t('step.link', { authority })}</a></p>`
          : html`<p class="gstep__link">${t('step.link', { authority })}</p>`
        : ''
    }
  </li>`;
}

/** The steps as one ordered list, in phases (each phase its heading and its part of the list). */
function steps(lang: Lang, t: Texts['t'], all: readonly GuideStep[]): SafeHtml {
  let start = 1;
  const phases = GUIDE_PHASES.flatMap((phase) => {
    const inPhase = all.filter((s) => s.phase === phase);
    if (inPhase.length === 0) return [];
    const first = start;
    start += inPhase.length;
    return [
      html`<li class="gphase">
        <h3 class="gphase__title" id="phase-${phase}">${t(`phase.${phase}`)}</h3>
        <ol class="gsteps" start="${first}" aria-labelledby="phase-${phase}">
          ${inPhase.map((s) => step(lang, t, s))}
        </ol>
      </li>`,
    ];
  });
  return html`<ol class="gphases" role="list">${phases}</ol>`;
}

export const renderGuidePage: ContentRenderer = async (ctx, view) => {
  const { lang } = ctx;
  const { t } = texts(lang, ctx.region.name[lang]);
  const data = view.data;
  const db = ctx.deps.database.db;
  const images = await imagesFor(db, ctx.region.id, [data.heroImage, ...textImageSlugs(data.body[lang])]);
  const hero = data.heroImage ? images.get(data.heroImage) : undefined;
  const others = (await publishedList(db, ctx.region.id, lang, { kind: 'guide', limit: 4 })).filter(
    (g) => g.slug !== view.slug,
  );
  const otherImages = await imagesFor(
    db,
    ctx.region.id,
    others.map((g) => g.heroImage),
  );
  const audiences = data.guide?.audiences ?? [];
  const main = html`${previewBanner(ctx, t)}
    <article class="cpage cpage--guide">
      <header class="chero${hero ? '' : ' chero--plain'}">
        <div class="wrap chero__text">
          <p class="chero__kicker"><a href="${localPath(lang, '/guides')}">${t('guides.title')}</a></p>
          <h1>${data.title[lang]}</h1>
          <p class="chero__lead">${data.summary[lang]}</p>
          ${
            audiences.length
              ? html`<p class="chips"><span class="visually-hidden">${t('guide.audiences')}: </span>${audiences.map(
                  (a) => html`<span class="chip">${t(`audience.${a}`)}</span> `,
                )}</p>`
              : ''
          }
        </div>
        ${heroPicture(hero, lang)}
      </header>
      <div class="wrap cpage__columns">
        <div class="prose cpage__text">
          ${richText(data.body[lang], lang, images, { preview: ctx.preview })}
          <section aria-labelledby="steps-title">
            <h2 id="steps-title">${t('guide.steps')}</h2>
            ${steps(lang, t, data.guide?.steps ?? [])}
          </section>
        </div>
        ${helpBox(lang, t)}
      </div>
    </article>
    ${cardSection(
      'other-guides',
      t('guide.other'),
      others.slice(0, 3).map((g) => itemCard(g, otherImages)),
    )}`;
  return contentPage(
    ctx,
    { title: data.title[lang], description: data.summary[lang], path: `/guides/${view.slug}`, main },
    hero,
  );
};

/** /:lang/guides: every guide, under each audience it is for. */
export async function guidesList(
  region: Region,
  lang: Lang,
  guides: PublishedItem[],
  images: ImageMap,
): Promise<Page> {
  const { t } = texts(lang, region.name[lang]);
  const groups = GUIDE_AUDIENCES.map((audience) => ({
    audience,
    items: guides.filter((g) => (g.data.guide?.audiences ?? []).includes(audience)),
  }));
  const unplaced = guides.filter((g) => (g.data.guide?.audiences ?? []).length === 0);
  const everyone = groups.find((g) => g.audience === 'everyone');
  if (everyone) everyone.items.push(...unplaced);
  const main = html`<div class="chero chero--plain">
      <div class="wrap chero__text">
        <h1>${t('guides.title')}</h1>
        <p class="chero__lead">${t('guides.intro')}</p>
      </div>
    </div>
    ${guides.length === 0 ? html`<div class="wrap"><p>${t('list.empty')}</p></div>` : ''}
    ${groups.map(({ audience, items }) =>
      cardSection(
        `audience-${audience}`,
        t(`audience.${audience}`),
        items.map((g) => itemCard(g, images)),
      ),
    )}
    <div class="wrap">${helpBox(lang, t)}</div>`;
  return contentPage(
    { lang },
    { title: t('guides.title'), description: t('guides.description'), path: '/guides', main },
    undefined,
  );
}

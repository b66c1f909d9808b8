/**
 * /:lang/move, "Få hjälp att flytta hit": the move in brief, the guides and the region's contact
 * for newcomers. The navigator's request part (relocation/request) serves the route and passes
 * its form, which takes the contact box's place.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import type { Page } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { publishedList, type PublishedItem } from '../store.ts';
import { cardSection, contentPage, heroPicture, itemCard, texts } from './common.ts';
import { MOVE_HERO_IMAGES } from './home.ts';
import { imagesFor, type ImageMap, type PublicImage } from './media.ts';

/** What the page shows besides the contact: the guides, their images and the hero picture. */
export async function moveContent(db: Kysely<DB>, regionId: string, lang: Lang) {
  const guides = await publishedList(db, regionId, lang, { kind: 'guide', limit: 12 });
  const images = await imagesFor(db, regionId, [...MOVE_HERO_IMAGES, ...guides.map((g) => g.heroImage)]);
  const hero = MOVE_HERO_IMAGES.map((slug) => images.get(slug)).find(Boolean);
  return { guides, images, hero };
}

export function movePage(
  region: Region,
  lang: Lang,
  guides: PublishedItem[],
  images: ImageMap,
  hero: PublicImage | undefined,
  /** The request form, in the contact box's place (with its own stylesheet). */
  form?: { html: SafeHtml; stylesheets: string[]; title?: string },
): Page {
  const { t } = texts(lang, region.name[lang]);
  const contact = region.contact;
  const main = html`<header class="chero${hero ? '' : ' chero--plain'}">
      <div class="wrap chero__text">
        <h1>${t('move.title')}</h1>
        <p class="chero__lead">${t('move.lead')}</p>
      </div>
      ${heroPicture(hero, lang)}
    </header>
    <div class="wrap cpage__columns${form ? ' move-columns' : ''}">
      <section class="prose cpage__text" aria-labelledby="brief-title">
        <h2 id="brief-title">${t('move.brief.title')}</h2>
        <ol>
          ${(['1', '2', '3', '4', '5'] as const).map((n) => html`<li>${t(`move.brief.${n}`)}</li>`)}
        </ol>
      </section>
      ${
        form
          ? form.html
          : html`<aside class="help-box" aria-labelledby="contact-title">
        <h2 id="contact-title">${t('move.contact.title')}</h2>
        <p>${t('move.contact.text', { organisation: contact.organisation })}</p>
        <p><a class="button" href="mailto:${contact.email}">${t('move.contact.email', { email: contact.email })}</a></p>
        ${contact.phone ? html`<p><a href="tel:${contact.phone.replace(/[^+0-9]/g, '')}">${t('move.contact.phone', { phone: contact.phone })}</a></p>` : ''}
      </aside>`
      }
    </div>
    ${cardSection(
      'move-guides',
      t('move.guides.title'),
      guides.map((g) => itemCard(g, images)),
    )}`;
  const page = contentPage(
    { lang },
    { title: form?.title ?? t('move.title'), description: t('move.description'), path: '/move', main },
    hero,
  );
  return form ? { ...page, stylesheets: [...(page.stylesheets ?? []), ...form.stylesheets] } : page;
}

/**
 * A company as a card (the list): its photograph, logo, name (the card's one link), industry and
 * places, summary, what it offers newcomers as small labelled chips, and its open jobs. Also the
 * words the pages share: a badge's name, the industries and municipalities in words, a count.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { formatNumber, type Lang, type Params } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import type { Badge, Localised } from '../model.ts';
import { isSniDivision, sniLabel } from '../sni.ts';
import { companyPath } from './directory.ts';
import type { ListedCompany } from './filters.ts';
import { CARD_SIZES, logoHtml, picture, type ImageMap } from './images.ts';
import { companyMessages, type CompanyMessageKey } from './messages.ts';

export type T = (key: CompanyMessageKey, params?: Params) => string;

export function translator(lang: Lang, region: Region): T {
  const base = { region: region.name[lang] };
  return (key, params) => companyMessages.t(lang, key, { ...base, ...params });
}

/** A catalogue text with a count, its `.one` or `.other` form (both languages: 1 is singular). */
export function counted(
  t: T,
  lang: Lang,
  key: 'list.count' | 'card.jobs' | 'map.link' | 'page.needs.people' | 'page.jobs.count' | 'page.heroJobs',
  count: number,
  params: Params = {},
): string {
  return t(`${key}.${count === 1 ? 'one' : 'other'}` as CompanyMessageKey, {
    ...params,
    count: formatNumber(lang, count),
  });
}

/**
 * A translatable text in the page's language, else the other one's marked with its language (so a
 * screen reader pronounces it right); '' when neither is written.
 */
export function localText(value: Localised, lang: Lang): SafeHtml | string {
  const own = value[lang].trim();
  if (own) return own;
  const other = lang === 'sv' ? 'en' : 'sv';
  const text = value[other].trim();
  return text ? html`<span lang="${other}">${text}</span>` : '';
}

export function badgeLabel(t: T, badge: Badge): string {
  return t(`badge.${badge}`);
}

/** The industries in words (the SNI divisions the code list knows), the first `max`. */
export function industryText(lang: Lang, codes: readonly string[], max = 2): string {
  return codes
    .filter(isSniDivision)
    .slice(0, max)
    .map((code) => sniLabel(code, lang))
    .join(', ');
}

/** The municipalities' short names, in the page's order of the region (the first `max`, then "+N"). */
export function municipalityText(region: Region, codes: readonly string[], max = 3): string {
  const names = region.municipalities.filter((m) => codes.includes(m.code)).map((m) => m.shortName);
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} +${names.length - max}` : shown;
}

/** The company's logo, or its initial on a tinted square when it has none (decorative either way). */
export function logoOrInitial(
  c: Pick<ListedCompany, 'name' | 'logo'>,
  images: ImageMap,
  cls: string,
): SafeHtml {
  const logo = c.logo ? images.get(c.logo) : undefined;
  if (logo) return html`<span class="${cls}">${logoHtml(logo, `${cls}-img`)}</span>`;
  const initial = Array.from(c.name.trim())[0]?.toUpperCase() ?? '?';
  return html`<span class="${cls} ${cls}--initial" aria-hidden="true">${initial}</span>`;
}

export function badgeChips(t: T, badges: readonly Badge[], cls = 'company-chips'): SafeHtml {
  if (badges.length === 0) return html``;
  return html`<ul class="${cls}" aria-label="${t('card.badges')}">${badges.map(
    (b) => html`<li class="company-chip company-chip--${b}">${badgeLabel(t, b)}</li>`,
  )}</ul>`;
}

export interface CardContext {
  lang: Lang;
  region: Region;
  t: T;
  images: ImageMap;
}

export function companyCard(ctx: CardContext, c: ListedCompany, index: number, level: 2 | 3 = 3): SafeHtml {
  const { lang, region, t, images } = ctx;
  const photo = c.photo ? images.get(c.photo) : undefined;
  const industry = industryText(lang, c.industries);
  const places = municipalityText(region, c.municipalities);
  const summary = localText(c.summary, lang);
  const link = html`<a class="company-card__link" href="${localPath(lang, companyPath(c.slug))}">${c.name}</a>`;
  return html`<li class="company-card">
    <div class="company-card__media">
      ${
        photo
          ? picture(photo, lang, {
              sizes: CARD_SIZES,
              loading: index < 3 ? 'eager' : 'lazy',
              credit: false,
              cls: 'company-card__picture',
            })
          : html`<div class="company-card__placeholder company-card__placeholder--${index % 3}" aria-hidden="true"></div>`
      }
      ${logoOrInitial(c, images, 'company-card__logo')}
    </div>
    <div class="company-card__body">
      ${level === 2 ? html`<h2 class="company-card__title">${link}</h2>` : html`<h3 class="company-card__title">${link}</h3>`}
      ${industry || places ? html`<p class="company-card__meta">${industry ? html`<span>${industry}</span>` : ''}${places ? html`<span>${places}</span>` : ''}</p>` : ''}
      ${summary ? html`<p class="company-card__summary">${summary}</p>` : ''}
      ${badgeChips(t, c.badges)}
      <p class="company-card__jobs${c.jobs ? '' : ' company-card__jobs--none'}">${c.jobs ? counted(t, lang, 'card.jobs', c.jobs) : t('card.jobs.none')}</p>
      ${c.demo ? html`<p class="company-card__demo"><span class="tag tag--muted">${t('list.demo')}</span></p>` : ''}
      ${photo && photo.credit[lang] ? html`<p class="company-card__credit">${photo.credit[lang]}</p>` : ''}
    </div>
  </li>`;
}

/**
 * /:lang/companies/:slug: a company's page. A hero (logo, name, industry and places, summary, what
 * they offer newcomers as chips, a link down to the open jobs and to their website; their first
 * photograph beside it), then each badge with the company's own text saying what exactly they do,
 * who they are, what they mean for the world, photographs with their credits and a short film, the
 * career paths (steps with their occupations), stories of people who work there, "Vi kommer att
 * behöva" (the occupations they expect to recruit) and every open job (the newest JOBS_SHOWN, then
 * a link to the job search filtered to the employer). Beside them: facts, the municipalities where
 * they work (links to the place pages) and their website. Organization JSON-LD and an og:image.
 *
 * The jobs' links go through /:lang/companies/:slug/jobs/:id, which counts a click and redirects.
 */
import { html, jsonScript, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page, type PageContext } from '../../../platform/html/layout.ts';
import { safeHref } from '../../../platform/html/links.ts';
import type { RichDoc } from '../../../platform/html/rich-doc.ts';
import { renderRichText } from '../../../platform/html/richtext.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Municipality } from '../../../platform/region.ts';
import type { PublishedItem } from '../../content/store.ts';
import { englishGroupTitle } from '../../jobs/english-titles.ts';
import { jobList } from '../../jobs/views.ts';
import type { JobSummary } from '../../jobs/search/index.ts';
import type { CareerPath, CompanyData } from '../model.ts';
import type { Company } from '../store.ts';
import {
  badgeChips,
  badgeLabel,
  counted,
  industryText,
  localText,
  municipalityText,
  translator,
  type T,
} from './cards.ts';
import { COMPANIES_PATH, companyPath } from './directory.ts';
import {
  absoluteImageUrl,
  CARD_SIZES,
  GALLERY_SIZES,
  HERO_SIZES,
  logoHtml,
  ogImage,
  picture,
  type ImageMap,
} from './images.ts';
import { COMPANIES_CSS } from './list.ts';
import type { CompetenceNeed, OccupationLabel } from './repository.ts';

/** Open jobs listed on the page; past them, a link to the job search filtered to the employer. */
export const JOBS_SHOWN = 200;

export interface CompanyView {
  company: Company;
  data: CompanyData;
  jobs: { total: number; jobs: JobSummary[] };
  needs: CompetenceNeed[];
  /** Labels of the career steps' occupations, by concept id. */
  occupations: ReadonlyMap<string, OccupationLabel>;
  stories: PublishedItem[];
  images: ImageMap;
}

/** The path of a job as linked from a company page: counted, then redirected to the job. */
export const companyJobPath = (slug: string, id: string) =>
  `${companyPath(slug)}/jobs/${encodeURIComponent(id)}`;
/** The job search filtered to one employer (its organisationsnummer is its key there). */
export const employerSearchPath = (orgNumber: string) => `/jobs?employer=${encodeURIComponent(orgNumber)}`;

/**
 * An occupation's label in the page's language: in English the taxonomy's English label, else the
 * English title of its SSYK-4 group (Statistics Sweden's), else the Swedish label, marked.
 */
export function occupationText(o: OccupationLabel, lang: Lang): SafeHtml | string {
  if (lang === 'sv') return o.sv;
  const group = o.type === 'ssyk-level-4' ? o.id : o.parentId;
  const en = o.en ?? (group ? englishGroupTitle(group) : undefined);
  return en ?? html`<span lang="sv">${o.sv}</span>`;
}

const languageNames: Partial<Record<Lang, Intl.DisplayNames>> = {};

/** A language's name in the page's language ("engelska", "English"), else its code. */
function languageName(lang: Lang, code: string): string {
  try {
    const names = (languageNames[lang] ??= new Intl.DisplayNames([lang], { type: 'language' }));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "556677-8899": the organisationsnummer as people write it. */
function orgNumberText(n: string): string {
  return /^[0-9]{10}$/.test(n) ? `${n.slice(0, 6)}-${n.slice(6)}` : n;
}

function richText(doc: RichDoc, lang: Lang, images: ImageMap): SafeHtml {
  return renderRichText(doc, {
    headingOffset: 1,
    image: (slug, caption) => {
      const image = images.get(slug);
      return image ? picture(image, lang, { sizes: HERO_SIZES, loading: 'lazy', caption }) : undefined;
    },
  });
}

/** The document in the page's language, else the other one's (marked), or undefined when both are empty. */
function docIn(value: { sv: RichDoc; en: RichDoc }, lang: Lang): { doc: RichDoc; lang?: Lang } | undefined {
  if (value[lang].blocks.length) return { doc: value[lang] };
  const other = lang === 'sv' ? 'en' : 'sv';
  return value[other].blocks.length ? { doc: value[other], lang: other } : undefined;
}

function section(id: string, title: string, content: SafeHtml, cls = ''): SafeHtml {
  return html`<section class="company-section${cls ? ` ${cls}` : ''}" id="${id}" aria-labelledby="${id}-title">
    <h2 id="${id}-title">${title}</h2>
    ${content}
  </section>`;
}

function hero(ctx: PageContext, t: T, view: CompanyView, name: string): SafeHtml {
  const { lang, region } = ctx;
  const { data, images, jobs } = view;
  const logo = data.logo ? images.get(data.logo) : undefined;
  const photo = data.photos[0] ? images.get(data.photos[0]) : undefined;
  const meta = [industryText(lang, data.industries, 3), municipalityText(region, data.municipalities, 4)]
    .filter(Boolean)
    .map((text) => html`<span>${text}</span>`);
  const website = safeHref(data.website);
  const summary = localText(data.summary, lang);
  return html`<header class="company-hero${photo ? '' : ' company-hero--plain'}">
    <div class="wrap company-hero__inner">
      <div class="company-hero__text">
        <p class="company-hero__back"><a href="${localPath(lang, COMPANIES_PATH)}">${t('page.back')}</a></p>
        <div class="company-hero__id">
          ${logo ? html`<span class="company-hero__logo">${logoHtml(logo, 'company-hero__logo-img', 'eager')}</span>` : ''}
          <div>
            <h1>${name}</h1>
            ${meta.length ? html`<p class="company-hero__meta">${meta}</p>` : ''}
          </div>
        </div>
        ${summary ? html`<p class="company-hero__lead">${summary}</p>` : ''}
        ${badgeChips(
          t,
          data.badges.map((b) => b.badge),
        )}
        <p class="company-hero__actions">
          ${jobs.total ? html`<a class="button" href="#company-jobs">${counted(t, lang, 'page.heroJobs', jobs.total)}</a>` : ''}
          ${website ? html`<a class="button button--secondary" href="${website}" rel="noopener nofollow ugc">${t('page.website')}</a>` : ''}
        </p>
      </div>
      ${photo ? picture(photo, lang, { sizes: '(min-width: 64rem) 34rem, calc(100vw - 2rem)', loading: 'eager', priority: true, cls: 'company-hero__picture' }) : ''}
    </div>
  </header>`;
}

function badgesSection(t: T, lang: Lang, data: CompanyData, name: string): SafeHtml {
  if (data.badges.length === 0) return html``;
  return section(
    'company-badges',
    t('page.badges', { name }),
    html`<ul class="company-offers" role="list">${data.badges.map(
      (b) => html`<li class="company-offer company-offer--${b.badge}">
        <h3 class="company-offer__title">${badgeLabel(t, b.badge)}</h3>
        <p>${localText(b.text, lang)}</p>
      </li>`,
    )}</ul>`,
  );
}

function textSection(
  id: string,
  title: string,
  value: { sv: RichDoc; en: RichDoc },
  lang: Lang,
  images: ImageMap,
) {
  const found = docIn(value, lang);
  if (!found) return html``;
  return section(
    id,
    title,
    html`<div class="company-text prose"${found.lang ? html` lang="${found.lang}"` : ''}>${richText(found.doc, lang, images)}</div>`,
  );
}

function photosSection(t: T, lang: Lang, view: CompanyView, name: string): SafeHtml {
  const { data, images } = view;
  const photos = data.photos.slice(1).flatMap((slug) => {
    const image = images.get(slug);
    return image ? [image] : [];
  });
  const film = safeHref(data.filmUrl);
  if (photos.length === 0 && !film) return html``;
  return section(
    'company-photos',
    t('page.photos', { name }),
    html`${photos.length ? html`<ul class="company-gallery" role="list">${photos.map((p) => html`<li>${picture(p, lang, { sizes: GALLERY_SIZES, loading: 'lazy', cls: 'company-gallery__picture' })}</li>`)}</ul>` : ''}
    ${film ? html`<p class="company-film"><a class="company-film__link" href="${film}" rel="noopener nofollow ugc">${t('page.film', { name })}</a> <span class="company-film__hint">${t('page.filmHint')}</span></p>` : ''}`,
  );
}

function pathView(t: T, lang: Lang, path: CareerPath, occupations: CompanyView['occupations']): SafeHtml {
  return html`<li class="company-path">
    <h3 class="company-path__title">${localText(path.title, lang)}</h3>
    <ol class="company-path__steps" role="list">${path.steps.map((step, i) => {
      const o = occupations.get(step.occupationId);
      const text = localText(step.text, lang);
      // An untitled step is called by its occupation (the form stored its Swedish name as the title
      // in both languages, or nothing in English): in the page's language, and said once.
      const own = step.title[lang].trim();
      const byOccupation = o !== undefined && (own === '' || own === o.sv);
      return html`<li class="company-path__step">
        <p class="company-path__n">${t('page.paths.step', { n: formatNumber(lang, i + 1) })}</p>
        <h4 class="company-path__step-title">${byOccupation ? occupationText(o, lang) : localText(step.title, lang)}</h4>
        ${o && !byOccupation ? html`<p class="company-path__occupation">${t('page.paths.occupation')} ${occupationText(o, lang)}</p>` : ''}
        ${text ? html`<p>${text}</p>` : ''}
      </li>`;
    })}</ol>
  </li>`;
}

function pathsSection(t: T, lang: Lang, view: CompanyView): SafeHtml {
  const paths = view.data.careerPaths.filter((p) => p.steps.length > 0);
  if (paths.length === 0) return html``;
  return section(
    'company-paths',
    t('page.paths'),
    html`<p class="company-section__intro">${t('page.paths.intro')}</p>
    <ul class="company-paths" role="list">${paths.map((p) => pathView(t, lang, p, view.occupations))}</ul>`,
  );
}

function peopleSection(t: T, lang: Lang, view: CompanyView): SafeHtml {
  if (view.stories.length === 0) return html``;
  return section(
    'company-people',
    t('page.people'),
    html`<ul class="company-people" role="list">${view.stories.map((s) => {
      const image = s.heroImage ? view.images.get(s.heroImage) : undefined;
      const story = s.data.story;
      const quote = story?.quote[lang];
      const who = story?.profession[lang] ?? '';
      return html`<li class="company-person">
        ${image ? picture(image, lang, { sizes: CARD_SIZES, loading: 'lazy', credit: false, cls: 'company-person__picture' }) : ''}
        <div class="company-person__body">
          <h3 class="company-person__title"><a class="company-person__link" href="${localPath(lang, `/stories/${encodeURIComponent(s.slug)}`)}">${story?.personName || s.title}</a></h3>
          ${who ? html`<p class="company-person__who">${who}</p>` : ''}
          ${quote ? html`<p class="company-person__quote">${quote}</p>` : html`<p>${s.summary}</p>`}
          ${image && image.credit[lang] ? html`<p class="company-person__credit">${image.credit[lang]}</p>` : ''}
        </div>
      </li>`;
    })}</ul>`,
  );
}

function needsSection(t: T, lang: Lang, view: CompanyView, name: string): SafeHtml {
  if (view.needs.length === 0) return html``;
  return section(
    'company-needs',
    t('page.needs'),
    html`<p class="company-section__intro">${t('page.needs.intro', { name })}</p>
    <ul class="company-needs" role="list">${view.needs.map(
      (n) =>
        html`<li class="company-need"><span class="company-need__occupation">${occupationText(n.occupation, lang)}</span> <span class="company-need__people">${counted(t, lang, 'page.needs.people', n.people)}</span></li>`,
    )}</ul>`,
  );
}

function jobsSection(ctx: PageContext, t: T, view: CompanyView, name: string): SafeHtml {
  const { lang } = ctx;
  const { company, jobs } = view;
  if (jobs.total === 0) {
    return section(
      'company-jobs',
      t('page.jobs', { name }),
      html`<p>${t('page.jobs.none', { name })}</p>
      <p><a class="button button--secondary" href="${localPath(lang, '/jobs')}">${t('page.jobs.all')}</a></p>`,
    );
  }
  const more = jobs.total > jobs.jobs.length;
  const list = jobList(ctx, jobs.jobs, 3, '', {
    href: (job) => companyJobPath(company.slug, job.id),
    rel: 'nofollow',
  });
  return section(
    'company-jobs',
    t('page.jobs', { name }),
    html`<p class="company-jobs__count">${counted(t, lang, 'page.jobs.count', jobs.total)}${more ? html` ${t('page.jobs.shown', { shown: formatNumber(lang, jobs.jobs.length) })}` : ''}</p>
    ${list}
    ${more ? html`<p><a class="button" href="${localPath(lang, employerSearchPath(company.orgNumber))}">${t('page.jobs.more', { count: formatNumber(lang, jobs.total) })}</a></p>` : ''}`,
    'company-jobs',
  );
}

function factsAside(
  ctx: PageContext,
  t: T,
  view: CompanyView,
  name: string,
  places: Municipality[],
): SafeHtml {
  const { lang } = ctx;
  const { data, company } = view;
  const facts: [string, SafeHtml | string][] = [];
  if (data.facts.employees !== null)
    facts.push([t('page.facts.employees'), formatNumber(lang, data.facts.employees)]);
  const sites = localText(data.facts.sites, lang);
  if (sites) facts.push([t('page.facts.sites'), sites]);
  if (data.facts.languages.length)
    facts.push([
      t('page.facts.languages'),
      data.facts.languages.map((c) => languageName(lang, c)).join(', '),
    ]);
  if (data.industries.length)
    facts.push([t('page.facts.industries'), industryText(lang, data.industries, 5)]);
  facts.push([t('page.facts.orgNumber'), orgNumberText(company.orgNumber)]);
  const website = safeHref(data.website);
  return html`<section class="company-facts" aria-labelledby="company-facts-title">
      <h2 id="company-facts-title">${t('page.facts')}</h2>
      <dl class="company-facts__list">${facts.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>
      ${website ? html`<p><a href="${website}" rel="noopener nofollow ugc">${t('page.website')}</a></p>` : ''}
    </section>
    ${
      places.length
        ? html`<section class="company-places" aria-labelledby="company-places-title">
      <h2 id="company-places-title">${t('page.places', { name })}</h2>
      <p>${t('page.places.intro', { name })}</p>
      <ul class="company-places__list" role="list">${places.map((m) => html`<li><a href="${localPath(lang, `/places/${m.slug}`)}">${m.shortName}</a></li>`)}</ul>
    </section>`
        : ''
    }`;
}

/** schema.org Organization: name, the page's URL, logo and sameAs (absolute, from configuration). */
export function organizationData(ctx: PageContext, view: CompanyView, name: string): Record<string, unknown> {
  const { data, company, images } = view;
  const logo = data.logo ? images.get(data.logo) : undefined;
  const sameAs = [data.website, ...data.sameAs]
    .map((u) => safeHref(u, { httpsOnly: true }))
    .filter((u): u is string => u !== null);
  const places = ctx.region.municipalities.filter((m) => data.municipalities.includes(m.code));
  const description = data.summary[ctx.lang].trim();
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name,
    url: ctx.origin + localPath(ctx.lang, companyPath(company.slug)),
    ...(logo ? { logo: absoluteImageUrl(ctx.origin, logo) } : {}),
    ...(sameAs.length ? { sameAs: [...new Set(sameAs)] } : {}),
    ...(description ? { description } : {}),
    ...(places.length
      ? {
          address: places.map((m) => ({
            '@type': 'PostalAddress',
            addressLocality: m.shortName,
            addressRegion: ctx.region.name.sv,
            addressCountry: 'SE',
          })),
        }
      : {}),
    ...(data.facts.employees !== null
      ? { numberOfEmployees: { '@type': 'QuantitativeValue', value: data.facts.employees } }
      : {}),
  };
}

export function companyPage(ctx: PageContext, view: CompanyView): Page {
  const { lang, region } = ctx;
  const t = translator(lang, region);
  const { data, company, images } = view;
  const name = data.name || company.name;
  const places = region.municipalities.filter((m) => data.municipalities.includes(m.code));
  const main = html`<article class="company">
    ${company.demo ? html`<p class="company-demo" role="note">${t('page.demo')}</p>` : ''}
    ${hero(ctx, t, view, name)}
    <div class="wrap page-columns company__body">
      <div class="page-columns__main company__main">
        ${badgesSection(t, lang, data, name)}
        ${textSection('company-about', t('page.about', { name }), data.about, lang, images)}
        ${textSection('company-impact', t('page.impact', { name }), data.impact, lang, images)}
        ${photosSection(t, lang, view, name)}
        ${pathsSection(t, lang, view)}
        ${peopleSection(t, lang, view)}
        ${needsSection(t, lang, view, name)}
        ${jobsSection(ctx, t, view, name)}
      </div>
      <aside class="page-columns__aside company__aside">${factsAside(ctx, t, view, name, places)}</aside>
    </div>
  </article>`;
  const photo = data.photos[0] ? images.get(data.photos[0]) : undefined;
  const logo = data.logo ? images.get(data.logo) : undefined;
  const image = ogImage(photo, lang) ?? ogImage(logo, lang);
  const description = data.summary[lang].trim() || t('page.description', { name });
  return {
    title: name,
    description,
    path: companyPath(company.slug),
    main,
    bodyClass: 'page-company',
    stylesheets: [COMPANIES_CSS],
    head: jsonScript('application/ld+json', organizationData(ctx, view, name)),
    ...(image ? { image } : {}),
  };
}

/**
 * The organisations' guide pages (inside the toolbox frame): the guides as cards with their photo and
 * the organisation's checklists with progress; one guide — its parts with timelines and items, each
 * with the authority linked, printable (toolbox-guides.css has the print rules); a checklist as a
 * no-JS form of checkboxes, renaming and the confirm step of deleting. Text that falls back to the
 * other language carries its own lang attribute.
 */
import { paragraphs } from '../toolbox.ts';
import { toolboxHref } from '../frame.ts';
import { PATHS, type GuideItem, type GuideSection, type Localised } from '../model.ts';
import { csrfField, formErrorSummary, selectField, textField } from '../../../platform/html/forms.ts';
import { html, type HtmlValue, type SafeHtml } from '../../../platform/html/html.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { pictureHtml, type MediaImage } from '../../content/media/service.ts';
import { LABEL_MAX, MAX_CHECKLISTS, guideHref, inLang, progressOf, type GuideRecord } from './guide.ts';
import { guidesMessages, type GuidesMessageKey } from './messages.ts';
import type { ChecklistRow } from './repository.ts';

type T = (key: GuidesMessageKey, params?: Record<string, string | number>) => string;
const tOf =
  (lang: Lang): T =>
  (key, params) =>
    guidesMessages.t(lang, key, params);

export const guidesPath = (lang: Lang) => toolboxHref(lang, PATHS.guides);
export const guidePath = (lang: Lang, slug: string) => `${guidesPath(lang)}/${slug}`;
export const checklistPath = (lang: Lang, id: string) => `${guidesPath(lang)}/checklists/${id}`;

/** A text in the reader's language (or the other, marked with its lang). */
function say(value: Localised, lang: Lang): HtmlValue {
  const { text, lang: used } = inLang(value, lang);
  return used === lang ? text : html`<span lang="${used}">${text}</span>`;
}

function paras(value: Localised, lang: Lang, cls = ''): SafeHtml {
  const { text, lang: used } = inLang(value, lang);
  const attr = used === lang ? '' : html` lang="${used}"`;
  return html`${paragraphs(text).map((p) => html`<p${attr}${cls ? html` class="${cls}"` : ''}>${p}</p>`)}`;
}

function progressBar(t: T, progress: { done: number; total: number }, id: string): SafeHtml {
  const text = t('progress.text', { done: progress.done, total: progress.total });
  return html`<div class="guide-progress">
    <progress id="${id}" max="${Math.max(progress.total, 1)}" value="${progress.done}" aria-label="${text}">${text}</progress>
    <span class="guide-progress__text">${text}</span>
  </div>`;
}

/** The authority's name, linked to its page when there is one. */
function authorityLine(t: T, item: GuideItem, lang: Lang): SafeHtml | '' {
  const href = guideHref(lang, item.url);
  const name = inLang(item.authority, lang);
  if (!href && name.text === '') return '';
  const label = name.text !== '' ? say(item.authority, lang) : t('guide.link');
  const printed = href && /^https?:/.test(href) ? html`<span class="guide-item__url"> (${href})</span>` : '';
  return html`<p class="guide-item__source">${t('guide.source')} ${href ? html`<a href="${href}">${label}</a>${printed}` : label}</p>`;
}

export interface StartFormModel {
  guides: readonly GuideRecord[];
  guide: string;
  label: string;
  errors: { guide?: string; label?: string };
  /** Fixed to one guide (the guide page's form). */
  fixedGuide?: GuideRecord;
  count: number;
}

function startForm(lang: Lang, csrf: string, model: StartFormModel, headingId: string): SafeHtml {
  const t = tOf(lang);
  const full = model.count >= MAX_CHECKLISTS;
  return html`<form class="guide-start" method="post" action="${guidesPath(lang)}/checklists" novalidate>
    ${csrfField(csrf)}
    ${
      model.fixedGuide
        ? html`<input type="hidden" name="guide" value="${model.fixedGuide.slug}" /><input type="hidden" name="from" value="guide" />`
        : selectField(lang, {
            name: 'guide',
            id: `${headingId}-guide`,
            label: t('start.guide'),
            value: model.guide,
            required: true,
            error: model.errors.guide,
            options: model.guides.map((g) => ({ value: g.slug, label: inLang(g.data.title, lang).text })),
          })
    }
    ${textField(lang, {
      name: 'label',
      id: `${headingId}-label`,
      label: t('start.label'),
      hint: t('start.labelHint'),
      value: model.label,
      required: true,
      maxlength: LABEL_MAX,
      autocomplete: 'off',
      error: model.errors.label,
    })}
    <p class="guide-start__count">${t('list.count', { count: model.count, max: MAX_CHECKLISTS })}</p>
    <button class="button" type="submit"${full ? html` aria-describedby="${headingId}-full"` : ''}>${t('start.submit')}</button>
    ${full ? html`<p class="field__hint" id="${headingId}-full">${t('start.full', { max: MAX_CHECKLISTS })}</p>` : ''}
  </form>`;
}

export interface ListModel {
  lang: Lang;
  csrf: string;
  guides: readonly GuideRecord[];
  /** Every guide by slug (a checklist may be of an unpublished one). */
  allGuides: ReadonlyMap<string, GuideRecord>;
  checklists: readonly ChecklistRow[];
  images: ReadonlyMap<string, MediaImage>;
  start: StartFormModel;
  /** The refusal when the cap is reached. */
  refusal?: string;
}

function guideCard(lang: Lang, guide: GuideRecord, images: ReadonlyMap<string, MediaImage>, t: T): SafeHtml {
  const image = guide.data.image ? images.get(guide.data.image) : undefined;
  const { total } = progressOf(guide.data, []);
  const id = `guide-${guide.slug}`;
  return html`<li class="guide-card">
    ${image && !image.expired ? pictureHtml(image, lang, { sizes: '(min-width: 60rem) 22rem, 100vw', loading: 'lazy', cls: 'guide-card__image', credit: true }) : ''}
    <div class="guide-card__body">
      <h3 id="${id}"><a href="${guidePath(lang, guide.slug)}">${say(guide.data.title, lang)}</a></h3>
      ${paras(guide.data.summary, lang, 'guide-card__summary')}
      <p class="guide-card__meta">${t('list.steps', { items: total, sections: guide.data.sections.length })}</p>
    </div>
  </li>`;
}

function checklistCard(lang: Lang, row: ChecklistRow, guide: GuideRecord | undefined, t: T): SafeHtml {
  const progress = guide ? progressOf(guide.data, row.done) : { done: 0, total: 0 };
  return html`<li class="checklist-card">
    <h3><a href="${checklistPath(lang, row.id)}">${row.label}</a></h3>
    <p class="checklist-card__guide">
      ${guide ? say(guide.data.title, lang) : ''}${guide && !guide.published ? html` <span class="checklist-card__note">${t('list.withdrawn')}</span>` : ''}
    </p>
    ${progressBar(t, progress, `progress-${row.id}`)}
    <p class="checklist-card__updated">${t('list.updatedColumn')}: ${formatDate(lang, row.updatedAt)}</p>
  </li>`;
}

export function listBody(model: ListModel): SafeHtml {
  const { lang } = model;
  const t = tOf(lang);
  const errors = [
    ...(model.refusal ? [{ id: 'start-label', text: model.refusal }] : []),
    ...(model.start.errors.guide ? [{ id: 'start-guide', text: model.start.errors.guide }] : []),
    ...(model.start.errors.label ? [{ id: 'start-label', text: model.start.errors.label }] : []),
  ];
  return html`${formErrorSummary(lang, errors)}
    <section class="guides-section" aria-labelledby="guides-heading">
      <h2 id="guides-heading">${t('list.guides')}</h2>
      ${
        model.guides.length
          ? html`<ul class="guide-cards">${model.guides.map((g) => guideCard(lang, g, model.images, t))}</ul>`
          : html`<p>${t('list.none')}</p>`
      }
    </section>
    <section class="guides-section" aria-labelledby="checklists-heading">
      <h2 id="checklists-heading">${t('list.checklists')}</h2>
      <p>${t('list.checklistsLead')}</p>
      ${
        model.checklists.length
          ? html`<ul class="checklist-cards">${model.checklists.map((c) => checklistCard(lang, c, model.allGuides.get(c.guideSlug), t))}</ul>`
          : html`<p>${t('list.noChecklists')}</p>`
      }
    </section>
    ${
      model.guides.length
        ? html`<section class="guides-section guide-start-box" aria-labelledby="start-heading">
            <h2 id="start-heading">${t('start.title')}</h2>
            ${startForm(lang, model.csrf, model.start, 'start')}
          </section>`
        : ''
    }`;
}

function itemBlock(lang: Lang, item: GuideItem, t: T): SafeHtml {
  return html`<li class="guide-item" id="item-${item.key}">
    <h3 class="guide-item__title">${say(item.title, lang)}</h3>
    ${paras(item.text, lang)}
    ${authorityLine(t, item, lang)}
  </li>`;
}

function sectionBlock(lang: Lang, section: GuideSection, index: number, t: T): SafeHtml {
  const timeline = inLang(section.timeline, lang);
  return html`<section class="guide-section" id="part-${index + 1}" aria-labelledby="part-${index + 1}-heading">
    <h2 id="part-${index + 1}-heading"><span class="guide-section__number">${index + 1}</span> ${say(section.title, lang)}</h2>
    ${timeline.text ? html`<p class="guide-timeline"><strong>${t('guide.timeline')}</strong> ${say(section.timeline, lang)}</p>` : ''}
    ${paras(section.text, lang)}
    ${section.items.length ? html`<ul class="guide-items">${section.items.map((i) => itemBlock(lang, i, t))}</ul>` : ''}
  </section>`;
}

export interface GuideModel {
  lang: Lang;
  csrf: string;
  guide: GuideRecord;
  image?: MediaImage;
  start: StartFormModel;
}

export function guideBody(model: GuideModel): SafeHtml {
  const { lang, guide } = model;
  const t = tOf(lang);
  const sections = guide.data.sections;
  return html`<p class="guide-back"><a href="${guidesPath(lang)}">${t('guide.back')}</a></p>
    ${model.image && !model.image.expired ? pictureHtml(model.image, lang, { sizes: '(min-width: 60rem) 48rem, 100vw', loading: 'eager', priority: true, cls: 'guide-hero' }) : ''}
    <p class="guide-note">${t('guide.checkRules')}</p>
    <nav class="guide-contents" aria-labelledby="contents-heading">
      <h2 id="contents-heading">${t('guide.contents')}</h2>
      <ol>
        ${sections.map((s, i) => html`<li><a href="#part-${i + 1}">${say(s.title, lang)}</a></li>`)}
      </ol>
    </nav>
    ${sections.map((s, i) => sectionBlock(lang, s, i, t))}
    <p class="guide-print-hint">${t('guide.print')}</p>
    <section class="guide-start-box" aria-labelledby="start-heading">
      <h2 id="start-heading">${t('guide.startHere')}</h2>
      ${startForm(lang, model.csrf, model.start, 'start')}
    </section>`;
}

export interface ChecklistModel {
  lang: Lang;
  csrf: string;
  checklist: ChecklistRow;
  guide: GuideRecord;
  rename: { value: string; error?: string };
}

export function checklistBody(model: ChecklistModel): SafeHtml {
  const { lang, checklist, guide } = model;
  const t = tOf(lang);
  const done = new Set(checklist.done);
  const progress = progressOf(guide.data, checklist.done);
  const action = checklistPath(lang, checklist.id);
  const sections = guide.data.sections.filter((s) => s.items.length > 0);
  return html`${formErrorSummary(lang, model.rename.error ? [{ id: 'label', text: model.rename.error }] : [])}
    <p class="guide-back"><a href="${guidesPath(lang)}">${t('guide.back')}</a> · <a href="${guidePath(lang, guide.slug)}">${t('checklist.readGuide')}</a></p>
    ${progressBar(t, progress, 'checklist-progress')}
    ${
      sections.length
        ? html`<form class="checklist-form" method="post" action="${action}">
            ${csrfField(model.csrf)}
            <p class="field__hint">${t('checklist.saveHint')}</p>
            ${sections.map(
              (s) => html`<fieldset class="checklist-part">
                <legend>${say(s.title, lang)}</legend>
                ${inLang(s.timeline, lang).text ? html`<p class="guide-timeline"><strong>${t('guide.timeline')}</strong> ${say(s.timeline, lang)}</p>` : ''}
                <ul class="checklist-items">
                  ${s.items.map((item) => {
                    const id = `done-${item.key}`;
                    return html`<li class="checklist-item">
                      <input type="checkbox" id="${id}" name="done" value="${item.key}"${done.has(item.key) ? html` checked` : ''} aria-describedby="${id}-text" />
                      <div class="checklist-item__body">
                        <label for="${id}">${say(item.title, lang)}</label>
                        <div id="${id}-text" class="checklist-item__text">${paras(item.text, lang)}</div>
                        ${authorityLine(t, item, lang)}
                      </div>
                    </li>`;
                  })}
                </ul>
              </fieldset>`,
            )}
            <button class="button" type="submit">${t('checklist.save')}</button>
          </form>`
        : html`<p>${t('checklist.empty')}</p>`
    }
    <section class="checklist-manage" aria-labelledby="rename-heading">
      <h2 id="rename-heading">${t('checklist.rename')}</h2>
      <form method="post" action="${action}/rename" novalidate>
        ${csrfField(model.csrf)}
        ${textField(lang, {
          name: 'label',
          label: t('start.label'),
          hint: t('start.labelHint'),
          value: model.rename.value,
          required: true,
          maxlength: LABEL_MAX,
          autocomplete: 'off',
          error: model.rename.error,
        })}
        <button class="button button--secondary" type="submit">${t('checklist.renameSubmit')}</button>
      </form>
      <p><a class="button guide-button--danger" href="${action}/delete">${t('checklist.delete')}</a></p>
    </section>`;
}

export function deleteBody(lang: Lang, csrf: string, checklist: ChecklistRow): SafeHtml {
  const t = tOf(lang);
  const action = checklistPath(lang, checklist.id);
  return html`<p>${t('delete.text')}</p>
    <form class="guide-delete" method="post" action="${action}/delete">
      ${csrfField(csrf)}
      <button class="button guide-button--danger" type="submit">${t('delete.confirm')}</button>
      <a class="button button--secondary" href="${action}">${t('delete.cancel')}</a>
    </form>`;
}

/**
 * The editors' guide pages under /admin/toolbox/guides: the list, and one guide's form — title and
 * summary in both languages, a photo, then each part (position, title, text, timeline, remove) with
 * its items (key shown, position, title, text, authority, link, remove), one blank item per part and
 * one blank part at the end to add; publish or unpublish below.
 */
import {
  checkboxGroup,
  csrfField,
  fieldset,
  formErrorSummary,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { languagePair } from '../../../platform/html/language-pair.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { mediaPicker, type MediaImage } from '../../content/media/service.ts';
import { PATHS } from '../model.ts';
import type { GuideForm, GuideFormErrors, ItemForm, SectionForm } from './form.ts';
import { LIMITS, inLang, type GuideRecord } from './guide.ts';
import { guidesMessages, type GuidesMessageKey } from './messages.ts';

export const ADMIN_GUIDES = `${PATHS.admin}/guides`;
export const adminGuidePath = (slug: string) => `${ADMIN_GUIDES}/${slug}`;

type T = (key: GuidesMessageKey, params?: Record<string, string | number>) => string;

export function adminListPage(
  lang: Lang,
  guides: readonly GuideRecord[],
  counts: ReadonlyMap<string, number>,
  notice?: string,
): { title: string; main: SafeHtml } {
  const t: T = (key, params) => guidesMessages.t(lang, key, params);
  const title = t('admin.title');
  return {
    title,
    main: html`<h1 id="guides-admin-title">${title}</h1>
      ${notice ? html`<p class="notice notice--success" role="status">${notice}</p>` : ''}
      <p class="lead">${t('admin.lead')}</p>
      ${dataTable({
        labelledBy: 'guides-admin-title',
        columns: [
          t('admin.titleColumn'),
          t('admin.statusColumn'),
          t('admin.updatedColumn'),
          t('admin.checklistsColumn'),
        ],
        rows: guides,
        empty: t('list.none'),
        cells: (g) => [
          html`<a href="${adminGuidePath(g.slug)}">${inLang(g.data.title, lang).text}</a>`,
          html`${g.published ? t('admin.published') : t('admin.unpublished')} · ${t('admin.version', { version: g.version })}`,
          formatDate(lang, g.updatedAt),
          String(counts.get(g.slug) ?? 0),
        ],
      })}`,
  };
}

export interface EditModel {
  lang: Lang;
  csrf: string;
  guide: GuideRecord;
  form: GuideForm;
  errors: GuideFormErrors;
  images: readonly MediaImage[];
  stale?: boolean;
  notice?: string;
}

export function adminEditPage(model: EditModel): { title: string; main: SafeHtml } {
  const { lang, guide, form, errors } = model;
  const t: T = (key, params) => guidesMessages.t(lang, key, params);
  const err = (name: string) => {
    const e = errors[name];
    return e ? t(e.key, e.params) : undefined;
  };
  const pair = (
    prefix: string,
    values: { sv: string; en: string },
    labels: [GuidesMessageKey, GuidesMessageKey],
    options: { rows?: number; max: number; required: boolean; hint?: string },
  ) =>
    languagePair(lang, {
      prefix,
      values,
      label: (l) => t(l === 'sv' ? labels[0] : labels[1]),
      missing: t('admin.missing'),
      error: err,
      rows: options.rows,
      maxlength: options.max,
      required: options.required,
      hint: options.hint,
    });
  const position = (name: string, value: string) =>
    textField(lang, {
      name,
      label: t('admin.position'),
      hint: t('admin.positionHint'),
      value,
      inputmode: 'numeric',
      maxlength: 3,
      error: err(name),
      className: 'guide-admin__position',
    });
  const remove = (name: string, label: string, checked: boolean) =>
    checkboxGroup(lang, {
      name,
      legend: label,
      legendClass: 'visually-hidden',
      options: [{ value: '1', label }],
      values: checked ? ['1'] : [],
    });

  const itemFields = (s: number, item: ItemForm, legend: string, isNew: boolean) => {
    const q = `s${s}_i${item.index}`;
    return fieldset(
      legend,
      html`${item.key ? html`<input type="hidden" name="${q}_key" value="${item.key}" /><p class="field__hint">${t('admin.key', { key: item.key })}</p>` : ''}
        ${position(`${q}_position`, item.position)}
        ${pair(`${q}_title`, item.title, ['admin.titleSv', 'admin.titleEn'], { max: LIMITS.itemTitle, required: !isNew })}
        ${pair(`${q}_text`, item.text, ['admin.textSv', 'admin.textEn'], { rows: 3, max: LIMITS.itemText, required: false, hint: t('admin.textHint') })}
        ${pair(`${q}_authority`, item.authority, ['admin.authoritySv', 'admin.authorityEn'], { max: LIMITS.authority, required: false })}
        ${textField(lang, { name: `${q}_url`, label: t('admin.url'), hint: t('admin.urlHint'), value: item.url, maxlength: LIMITS.url, type: 'url', error: err(`${q}_url`), required: false })}
        ${isNew ? '' : remove(`${q}_remove`, t('admin.removeItem'), item.remove)}`,
      { className: `guide-admin__item${isNew ? ' guide-admin__item--new' : ''}` },
    );
  };

  const blankItem = (index: number, position: number): ItemForm => ({
    index,
    key: '',
    position: String(position),
    remove: false,
    title: { sv: '', en: '' },
    text: { sv: '', en: '' },
    authority: { sv: '', en: '' },
    url: '',
  });

  const sectionFields = (section: SectionForm, n: number, isNew: boolean) => {
    const p = `s${section.index}`;
    const nextItem = Math.max(-1, ...section.items.map((i) => i.index)) + 1;
    return fieldset(
      isNew ? t('admin.newSection') : t('admin.section', { n }),
      html`${position(`${p}_position`, section.position)}
        ${pair(`${p}_title`, section.title, ['admin.titleSv', 'admin.titleEn'], { max: LIMITS.sectionTitle, required: !isNew })}
        ${pair(`${p}_timeline`, section.timeline, ['admin.timelineSv', 'admin.timelineEn'], { max: LIMITS.timeline, required: false, hint: t('admin.timelineHint') })}
        ${pair(`${p}_text`, section.text, ['admin.textSv', 'admin.textEn'], { rows: 5, max: LIMITS.sectionText, required: false, hint: t('admin.textHint') })}
        ${isNew ? '' : remove(`${p}_remove`, t('admin.removeSection'), section.remove)}
        <p class="guide-admin__items-heading">${t('admin.items')}</p>
        ${section.items.map((item, j) => itemFields(section.index, item, t('admin.item', { n: j + 1 }), false))}
        ${itemFields(section.index, blankItem(nextItem, section.items.length + 1), t('admin.newItem'), true)}`,
      { className: `guide-admin__section${isNew ? ' guide-admin__section--new' : ''}` },
    );
  };

  const nextSection = Math.max(-1, ...form.sections.map((s) => s.index)) + 1;
  const newSection: SectionForm = {
    index: nextSection,
    position: String(form.sections.length + 1),
    remove: false,
    title: { sv: '', en: '' },
    text: { sv: '', en: '' },
    timeline: { sv: '', en: '' },
    items: [],
  };

  const summary = Object.entries(errors).map(([id, e]) => ({ id, text: t(e.key, e.params) }));
  const title = t('admin.editTitle', { title: inLang(guide.data.title, lang).text });
  const action = adminGuidePath(guide.slug);
  return {
    title,
    main: html`<p><a href="${ADMIN_GUIDES}">${t('admin.back')}</a></p>
      <h1>${title}</h1>
      ${model.notice ? html`<p class="notice notice--success" role="status">${model.notice}</p>` : ''}
      <p>${guide.published ? t('admin.published') : t('admin.unpublished')} · ${t('admin.version', { version: guide.version })}${
        guide.published
          ? html` · <a href="/${lang}${PATHS.guides}/${guide.slug}">${t('admin.preview')}</a>`
          : ''
      }</p>
      ${model.stale ? html`<div class="error-summary" role="alert"><p>${t('admin.stale')}</p></div>` : ''}
      ${formErrorSummary(lang, summary)}
      <form class="guide-admin" method="post" action="${action}" novalidate>
        ${csrfField(model.csrf)}
        <input type="hidden" name="version" value="${form.version}" />
        ${fieldset(
          t('admin.guideFields'),
          html`${pair('title', form.title, ['admin.titleSv', 'admin.titleEn'], { max: LIMITS.title, required: true })}
            ${pair('summary', form.summary, ['admin.summarySv', 'admin.summaryEn'], { rows: 3, max: LIMITS.summary, required: false })}
            ${mediaPicker(lang, model.images, { name: 'image', label: t('admin.image'), value: form.image, error: err('image') })}`,
        )}
        ${form.sections.map((s, i) => sectionFields(s, i + 1, false))}
        ${sectionFields(newSection, form.sections.length + 1, true)}
        <button class="button" type="submit">${t('admin.save')}</button>
      </form>
      <form class="guide-admin__publish" method="post" action="${action}/publish">
        ${csrfField(model.csrf)}
        <input type="hidden" name="version" value="${String(guide.version)}" />
        <input type="hidden" name="published" value="${guide.published ? 'false' : 'true'}" />
        <p class="field__hint">${t('admin.publishHint')}</p>
        <button class="button button--secondary" type="submit">${guide.published ? t('admin.unpublish') : t('admin.publish')}</button>
      </form>`,
  };
}

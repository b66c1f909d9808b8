/**
 * The edit page: the item's state, the workflow's forms (send for review, approve now or at a
 * minute, send back with a comment, unpublish), a conflict notice with what changed meanwhile, and
 * the form with every field of the kind, Swedish and English side by side, each pair marked when a
 * translation is missing.
 */
import {
  checkboxGroup,
  csrfField,
  dateField,
  fieldset,
  hiddenField,
  radioGroup,
  selectField,
  textField,
  textareaField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { languagePair, type LanguagePairSpec } from '../../../platform/html/language-pair.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Municipality } from '../../../platform/region.ts';
import { GUIDE_AUDIENCES, GUIDE_PHASES, TARGET_GROUPS, type ContentKind } from '../model.ts';
import type { ContentItem } from '../store.ts';
import type { FieldChange } from './compare.ts';
import { many, one, stepRows, type FieldErrors, type FormValues, type SlugChoices } from './form.ts';
import type { EditorialMessageKey } from './messages.ts';
import { mediaPicker, type MediaImage } from '../media/service.ts';
import { imageProblem, type ApproveInput, type ImageProblem, type Reason } from './service.ts';
import {
  CONTENT_PATH,
  changesHtml,
  errorText,
  itemPath,
  longWhen,
  municipalityName,
  statusWords,
  summaryOf,
  translator,
  type T,
} from './views.ts';

export interface EditModel {
  lang: Lang;
  csrf: string;
  item: ContentItem;
  /** The item's title in the person's language (or the other's, or the slug). */
  title: string;
  /** The version the form was made from (the hidden base). */
  base: number;
  values: FormValues;
  errors: FieldErrors;
  municipalities: readonly Municipality[];
  choices: SlugChoices;
  /** The media library's images an editor may choose (usableImages). */
  images: readonly MediaImage[];
  /** The library's image of the hero field's current value, when the library has it. */
  heroImage?: MediaImage;
  canApprove: boolean;
  done?: string;
  refused?: Reason[];
  /** What stops the latest version from being published (told before it is sent for review). */
  blockers?: Reason[];
  returned?: { comment: string; by: string; at: Date };
  conflict?: { version: number; authorName: string; savedAt: Date; base: number; changes: FieldChange[] };
  approve?: { values: ApproveInput; errors: FieldErrors };
  back?: { comment: string; errors: FieldErrors };
  /** The delete form's errors (the confirmation not ticked). */
  remove?: { errors: FieldErrors };
  /** A story's consent end (its unpublish date), when set. */
  consentEnds?: string;
}

interface Ctx {
  m: EditModel;
  t: T;
  e: (id: string) => string | undefined;
}

/** A Swedish and an English field side by side, the empty one marked when the other is written. */
function pair(
  c: Ctx,
  prefix: string,
  label: EditorialMessageKey,
  options: Pick<LanguagePairSpec, 'rows' | 'maxlength' | 'hint' | 'rich'> = {},
): SafeHtml {
  const { m, t } = c;
  return languagePair(m.lang, {
    ...options,
    prefix,
    values: { sv: one(m.values, `${prefix}_sv`), en: one(m.values, `${prefix}_en`) },
    label: (lang) => t('field.pair', { field: t(label), language: t(`lang.${lang}`) }),
    missing: t('missing'),
    error: c.e,
  });
}

function facts(c: Ctx): SafeHtml {
  const { m, t } = c;
  const i = m.item;
  return html`<dl class="admin-facts">
    <dt>${t('edit.kind')}</dt>
    <dd>${t(`kind.${i.kind}`)}${i.municipalityCode ? ` · ${municipalityName(m.municipalities, i.municipalityCode)}` : ''}</dd>
    <dt>${t('edit.slug')}</dt>
    <dd>${i.slug}</dd>
    <dt>${t('edit.status')}</dt>
    <dd><span class="tag">${statusWords(t, m.lang, i)}</span></dd>
    <dt>${t('edit.version')}</dt>
    <dd>${String(i.version)}</dd>
    <dt>${t('edit.published')}</dt>
    <dd>${i.publishedVersion ? String(i.publishedVersion) : t('edit.notPublished')}</dd>
    ${i.publishedVersion && i.publishAt ? html`<dt>${t('edit.visibleFrom')}</dt><dd>${longWhen(m.lang, i.publishAt)}</dd>` : ''}
    ${i.publishedVersion && i.unpublishAt ? html`<dt>${t('edit.visibleUntil')}</dt><dd>${longWhen(m.lang, i.unpublishAt)}</dd>` : ''}
  </dl>
  <ul class="admin-links">
    <li><a href="${itemPath(i.id)}/preview?version=${String(i.version)}&amp;lang=sv">${t('edit.preview')}</a></li>
    <li><a href="${itemPath(i.id)}/preview?version=${String(i.version)}&amp;lang=en">${t('edit.previewEn')}</a></li>
    <li><a href="${itemPath(i.id)}/versions">${t('edit.versions')}</a></li>
  </ul>`;
}

/**
 * Every form's errors on the page (the text, approval, return and delete forms): one summary at the
 * top links to each field, so a refused form lower down is seen where the page opens.
 */
function allErrors(m: EditModel): FieldErrors {
  return { ...m.errors, ...m.approve?.errors, ...m.back?.errors, ...m.remove?.errors };
}

function messagesHtml(c: Ctx): SafeHtml {
  const { m, t } = c;
  const parts: SafeHtml[] = [summaryOf(m.lang, allErrors(m))];
  if (m.done) parts.push(html`<div class="notice" role="status"><p>${m.done}</p></div>`);
  if (m.refused?.length)
    parts.push(html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="refused-title">
      <h2 id="refused-title">${t('refused.title')}</h2>
      <ul>${m.refused.map((r) => html`<li>${t(r.key, r.params)}</li>`)}</ul>
    </div>`);
  if (m.returned)
    parts.push(html`<div class="notice notice--warning">
      <p>${t('edit.returned', { name: m.returned.by || t('someone.deleted'), date: longWhen(m.lang, m.returned.at) })}</p>
      <blockquote class="report-text">${m.returned.comment}</blockquote>
    </div>`);
  const i = m.item;
  if (i.publishedVersion && i.scheduled)
    parts.push(
      html`<p class="notice" role="note">${t('edit.goesLive', {
        version: String(i.scheduled.version),
        when: longWhen(m.lang, i.scheduled.at),
        live: String(i.publishedVersion),
      })}</p>`,
    );
  else if (i.publishedVersion && i.version > i.publishedVersion)
    parts.push(html`<p>${t('edit.liveWhileDraft', { version: String(i.publishedVersion) })}</p>`);
  return html`${parts}`;
}

function conflictHtml(c: Ctx): SafeHtml {
  const { m, t } = c;
  const k = m.conflict;
  if (!k) return html``;
  return html`<section class="notice notice--warning content-conflict" aria-labelledby="conflict-title">
    <h2 id="conflict-title">${t('conflict.title')}</h2>
    <p>${t('conflict.text', {
      name: k.authorName || t('someone.deleted'),
      version: String(k.version),
      date: longWhen(m.lang, k.savedAt),
      base: String(k.base),
    })}</p>
    ${changesHtml(m.lang, k.changes)}
    <p>${t('conflict.choice')}</p>
    <p><a href="${itemPath(m.item.id)}">${t('conflict.open', { version: String(k.version) })}</a></p>
  </section>`;
}

function approveForm(c: Ctx): SafeHtml {
  const { m, t } = c;
  const form = m.approve ?? {
    values: { when: 'now', publish_date: '', publish_time: '', unpublish_date: '', unpublish_time: '' },
    errors: {},
  };
  const e = (id: string) => errorText(m.lang, form.errors, id);
  const v = form.values;
  const until =
    m.item.kind === 'story'
      ? html`<p>${t('workflow.storyUntil', { date: m.consentEnds || '–' })}</p>`
      : fieldset(
          t('workflow.unpublish'),
          html`${dateField(m.lang, { name: 'unpublish_date', label: t('workflow.unpublishDate'), error: e('unpublish_date'), value: v.unpublish_date, required: false })}
          ${textField(m.lang, { name: 'unpublish_time', label: t('workflow.unpublishTime'), hint: t('workflow.unpublishTimeHint'), error: e('unpublish_time'), value: v.unpublish_time, maxlength: 5, inputmode: 'numeric', autocomplete: 'off', required: false })}`,
        );
  return html`<form class="form" method="post" action="${itemPath(m.item.id)}/approve" novalidate>
    <h3>${t('workflow.approve')}</h3>
    ${csrfField(m.csrf)} ${hiddenField('shown', String(m.item.version))}
    ${radioGroup(m.lang, {
      name: 'when',
      legend: t('workflow.when'),
      error: e('when-now'),
      options: [
        { value: 'now', label: t('workflow.now') },
        { value: 'later', label: t('workflow.later') },
      ],
      value: v.when,
      required: true,
    })}
    ${dateField(m.lang, { name: 'publish_date', label: t('workflow.publishDate'), error: e('publish_date'), value: v.publish_date, required: false })}
    ${textField(m.lang, { name: 'publish_time', label: t('workflow.publishTime'), hint: t('workflow.timeHint'), error: e('publish_time'), value: v.publish_time, maxlength: 5, inputmode: 'numeric', autocomplete: 'off', required: false })}
    ${until}
    <button class="button" type="submit">${t('workflow.approve')}</button>
  </form>`;
}

function returnForm(c: Ctx): SafeHtml {
  const { m, t } = c;
  const form = m.back ?? { comment: '', errors: {} };
  return html`<form class="form" method="post" action="${itemPath(m.item.id)}/return" novalidate>
    <h3>${t('workflow.return')}</h3>
    ${csrfField(m.csrf)} ${hiddenField('shown', String(m.item.version))}
    ${textareaField(m.lang, { name: 'comment', label: t('workflow.comment'), error: errorText(m.lang, form.errors, 'comment'), value: form.comment, rows: 3, maxlength: 500, required: true })}
    <button class="button button--secondary" type="submit">${t('workflow.return')}</button>
  </form>`;
}

function workflow(c: Ctx): SafeHtml {
  const { m, t } = c;
  const i = m.item;
  const parts: SafeHtml[] = [];
  if (m.blockers?.length)
    parts.push(html`<div class="notice" role="note">
      <p><strong>${t('workflow.blockers')}</strong></p>
      <ul>${m.blockers.map((r) => html`<li>${t(r.key, r.params)}</li>`)}</ul>
    </div>`);
  if (i.status === 'review') {
    parts.push(html`<p>${t('workflow.waiting')}</p>`);
    if (m.canApprove) parts.push(approveForm(c), returnForm(c));
  } else if (i.publishedVersion !== i.version) {
    parts.push(html`<form class="form" method="post" action="${itemPath(i.id)}/submit">
      ${csrfField(m.csrf)} ${hiddenField('shown', String(i.version))}
      <p>${t('workflow.submitHint')}</p>
      <button class="button" type="submit">${t('workflow.submit')}</button>
    </form>`);
  } else parts.push(html`<p>${t('workflow.nothing')}</p>`);
  if (m.canApprove && i.publishedVersion !== null)
    parts.push(html`<form class="form" method="post" action="${itemPath(i.id)}/unpublish">
      ${csrfField(m.csrf)}
      <p>${t('workflow.unpublishHint')}</p>
      <button class="button button--secondary" type="submit">${t('workflow.unpublishNow')}</button>
    </form>`);
  return html`<section aria-labelledby="workflow-title">
    <h2 id="workflow-title">${t('workflow.title')}</h2>
    ${parts}
  </section>`;
}

/**
 * Deleting: for an item no version of which is published, a form that asks for a tick first (no
 * script needed); for a published one, the way there (unpublish first).
 */
function deleteSection(c: Ctx): SafeHtml {
  const { m, t } = c;
  const i = m.item;
  if (i.publishedVersion !== null)
    return html`<section aria-labelledby="delete-title">
      <h2 id="delete-title">${t('delete.title')}</h2>
      <p>${t(m.canApprove ? 'delete.published' : 'delete.publishedAsk')}</p>
    </section>`;
  const errors = m.remove?.errors ?? {};
  return html`<section aria-labelledby="delete-title">
    <h2 id="delete-title">${t('delete.title')}</h2>
    <form class="form content-delete" method="post" action="${itemPath(i.id)}/delete" novalidate>
      ${csrfField(m.csrf)}
      <p>${t('delete.hint')}</p>
      ${checkboxGroup(m.lang, {
        name: 'delete_confirm',
        legend: t('delete.title'),
        legendClass: 'visually-hidden',
        error: errorText(m.lang, errors, 'delete_confirm-yes'),
        options: [{ value: 'yes', label: t('delete.confirm') }],
        values: [],
        required: true,
      })}
      <button class="button button--secondary" type="submit">${t('delete.button')}</button>
    </form>
  </section>`;
}

function choiceGroup(
  c: Ctx,
  name: string,
  legend: EditorialMessageKey,
  options: { value: string; label: string }[],
  hint?: string,
): SafeHtml {
  const { m, t } = c;
  if (options.length === 0) return fieldset(t(legend), html`<p>${t('field.noItems')}</p>`);
  return checkboxGroup(m.lang, {
    name,
    legend: t(legend),
    hint,
    error: c.e(name),
    options,
    values: many(m.values, name),
    required: false,
  });
}

function stepFields(c: Ctx, i: number): SafeHtml {
  const { m, t } = c;
  const p = `step_${i}`;
  return fieldset(
    t('field.step', { n: String(i + 1) }),
    html`${textField(m.lang, { name: `${p}_order`, label: t('field.stepOrder'), error: c.e(`${p}_order`), value: one(m.values, `${p}_order`) || String(i + 1), inputmode: 'numeric', maxlength: 3, inputClass: 'input--short', required: false })}
      ${selectField(m.lang, {
        name: `${p}_phase`,
        label: t('field.stepPhase'),
        error: c.e(`${p}_phase`),
        value: one(m.values, `${p}_phase`),
        placeholder: t('field.choose'),
        options: GUIDE_PHASES.map((ph) => ({ value: ph, label: t(`phase.${ph}`) })),
        required: false,
      })}
      ${textField(m.lang, { name: `${p}_url`, type: 'url', label: t('field.stepUrl'), error: c.e(`${p}_url`), value: one(m.values, `${p}_url`), maxlength: 2000, required: false })}
      ${pair(c, `${p}_title`, 'field.stepTitle', { maxlength: 120 })}
      ${pair(c, `${p}_authority`, 'field.stepAuthority', { maxlength: 120 })}
      ${pair(c, `${p}_bring`, 'field.stepBring', { rows: 2, maxlength: 500 })}
      ${pair(c, `${p}_text`, 'field.stepText', { rows: 4, maxlength: 2000 })}`,
    { className: 'content-step' },
  );
}

function kindFields(c: Ctx, kind: ContentKind): SafeHtml {
  const { m, t } = c;
  const text = (
    name: string,
    label: EditorialMessageKey,
    extra: { type?: 'email' | 'url' | 'tel'; hint?: string; maxlength?: number } = {},
  ) =>
    textField(m.lang, {
      name,
      label: t(label),
      error: c.e(name),
      value: one(m.values, name),
      required: false,
      ...extra,
    });
  if (kind === 'place')
    return html`${fieldset(
      t('field.contact'),
      html`${text('contact_name', 'field.contactName', { maxlength: 120 })} ${text('contact_email', 'field.contactEmail', { type: 'email', maxlength: 254 })}
      ${text('contact_phone', 'field.contactPhone', { type: 'tel', maxlength: 40 })} ${text('contact_url', 'field.contactUrl', { type: 'url', maxlength: 2000 })}`,
    )}
    ${pair(c, 'newcomer', 'field.newcomer', { rows: 5, maxlength: 2000 })}`;
  if (kind === 'guide') {
    const rows = Array.from({ length: stepRows(m.values) }, (_, i) => stepFields(c, i));
    return html`${choiceGroup(
      c,
      'audiences',
      'field.audiences',
      GUIDE_AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) })),
    )}
      <h3>${t('field.steps')}</h3>
      <p class="field__hint">${t('field.stepsHint')}</p>
      ${hiddenField('steps', String(rows.length))} ${rows}`;
  }
  if (kind === 'story')
    return html`${text('person_name', 'field.personName', { maxlength: 120 })}
      ${pair(c, 'profession', 'field.profession', { maxlength: 120 })}
      ${text('employer', 'field.employer', { maxlength: 120 })}
      ${pair(c, 'moved_from', 'field.movedFrom', { maxlength: 120 })}
      ${pair(c, 'quote', 'field.quote', { rows: 3, maxlength: 500 })}
      ${fieldset(
        t('field.consent'),
        html`<p class="field__hint">${t('field.consentHint')}</p>
        ${dateField(m.lang, { name: 'consent_recorded', label: t('field.consentRecorded'), error: c.e('consent_recorded'), value: one(m.values, 'consent_recorded'), required: false })}
        ${text('consent_method', 'field.consentMethod', { hint: t('field.consentMethodHint'), maxlength: 120 })}
        ${dateField(m.lang, { name: 'consent_ends', label: t('field.consentEnds'), hint: t('field.consentEndsHint'), error: c.e('consent_ends'), value: one(m.values, 'consent_ends'), required: false })}`,
      )}`;
  const slugs = (k: 'place' | 'guide' | 'story') => m.choices[k].map((s) => ({ value: s, label: s }));
  return html`${text('job_query', 'field.jobQuery', { hint: t('field.jobQueryHint'), maxlength: 200 })}
    ${choiceGroup(c, 'path_places', 'field.pathPlaces', slugs('place'))}
    ${choiceGroup(c, 'path_guides', 'field.pathGuides', slugs('guide'))}
    ${choiceGroup(c, 'path_stories', 'field.pathStories', slugs('story'))}`;
}

const PICKER_LABELS: Record<ImageProblem, EditorialMessageKey> = {
  unknown: 'picker.unknown',
  alt: 'picker.noAlt',
  expired: 'picker.expired',
};

/** A choice in the picker for a value that cannot be chosen: the slug, and why, in words. */
function unusableChoice(slug: string, label: string, image: MediaImage | undefined): MediaImage {
  const alt = { sv: label, en: label };
  if (image) return { ...image, alt, usable: true };
  return {
    id: '',
    slug,
    kind: 'photo',
    width: 0,
    height: 0,
    alt,
    caption: { sv: '', en: '' },
    photographer: '',
    licence: '',
    licenceUrl: '',
    source: '',
    sourceUrl: '',
    credit: { sv: '', en: '' },
    expiresOn: null,
    expired: false,
    demo: false,
    usable: true,
    widths: [],
    fileHash: '',
  };
}

/**
 * The hero image: the media library's picker of the images that can be shown (alt text in both
 * languages, licence valid). A current value that cannot be chosen (not in the library, deleted,
 * without alt text, expired) stays selected, first, saying why, so saving tells the problem by the
 * field rather than dropping the image unseen.
 */
function heroField(c: Ctx): SafeHtml {
  const { m, t } = c;
  const current = one(m.values, 'hero_image').trim();
  const offered = m.images.filter((image) => image.usable && !image.expired);
  const problem = current && !offered.some((i) => i.slug === current) ? imageProblem(m.heroImage) : undefined;
  const choices = problem
    ? [unusableChoice(current, t(PICKER_LABELS[problem]), m.heroImage), ...offered]
    : offered;
  return mediaPicker(m.lang, choices, {
    name: 'hero_image',
    label: t('field.heroImage'),
    hint: t('field.heroImageHint'),
    error: c.e('hero_image'),
    value: current,
    required: false,
  });
}

function editForm(c: Ctx): SafeHtml {
  const { m, t } = c;
  const i = m.item;
  return html`<section aria-labelledby="form-title">
    <h2 id="form-title">${t('edit.form')}</h2>
    <p>${t('edit.formIntro')}</p>
    <form class="form content-form" method="post" action="${itemPath(i.id)}" novalidate>
      ${csrfField(m.csrf)} ${hiddenField('base', String(m.base))}
      ${pair(c, 'title', 'field.title', { maxlength: 120 })}
      ${pair(c, 'summary', 'field.summary', { rows: 3, maxlength: 300, hint: t('field.summaryHint') })}
      ${pair(c, 'body', 'field.body', { rows: 14, rich: true })}
      ${heroField(c)}
      ${choiceGroup(
        c,
        'target_groups',
        'field.targetGroups',
        TARGET_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) })),
        t('field.targetGroupsHint'),
      )}
      ${kindFields(c, i.kind)}
      ${textField(m.lang, { name: 'note', label: t('edit.note'), hint: t('edit.noteHint'), error: c.e('note'), value: one(m.values, 'note'), maxlength: 500, required: false })}
      <button class="button" type="submit">${t(m.conflict ? 'edit.saveAnyway' : 'edit.save')}</button>
    </form>
  </section>`;
}

export function editPage(m: EditModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const c: Ctx = { m, t, e: (id) => errorText(m.lang, m.errors, id) };
  const heading = t('edit.title', { title: m.title });
  const failed = Object.keys(allErrors(m)).length > 0 || Boolean(m.refused?.length) || Boolean(m.conflict);
  return {
    title: failed ? `${heading} – ${t('refused.title')}` : heading,
    main: html`<p><a href="${CONTENT_PATH}">${t('edit.back')}</a></p>
      <h1>${heading}</h1>
      ${messagesHtml(c)} ${conflictHtml(c)}
      <section aria-labelledby="facts-title">
        <h2 id="facts-title" class="visually-hidden">${t('edit.facts')}</h2>
        ${facts(c)}
      </section>
      ${workflow(c)} ${editForm(c)} ${deleteSection(c)}`,
  };
}

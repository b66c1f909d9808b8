/**
 * The edit page of a company page: its facts, where it stands in review and publication (and what
 * waits), its visitors, the region's tools (feature, unpublish, invite the company's admin), and
 * the form — Swedish and English side by side, each pair marked when a translation is missing.
 * The form is multipart, for a new logo file; everything else works as in any form of the kit.
 */
import { fieldsDiff, type FieldChange } from '../../../platform/html/diff.ts';
import {
  checkboxGroup,
  csrfField,
  emailField,
  fieldset,
  fileField,
  hiddenField,
  notice,
  selectField,
  textField,
  textareaField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { languagePair, type LanguagePairSpec } from '../../../platform/html/language-pair.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Municipality } from '../../../platform/region.ts';
import { formatOrgNumber } from '../../identity/organisations/orgnr.ts';
import type { MediaImage } from '../../content/media/service.ts';
import { BADGES, COMPANY_LIMITS } from '../model.ts';
import { SNI_DIVISIONS, SNI_SECTIONS } from '../sni.ts';
import type { Company } from '../store.ts';
import {
  INDUSTRY_FIELDS,
  WORK_LANGUAGES,
  many,
  one,
  pathRows,
  stepPrefix,
  stepRows,
  type FieldErrors,
  type FormValues,
} from './form.ts';
import type { CompanyMessageKey } from './messages.ts';
import type { Occupation, PageStats } from './repository.ts';
import type { Reason, StoryChoice } from './service.ts';
import {
  COMPANIES_PATH,
  companyPath,
  errorText,
  languageName,
  longWhen,
  occupationChooser,
  refusedHtml,
  statsHtml,
  statusWords,
  summaryOf,
  translator,
  type T,
} from './views.ts';

export interface EditModel {
  lang: Lang;
  csrf: string;
  company: Company;
  /** The page's name (its latest version's). */
  name: string;
  /** The version the form was made from (the hidden base). */
  base: number;
  values: FormValues;
  errors: FieldErrors;
  municipalities: readonly Municipality[];
  /** The images the page may show (the owner's, usable), and slugs it shows that are not among them. */
  images: readonly MediaImage[];
  keptImages: readonly string[];
  stories: readonly StoryChoice[];
  occupations: ReadonlyMap<string, Occupation>;
  found: ReadonlyMap<string, readonly Occupation[]>;
  /** The region's staff (CompanyApprove): its tools are shown. */
  staff: boolean;
  /** May invite the company's admin (the region's admins). */
  canInvite: boolean;
  directTextEdits: boolean;
  stats: PageStats;
  /** The organisation that edits the page, when one has claimed it. */
  owner?: string;
  /** The labels of what changed in the version waiting for review (of a published page). */
  waiting?: string[];
  returned?: { comment: string; by: string; at: Date };
  done?: string;
  refused?: Reason[];
  conflict?: { version: number; authorName: string; savedAt: Date; base: number; changes: FieldChange[] };
  invite?: { email: string; errors: FieldErrors };
  maxMegabytes: string;
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
  label: string,
  options: Pick<LanguagePairSpec, 'rows' | 'maxlength' | 'hint' | 'rich' | 'required'> = {},
): SafeHtml {
  const { m, t } = c;
  return languagePair(m.lang, {
    ...options,
    prefix,
    values: { sv: one(m.values, `${prefix}_sv`), en: one(m.values, `${prefix}_en`) },
    label: (lang) => t('field.pair', { field: label, language: t(`lang.${lang}`) }),
    missing: t('missing'),
    error: c.e,
  });
}

/**
 * A part of the form under its heading. Not a fieldset: the Swedish and English fields of a pair
 * stay direct children of the form, side by side on wide screens (the form's layout).
 */
function group(title: string, content: SafeHtml): SafeHtml {
  return html`<h3 class="company-admin__group">${title}</h3>
    ${content}`;
}

function factsHtml(c: Ctx): SafeHtml {
  const { m, t } = c;
  const i = m.company;
  const live = i.status === 'published';
  return html`<section aria-labelledby="facts-title">
    <h2 id="facts-title" class="visually-hidden">${t('edit.facts')}</h2>
    <dl class="admin-facts">
      <dt>${t('edit.status')}</dt>
      <dd><span class="tag">${statusWords(t, i)}</span></dd>
      <dt>${t('edit.orgNumber')}</dt>
      <dd>${formatOrgNumber(i.orgNumber)}</dd>
      <dt>${t('edit.address')}</dt>
      <dd>${localPath(m.lang, `/companies/${i.slug}`)}</dd>
      <dt>${t('edit.owner')}</dt>
      <dd>${m.owner ?? t('edit.ownerNone')}</dd>
      <dt>${t('edit.version')}</dt>
      <dd>${String(i.version)}</dd>
      <dt>${t('edit.published')}</dt>
      <dd>${live && i.publishedVersion ? String(i.publishedVersion) : t('edit.notPublished')}</dd>
      ${m.staff ? html`<dt>${t('edit.featured')}</dt><dd>${t(i.featured ? 'edit.yes' : 'edit.no')}</dd>` : ''}
    </dl>
    <ul class="admin-links">
      ${live ? html`<li><a href="${localPath(m.lang, `/companies/${i.slug}`)}">${t('edit.view')}</a></li>` : ''}
      ${m.staff && i.reviewVersion !== null ? html`<li><a href="${companyPath(i.id)}/review">${t('edit.reviewLink', { version: String(i.reviewVersion) })}</a></li>` : ''}
      <li><a href="${companyPath(i.id)}/needs">${t('edit.needs')}</a></li>
      <li><a href="${companyPath(i.id)}/images">${t('edit.images')}</a></li>
    </ul>
  </section>`;
}

function messagesHtml(c: Ctx): SafeHtml {
  const { m, t } = c;
  const parts: SafeHtml[] = [
    summaryOf(m.lang, { ...m.errors, ...m.invite?.errors }),
    refusedHtml(t, m.refused),
  ];
  parts.push(notice(m.done));
  const k = m.conflict;
  if (k)
    parts.push(html`<section class="notice notice--warning content-conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">${t('conflict.title')}</h2>
      <p>${t('conflict.text', {
        name: k.authorName || t('someone.deleted'),
        version: String(k.version),
        date: longWhen(m.lang, k.savedAt),
        base: String(k.base),
      })}</p>
      <p>${t('conflict.changes', { version: String(k.version) })}</p>
      ${fieldsDiff(m.lang, k.changes)}
      <p>${t('conflict.choice')}</p>
      <p><a href="${companyPath(m.company.id)}">${t('conflict.open', { version: String(k.version) })}</a></p>
    </section>`);
  return html`${parts}`;
}

/** A page that is not live and not waiting: it can be sent for the region's review. */
export const sendable = (company: Pick<Company, 'status'>): boolean =>
  company.status === 'draft' || company.status === 'unpublished';

function stateHtml(c: Ctx): SafeHtml {
  const { m, t } = c;
  const i = m.company;
  const parts: SafeHtml[] = [];
  if (m.returned)
    parts.push(html`<div class="notice notice--warning">
      <p>${t('state.returned', { name: m.returned.by || t('someone.deleted'), date: longWhen(m.lang, m.returned.at) })}</p>
      <blockquote class="report-text">${m.returned.comment}</blockquote>
    </div>`);
  if (i.status === 'published' && i.reviewVersion !== null && i.publishedVersion !== null) {
    parts.push(html`<p>${t('state.publishedReview', { published: String(i.publishedVersion), version: String(i.reviewVersion) })}</p>
      <ul>${(m.waiting ?? []).map((label) => html`<li>${label}</li>`)}</ul>`);
  } else if (i.status === 'published' && i.publishedVersion !== null)
    parts.push(html`<p>${t('state.published', { version: String(i.publishedVersion) })}</p>`);
  else if (i.status === 'review' && i.reviewVersion !== null)
    parts.push(html`<p>${t('state.review', { version: String(i.reviewVersion) })}</p>`);
  const rules = html`<p>${t(m.directTextEdits ? 'state.rulesDirect' : 'state.rulesReview')}</p>`;
  if (sendable(i))
    parts.push(html`<p>${t(i.status === 'unpublished' ? 'state.unpublished' : 'state.draft')}</p>
      ${rules}
      <form class="form" method="post" action="${companyPath(i.id)}/submit">
        ${csrfField(m.csrf)} ${hiddenField('shown', String(i.version))}
        <p>${t('state.submitHint')}</p>
        <p><button class="button" type="submit">${t('state.submit')}</button></p>
      </form>`);
  else parts.push(rules);
  return html`<section aria-labelledby="state-title">
    <h2 id="state-title">${t('state.title')}</h2>
    ${parts}
  </section>`;
}

function regionTools(c: Ctx): SafeHtml {
  const { m, t } = c;
  if (!m.staff) return html``;
  const i = m.company;
  const feature =
    i.status === 'published' || i.featured
      ? html`<form class="form" method="post" action="${companyPath(i.id)}/feature">
          ${csrfField(m.csrf)} ${hiddenField('featured', i.featured ? 'no' : 'yes')}
          <p>${t(i.featured ? 'manage.featuredNow' : 'manage.featureHint')}</p>
          <p><button class="button button--secondary" type="submit">${t(i.featured ? 'manage.unfeature' : 'manage.feature')}</button></p>
        </form>`
      : html`<p>${t('manage.featureHint')}</p>`;
  const unpublish =
    i.status === 'published'
      ? html`<form class="form" method="post" action="${companyPath(i.id)}/unpublish">
          ${csrfField(m.csrf)}
          <p>${t('manage.unpublishHint')}</p>
          <p><button class="button button--secondary" type="submit">${t('manage.unpublish')}</button></p>
        </form>`
      : '';
  const invite = m.invite ?? { email: '', errors: {} };
  const inviteForm = m.canInvite
    ? html`<form class="form" method="post" action="${companyPath(i.id)}/invite" novalidate>
        ${csrfField(m.csrf)}
        ${emailField(m.lang, { name: 'email', label: t('invite.email'), error: errorText(m.lang, invite.errors, 'email'), value: invite.email, maxlength: 254, autocomplete: 'off', required: true })}
        <p><button class="button button--secondary" type="submit">${t('invite.send')}</button></p>
      </form>`
    : html`<p>${t('invite.adminsOnly')}</p>`;
  return html`<section aria-labelledby="tools-title">
    <h2 id="tools-title">${t('manage.title')}</h2>
    ${feature} ${unpublish}
    <h3>${t('invite.title')}</h3>
    ${m.canInvite ? html`<p>${m.owner ? t('invite.owned', { organisation: m.owner }) : t('invite.intro', { name: i.name, orgNumber: formatOrgNumber(i.orgNumber) })}</p>` : ''}
    ${inviteForm}
  </section>`;
}

function industryFields(c: Ctx): SafeHtml {
  const { m, t } = c;
  const groups = SNI_SECTIONS.map((s) => ({
    label: s[m.lang],
    options: SNI_DIVISIONS.filter((d) => d.section === s.code).map((d) => ({
      value: d.code,
      label: `${d.code} ${d[m.lang]}`,
    })),
  })).filter((g) => g.options.length > 0);
  const selects: SafeHtml[] = [];
  for (let i = 0; i < INDUSTRY_FIELDS; i += 1) {
    const name = `industry_${i}`;
    selects.push(
      selectField(m.lang, {
        name,
        label: t('field.industry', { n: String(i + 1) }),
        error: c.e(name),
        value: one(m.values, name),
        placeholder: t('field.industryNone'),
        options: [],
        groups,
        required: false,
      }),
    );
  }
  const municipalities = checkboxGroup(m.lang, {
    name: 'municipalities',
    legend: t('field.municipalities'),
    error: c.e('municipalities'),
    options: [...m.municipalities]
      .sort((a, b) => a.shortName.localeCompare(b.shortName, 'sv'))
      .map((mu) => ({ value: mu.code, label: mu.shortName })),
    values: many(m.values, 'municipalities'),
    required: false,
  });
  return group(
    t('fs.industry'),
    html`<p class="field__hint">${t('field.industryHint')}</p>${selects}${municipalities}`,
  );
}

/** The images a field may offer: the usable ones, and any the page shows already (by slug). */
function imageOptions(m: EditModel): { value: string; label: string }[] {
  const offered = m.images.map((image) => ({
    value: image.slug,
    label: `${image.alt[m.lang]} (${image.slug})`,
  }));
  const known = new Set(offered.map((o) => o.value));
  return [...offered, ...m.keptImages.filter((s) => !known.has(s)).map((s) => ({ value: s, label: s }))];
}

function pictureFields(c: Ctx): SafeHtml {
  const { m, t } = c;
  const options = imageOptions(m);
  const photos =
    options.length > 0
      ? checkboxGroup(m.lang, {
          name: 'photos',
          legend: t('field.photos'),
          hint: t('field.photosHint', { max: String(COMPANY_LIMITS.photos) }),
          error: c.e('photos'),
          options,
          values: many(m.values, 'photos'),
          required: false,
        })
      : html`<div class="field" id="photos" tabindex="-1">
          <p class="field__label">${t('field.photos')}</p>
          ${c.e('photos') ? html`<p class="field__error">${c.e('photos')}</p>` : ''}
          <p>${t('field.noPhotos')}</p>
        </div>`;
  return group(
    t('fs.pictures'),
    html`${selectField(m.lang, {
      name: 'logo',
      label: t('field.logo'),
      hint: t('field.logoHint'),
      error: c.e('logo'),
      value: one(m.values, 'logo'),
      placeholder: t('field.logoNone'),
      options,
      required: false,
    })}
    ${fileField(m.lang, {
      name: 'file',
      id: 'logo_file',
      label: t('field.logoFile'),
      hint: t('field.logoFileHint', { size: m.maxMegabytes }),
      error: c.e('logo_file'),
      accept: 'image/jpeg,image/png,image/webp,image/avif',
      required: false,
    })}
    ${photos}
    <p><a href="${companyPath(m.company.id)}/images">${t('field.uploadPhotos')}</a></p>`,
  );
}

function linkFields(c: Ctx): SafeHtml {
  const { m, t } = c;
  const url = (name: string, label: CompanyMessageKey) =>
    textField(m.lang, {
      name,
      type: 'url',
      label: t(label),
      hint: t('field.httpsHint'),
      error: c.e(name),
      value: one(m.values, name),
      maxlength: COMPANY_LIMITS.url,
      autocomplete: 'off',
      required: false,
    });
  return group(
    t('fs.links'),
    html`${url('website', 'field.website')} ${url('film_url', 'field.film')}
    ${textareaField(m.lang, { name: 'same_as', label: t('field.sameAs'), hint: t('field.sameAsHint', { max: String(COMPANY_LIMITS.sameAs) }), error: c.e('same_as'), value: one(m.values, 'same_as'), rows: 3, required: false })}`,
  );
}

function factFields(c: Ctx): SafeHtml {
  const { m, t } = c;
  return group(
    t('fs.facts'),
    html`${textField(m.lang, { name: 'employees', label: t('field.employees'), hint: t('field.employeesHint'), error: c.e('employees'), value: one(m.values, 'employees'), inputmode: 'numeric', maxlength: 9, inputClass: 'input--short', autocomplete: 'off', required: false })}
    ${pair(c, 'sites', t('field.sites'), { maxlength: 200, hint: t('field.sitesHint') })}
    ${checkboxGroup(m.lang, {
      name: 'languages',
      legend: t('field.languages'),
      error: c.e('languages'),
      options: WORK_LANGUAGES.map((code) => ({ value: code, label: languageName(m.lang, code) })),
      values: many(m.values, 'languages'),
      required: false,
    })}`,
  );
}

function badgeFields(c: Ctx): SafeHtml {
  const { m, t } = c;
  const chosen = many(m.values, 'badges');
  const rows = BADGES.map((badge) => {
    const name = t(`badge.${badge}`);
    return html`<div class="content-step">
      ${checkboxGroup(m.lang, {
        name: 'badges',
        idPrefix: `badges-${badge}`,
        legend: name,
        legendClass: 'visually-hidden',
        options: [{ value: badge, id: `badges-${badge}`, label: name, hint: t(`badge.${badge}.hint`) }],
        values: chosen.includes(badge) ? [badge] : [],
      })}
      ${pair(c, `badge_${badge}`, t('field.badgeText', { badge: name }), { rows: 3, maxlength: COMPANY_LIMITS.shortText, hint: t('field.badgeTextHint'), required: null })}
    </div>`;
  });
  return group(t('fs.badges'), html`<p class="field__hint">${t('field.badgesHint')}</p>${rows}`);
}

function pathFields(c: Ctx): SafeHtml {
  const { m, t } = c;
  const paths: SafeHtml[] = [];
  for (let i = 0; i < pathRows(m.values); i += 1) {
    const steps: SafeHtml[] = [];
    for (let j = 0; j < stepRows(m.values, i); j += 1) {
      const p = stepPrefix(i, j);
      steps.push(
        fieldset(
          t('field.step', { n: String(j + 1) }),
          html`${occupationChooser(m.lang, p, m.values, m.errors, m.occupations, m.found)}
          ${pair(c, `${p}_title`, t('field.stepTitle'), { maxlength: COMPANY_LIMITS.name, hint: t('field.stepTitleHint') })}
          ${pair(c, `${p}_text`, t('field.stepText'), { rows: 3, maxlength: COMPANY_LIMITS.shortText })}`,
          { className: 'content-step' },
        ),
      );
    }
    paths.push(
      fieldset(
        t('field.path', { n: String(i + 1) }),
        html`${hiddenField(`path_${i}_steps`, String(stepRows(m.values, i)))}
        ${pair(c, `path_${i}_title`, t('field.pathTitle'), { maxlength: COMPANY_LIMITS.name })}
        ${steps}`,
        { className: 'content-step' },
      ),
    );
  }
  return group(
    t('fs.paths'),
    html`<p class="field__hint">${t('field.pathsHint')}</p>${hiddenField('paths', String(pathRows(m.values)))}${paths}`,
  );
}

function storyFields(c: Ctx): SafeHtml {
  const { m, t } = c;
  if (m.stories.length === 0) return group(t('fs.stories'), html`<p>${t('field.noStories')}</p>`);
  return group(
    t('fs.stories'),
    checkboxGroup(m.lang, {
      name: 'stories',
      legend: t('field.stories'),
      hint: t('field.storiesHint'),
      error: c.e('stories'),
      options: m.stories.map((s) => ({ value: s.slug, label: s.title })),
      values: many(m.values, 'stories'),
      required: false,
    }),
  );
}

function editForm(c: Ctx): SafeHtml {
  const { m, t } = c;
  return html`<section aria-labelledby="form-title">
    <h2 id="form-title">${t('form.title')}</h2>
    <p>${t('form.intro')}</p>
    <form class="form content-form" method="post" action="${companyPath(m.company.id)}" enctype="multipart/form-data" novalidate>
      ${csrfField(m.csrf)} ${hiddenField('base', String(m.base))}
      ${group(
        t('fs.texts'),
        html`${textField(m.lang, { name: 'name', label: t('field.name'), hint: t('field.nameHint'), error: c.e('name'), value: one(m.values, 'name'), maxlength: COMPANY_LIMITS.name, autocomplete: 'organization', required: true })}
        ${pair(c, 'summary', t('field.summary'), { rows: 3, maxlength: COMPANY_LIMITS.summary, hint: t('field.summaryHint'), required: true })}
        ${pair(c, 'about', t('field.about'), { rows: 10, rich: true, hint: t('field.aboutHint') })}
        ${pair(c, 'impact', t('field.impact'), { rows: 8, rich: true, hint: t('field.impactHint') })}`,
      )}
      ${badgeFields(c)} ${industryFields(c)} ${pictureFields(c)} ${linkFields(c)} ${factFields(c)}
      ${pathFields(c)} ${storyFields(c)}
      <p class="admin-actions"><button class="button" type="submit">${t(m.conflict ? 'form.saveAnyway' : 'form.save')}</button>
      ${sendable(m.company) && !m.conflict ? html`<button class="button button--secondary" type="submit" name="then" value="submit">${t('form.saveSubmit')}</button>` : ''}</p>
    </form>
  </section>`;
}

export function editPage(m: EditModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const c: Ctx = { m, t, e: (id) => errorText(m.lang, m.errors, id) };
  const heading = m.staff ? t('edit.title', { name: m.name }) : `${t('own.title')} – ${m.name}`;
  const failed =
    Object.keys(m.errors).length > 0 ||
    Object.keys(m.invite?.errors ?? {}).length > 0 ||
    Boolean(m.refused?.length) ||
    Boolean(m.conflict);
  return {
    title: failed ? `${heading} – ${t('refused.title')}` : heading,
    main: html`${m.staff ? html`<p><a href="${COMPANIES_PATH}">${t('edit.back')}</a></p>` : ''}
      <h1>${heading}</h1>
      ${messagesHtml(c)}
      ${factsHtml(c)} ${stateHtml(c)} ${statsHtml(t, m.lang, m.stats)} ${regionTools(c)} ${editForm(c)}`,
  };
}

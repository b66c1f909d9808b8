/**
 * The brand part's HTML: the brand platform as a brand book in the toolbox (hero with a library
 * photograph and the position in big type, from → to, the properties, the profile bearers, tone of
 * voice, words, do's and don'ts, then cards to the toolbox's other sections), the page for a
 * signed-in person without an organisation, and the back-office's overview, edit form and history.
 */
import { fieldsDiff } from '../../../platform/html/diff.ts';
import {
  csrfField,
  fieldset,
  formErrorSummary,
  hiddenField,
  textField,
} from '../../../platform/html/forms.ts';
import type { FormValues } from '../../../platform/html/form-values.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { languagePair } from '../../../platform/html/language-pair.ts';
import { mailtoHref, telHref } from '../../../platform/html/links.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { pictureHtml, type MediaImage } from '../../content/media/service.ts';
import { toolboxHref, type ToolboxSection } from '../frame.ts';
import { toolboxMessages } from '../messages.ts';
import { PATHS, type BrandData, type Localised } from '../model.ts';
import { paragraphs } from '../toolbox.ts';
import {
  BRAND_LIMITS,
  brandChanges,
  emptyBrand as emptyData,
  inLang,
  isBlank,
  listInLang,
  type FieldLabels,
} from './data.ts';
import { GROUPS, LISTS, SINGLES, rowField, rowsShown, type BrandErrors, type Group } from './form.ts';
import { brandMessages, type BrandMessageKey } from './messages.ts';
import type { BrandVersion, VersionSummary } from './repository.ts';

export const ADMIN_PATH = PATHS.admin;
export const EDIT_PATH = `${PATHS.admin}/brand`;
export const VERSIONS_PATH = `${PATHS.admin}/brand/versions`;
export const BRAND_CSS = 'css/toolbox-brand.css';

type T = (key: BrandMessageKey, params?: Record<string, string>) => string;
export const translator =
  (lang: Lang): T =>
  (key, params) =>
    brandMessages.t(lang, key, params);

const whenFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  }),
};
/** A moment as people in the region read it ("7 december 2026 15:04"). */
export const formatWhen = (lang: Lang, date: Date) => whenFormats[lang].format(date);

export function fieldLabels(lang: Lang): FieldLabels {
  const t = translator(lang);
  return {
    position: t('field.position'),
    positionText: t('field.positionText'),
    from: t('field.from'),
    to: t('field.to'),
    property: t('section.properties'),
    bearer: t('section.bearers'),
    voice: t('field.voice'),
    wordsWeLike: t('field.wordsWeLike'),
    wordsToAvoid: t('avoid.title'),
    dos: t('section.dos'),
    donts: t('section.donts'),
    language: { sv: t('field.language.sv'), en: t('field.language.en') },
  };
}

// The brand book (the toolbox's home).

/** A text in the page's language, else the other one marked with its lang. */
function text(value: Localised, lang: Lang): SafeHtml | undefined {
  const found = inLang(value, lang);
  if (!found) return undefined;
  return found.lang === lang ? html`${found.text}` : html`<span lang="${found.lang}">${found.text}</span>`;
}

/** Paragraphs (split on empty lines) in the page's language, else the other one, marked. */
function prose(value: Localised, lang: Lang, cls = ''): SafeHtml | undefined {
  const found = inLang(value, lang);
  if (!found) return undefined;
  const attr = found.lang === lang ? '' : html` lang="${found.lang}"`;
  return html`<div class="brand-prose${cls ? ` ${cls}` : ''}"${attr}>${paragraphs(found.text).map((p) => html`<p>${p}</p>`)}</div>`;
}

/** An example kept line by line ("Skriv: … / Inte: …" may be two lines). */
function exampleLines(value: Localised, lang: Lang): SafeHtml | undefined {
  const found = inLang(value, lang);
  if (!found) return undefined;
  const attr = found.lang === lang ? '' : html` lang="${found.lang}"`;
  const lines = found.text.split('\n').filter((l) => l.trim() !== '');
  return html`<p class="brand-rule__example"${attr}>${lines.map((l, i) => html`${i ? html`<br />` : ''}${l}`)}</p>`;
}

function notWritten(t: T): SafeHtml {
  return html`<p class="brand-empty">${t('page.notWritten')}</p>`;
}

export interface BrandPageModel {
  lang: Lang;
  version: BrandVersion | undefined;
  hero: MediaImage | undefined;
  /** A photograph for each profile bearer, by position (may be shorter). */
  bearerImages: readonly (MediaImage | undefined)[];
}

const OTHER_SECTIONS: readonly Exclude<ToolboxSection, 'brand'>[] = [
  'assets',
  'texts',
  'builder',
  'widget',
  'guides',
];
const SECTION_PATHS: Record<Exclude<ToolboxSection, 'brand'>, string> = {
  assets: PATHS.assets,
  texts: PATHS.texts,
  builder: PATHS.builder,
  widget: PATHS.widget,
  guides: PATHS.guides,
};

export function brandBody(m: BrandPageModel): SafeHtml {
  const { lang } = m;
  const t = translator(lang);
  const data = m.version?.data;
  const sections = sectionCards(lang);
  if (!data) {
    return html`<div class="brand-book">
      <div class="notice brand-none" role="status"><p>${t('page.notWrittenAll')}</p></div>
      ${sections}
    </div>`;
  }
  const position = inLang(data.position, lang);
  const hero = html`<section class="brand-hero${m.hero ? '' : ' brand-hero--plain'}" aria-labelledby="brand-position">
    ${m.hero ? html`<div class="brand-hero__media">${pictureHtml(m.hero, lang, { sizes: '(min-width: 60rem) 56rem, 100vw', loading: 'eager', priority: true, cls: 'brand-hero__picture' })}</div>` : ''}
    <div class="brand-hero__text">
      <p class="brand-eyebrow">${t('page.eyebrow')}</p>
      <h2 class="brand-hero__position" id="brand-position"${position && position.lang !== lang ? html` lang="${position.lang}"` : ''}>${position?.text ?? t('page.notWritten')}</h2>
      ${prose(data.positionText, lang, 'brand-hero__lead') ?? ''}
    </div>
  </section>`;

  const from = listInLang(data.from, lang);
  const to = listInLang(data.to, lang);
  const movement = html`<section class="brand-section" aria-labelledby="brand-movement">
    <h2 id="brand-movement">${t('movement.title')}</h2>
    <p class="brand-section__lead">${t('movement.lead')}</p>
    ${
      from.items.length || to.items.length
        ? html`<div class="brand-movement">
            <div class="brand-movement__side brand-movement__side--from">
              <h3>${t('movement.from')}</h3>
              ${from.items.length ? html`<ul${from.lang === lang ? '' : html` lang="${from.lang}"`}>${from.items.map((i) => html`<li>${i}</li>`)}</ul>` : notWritten(t)}
            </div>
            <div class="brand-movement__arrow" aria-hidden="true">→</div>
            <div class="brand-movement__side brand-movement__side--to">
              <h3>${t('movement.to')}</h3>
              ${to.items.length ? html`<ul${to.lang === lang ? '' : html` lang="${to.lang}"`}>${to.items.map((i) => html`<li>${i}</li>`)}</ul>` : notWritten(t)}
            </div>
          </div>`
        : notWritten(t)
    }
  </section>`;

  const properties = html`<section class="brand-section" aria-labelledby="brand-properties">
    <h2 id="brand-properties">${t('properties.title')}</h2>
    <p class="brand-section__lead">${t('properties.lead')}</p>
    ${
      data.properties.length
        ? html`<ul class="brand-properties">
            ${data.properties.map(
              (p, i) => html`<li class="brand-property">
                <p class="brand-property__number" aria-hidden="true">${String(i + 1).padStart(2, '0')}</p>
                <h3 class="brand-property__name">${text(p.name, lang) ?? ''}</h3>
                ${isBlank(p.words) ? '' : html`<p class="brand-property__words">${text(p.words, lang)}</p>`}
                ${isBlank(p.text) ? '' : html`<h4 class="brand-property__label">${t('properties.inPractice')}</h4>${prose(p.text, lang)}`}
              </li>`,
            )}
          </ul>`
        : notWritten(t)
    }
  </section>`;

  const bearers = html`<section class="brand-section" aria-labelledby="brand-bearers">
    <h2 id="brand-bearers">${t('bearers.title')}</h2>
    <p class="brand-section__lead">${t('bearers.lead')}</p>
    ${
      data.bearers.length
        ? html`<ul class="brand-bearers">
            ${data.bearers.map((b, i) => {
              const image = m.bearerImages[i];
              return html`<li class="brand-bearer">
                ${image ? pictureHtml(image, lang, { sizes: '(min-width: 60rem) 18rem, 100vw', loading: 'lazy', cls: 'brand-bearer__picture' }) : ''}
                <div class="brand-bearer__text">
                  <h3>${text(b.name, lang) ?? ''}</h3>
                  ${prose(b.text, lang) ?? ''}
                </div>
              </li>`;
            })}
          </ul>`
        : notWritten(t)
    }
  </section>`;

  const voice = html`<section class="brand-section brand-voice" aria-labelledby="brand-voice">
    <h2 id="brand-voice">${t('voice.title')}</h2>
    ${prose(data.voice, lang, 'brand-voice__text') ?? notWritten(t)}
  </section>`;

  const liked = listInLang(data.wordsWeLike, lang);
  const words = html`<section class="brand-section" aria-labelledby="brand-words">
    <div class="brand-words">
      <div>
        <h2 id="brand-words">${t('words.title')}</h2>
        ${liked.items.length ? html`<ul class="brand-chips"${liked.lang === lang ? '' : html` lang="${liked.lang}"`}>${liked.items.map((w) => html`<li>${w}</li>`)}</ul>` : notWritten(t)}
      </div>
      <div>
        <h2 id="brand-avoid">${t('avoid.title')}</h2>
        ${
          data.wordsToAvoid.length
            ? html`<dl class="brand-avoid">
                ${data.wordsToAvoid.map(
                  (w) => html`<div class="brand-avoid__pair">
                    <dt><span class="visually-hidden">${t('avoid.word')}: </span><s>${text(w.word, lang) ?? ''}</s></dt>
                    <dd><span aria-hidden="true">→ </span><span class="visually-hidden">${t('avoid.instead')}: </span>${text(w.instead, lang) ?? ''}</dd>
                  </div>`,
                )}
              </dl>`
            : notWritten(t)
        }
      </div>
    </div>
  </section>`;

  const ruleList = (rules: BrandData['dos'], kind: 'do' | 'dont') =>
    rules.length
      ? html`<ul class="brand-rules brand-rules--${kind}">
          ${rules.map(
            (r) => html`<li class="brand-rule">
              <p class="brand-rule__text">${text(r.text, lang) ?? ''}</p>
              ${isBlank(r.example) ? '' : exampleLines(r.example, lang)}
            </li>`,
          )}
        </ul>`
      : notWritten(t);
  const rules = html`<section class="brand-section" aria-labelledby="brand-rules">
    <h2 id="brand-rules">${t('rules.title')}</h2>
    <div class="brand-dos">
      <div class="brand-dos__column brand-dos__column--do">
        <h3><span class="brand-mark" aria-hidden="true">✓</span> ${t('dos.title')}</h3>
        ${ruleList(data.dos, 'do')}
      </div>
      <div class="brand-dos__column brand-dos__column--dont">
        <h3><span class="brand-mark" aria-hidden="true">✕</span> ${t('donts.title')}</h3>
        ${ruleList(data.donts, 'dont')}
      </div>
    </div>
  </section>`;

  const version = m.version!;
  return html`<div class="brand-book">
    ${hero} ${movement} ${properties} ${bearers} ${voice} ${words} ${rules}
    <p class="brand-meta">${t('page.version', { version: String(version.version), date: formatDate(lang, version.savedAt) })} <span class="brand-print-hint">${t('print.hint')}</span></p>
    ${sections}
  </div>`;
}

function sectionCards(lang: Lang): SafeHtml {
  const t = translator(lang);
  return html`<section class="brand-section brand-more" aria-labelledby="brand-more">
    <h2 id="brand-more">${t('sections.title')}</h2>
    <ul class="brand-cards">
      ${OTHER_SECTIONS.map(
        (s) => html`<li class="brand-card">
          <h3 class="brand-card__title"><a href="${toolboxHref(lang, SECTION_PATHS[s])}">${toolboxMessages.t(lang, `sub.${s}`)}</a></h3>
          <p>${t(`sections.${s}`)}</p>
        </li>`,
      )}
    </ul>
  </section>`;
}

// A signed-in person without an organisation.

export function noAccessMain(lang: Lang, region: Region): SafeHtml {
  const t = translator(lang);
  const c = region.contact;
  const email = c.email ? mailtoHref(c.email) : undefined;
  const phone = c.phone ? telHref(c.phone) : undefined;
  return html`<div class="wrap brand-noaccess">
    <h1>${t('noaccess.title')}</h1>
    <p class="lead">${t('noaccess.lead')}</p>
    <h2>${t('noaccess.how')}</h2>
    <p>${t('noaccess.invite')}</p>
    ${
      c.organisation && (c.email || c.phone)
        ? html`<p>${t('noaccess.contact', { organisation: c.organisation })}</p>
          <ul class="brand-noaccess__contact">
            ${c.email ? html`<li>${t('noaccess.email')}: ${email ? html`<a href="${email}">${c.email}</a>` : c.email}</li>` : ''}
            ${c.phone ? html`<li>${t('noaccess.phone')}: ${phone ? html`<a href="${phone}">${c.phone}</a>` : c.phone}</li>` : ''}
          </ul>`
        : html`<p>${t('noaccess.contactNone')}</p>`
    }
  </div>`;
}

// The back-office.

export function adminCardHtml(lang: Lang, latest: BrandVersion | undefined): SafeHtml {
  const t = translator(lang);
  const facts = latest && {
    version: String(latest.version),
    when: formatWhen(lang, latest.savedAt),
    who: latest.savedByName ?? '',
  };
  return html`<p>${facts ? t(facts.who ? 'card.version' : 'card.versionAnon', facts) : t('card.none')}</p>
    <p class="admin-actions brand-admin-card__actions">
      <a class="button" href="${EDIT_PATH}">${t('card.edit')}</a>
      <a href="${VERSIONS_PATH}">${t('card.history')}</a>
    </p>`;
}

export function overviewPage(
  lang: Lang,
  cards: readonly { title: string; html: SafeHtml }[],
): { title: string; main: SafeHtml } {
  const t = translator(lang);
  return {
    title: t('admin.title'),
    main: html`<h1>${t('admin.title')}</h1>
      <p class="lead">${t('admin.lead')} <a href="${toolboxHref(lang, PATHS.home)}">${t('admin.view')}</a></p>
      <div class="brand-admin-cards">
        ${cards.map(
          (c, i) => html`<section class="card brand-admin-card" aria-labelledby="toolbox-card-${i}">
            <h2 class="card__title" id="toolbox-card-${i}">${c.title}</h2>
            ${c.html}
          </section>`,
        )}
      </div>`,
  };
}

export interface EditModel {
  lang: Lang;
  csrf: string;
  values: FormValues;
  errors: BrandErrors;
  /** The version the form starts from (0: none). */
  base: number;
  done?: string;
  /** A newer version than the one the editor started from, and what it changed. */
  conflict?: { latest: BrandVersion; changes: SafeHtml };
}

const v = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : (value?.[0] ?? '');
};

function errorText(lang: Lang, errors: BrandErrors, name: string): string | undefined {
  const e = errors[name];
  return e ? brandMessages.t(lang, e.key, e.params) : undefined;
}

export function editPage(m: EditModel): { title: string; main: SafeHtml } {
  const { lang, values, errors } = m;
  const t = translator(lang);
  const error = (name: string) => errorText(lang, errors, name);
  const pair = (prefix: string, label: string, options: { rows?: number; max: number; hint?: string }) =>
    languagePair(lang, {
      prefix,
      values: { sv: v(values, `${prefix}_sv`), en: v(values, `${prefix}_en`) },
      label: (l) => `${label} – ${t(`field.language.${l}`)}`,
      missing: t('field.missing'),
      error,
      rows: options.rows,
      hint: options.hint ?? t('hint.chars', { max: String(options.max) }),
    });

  const single = (key: (typeof SINGLES)[number]['key'], label: string) => {
    const f = SINGLES.find((s) => s.key === key)!;
    return pair(key, label, { rows: f.lines ? (f.max > 1000 ? 8 : 5) : undefined, max: f.max });
  };
  const list = (key: (typeof LISTS)[number]['key'], label: string) => {
    const f = LISTS.find((s) => s.key === key)!;
    return pair(key, label, {
      rows: Math.min(f.items, 8),
      max: f.chars,
      hint: t('hint.list', { items: String(f.items), max: String(f.chars) }),
    });
  };

  const partLabels: Record<string, Record<string, BrandMessageKey>> = {
    properties: { name: 'field.propName', words: 'field.propWords', text: 'field.propText' },
    bearers: { name: 'field.bearerName', text: 'field.bearerText' },
    wordsToAvoid: { word: 'field.avoidWord', instead: 'field.avoidInstead' },
    dos: { text: 'field.ruleText', example: 'field.ruleExample' },
    donts: { text: 'field.ruleText', example: 'field.ruleExample' },
  };
  const rowLegend: Record<Group['key'], BrandMessageKey> = {
    properties: 'field.property',
    bearers: 'field.bearer',
    wordsToAvoid: 'field.avoidRow',
    dos: 'field.doRow',
    donts: 'field.dontRow',
  };
  const groupFields = (group: Group) => {
    const count = rowsShown(values, group);
    return html`<p class="field__hint">${t('hint.group', { items: String(group.items) })}</p>
      ${Array.from({ length: count }, (_, i) =>
        fieldset(
          t(rowLegend[group.key], { n: String(i + 1) }),
          group.parts.map((p) =>
            pair(rowField(group, i, p.name), t(partLabels[group.key]![p.name]!), {
              rows: p.lines ? 3 : undefined,
              max: p.max,
              hint:
                p.name === 'example'
                  ? t('hint.example', { max: String(p.max) })
                  : t('hint.chars', { max: String(p.max) }),
            }),
          ),
          { className: 'brand-row' },
        ),
      )}`;
  };
  const group = (key: Group['key']) => groupFields(GROUPS.find((g) => g.key === key)!);

  const summary = formErrorSummary(
    lang,
    Object.keys(errors)
      .filter((id) => errors[id]!.key !== 'error.changed')
      .map((id) => ({ id, text: error(id)! })),
  );

  const k = m.conflict;
  const conflict = k
    ? html`<section class="notice notice--warning brand-conflict" aria-labelledby="brand-conflict-title">
        <h2 id="brand-conflict-title">${t('conflict.title')}</h2>
        <p>${t('conflict.text', { version: String(k.latest.version), when: formatWhen(lang, k.latest.savedAt), who: k.latest.savedByName ?? t('someone') })}</p>
        <p>${t('conflict.choice', { version: String(k.latest.version) })}</p>
        <p><a href="${EDIT_PATH}">${t('conflict.open', { version: String(k.latest.version) })}</a></p>
        <details class="brand-conflict__changes">
          <summary>${t('conflict.changes', { version: String(k.latest.version) })}</summary>
          ${k.changes}
        </details>
      </section>`
    : '';

  const main = html`<h1>${t('edit.title')}</h1>
    <p class="lead">${t('edit.lead')}</p>
    ${m.done ? html`<div class="notice notice--success" role="status"><p>${m.done}</p></div>` : ''}
    ${summary} ${conflict}
    <p>${m.base ? t('edit.startsFrom', { version: String(m.base) }) : t('edit.startsFromNone')} <a href="${VERSIONS_PATH}">${t('edit.history')}</a></p>
    <form method="post" action="${EDIT_PATH}" class="brand-form" novalidate>
      ${csrfField(m.csrf)} ${hiddenField('base', String(m.base))}
      ${fieldset(t('section.position'), html`${single('position', t('field.position'))} ${single('positionText', t('field.positionText'))}`)}
      ${fieldset(t('section.movement'), html`${list('from', t('field.from'))} ${list('to', t('field.to'))}`)}
      ${fieldset(t('section.properties'), group('properties'))}
      ${fieldset(t('section.bearers'), group('bearers'))}
      ${fieldset(t('section.voice'), single('voice', t('field.voice')))}
      ${fieldset(t('section.words'), html`${list('wordsWeLike', t('field.wordsWeLike'))} ${group('wordsToAvoid')}`)}
      ${fieldset(t('section.dos'), group('dos'))}
      ${fieldset(t('section.donts'), group('donts'))}
      ${fieldset(
        t('section.note'),
        textField(lang, {
          name: 'note',
          label: t('field.note'),
          value: v(values, 'note'),
          hint: t('hint.chars', { max: String(BRAND_LIMITS.note.chars) }),
          error: error('note'),
          required: false,
        }),
      )}
      <p class="admin-actions"><button class="button" type="submit">${k ? t('edit.saveOver', { version: String(k.latest.version) }) : t('edit.save')}</button></p>
    </form>`;
  return { title: t('edit.title'), main };
}

/** The changes from `before` to `after` as the history's and the conflict's diff. */
export function changesHtml(
  lang: Lang,
  before: BrandData,
  after: BrandData,
  headingLevel: 2 | 3 | 4 = 3,
): SafeHtml {
  const fields = brandChanges(before, after, fieldLabels(lang));
  return fieldsDiff(lang, fields, { headingLevel });
}

export interface VersionsModel {
  lang: Lang;
  csrf: string;
  rows: readonly VersionSummary[];
  latest: number | undefined;
  /** The version whose diff is shown, with the one before it. */
  diff?: { version: BrandVersion; previous: BrandVersion | undefined };
  done?: string;
  error?: string;
  /** Paging: the version the next page starts below, and whether there is a newer page. */
  olderBefore?: number;
  newer: boolean;
}

export function versionsPage(m: VersionsModel): { title: string; main: SafeHtml } {
  const { lang } = m;
  const t = translator(lang);
  const table = dataTable<VersionSummary>({
    id: 'brand-versions-caption',
    caption: t('versions.caption'),
    columns: [t('col.version'), t('col.when'), t('col.who'), t('col.note'), t('col.actions')],
    rows: m.rows,
    empty: t('versions.empty'),
    cells: (row) => [
      html`${row.version}${row.version === m.latest ? html` <span class="tag">${t('versions.current')}</span>` : ''}`,
      formatWhen(lang, row.savedAt),
      row.savedByName ?? '–',
      row.note,
      html`<a href="${VERSIONS_PATH}?diff=${row.version}#brand-diff">${t('versions.showDiff', { version: String(row.version) })}</a>
        ${
          row.version === m.latest
            ? ''
            : html`<form method="post" action="${VERSIONS_PATH}/${row.version}/restore" class="brand-restore">
                ${csrfField(m.csrf)}
                <button class="button button--secondary" type="submit">${t('versions.restore', { version: String(row.version) })}</button>
              </form>`
        }`,
    ],
    paging: {
      label: t('versions.caption'),
      links: [
        ...(m.newer ? [{ href: VERSIONS_PATH, text: t('versions.newer'), rel: 'prev' as const }] : []),
        ...(m.olderBefore !== undefined
          ? [
              {
                href: `${VERSIONS_PATH}?before=${m.olderBefore}`,
                text: t('versions.older'),
                rel: 'next' as const,
              },
            ]
          : []),
      ],
    },
  });
  const d = m.diff;
  const diff = d
    ? html`<section class="brand-diff" id="brand-diff" aria-labelledby="brand-diff-title" tabindex="-1">
        <h2 id="brand-diff-title">${
          d.previous
            ? t('versions.diffTitle', {
                version: String(d.version.version),
                previous: String(d.previous.version),
              })
            : t('versions.diffFirst', { version: String(d.version.version) })
        }</h2>
        ${changesHtml(lang, d.previous?.data ?? emptyData(), d.version.data)}
      </section>`
    : '';
  return {
    title: t('versions.title'),
    main: html`<h1>${t('versions.title')}</h1>
      <p class="lead">${t('versions.lead')}</p>
      ${m.done ? html`<div class="notice notice--success" role="status"><p>${m.done}</p></div>` : ''}
      ${m.error ? html`<div class="notice notice--warning" role="alert"><p>${m.error}</p></div>` : ''}
      <p><a href="${EDIT_PATH}">${t('card.edit')}</a> · <a href="${ADMIN_PATH}">${t('versions.back')}</a></p>
      ${table} ${diff}`,
  };
}

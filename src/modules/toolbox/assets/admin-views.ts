/**
 * The back-office's asset pages (/admin/toolbox/assets, ToolboxEdit): the list (kind, status, last
 * day flagged when past or within 30 days, downloads), the new and edit form (multipart: a file
 * for every kind but a photo, whose photographer, licence and last day are the media library's and
 * shown as such), the status steps, and an asset's download log with its CSV.
 */
import {
  checkboxGroup,
  csrfField,
  dateField,
  fieldset,
  fileField,
  formErrorSummary,
  notice,
  selectField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { languagePair } from '../../../platform/html/language-pair.ts';
import { dataTable, type PagingLink } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { mediaPicker, type MediaImage } from '../../content/media/service.ts';
import { toolboxMessages } from '../messages.ts';
import { ASSET_KINDS, PATHS, PERSONAS, TOPICS, USES } from '../model.ts';
import { sizeText } from './files.ts';
import type { AssetFormErrors, AssetFormValues } from './form.ts';
import { LIMITS } from './form.ts';
import { assetMessages, type AssetMessageKey } from './messages.ts';
import type { AdminListRow, AssetRow, LogRow } from './repository.ts';
import { dayText, titleOf } from './service.ts';
import { assetHref, flagOf } from './views.ts';

export const ADMIN_ASSETS = `${PATHS.admin}/assets`;
export const ADMIN_NEW = `${ADMIN_ASSETS}/new`;
export const adminAssetPath = (id: string) => `${ADMIN_ASSETS}/${id}`;

export const ADMIN_DONE = ['created', 'saved', 'published', 'withdrawn', 'deleted'] as const;
export type AdminDone = (typeof ADMIN_DONE)[number];

type Params = Record<string, string | number>;
const tr = (lang: Lang) => (key: AssetMessageKey, params?: Params) => assetMessages.t(lang, key, params);
const tb = (lang: Lang, key: string) =>
  toolboxMessages.t(lang, key as Parameters<typeof toolboxMessages.t>[1]);
const LANGUAGE_NAMES: Record<Lang, Record<Lang, string>> = {
  sv: { sv: 'svenska', en: 'engelska' },
  en: { sv: 'Swedish', en: 'English' },
};

function adminFlag(lang: Lang, asset: Pick<AssetRow, 'status' | 'expiry'>, today: string): SafeHtml | '' {
  const t = tr(lang);
  const flag = flagOf({ status: 'published', expiry: asset.expiry }, today);
  if (flag?.kind === 'expired')
    return html` <strong class="tag tag--overdue">${t('admin.flag.expired')}</strong>`;
  if (flag?.kind === 'soon') return html` <span class="tag">${t('admin.flag.soon')}</span>`;
  return '';
}

export function listPage(m: {
  lang: Lang;
  rows: AdminListRow[];
  today: string;
  done?: AdminDone;
  paging: PagingLink[];
}): SafeHtml {
  const t = tr(m.lang);
  return html`<h1>${t('admin.title')}</h1>
    ${notice(m.done ? t(`admin.done.${m.done}`) : undefined)}
    <p class="lead">${t('admin.lead')}</p>
    <p><a class="button" href="${ADMIN_NEW}">${t('admin.new')}</a></p>
    ${dataTable({
      id: 'assets-caption',
      caption: t('admin.caption'),
      columns: [
        t('admin.col.title'),
        t('admin.col.kind'),
        t('admin.col.status'),
        t('admin.col.expiry'),
        t('admin.col.downloads'),
      ],
      rows: m.rows,
      empty: t('admin.empty'),
      cells: (r) => [
        html`<a href="${adminAssetPath(r.id)}">${titleOf(r, m.lang) === '—' ? t('admin.untitled') : titleOf(r, m.lang)}</a>`,
        tb(m.lang, `kind.${r.kind}`),
        tb(m.lang, `status.${r.status}`),
        html`${r.expiry ? dayText(m.lang, r.expiry) : '—'}${adminFlag(m.lang, r, m.today)}`,
        String(r.downloads),
      ],
      paging: { label: t('grid.paging'), links: m.paging },
    })}`;
}

export interface FormModel {
  lang: Lang;
  csrf: string;
  values: AssetFormValues;
  errors: AssetFormErrors;
  images: MediaImage[];
  /** The stored asset (edit), else a new one. */
  asset?: AssetRow;
  image?: MediaImage;
  today: string;
  done?: AdminDone;
  refused?: AssetMessageKey;
  log?: { rows: LogRow[]; limit: number };
}

function errorText(lang: Lang, errors: AssetFormErrors, name: string): string | undefined {
  const error = errors[name];
  return error ? assetMessages.t(lang, error.key, error.params) : undefined;
}

function formFields(m: FormModel): SafeHtml {
  const t = tr(m.lang);
  const err = (name: string) => errorText(m.lang, m.errors, name);
  const pair = (
    prefix: string,
    label: 'form.titles' | 'form.descriptions' | 'form.useNote',
    max: number,
    rows?: number,
    required?: boolean,
    hint?: string,
  ) =>
    languagePair(m.lang, {
      prefix,
      values: { sv: m.values[`${prefix}_sv` as 'title_sv'], en: m.values[`${prefix}_en` as 'title_en'] },
      label: (l) => t(label, { language: LANGUAGE_NAMES[m.lang][l] }),
      missing: t('form.missing'),
      error: err,
      rows,
      maxlength: max,
      required,
      hint,
    });
  const kindField = m.asset
    ? html`<p class="field"><strong>${t('form.kind')}:</strong> ${tb(m.lang, `kind.${m.asset.kind}`)}<br /><span class="field__hint">${t('form.kindFixed')}</span></p>`
    : selectField(m.lang, {
        name: 'kind',
        label: t('form.kind'),
        required: true,
        value: m.values.kind,
        placeholder: '',
        options: ASSET_KINDS.map((k) => ({ value: k, label: tb(m.lang, `kind.${k}`) })),
        error: err('kind'),
      });
  const isPhoto = m.asset?.kind === 'photo';
  const isFile = m.asset !== undefined && !isPhoto;
  const photo = html`${mediaPicker(m.lang, m.images, {
    name: 'image',
    label: t('form.image'),
    hint: t('form.imageHint'),
    value: m.values.image,
    error: err('image'),
  })}
  ${
    m.image
      ? html`<p class="field__hint">${t('form.fromLibrary', { credit: m.image.credit[m.lang] || '—', date: m.image.expiresOn ? dayText(m.lang, m.image.expiresOn) : t('asset.noLastDay') })}
        <a href="/admin/media/${m.image.id}">${t('form.changeInLibrary')}</a></p>`
      : ''
  }`;
  const file = html`${fileField(m.lang, {
    name: 'file',
    label: t('form.file'),
    hint: m.asset?.file_name
      ? `${t('form.fileHint')} ${t('form.fileCurrent', { name: m.asset.file_name, size: sizeText(m.lang, Number(m.asset.bytes ?? 0)) })}`
      : t('form.fileHint'),
    accept: '.pdf,.png,.jpg,.jpeg,.svg,.pptx,.potx,.odp,.mp4,.webm',
    error: err('file'),
  })}
    ${textField(m.lang, { name: 'creator', label: t('form.creator'), value: m.values.creator, maxlength: LIMITS.creator, error: err('creator') })}
    ${textField(m.lang, { name: 'licence', label: t('form.licence'), hint: t('form.licenceHint'), value: m.values.licence, maxlength: LIMITS.licence, error: err('licence') })}
    ${textField(m.lang, { name: 'licence_url', type: 'url', label: t('form.licenceUrl'), value: m.values.licence_url, maxlength: LIMITS.licenceUrl, required: false, error: err('licence_url') })}`;
  return html`${kindField}
    ${pair('title', 'form.titles', LIMITS.title, undefined, true)}
    ${pair('description', 'form.descriptions', LIMITS.description, 4, false)}
    ${checkboxGroup(m.lang, {
      name: 'topics',
      legend: t('form.topics'),
      values: m.values.topics,
      options: TOPICS.map((v) => ({ value: v, label: tb(m.lang, `topic.${v}`) })),
      error: err('topics'),
    })}
    ${checkboxGroup(m.lang, {
      name: 'personas',
      legend: t('form.personas'),
      values: m.values.personas,
      options: PERSONAS.map((v) => ({ value: v, label: tb(m.lang, `persona.${v}`) })),
      error: err('personas'),
    })}
    ${checkboxGroup(m.lang, {
      name: 'uses',
      legend: t('form.uses'),
      required: true,
      values: m.values.uses,
      options: USES.map((v) => ({ value: v, label: tb(m.lang, `use.${v}`) })),
      error: err('uses'),
    })}
    ${pair('use_note', 'form.useNote', LIMITS.useNote, 3, false, t('form.useNoteHint'))}
    ${isFile ? '' : fieldset(t('form.photoSection'), photo)}
    ${isPhoto ? '' : fieldset(t('form.fileSection'), file)}
    ${dateField(m.lang, {
      name: 'expires_on',
      label: t('form.expires'),
      hint: t('form.expiresHint'),
      value: m.values.expires_on,
      required: false,
      error: err('expires_on'),
    })}`;
}

const errorList = (lang: Lang, errors: AssetFormErrors) =>
  Object.entries(errors).map(([id, e]) => ({
    id:
      id === 'topics' || id === 'personas' || id === 'uses'
        ? `${id}-${id === 'uses' ? USES[0] : id === 'topics' ? TOPICS[0] : PERSONAS[0]}`
        : id,
    text: assetMessages.t(lang, e.key, e.params),
  }));

export function newPage(m: FormModel): SafeHtml {
  const t = tr(m.lang);
  return html`<p><a href="${ADMIN_ASSETS}">${t('admin.back')}</a></p>
    <h1>${t('admin.newTitle')}</h1>
    ${formErrorSummary(m.lang, errorList(m.lang, m.errors))}
    <form class="form content-form" method="post" action="${ADMIN_NEW}" enctype="multipart/form-data" novalidate>
      ${csrfField(m.csrf)} ${formFields(m)}
      <button class="button" type="submit">${t('admin.create')}</button>
    </form>`;
}

function stepForm(
  m: FormModel,
  step: 'publish' | 'withdraw' | 'delete',
  label: string,
  hint?: string,
): SafeHtml {
  return html`<form class="admin-inline-form" method="post" action="${adminAssetPath(m.asset!.id)}/${step}">
    ${csrfField(m.csrf)}
    <button class="button${step === 'publish' ? '' : ' button--secondary'}" type="submit">${label}</button>
    ${hint ? html`<span class="field__hint">${hint}</span>` : ''}
  </form>`;
}

function logSection(m: FormModel): SafeHtml {
  const t = tr(m.lang);
  const log = m.log!;
  const when = (d: Date) =>
    `${formatDate(m.lang, d)} ${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(d)}`;
  return html`<section aria-labelledby="asset-log-title">
    <h2 id="asset-log-title">${t('admin.log')}</h2>
    <p>${t('admin.logLead')}</p>
    ${log.rows.length ? html`<p><a href="${adminAssetPath(m.asset!.id)}/downloads.csv">${t('admin.logCsv')}</a></p>` : ''}
    ${dataTable({
      id: 'asset-log-caption',
      caption: t('admin.logCaption'),
      columns: [t('admin.logWhen'), t('admin.logOrganisation'), t('admin.logPerson')],
      rows: log.rows,
      empty: t('admin.logEmpty'),
      cells: (r) => [
        when(r.downloaded_at),
        r.organisation ?? t('admin.removedOrganisation'),
        r.person ?? t('downloads.formerUser'),
      ],
    })}
    ${log.rows.length >= log.limit ? html`<p class="field__hint">${t('admin.logCapped', { count: log.limit })}</p>` : ''}
  </section>`;
}

export function editPage(m: FormModel): SafeHtml {
  const t = tr(m.lang);
  const asset = m.asset!;
  const title = titleOf(asset, m.lang);
  const steps: SafeHtml[] = [];
  if (asset.status === 'draft') steps.push(stepForm(m, 'publish', t('admin.publish')));
  if (asset.status === 'withdrawn') steps.push(stepForm(m, 'publish', t('admin.republish')));
  if (asset.status === 'published')
    steps.push(stepForm(m, 'withdraw', t('admin.withdraw'), t('admin.withdrawHint')));
  if (asset.status === 'draft' && (m.log?.rows.length ?? 0) === 0)
    steps.push(stepForm(m, 'delete', t('admin.delete'), t('admin.deleteHint')));
  return html`<p><a href="${ADMIN_ASSETS}">${t('admin.back')}</a></p>
    <h1>${t('admin.editTitle', { title })}</h1>
    ${notice(m.done ? t(`admin.done.${m.done}`) : undefined)}
    ${m.refused ? html`<div class="error-summary" role="alert"><p>${t(m.refused)}</p></div>` : ''}
    <p>
      <strong>${t('admin.status', { status: tb(m.lang, `status.${asset.status}`) })}</strong>${adminFlag(m.lang, asset, m.today)}
      · <a href="${adminAssetPath(asset.id)}/file">${t('admin.viewFile')}</a>
      ${asset.status !== 'draft' ? html` · <a href="${assetHref(m.lang, asset.id)}">${t('admin.publicPage')}</a>` : ''}
    </p>
    <div class="admin-actions">${steps}</div>
    ${formErrorSummary(m.lang, errorList(m.lang, m.errors))}
    <form class="form content-form" method="post" action="${adminAssetPath(asset.id)}" enctype="multipart/form-data" novalidate>
      ${csrfField(m.csrf)} ${formFields(m)}
      <button class="button" type="submit">${t('admin.save')}</button>
    </form>
    ${m.log ? logSection(m) : ''}`;
}

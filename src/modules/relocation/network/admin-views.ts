/**
 * The newcomer network's back-office pages (/admin/network): the groups with members and upcoming
 * meetups, the ambassadors with approve and pause; one group's form (sv/en side by side) with its
 * meetups — events, listed with their seats and status and each linking to the events back-office,
 * where a new one for the group is made. Forms re-show what was typed with the error by its field.
 */
import { formTexts } from '../../../platform/html/form-messages.ts';
import { csrfField, formErrorSummary, notice, selectField, textField } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { languagePair } from '../../../platform/html/language-pair.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { PATHS } from '../model.ts';
import { firstName, languageName } from './matching.ts';
import { networkMessages, type NetworkKey } from './messages.ts';
import { LIMITS, TOPICS, type Topic } from './model.ts';
import { dateTimeOf, groupName, networkPaths, placeName } from './public-views.ts';
import { eventAdminPath, groupEventTitle, newMeetupPath, type GroupEvent } from './events.ts';
import type { AmbassadorListItem, GroupRow, GroupSummary } from './repository.ts';
import type { Errors, GroupField, GroupInput } from './service.ts';

export const ADMIN_PATH = PATHS.networkAdmin;
export const adminPaths = {
  home: ADMIN_PATH,
  newGroup: `${ADMIN_PATH}/groups/new`,
  groups: `${ADMIN_PATH}/groups`,
  group: (id: string) => `${ADMIN_PATH}/groups/${id}`,
  ambassador: (id: string, action: 'approve' | 'pause') => `${ADMIN_PATH}/ambassadors/${id}/${action}`,
};

type T = (key: NetworkKey, params?: Record<string, string | number>) => string;
const tt =
  (lang: Lang): T =>
  (key, params) =>
    networkMessages.t(lang, key, params);

export type HomeDone = 'approved' | 'paused';
export const HOME_DONE: readonly HomeDone[] = ['approved', 'paused'];

export function homePage(
  lang: Lang,
  region: Region,
  csrf: string,
  groups: readonly GroupSummary[],
  ambassadors: readonly AmbassadorListItem[],
  done: HomeDone | undefined,
): { title: string; main: SafeHtml } {
  const t = tt(lang);
  const title = t('admin.title');
  const statusTag = (status: string) =>
    html`<span class="tag${status === 'pending' ? ' tag--overdue' : status === 'approved' ? '' : ' tag--muted'}">${t(`status.${status as 'pending'}`)}</span>`;
  const groupTable = dataTable({
    id: 'network-groups-caption',
    caption: t('admin.groups.caption'),
    columns: [
      t('admin.col.group'),
      t('admin.col.topic'),
      t('admin.col.municipality'),
      t('admin.col.members'),
      t('admin.col.meetups'),
      t('admin.col.status'),
    ],
    rows: groups,
    cells: (g) => [
      html`<a href="${adminPaths.group(g.id)}">${groupName(lang, g)}</a>`,
      t(`topic.${g.topic as Topic}`),
      placeName(lang, region, g.municipality_code),
      formatNumber(lang, g.members),
      formatNumber(lang, g.upcoming),
      html`<span class="tag${g.status === 'archived' ? ' tag--muted' : ''}">${t(`status.${g.status as 'active'}`)}</span>`,
    ],
    empty: t('admin.noGroups'),
  });
  const ambassadorTable = dataTable({
    id: 'network-ambassadors-caption',
    caption: t('admin.ambassadors.caption'),
    columns: [
      t('admin.col.person'),
      t('admin.col.municipality'),
      t('admin.col.languages'),
      t('admin.col.occupation'),
      t('admin.col.applied'),
      t('admin.col.status'),
      t('admin.col.actions'),
    ],
    rows: ambassadors,
    cells: (a) => {
      const name = a.displayName || firstName('', a.email);
      const button = (action: 'approve' | 'pause') =>
        html`<form class="admin-inline-form" method="post" action="${adminPaths.ambassador(a.id, action)}">
          ${csrfField(csrf)}
          <button class="button${action === 'pause' ? ' button--secondary' : ''}" type="submit" aria-label="${t(action === 'approve' ? 'admin.approveNamed' : 'admin.pauseNamed', { name })}">${t(action === 'approve' ? 'admin.approve' : 'admin.pause')}</button>
        </form>`;
      return [
        html`${name}<br /><span class="admin-muted">${a.email}</span>`,
        placeName(lang, region, a.municipality_code),
        a.languages.map((l) => languageName(lang, l)).join(', '),
        html`${a.occupation}${
          a.interests.length
            ? html`<br /><span class="admin-muted">${a.interests.map((x) => t(`topic.${x as Topic}`)).join(', ')}</span>`
            : ''
        }${a.about ? html`<br /><span class="admin-muted">${a.about}</span>` : ''}`,
        formatDate(lang, a.created_at),
        statusTag(a.status),
        html`${a.status !== 'approved' ? button('approve') : ''} ${a.status === 'approved' ? button('pause') : ''}`,
      ];
    },
    empty: t('admin.noAmbassadors'),
  });
  return {
    title,
    main: html`<h1>${title}</h1>
      <p class="lead">${t('admin.lead', { region: region.name[lang] })}</p>
      ${notice(done ? t(`admin.done.${done}`) : undefined)}
      <section aria-labelledby="network-groups-title">
        <h2 id="network-groups-title">${t('admin.groups')}</h2>
        <p><a class="button" href="${adminPaths.newGroup}">${t('admin.newGroup')}</a></p>
        ${groupTable}
      </section>
      <section aria-labelledby="network-ambassadors-title">
        <h2 id="network-ambassadors-title">${t('admin.ambassadors')}</h2>
        ${ambassadorTable}
      </section>`,
  };
}

export type GroupDoneAdmin = 'created' | 'saved' | 'archived' | 'restored';
export const GROUP_ADMIN_DONE: readonly GroupDoneAdmin[] = ['created', 'saved', 'archived', 'restored'];

export interface GroupAdminModel {
  lang: Lang;
  region: Region;
  csrf: string;
  /** null: a new group. */
  group: GroupRow | null;
  form?: { input: GroupInput; errors: Errors<GroupField> };
  /** The group's events: every status, also those ended in the last 30 days. */
  meetups?: readonly GroupEvent[];
  done?: GroupDoneAdmin;
}

export function groupInputOf(group: GroupRow | null): GroupInput {
  return {
    name_sv: group?.name_sv ?? '',
    name_en: group?.name_en ?? '',
    description_sv: group?.description_sv ?? '',
    description_en: group?.description_en ?? '',
    slug: group?.slug ?? '',
    topic: group?.topic ?? '',
    municipality: group?.municipality_code ?? '',
  };
}

export function groupAdminPage(m: GroupAdminModel): { title: string; main: SafeHtml } {
  const { lang, region, group } = m;
  const t = tt(lang);
  const heading = group ? t('admin.group.edit', { name: group.name_sv }) : t('admin.group.new');
  const form = m.form ?? { input: groupInputOf(group), errors: {} };
  const max = (field: GroupField) =>
    field.startsWith('description')
      ? LIMITS.groupDescription
      : field === 'slug'
        ? LIMITS.slug
        : LIMITS.groupName;
  const gErr = (field: GroupField) => {
    const key = form.errors[field];
    return key ? t(key, { max: formatNumber(lang, max(field)) }) : undefined;
  };
  const langName = (l: Lang) => t(l === 'sv' ? 'admin.lang.sv' : 'admin.lang.en');
  const groupFailed = (
    ['name_sv', 'name_en', 'description_sv', 'description_en', 'slug', 'topic', 'municipality'] as const
  ).flatMap((f) => (form.errors[f] ? [{ id: f, text: gErr(f)! }] : []));
  const groupForm = html`<section aria-labelledby="group-form-title">
    <h2 id="group-form-title">${t('admin.group.details')}</h2>
    <form class="form" method="post" action="${group ? adminPaths.group(group.id) : adminPaths.groups}" novalidate>
      ${formErrorSummary(lang, groupFailed)} ${csrfField(m.csrf)}
      ${languagePair(lang, {
        prefix: 'name',
        values: { sv: form.input.name_sv, en: form.input.name_en },
        label: (l) => t('admin.group.name', { language: langName(l) }),
        missing: t('admin.group.missing'),
        error: (name) => gErr(name as GroupField),
        maxlength: LIMITS.groupName,
        required: true,
      })}
      ${languagePair(lang, {
        prefix: 'description',
        values: { sv: form.input.description_sv, en: form.input.description_en },
        label: (l) => t('admin.group.description', { language: langName(l) }),
        missing: t('admin.group.missing'),
        error: (name) => gErr(name as GroupField),
        maxlength: LIMITS.groupDescription,
        rows: 5,
      })}
      ${textField(lang, {
        name: 'slug',
        label: t('admin.group.slug'),
        hint: t('admin.group.slug.hint'),
        required: false,
        error: gErr('slug'),
        value: form.input.slug,
        maxlength: LIMITS.slug,
        autocapitalize: 'none',
        spellcheck: false,
      })}
      ${selectField(lang, {
        name: 'topic',
        label: t('admin.group.topic'),
        required: true,
        error: gErr('topic'),
        value: form.input.topic,
        placeholder: t('admin.group.topic.choose'),
        options: TOPICS.map((x) => ({ value: x, label: t(`topic.${x}`) })),
      })}
      ${selectField(lang, {
        name: 'municipality',
        label: t('admin.group.municipality'),
        required: false,
        error: gErr('municipality'),
        value: form.input.municipality,
        options: [
          { value: '', label: t('wholeRegion', { region: region.name[lang] }) },
          ...region.municipalities.map((mu) => ({ value: mu.code, label: mu.shortName })),
        ],
      })}
      <button class="button" type="submit">${group ? t('admin.group.save') : t('admin.group.create')}</button>
    </form>
  </section>`;

  let rest: SafeHtml = html``;
  if (group) {
    const meetupTable = dataTable({
      id: 'network-meetups-caption',
      caption: t('admin.meetups.caption'),
      columns: [t('admin.col.meetup'), t('admin.col.when'), t('admin.col.attendees'), t('admin.col.status')],
      rows: m.meetups ?? [],
      cells: (e) => {
        const when = dateTimeOf(lang, e.startsAt);
        const title = groupEventTitle(lang, e);
        return [
          html`<a href="${eventAdminPath(e.id)}">${title}</a>`,
          `${when.date} ${when.time}`,
          e.capacity === null
            ? formatNumber(lang, e.seatsTaken)
            : t('admin.of', {
                count: formatNumber(lang, e.seatsTaken),
                capacity: formatNumber(lang, e.capacity),
              }),
          html`<span class="tag${e.status === 'published' ? '' : ' tag--muted'}">${t(`admin.eventStatus.${e.status as 'draft'}`)}</span>`,
        ];
      },
      empty: t('admin.noMeetups'),
    });
    rest = html`<section aria-labelledby="group-status-title">
        <h2 id="group-status-title" class="visually-hidden">${t('admin.col.status')}</h2>
        <p>${t('admin.col.status')}: ${t(`status.${group.status as 'active'}`)}.
          <a href="${networkPaths.group(lang, group.slug)}">${t('admin.group.public')}</a></p>
        <form class="form" method="post" action="${adminPaths.group(group.id)}/archive">
          ${csrfField(m.csrf)}
          <button class="button button--secondary" type="submit">${group.status === 'archived' ? t('admin.group.restore') : t('admin.group.archive')}</button>
        </form>
      </section>
      <section aria-labelledby="meetups-title">
        <h2 id="meetups-title">${t('admin.meetups')}</h2>
        <p>${t('admin.meetups.lead')}</p>
        <p><a class="button" href="${newMeetupPath(group.id)}">${t('admin.meetup.new')}</a></p>
        ${meetupTable}
      </section>`;
  }
  const failed = Object.keys(form.errors).length > 0;
  return {
    title: failed ? formTexts.t(lang, 'form.titleWithErrors', { title: heading }) : heading,
    main: html`<p><a href="${adminPaths.home}">${t('admin.back')}</a></p>
      <h1>${heading}</h1>
      ${notice(m.done ? t(`admin.done.${m.done}`) : undefined)}
      ${groupForm} ${rest}`,
  };
}

/** A refused match, with why and the way back to the case. */
export function refusedPage(lang: Lang, caseUrl: string, reason: string): { title: string; main: SafeHtml } {
  const t = tt(lang);
  return {
    title: t('refuse.title'),
    main: html`<h1>${t('refuse.title')}</h1>
      <div class="error-summary" role="alert" tabindex="-1"><p>${t(`refuse.${reason as 'noConsent'}`)}</p></div>
      <p><a href="${caseUrl}#ambassador">${t('refuse.back')}</a></p>`,
  };
}

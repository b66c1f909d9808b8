/**
 * The case file's "Jobb och karriär" panel (order 60), for each adult: their talent pool profile
 * (only with the talent pool's 'navigator' consent) and its top matches with the reason in words,
 * the talent pool's contact requests, the introductions to employers, the job search with a form to
 * change it, and the log of applications (add one, change one's status). The same panel is the
 * body of /admin/cases/:id/careers, where a form that failed is shown again with its errors.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import {
  csrfField,
  dateField,
  formErrorSummary,
  hiddenField,
  notice,
  selectField,
  textareaField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { jobPath } from '../../jobs/views.ts';
import { conceptsById, introsOfPerson } from '../../talent/employers/repository.ts';
import { topMatches, regionPlaces, type MatchedJob } from '../../talent/matching/service.ts';
import { explain, mainSide, partnerSide } from '../../talent/matching/score.ts';
import { talentMessages } from '../../talent/messages.ts';
import type { PersonRow } from '../cases.ts';
import { relocationMessages } from '../messages.ts';
import { casePath, dayOf, JOB_SEARCH } from '../model.ts';
import type { CasePanel, CasePanelContext, CasePanelView } from '../part.ts';
import { careersMessages, type CareersMessageKey } from './messages.ts';
import { adultProfile, sideOf, type AdultProfile } from './profiles.ts';
import {
  APPLICATION_STATUSES,
  applicationsOf,
  introductionsOfCase,
  type ApplicationRow,
  type IntroductionRow,
} from './repository.ts';
import { EMPLOYER_MAX, NOTE_MAX, TITLE_MAX, type FormErrors } from './service.ts';

export const PANEL_ID = 'careers';
const MATCHES = 5;
export const DONE = ['jobsearch', 'application', 'applicationStatus', 'introduction'] as const;
export type Done = (typeof DONE)[number];

/** A form of the panel shown again with what was typed and what was wrong. */
export interface PanelForm {
  form: 'jobsearch' | 'application' | 'status';
  personId: string;
  applicationId?: string;
  values: Record<string, string>;
  errors: FormErrors;
}

type T = (key: CareersMessageKey, params?: Record<string, string | number>) => string;

export const careersPath = (caseId: string) => `${casePath(caseId)}/careers`;
export const jobSearchAction = (caseId: string) => `${casePath(caseId)}/job-search`;
export const applicationsAction = (caseId: string) => `${casePath(caseId)}/applications`;
export const introducePath = (caseId: string) => `${casePath(caseId)}/introductions`;

function personTitle(lang: Lang, person: PersonRow): string {
  const role = relocationMessages.t(lang, `role.${person.role as 'main' | 'partner'}`);
  return person.name.trim() ? `${person.name.trim()} (${role.toLocaleLowerCase(lang)})` : role;
}

function labelsOf(
  lang: Lang,
  ids: readonly string[],
  concepts: Map<string, { label: string; labelEn: string | null }>,
) {
  return ids
    .map((id) => concepts.get(id))
    .filter((c) => c !== undefined)
    .map((c) => (lang === 'en' && c.labelEn ? c.labelEn : c.label));
}

async function profileBlock(
  db: Kysely<DB>,
  region: Region,
  lang: Lang,
  t: T,
  person: PersonRow,
  found: AdultProfile | undefined,
  key: string,
): Promise<SafeHtml> {
  const heading = html`<h4>${t('profile.title')}</h4>`;
  if (!found) {
    return html`${heading}<p>${person.account_id ? t('profile.none') : t('profile.noAccount')}</p>`;
  }
  if (!found.readable) return html`${heading}<p>${t('profile.noConsent')}</p>`;
  const side = sideOf(found);
  const concepts = await conceptsById(db, [...side.occupations, ...side.skills]);
  const occupations = labelsOf(lang, side.occupations, concepts);
  const skills = labelsOf(lang, side.skills, concepts);
  const p = found.profile;
  const places = p.anywhere
    ? [t('profile.anywhere')]
    : p.municipalities.map((code) => region.municipalities.find((m) => m.code === code)?.shortName ?? code);
  const list = (items: string[]) => (items.length ? items.join(', ') : t('profile.nothing'));
  const profile = html`<dl class="facts">
    <dt>${t('profile.occupations')}</dt><dd>${list(occupations)}</dd>
    <dt>${t('profile.skills')}</dt><dd>${list(skills)}</dd>
    <dt>${t('profile.where')}</dt><dd>${list(places)}</dd>
    <dt>${t('profile.when')}</dt><dd>${talentMessages.t(lang, `move.${p.moveWhen}` as never)}</dd>
  </dl>
  ${found.side === 'partner' && p.accountId !== person.account_id ? html`<p>${t('profile.partnerPart')}</p>` : ''}`;

  const talentSide = found.side === 'own' ? mainSide(p) : partnerSide(p);
  let jobs: MatchedJob[] = [];
  if (talentSide) {
    const placesOf = await regionPlaces(db, region.id);
    jobs = await topMatches(db, region.id, talentSide, MATCHES, placesOf);
  }
  const whose = found.side === 'own' ? 'own' : 'partner';
  const matches = html`<h4>${t('matches.title')}</h4>
    ${dataTable({
      id: `careers-matches-${key}`,
      caption: t('matches.caption', { name: person.name.trim() || personTitle(lang, person) }),
      columns: [t('matches.job'), t('matches.employer'), t('matches.why')],
      rows: jobs,
      cells: (j) => [
        html`<a href="/${lang}${jobPath(j.id)}">${j.headline}</a>`,
        j.employerName,
        explain(j.match, lang, whose),
      ],
      empty: t('matches.none'),
    })}`;

  let talentIntros: SafeHtml | string = '';
  if (person.account_id && found.side === 'own') {
    const intros = await introsOfPerson(db, region.id, person.account_id, 20);
    talentIntros = html`<h4>${t('talentIntros.title')}</h4>
      ${
        intros.length === 0
          ? html`<p>${t('talentIntros.none')}</p>`
          : html`<ul>
              ${intros.map(
                (i) =>
                  html`<li>${i.organisationName}${i.jobHeadline ? ` – ${i.jobHeadline}` : ''}:
                    ${t(`talentIntros.status.${i.status}`)} (${formatDate(lang, i.createdAt)})</li>`,
              )}
            </ul>`
      }`;
  }
  return html`${heading}${profile}${matches}${talentIntros}`;
}

function introductionsBlock(
  lang: Lang,
  t: T,
  caseId: string,
  person: PersonRow,
  intros: IntroductionRow[],
  consented: boolean,
  key: string,
): SafeHtml {
  const name = person.name.trim() || personTitle(lang, person);
  return html`<h4>${t('intros.title')}</h4>
    ${dataTable({
      id: `careers-intros-${key}`,
      caption: t('intros.caption', { name }),
      columns: [t('intros.organisation'), t('intros.job'), t('intros.status'), t('intros.sent')],
      rows: intros,
      cells: (i) => [
        i.organisationName,
        i.jobId ? html`<a href="/${lang}${jobPath(i.jobId)}">${i.jobHeadline ?? i.jobId}</a>` : '–',
        t(`introStatus.${i.status}`),
        formatDate(lang, i.createdAt),
      ],
      empty: t('intros.none'),
    })}
    ${
      consented
        ? html`<p><a href="${introducePath(caseId)}?person=${person.id}">${t('intros.new', { name })}</a></p>`
        : html`<p>${t('intros.noConsent')}</p>`
    }`;
}

function jobSearchForm(
  lang: Lang,
  t: T,
  csrf: string,
  caseId: string,
  person: PersonRow,
  key: string,
  form: PanelForm | undefined,
): SafeHtml {
  const mine = form?.form === 'jobsearch' && form.personId === person.id ? form : undefined;
  return html`<h4>${t('jobSearch.title')}</h4>
    <form method="post" action="${jobSearchAction(caseId)}" class="form form--inline">
      ${csrfField(csrf)} ${hiddenField('person', person.id)}
      ${selectField(lang, {
        name: 'job_search',
        id: `job_search-${key}`,
        label: t('jobSearch.label'),
        value: mine?.values.job_search ?? person.job_search,
        options: JOB_SEARCH.map((s) => ({ value: s, label: relocationMessages.t(lang, `jobSearch.${s}`) })),
        error: mine?.errors.job_search,
      })}
      <button type="submit" class="button button--secondary">${t('jobSearch.save')}</button>
    </form>`;
}

function applicationsBlock(
  lang: Lang,
  t: T,
  csrf: string,
  caseId: string,
  person: PersonRow,
  applications: ApplicationRow[],
  key: string,
  form: PanelForm | undefined,
): SafeHtml {
  const name = person.name.trim() || personTitle(lang, person);
  const statusChoices = APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`appStatus.${s}`) }));
  const table = dataTable({
    id: `careers-apps-${key}`,
    caption: t('apps.caption', { name }),
    columns: [t('apps.jobTitle'), t('apps.employer'), t('apps.notedOn'), t('apps.note'), t('apps.status')],
    rows: applications,
    cells: (a) => [
      a.jobId ? html`<a href="/${lang}${jobPath(a.jobId)}">${a.title}</a>` : a.title,
      a.employer,
      dayOf(a.notedOn),
      a.note || '–',
      html`<form method="post" action="${applicationsAction(caseId)}/${a.id}" class="form form--inline">
        ${csrfField(csrf)}
        ${selectField(lang, {
          name: 'status',
          id: `status-${a.id}`,
          label: t('apps.status'),
          hiddenLabel: true,
          value:
            form?.form === 'status' && form.applicationId === a.id
              ? (form.values.status ?? a.status)
              : a.status,
          options: statusChoices,
          error: form?.form === 'status' && form.applicationId === a.id ? form.errors.status : undefined,
        })}
        <button type="submit" class="button button--secondary">${t('apps.change')}</button>
      </form>`,
    ],
    empty: t('apps.none'),
  });
  const mine = form?.form === 'application' && form.personId === person.id ? form : undefined;
  const v = mine?.values ?? {};
  const e = mine?.errors ?? {};
  const id = (field: string) => `${field}-${key}`;
  const add = html`<form method="post" action="${applicationsAction(caseId)}" class="form" novalidate>
    <h5>${t('apps.add')}</h5>
    ${csrfField(csrf)} ${hiddenField('person', person.id)}
    ${textField(lang, { name: 'employer', id: id('employer'), label: t('apps.employer'), value: v.employer ?? '', maxlength: EMPLOYER_MAX, required: true, error: e.employer })}
    ${textField(lang, { name: 'title', id: id('title'), label: t('apps.jobTitle'), value: v.title ?? '', maxlength: TITLE_MAX, required: true, error: e.title })}
    ${textField(lang, { name: 'job', id: id('job'), label: t('apps.job'), hint: t('apps.jobHint'), value: v.job ?? '', maxlength: 64, required: false, error: e.job })}
    ${selectField(lang, { name: 'status', id: id('app-status'), label: t('apps.status'), value: v.status ?? 'applied', options: statusChoices, error: e.status })}
    ${dateField(lang, { name: 'noted_on', id: id('noted_on'), label: t('apps.notedOn'), value: v.noted_on ?? '', required: false, error: e.noted_on })}
    ${textareaField(lang, { name: 'note', id: id('note'), label: t('apps.note'), value: v.note ?? '', rows: 3, maxlength: NOTE_MAX, required: false, error: e.note })}
    <button type="submit" class="button">${t('apps.addButton')}</button>
  </form>`;
  return html`<h4>${t('apps.title')}</h4>${table}${add}`;
}

/** The panel's HTML for a case (the case file's panel and the careers page). */
export async function renderCareers(context: CasePanelContext, form?: PanelForm): Promise<CasePanelView> {
  const { db, region, lang } = context;
  const t: T = (key, params) => careersMessages.t(lang, key, params);
  const caseId = context.case.id;
  const adults = context.persons.filter((p) => p.role !== 'child');
  const [applications, intros] = await Promise.all([
    applicationsOf(
      db,
      region.id,
      adults.map((a) => a.id),
    ),
    introductionsOfCase(db, region.id, caseId),
  ]);
  const doneValue = context.query.careers_done;
  const done = DONE.find((d) => d === doneValue);
  const errors = form
    ? Object.entries(form.errors).map(([field, text]) => ({
        id:
          form.form === 'status'
            ? `status-${form.applicationId}`
            : `${field === 'status' ? 'app-status' : field}-${form.personId.slice(0, 8)}`,
        text,
      }))
    : [];
  const sections: SafeHtml[] = [];
  for (const person of adults) {
    const key = person.id.slice(0, 8);
    const found = await adultProfile(db, region.id, person, context.persons);
    const consented = context.consents.get(person.id)?.has('employers') ?? false;
    sections.push(html`<section class="careers-person" aria-labelledby="careers-${key}">
      <h3 id="careers-${key}">${personTitle(lang, person)}:
        ${relocationMessages.t(lang, `jobSearch.${person.job_search as (typeof JOB_SEARCH)[number]}`)}</h3>
      ${await profileBlock(db, region, lang, t, person, found, key)}
      ${introductionsBlock(
        lang,
        t,
        caseId,
        person,
        intros.filter((i) => i.personId === person.id),
        consented,
        key,
      )}
      ${jobSearchForm(lang, t, context.csrfToken, caseId, person, key, form)}
      ${applicationsBlock(
        lang,
        t,
        context.csrfToken,
        caseId,
        person,
        applications.filter((a) => a.personId === person.id),
        key,
        form,
      )}
    </section>`);
  }
  const title = t('panel.title');
  return {
    id: PANEL_ID,
    title,
    html: html`<section id="${PANEL_ID}" aria-labelledby="${PANEL_ID}-title">
      <h2 id="${PANEL_ID}-title">${title}</h2>
      ${notice(done ? t(`done.${done}`) : undefined)}
      ${formErrorSummary(lang, errors)}
      ${context.case.merged_into ? html`<p>${t('panel.merged')}</p>` : ''}
      ${adults.length === 0 ? html`<p>${t('panel.noAdults')}</p>` : sections}
    </section>`,
  };
}

export const careersPanel: CasePanel = { order: 60, render: (context) => renderCareers(context) };

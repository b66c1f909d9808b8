/** The own page's "Sparade jobb": the starred jobs, newest first, each with a remove button; closed ones say so. */
import { csrfField, hiddenField, notice } from '../../../platform/html/forms.ts';
import { html } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import type { OwnPageSection, PersonalDataPart } from '../../../platform/personal-data.ts';
import { savedMessages } from './messages.ts';
import { eraseSavedJobs, exportSavedJobs, savedJobs } from './service.ts';

const DONE = { 'job-saved': 'own.done.saved', 'job-removed': 'own.done.removed' } as const;

export const savedJobsSection: OwnPageSection = {
  order: 30,
  async render(ctx) {
    const { db, lang } = ctx;
    const t = (key: Parameters<typeof savedMessages.t>[1], params?: Record<string, string>) =>
      savedMessages.t(lang, key, params);
    const { region } = ctx;
    const jobs = await savedJobs(db, ctx.regionId, ctx.accountId);
    const done =
      typeof ctx.query.done === 'string' && ctx.query.done in DONE
        ? DONE[ctx.query.done as keyof typeof DONE]
        : undefined;
    const place = (code: string | null) => region.municipalities.find((m) => m.code === code)?.shortName;
    const items = jobs.map(
      (job) => html`<li class="card saved-job">
        <h3 class="saved-job__title"><a href="${localPath(lang, `/jobs/${encodeURIComponent(job.jobId)}`)}">${job.headline}</a></h3>
        <p>${[job.employerName, place(job.municipalityCode)].filter(Boolean).join(' · ')}</p>
        ${job.closedAt ? html`<p class="notice saved-job__closed">${t('own.closed', { date: formatDate(lang, job.closedAt) })}</p>` : ''}
        <p class="field__hint">${t('own.savedOn', { date: formatDate(lang, job.savedAt) })}</p>
        <form class="form" method="post" action="${localPath(lang, '/saved-jobs/remove')}">
          ${csrfField(ctx.csrfToken)} ${hiddenField('job', job.jobId)}
          <button class="button button--secondary" type="submit" aria-label="${t('own.removeNamed', { headline: job.headline })}">${t('own.remove')}</button>
        </form>
      </li>`,
    );
    return {
      id: 'saved-jobs',
      title: t('own.title'),
      html: html`<section id="saved-jobs" aria-labelledby="saved-jobs-title">
        <h2 id="saved-jobs-title">${t('own.title')}</h2>
        ${notice(done ? t(done) : undefined)}
        ${items.length ? html`<ul class="saved-jobs" role="list">${items}</ul>` : html`<p>${t('own.none')}</p>`}
      </section>`,
    };
  },
};

export const savedJobsPersonalData: PersonalDataPart = {
  name: 'savedJobs',
  export: (db, person) => exportSavedJobs(db, person.regionId, person.accountId),
  erase: (db, person) => eraseSavedJobs(db, person.regionId, person.accountId),
};

/**
 * The household's side in the navigator's case file: "Checklista" (40: progress and each step done
 * or not, with when), "Dokument" (50: what the household shared, with a download link) and
 * "Uppföljning" (70: the follow-ups due, sent and answered, the answers in words).
 */
import { html } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { CasePanel, CasePanelContext, CasePanelView } from '../part.ts';
import { casePath } from '../model.ts';
import { answersSummary, type SurveyAnswers } from './followups.ts';
import { householdMessages, type HouseholdKey } from './messages.ts';
import { documentsOf, followupsOf } from './repository.ts';
import { checklistOf } from './service.ts';
import { formatBytes } from './views.ts';

const t = (lang: Lang, key: HouseholdKey, params?: Record<string, string | number>) =>
  householdMessages.t(lang, key, params);

async function checklistPanel(ctx: CasePanelContext): Promise<CasePanelView> {
  const { lang } = ctx;
  const list = await checklistOf(ctx.db, ctx.region.id, ctx.case, ctx.persons);
  const title = t(lang, 'panel.checklist');
  return {
    id: 'checklist',
    title,
    html: html`<section id="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">${title}</h2>
      <p><strong>${t(lang, 'checklist.progress', { done: list.done, total: list.total })}</strong></p>
      ${dataTable({
        id: 'checklist-table',
        caption: t(lang, 'panel.checklistCaption'),
        columns: [t(lang, 'panel.step'), t(lang, 'panel.phase'), t(lang, 'panel.state')],
        rows: list.items,
        cells: (item) => [
          item.step.title[lang],
          t(lang, `phase.${item.step.phase}`),
          item.tick
            ? t(lang, 'step.doneOn', { date: formatDate(lang, item.tick.doneAt) })
            : t(lang, 'panel.notDone'),
        ],
        empty: '',
      })}
    </section>`,
  };
}

async function documentsPanel(ctx: CasePanelContext): Promise<CasePanelView> {
  const { lang } = ctx;
  const docs = await documentsOf(ctx.db, ctx.region.id, ctx.case.id);
  const title = t(lang, 'panel.documents');
  return {
    id: 'documents',
    title,
    html: html`<section id="documents" aria-labelledby="documents-title">
      <h2 id="documents-title">${title}</h2>
      ${dataTable({
        id: 'documents-table',
        caption: t(lang, 'documents.caption'),
        columns: [t(lang, 'documents.name'), t(lang, 'documents.size'), t(lang, 'documents.date')],
        rows: docs,
        cells: (d) => [
          html`<a href="${casePath(ctx.case.id)}/documents/${d.id}" download>${d.filename}</a>`,
          formatBytes(lang, d.bytes),
          formatDate(lang, d.created_at),
        ],
        empty: t(lang, 'documents.none'),
      })}
    </section>`,
  };
}

async function followupsPanel(ctx: CasePanelContext): Promise<CasePanelView> {
  const { lang } = ctx;
  const rows = await followupsOf(ctx.db, ctx.region.id, ctx.case.id);
  const title = t(lang, 'panel.followups');
  const state = (f: (typeof rows)[number]) => {
    if (f.answered_at) return t(lang, 'followup.answered', { date: formatDate(lang, f.answered_at) });
    if (f.sent_at && !f.token_hash) return t(lang, 'followup.skipped');
    if (f.sent_at) return t(lang, 'followup.sent', { date: formatDate(lang, f.sent_at) });
    return t(lang, 'followup.due', { date: formatDate(lang, f.due_on) });
  };
  return {
    id: 'followups',
    title,
    html: html`<section id="followups" aria-labelledby="followups-title">
      <h2 id="followups-title">${title}</h2>
      ${
        rows.length === 0
          ? html`<p>${t(lang, 'panel.noFollowups')}</p>`
          : html`<ul class="case-followups">${rows.map(
              (
                f,
              ) => html`<li><strong>${t(lang, 'followup.months', { months: f.months })}</strong>: ${state(f)}
              ${
                f.answers
                  ? html`<p>${answersSummary(lang, ctx.region, f.answers as SurveyAnswers)}</p>
                    ${(f.answers as SurveyAnswers).helped ? html`<blockquote><p>${(f.answers as SurveyAnswers).helped}</p></blockquote>` : ''}`
                  : ''
              }</li>`,
            )}</ul>`
      }
    </section>`,
  };
}

export const householdPanels: readonly CasePanel[] = [
  { order: 40, render: checklistPanel },
  { order: 50, render: documentsPanel },
  { order: 70, render: followupsPanel },
];

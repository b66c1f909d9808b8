/**
 * The case file's "Ambassadör" panel (order 65): the ambassadors matched with the household and
 * their status (end a match), and the approved ambassadors who fit best (scoreAmbassador), each
 * with its points, its reasons in words and a "Matcha" button — or, without an adult's
 * 'ambassador' consent, why no match can be made.
 */
import { csrfField, hiddenField, notice } from '../../../platform/html/forms.ts';
import { html } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { casePath } from '../model.ts';
import type { CasePanel } from '../part.ts';
import { firstName, householdFacts, languageName } from './matching.ts';
import { networkMessages, type NetworkKey } from './messages.ts';
import { TOP_AMBASSADORS } from './model.ts';
import { ambassadorList, matchesOfCase } from './repository.ts';
import { rankAmbassadors, type Reason } from './score.ts';

export const PANEL_ID = 'ambassador';
const DONE: Record<string, NetworkKey> = {
  'ambassador-matched': 'panel.done.matched',
  'ambassador-ended': 'panel.done.ended',
};

export function reasonText(lang: Lang, region: Region, reason: Reason): string {
  const t = (key: NetworkKey, params?: Record<string, string>) => networkMessages.t(lang, key, params);
  switch (reason.key) {
    case 'municipality':
      return t('reason.municipality', {
        place: region.municipalities.find((m) => m.code === reason.detail)?.shortName ?? reason.detail ?? '',
      });
    case 'language':
      return t('reason.language', { language: languageName(lang, reason.detail ?? '').toLowerCase() });
    case 'profession':
      return t('reason.profession', { word: reason.detail ?? '' });
    default:
      return t(`reason.${reason.key}`);
  }
}

export const ambassadorPanel: CasePanel = {
  order: 65,
  async render(ctx) {
    const { db, lang, region } = ctx;
    const t = (key: NetworkKey, params?: Record<string, string>) => networkMessages.t(lang, key, params);
    const caseId = ctx.case.id;
    const [matches, approved] = await Promise.all([
      matchesOfCase(db, region.id, caseId),
      ambassadorList(db, region.id, 'approved'),
    ]);
    const consented = [...ctx.consents.values()].some((purposes) => purposes.has('ambassador'));
    const live = new Set(matches.filter((m) => m.status !== 'ended').map((m) => m.ambassadorId));
    const ranked = rankAmbassadors(
      householdFacts(ctx.case, ctx.persons),
      approved
        .filter((a) => !live.has(a.id))
        .map((a) => ({
          ...a,
          name: firstName(a.displayName, a.email),
          municipalityCode: a.municipality_code,
        })),
      TOP_AMBASSADORS,
    );
    const done = typeof ctx.query.done === 'string' ? DONE[ctx.query.done] : undefined;
    const path = casePath(caseId);

    const matchList = matches.length
      ? html`<ul class="network-matches">
          ${matches.map((m) => {
            const name = firstName(m.displayName, m.email);
            return html`<li>
              ${t('panel.match.line', {
                name,
                email: m.email,
                status: t(`match.${m.status as 'proposed' | 'introduced' | 'ended'}`),
                date: formatDate(lang, m.matchedAt),
              })}
              ${
                m.status !== 'ended'
                  ? html`<form class="admin-inline-form" method="post" action="${path}/ambassador/end">
                      ${csrfField(ctx.csrfToken)} ${hiddenField('match', m.id)}
                      <button class="button button--secondary" type="submit" aria-label="${t('panel.endNamed', { name })}">${t('panel.end')}</button>
                    </form>`
                  : ''
              }
            </li>`;
          })}
        </ul>`
      : html`<p>${t('panel.noMatches')}</p>`;

    const suggestions = dataTable({
      id: 'ambassador-suggestions-caption',
      caption: t('panel.suggestions.caption'),
      columns: [
        t('panel.col.ambassador'),
        t('panel.col.points'),
        t('panel.col.reasons'),
        consented ? t('panel.col.match') : null,
      ],
      rows: ranked,
      cells: ({ ambassador, score }) => [
        html`${ambassador.name}<br /><span class="admin-muted">${ambassador.email}</span>`,
        formatNumber(lang, score.points),
        html`<ul>${score.reasons.map((r) => html`<li>${reasonText(lang, region, r)}</li>`)}</ul>`,
        html`<form class="admin-inline-form" method="post" action="${path}/ambassador">
          ${csrfField(ctx.csrfToken)} ${hiddenField('ambassador', ambassador.id)}
          <button class="button" type="submit" aria-label="${t('panel.matchNamed', { name: ambassador.name })}">${t('panel.match')}</button>
        </form>`,
      ],
      empty: t('panel.noSuggestions'),
    });

    return {
      id: PANEL_ID,
      title: t('panel.title'),
      html: html`<section id="${PANEL_ID}" aria-labelledby="${PANEL_ID}-title">
        <h2 id="${PANEL_ID}-title">${t('panel.title')}</h2>
        ${notice(done ? t(done) : undefined)}
        <h3>${t('panel.matches')}</h3>
        ${matchList}
        <h3>${t('panel.suggestions')}</h3>
        ${consented ? '' : html`<p class="notice notice--warning">${t('panel.noConsent')}</p>`}
        ${suggestions}
      </section>`,
    };
  },
};

/**
 * The own page's "Jobs that suit you" (/sv/me): the profile's top matches, each with why, and for a
 * household each paired with the partner's best job in reach of the same home (two columns from
 * 800 px, stacked on a phone). Nothing for a person without a profile (the join part invites them);
 * a hidden profile says why it has no matches.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { OwnPageSection, OwnPageSectionView } from '../../../platform/personal-data.ts';
import { jobPath } from '../../jobs/views.ts';
import { profileAsPartner, profileOf } from '../profiles.ts';
import { matchingMessages as m } from './messages.ts';
import { explain, partnerSide, type Whose } from './score.ts';
import { profileMatches, regionPlaces, topMatches, type MatchedJob } from './service.ts';

export const SECTION_ID = 'talent-matches';
export const SECTION_LIMIT = 10;

function jobCard(
  lang: Lang,
  job: MatchedJob,
  placeName: (code: string) => string,
  level: 3 | 4 = 3,
  whose: Whose = 'own',
): SafeHtml {
  const place = job.municipalityCode ? placeName(job.municipalityCode) : '';
  const link = html`<a href="${localPath(lang, jobPath(job.id))}">${job.headline}</a>`;
  return html`<article class="talent-match">
    ${
      level === 3
        ? html`<h3 class="talent-match__title">${link}</h3>`
        : html`<h4 class="talent-match__title">${link}</h4>`
    }
    <p class="talent-match__meta">
      ${place ? m.t(lang, 'section.employer', { employer: job.employerName, place }) : job.employerName}
      · ${m.t(lang, 'section.score', { score: Math.round(job.match.score) })}
    </p>
    <p class="talent-match__why">${m.t(lang, 'section.why')} ${explain(job.match, lang, whose)}</p>
  </article>`;
}

function view(lang: Lang, body: SafeHtml): OwnPageSectionView {
  return { id: SECTION_ID, title: m.t(lang, 'section.title'), html: sectionHtml(lang, body) };
}

function sectionHtml(lang: Lang, body: SafeHtml): SafeHtml {
  return html`<section class="me-section" id="${SECTION_ID}" aria-labelledby="${SECTION_ID}-title">
    <h2 id="${SECTION_ID}-title">${m.t(lang, 'section.title')}</h2>
    ${body}
  </section>`;
}

export const matchesSection: OwnPageSection = {
  order: 20,
  async render({ db, regionId, accountId, lang }) {
    const profile = await profileOf(db, regionId, accountId);
    const places = await regionPlaces(db, regionId);
    const name = (code: string) => places.name(code);
    if (!profile) {
      // A partner who claimed their part of a household's profile sees their own matches.
      const household = await profileAsPartner(db, regionId, accountId);
      const side = household && household.status === 'active' ? partnerSide(household) : null;
      if (!side) return null;
      const jobs = await topMatches(db, regionId, side, SECTION_LIMIT, places);
      return view(
        lang,
        html`<p>${m.t(lang, 'section.asPartner')}</p>
          ${
            jobs.length
              ? html`<ol class="talent-matches">
                ${jobs.map((j) => html`<li>${jobCard(lang, j, name)}</li>`)}
              </ol>`
              : html`<p>${m.t(lang, 'section.none')}</p>`
          }`,
      );
    }
    if (profile.status === 'hidden') return view(lang, html`<p>${m.t(lang, 'section.hidden')}</p>`);
    const matches = await profileMatches(db, regionId, profile, SECTION_LIMIT);
    if (matches.main.length === 0) return view(lang, html`<p>${m.t(lang, 'section.none')}</p>`);
    if (!matches.household) {
      return view(
        lang,
        html`<p>${m.t(lang, 'section.intro')}</p>
          <ol class="talent-matches">
            ${matches.main.map((j) => html`<li>${jobCard(lang, j, name)}</li>`)}
          </ol>`,
      );
    }
    return view(
      lang,
      html`<p>${m.t(lang, 'section.intro')}</p>
        <p>${m.t(lang, 'section.household')}</p>
        <ol class="talent-matches talent-matches--household">
          ${matches.household.map(
            (pair) => html`<li class="talent-pair">
              <div class="talent-pair__side">
                <h3 class="talent-pair__who">${m.t(lang, 'section.you')}</h3>
                ${jobCard(lang, pair.main, name, 4)}
              </div>
              <div class="talent-pair__side">
                <h3 class="talent-pair__who">${m.t(lang, 'section.partner')}</h3>
                ${pair.partner ? jobCard(lang, pair.partner, name, 4, 'partner') : html`<p>${m.t(lang, 'section.partnerNone')}</p>`}
              </div>
            </li>`,
          )}
        </ol>`,
    );
  },
};

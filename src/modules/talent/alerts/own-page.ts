/**
 * The own page's "Bevakningar": the person's alerts (the search in words, how often, remove) and
 * the matches digest on/off with its frequency; and the alerts' part of the person's data.
 */
import { csrfField, radioGroup, checkboxGroup, notice } from '../../../platform/html/forms.ts';
import { html } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { OwnPageSection, PersonalDataPart } from '../../../platform/personal-data.ts';
import { alertMessages } from './messages.ts';
import { describeSearch, storedSearch } from './search-words.ts';
import { alertsOf, eraseAlerts, exportAlerts, FREQUENCIES, type AlertRow } from './service.ts';
import { searchWordsList } from './views.ts';
import { liveConsents, profileOf } from '../profiles.ts';

const DONE = {
  'alert-saved': 'own.done.alertSaved',
  'alert-deleted': 'own.done.alertDeleted',
  'matches-saved': 'own.done.matchesSaved',
} as const;

function frequencyChoices(lang: Lang, name: string, idPrefix: string, value: string) {
  return radioGroup(lang, {
    name,
    idPrefix,
    legend: alertMessages.t(lang, 'own.frequency'),
    value,
    options: FREQUENCIES.map((f) => ({ value: f, label: alertMessages.t(lang, `frequency.${f}`) })),
  });
}

export const alertsSection: OwnPageSection = {
  order: 40,
  async render(ctx) {
    const { db, lang } = ctx;
    const { region } = ctx;
    const t = (key: Parameters<typeof alertMessages.t>[1], params?: Record<string, string>) =>
      alertMessages.t(lang, key, params);
    const all = await alertsOf(db, ctx.regionId, { accountId: ctx.accountId, email: ctx.email });
    const searches = all.filter((a) => a.kind === 'search');
    const matches = all.find((a) => a.kind === 'matches' && a.accountId === ctx.accountId);
    const [consents, profile] = await Promise.all([
      liveConsents(db, ctx.regionId, ctx.accountId),
      profileOf(db, ctx.regionId, ctx.accountId),
    ]);
    const done =
      typeof ctx.query.done === 'string' && ctx.query.done in DONE
        ? DONE[ctx.query.done as keyof typeof DONE]
        : undefined;
    const item = async (alert: AlertRow) => {
      const words = await describeSearch(db, region, lang, await storedSearch(db, region, alert.query));
      const action = localPath(lang, `/me/alerts/${alert.id}`);
      const prefix = `alert-${alert.id.slice(0, 8)}`;
      return html`<li class="card alert-item">
        ${searchWordsList(words)}
        ${alert.confirmedAt ? '' : html`<p class="field__hint">${t('own.waiting')}</p>`}
        <form class="form" method="post" action="${action}">
          ${csrfField(ctx.csrfToken)}
          ${frequencyChoices(lang, 'frequency', prefix, alert.frequency)}
          <button class="button button--secondary" type="submit" name="action" value="save">${t('own.save')}</button>
          <button class="button button--secondary" type="submit" name="action" value="delete" aria-label="${t('own.deleteNamed', { search: words.join(', ') })}">${t('own.delete')}</button>
        </form>
      </li>`;
    };
    const items = await Promise.all(searches.map(item));
    // New jobs that fit a profile: only for a person with a profile of their own (a partner's part
    // is matched for the household they belong to). The consent can be given right here.
    const matchesPart = html`<h3>${t('own.matches')}</h3>
        <p>${t('own.matchesHint')}</p>
        ${
          consents.has('alerts')
            ? ''
            : html`<div class="notice"><p>${t('own.matchesNoConsent')}</p>
                <form method="post" action="${localPath(lang, '/me/talent/consent')}">
                  ${csrfField(ctx.csrfToken)}<input type="hidden" name="purpose" value="alerts" /><input type="hidden" name="give" value="1" />
                  <button class="button button--secondary" type="submit">${t('own.matchesGiveConsent')}</button>
                </form></div>`
        }
        <form class="form" method="post" action="${localPath(lang, '/me/alerts-matches')}">
          ${csrfField(ctx.csrfToken)}
          ${checkboxGroup(lang, {
            name: 'on',
            idPrefix: 'matches-on',
            legend: t('own.matches'),
            values: matches && !matches.stoppedAt ? ['yes'] : [],
            options: [{ value: 'yes', label: t('own.matchesOn') }],
          })}
          ${frequencyChoices(lang, 'frequency', 'matches-frequency', matches?.frequency ?? 'weekly')}
          <button class="button button--secondary" type="submit">${t('own.save')}</button>
        </form>`;
    return {
      id: 'job-alerts',
      title: t('own.title'),
      html: html`<section id="job-alerts" aria-labelledby="job-alerts-title">
        <h2 id="job-alerts-title">${t('own.title')}</h2>
        ${notice(done ? t(done) : undefined)}
        <p>${t('own.lead')}</p>
        ${items.length ? html`<ul class="alert-list" role="list">${items}</ul>` : html`<p>${t('own.none')}</p>`}
        ${profile ? matchesPart : ''}
      </section>`,
    };
  },
};

export const alertsPersonalData: PersonalDataPart = {
  name: 'jobAlerts',
  export: (db, person) => exportAlerts(db, person.regionId, person.accountId, person.email),
  erase: (db, person) => eraseAlerts(db, person.regionId, person.accountId, person.email),
};

/**
 * The own page's "Ambassadör" section (an ambassador only): their status, the households they are
 * matched with (the first name of the adult who consented; "a household" once that consent is
 * withdrawn) and a link to change their details. And the network's part of a person's data: export
 * and erasure of memberships, the ambassador profile and its matches (sign-ups for meetups are
 * event registrations: the events module exports and erases them).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { html } from '../../../platform/html/html.ts';
import { formatDate } from '../../../platform/i18n/index.ts';
import type { OwnPageSection, PersonalDataPart, PersonRef } from '../../../platform/personal-data.ts';
import { firstName } from './matching.ts';
import { networkMessages, type NetworkKey } from './messages.ts';
import { networkPaths } from './public-views.ts';
import { ambassadorOfAccount, consentingAdults, matchesOfAmbassador, membershipsOf } from './repository.ts';

export const ambassadorSection: OwnPageSection = {
  order: 60,
  async render(ctx) {
    const { db, lang } = ctx;
    const t = (key: NetworkKey, params?: Record<string, string>) => networkMessages.t(lang, key, params);
    const ambassador = await ambassadorOfAccount(db, ctx.regionId, ctx.accountId);
    if (!ambassador) return null;
    const matches = await matchesOfAmbassador(db, ctx.regionId, ambassador.id);
    const adults = await consentingAdults(
      db,
      ctx.regionId,
      matches.map((m) => m.caseId),
    );
    const items = matches.map((m) => {
      const adult = adults.get(m.caseId);
      const name = adult ? firstName(adult.name, adult.email ?? '') : t('own.household');
      return html`<li>${t('own.match', {
        name,
        status: t(`match.${m.status as 'proposed' | 'introduced' | 'ended'}`),
        date: formatDate(lang, m.matchedAt),
      })}</li>`;
    });
    return {
      id: 'ambassador',
      title: t('own.title'),
      html: html`<section id="ambassador" aria-labelledby="ambassador-title">
        <h2 id="ambassador-title">${t('own.title')}</h2>
        <p>${t('own.status', { status: t(`status.${ambassador.status as 'pending' | 'approved' | 'paused'}`) })}</p>
        <h3>${t('own.matches')}</h3>
        ${items.length ? html`<ul>${items}</ul>` : html`<p>${t('own.noMatches')}</p>`}
        <p><a href="${networkPaths.ambassadors(lang)}">${t('own.edit')}</a></p>
      </section>`,
    };
  },
};

async function exportNetwork(db: Kysely<DB>, person: PersonRef) {
  const { regionId, accountId } = person;
  const [memberships, ambassador] = await Promise.all([
    membershipsOf(db, regionId, accountId),
    ambassadorOfAccount(db, regionId, accountId),
  ]);
  const matches = ambassador ? await matchesOfAmbassador(db, regionId, ambassador.id) : [];
  return {
    groups: memberships.map((m) => ({
      group: m.slug,
      nameSv: m.name_sv,
      nameEn: m.name_en,
      joinedAt: m.joined_at,
    })),
    ambassador: ambassador
      ? {
          status: ambassador.status,
          municipality: ambassador.municipality_code,
          languages: ambassador.languages,
          occupation: ambassador.occupation,
          personas: ambassador.personas,
          interests: ambassador.interests,
          about: ambassador.about,
          consentTextVersion: ambassador.consent_text_version,
          approvedAt: ambassador.approved_at,
          createdAt: ambassador.created_at,
          matches: matches.map((m) => ({ status: m.status, matchedAt: m.matchedAt })),
        }
      : null,
  };
}

/**
 * Erases the person's memberships and ambassador profile with its matches; the cases'
 * history keeps that an ambassador was matched, without the name. Mail still in the outbox that
 * names their address (an introduction to a household) goes too.
 */
async function eraseNetwork(trx: Kysely<DB>, person: PersonRef) {
  const { regionId, accountId } = person;
  const ambassador = await ambassadorOfAccount(trx, regionId, accountId);
  if (ambassador) {
    const erased = networkMessages.t('sv', 'history.erased');
    await trx
      .updateTable('relocation_case_events')
      .set({
        body: sql<string>`case data->>'event' when 'ended'
          then ${networkMessages.t('sv', 'history.ended', { name: erased })}
          else ${networkMessages.t('sv', 'history.matched', { name: erased })} end`,
      })
      .where('region_id', '=', regionId)
      .where('kind', '=', 'network.ambassador')
      .where(sql<string>`data->>'ambassadorId'`, '=', ambassador.id)
      .execute();
    await trx
      .deleteFrom('network_ambassador_matches')
      .where('region_id', '=', regionId)
      .where('ambassador_id', '=', ambassador.id)
      .execute();
    await trx
      .deleteFrom('network_ambassadors')
      .where('region_id', '=', regionId)
      .where('id', '=', ambassador.id)
      .execute();
  }
  await trx
    .deleteFrom('network_members')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .execute();
  const address = person.email.toLowerCase();
  await trx
    .deleteFrom('mail_outbox')
    .where('region_id', '=', regionId)
    .where(
      sql<boolean>`(position(${address} in lower(text_body)) > 0 or position(${address} in lower(coalesce(html_body, ''))) > 0)`,
    )
    .execute();
}

export const networkPersonalData: PersonalDataPart = {
  name: 'newcomerNetwork',
  export: exportNetwork,
  erase: eraseNetwork,
};

/**
 * Joining the talent pool: a checked draft waits in talent_signups under the SHA-256 of its link's
 * token (48 hours; a second sign-up with the address replaces it). Anyone may type any address, so
 * the link's page shows the mailbox owner what confirming will save (`previewSignup`), and
 * confirming finds or creates the account, writes the profile — merged into one the address
 * already has, losing nothing (`mergeDraft`) — gives the consents of `consentPlan` (a withdrawn
 * one only when ticked on that page) and starts a session. A signed-in person's draft is written
 * at once. The edit page writes through `saveProfile` too.
 */
import { sql, type Kysely } from 'kysely';
import { accountActor, recordAudit } from '../../../platform/audit.ts';
import { hashSecret, randomToken } from '../../../platform/auth/secrets.ts';
import type { SessionStore } from '../../../platform/auth/sessions.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import {
  findAccountByEmail,
  findOrCreateAccount,
  normalizeEmail,
  startSession,
} from '../../identity/accounts.ts';
import { followAlertsConsent } from '../alerts/service.ts';
import { CONSENT_PURPOSES, CONSENT_TEXT_VERSIONS, type ConsentPurpose } from '../model.ts';
import { consentHistory, profileOf } from '../profiles.ts';
import {
  consentsOf,
  draftFromJson,
  mergeDraft,
  parseChildren,
  PICKER_NAMES,
  PICKERS,
  type Draft,
  type DraftBodyValue,
  type DraftErrors,
  type PickerName,
} from './draft.ts';
import type { FieldsView, PickerView } from './fields.ts';
import { allConcepts, conceptsById, occupationParents, searchConcepts } from './taxonomy.ts';

export const SIGNUP_TTL_HOURS = 48;
/** Per client (route config) and per address (deps.rateLimiter, keyed hash of the mailbox). */
export const SEND_PER_IP: RateLimitRule = { name: 'talent-signup', max: 10, windowSeconds: 900 };
export const SEND_PER_ADDRESS: RateLimitRule = { name: 'talent-signup-address', max: 5, windowSeconds: 3600 };
export const STEP_PER_IP: RateLimitRule = { name: 'talent-join-step', max: 300, windowSeconds: 900 };
export const LINK_PER_IP: RateLimitRule = { name: 'talent-link', max: 30, windowSeconds: 900 };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * What the profile fields show for a draft (the join steps and the own edit page): labels of the
 * chosen concepts, the matches of the searches made, the languages to choose from.
 */
export async function draftFieldsView(
  db: Kysely<DB>,
  region: Region,
  lang: Lang,
  draft: Draft,
  errors: DraftErrors,
  body: DraftBodyValue = {},
  searched?: readonly { name: PickerName; q: string }[],
): Promise<FieldsView> {
  const queries = Object.fromEntries(PICKER_NAMES.map((n) => [n, (body[`q_${n}`] ?? '').slice(0, 300)]));
  const [pickers, languages] = await Promise.all([
    pickerViews(db, draft, lang, searched, queries),
    allConcepts(db, 'language', lang),
  ]);
  return { lang, region, draft, errors, pickers, languages };
}

/** The pickers of a draft as shown: labels of the chosen, and the matches of the one searched. */
export async function pickerViews(
  db: Kysely<DB>,
  d: Draft,
  lang: Lang,
  searched: { name: PickerName; q: string } | readonly { name: PickerName; q: string }[] | undefined,
  queries: Partial<Record<PickerName, string>> = {},
): Promise<Partial<Record<PickerName, PickerView>>> {
  const searches = searched === undefined ? [] : 'name' in searched ? [searched] : searched;
  const ids: Record<PickerName, string[]> = {
    occupations: d.occupations,
    skills: d.skills,
    partner_occupations: d.partnerOccupations,
    partner_skills: d.partnerSkills,
  };
  const out: Partial<Record<PickerName, PickerView>> = {};
  for (const name of Object.keys(PICKERS) as PickerName[]) {
    const type = PICKERS[name].type;
    const chosen = await conceptsById(db, type, ids[name], lang);
    const view: PickerView = { chosen, q: queries[name] ?? '' };
    const search = searches.find((x) => x.name === name && x.q);
    if (search) view.results = await searchConcepts(db, type, search.q, lang);
    out[name] = view;
  }
  return out;
}

/** Creates the sign-up (replacing a waiting one for the address); returns the link. */
export async function createSignup(
  trx: Kysely<DB>,
  input: { regionId: string; draft: Draft; email: string; language: Lang; origin: string },
): Promise<{ url: string }> {
  const email = normalizeEmail(input.email);
  const token = randomToken();
  await trx
    .deleteFrom('talent_signups')
    .where('region_id', '=', input.regionId)
    .where('email', '=', email)
    .execute();
  await trx
    .insertInto('talent_signups')
    .values({
      region_id: input.regionId,
      token_hash: hashSecret(token),
      email,
      language: input.language,
      data: JSON.stringify({ ...input.draft, email }),
      expires_at: sql<Date>`now() + make_interval(hours => ${SIGNUP_TTL_HOURS})`,
    })
    .execute();
  return { url: `${input.origin}${localPath(input.language, `/talent-pool/confirm/${token}`)}` };
}

/** The address a live link stands for; undefined when unknown, used or expired. */
export async function liveSignup(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<{ email: string; draft: Draft } | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const row = await db
    .selectFrom('talent_signups')
    .select(['email', 'data'])
    .where('region_id', '=', regionId)
    .where('token_hash', '=', hashSecret(token))
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row && { email: row.email, draft: draftFromJson(row.data) };
}

/**
 * Which consents confirming a sign-up gives, from what it asked for and the person's history:
 * `give` — asked for and never given before (all that was asked, for a new person); `kept` — live
 * already, they stay; `offer` — withdrawn once: given again only when ticked on the confirm page
 * (`asked`: this sign-up asked for it).
 */
export interface ConsentPlan {
  give: ConsentPurpose[];
  kept: ConsentPurpose[];
  offer: { purpose: ConsentPurpose; asked: boolean }[];
}

export function consentPlan(
  asked: readonly ConsentPurpose[],
  history: readonly { purpose: ConsentPurpose; withdrawnAt: Date | null }[],
): ConsentPlan {
  const plan: ConsentPlan = { give: [], kept: [], offer: [] };
  for (const purpose of CONSENT_PURPOSES) {
    const rows = history.filter((c) => c.purpose === purpose);
    if (rows.some((c) => c.withdrawnAt === null)) plan.kept.push(purpose);
    else if (rows.length > 0) plan.offer.push({ purpose, asked: asked.includes(purpose) });
    else if (asked.includes(purpose)) plan.give.push(purpose);
  }
  return plan;
}

/** What confirming a sign-up will save, as the link's page shows it. */
export interface SignupPreview {
  email: string;
  /** The profile after confirming: the sign-up's draft, merged into the existing profile if any. */
  draft: Draft;
  /** The address already has a profile: the sign-up is added to it. */
  existing: boolean;
  /** The sign-up's own text about the person is not saved (the member's own is kept). */
  aboutKept: boolean;
  consents: ConsentPlan;
}

/** What the profile and consents of the address become when a sign-up is confirmed. */
async function planSignup(
  db: Kysely<DB>,
  regionId: string,
  email: string,
  signup: Draft,
): Promise<Omit<SignupPreview, 'email'>> {
  const account = await findAccountByEmail(db, regionId, email);
  const [profile, history] = account
    ? await Promise.all([profileOf(db, regionId, account.id), consentHistory(db, regionId, account.id)])
    : [undefined, []];
  return {
    draft: profile ? mergeDraft(profile, signup) : signup,
    existing: !!profile,
    aboutKept: !!profile?.about && !!signup.about && signup.about !== profile.about,
    consents: consentPlan(consentsOf(signup), history),
  };
}

/** The link's page: what confirming will save; undefined when the link is unknown, used or expired. */
export async function previewSignup(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<SignupPreview | undefined> {
  const live = await liveSignup(db, regionId, token);
  if (!live) return undefined;
  return { email: live.email, ...(await planSignup(db, regionId, live.email, live.draft)) };
}

/**
 * A new link for an expired sign-up that is still kept (what was typed is not lost); undefined when
 * the token never was or was used.
 */
export async function renewSignup(
  trx: Kysely<DB>,
  input: { regionId: string; token: string; origin: string },
): Promise<{ email: string; language: Lang; url: string } | undefined> {
  if (!TOKEN.test(input.token)) return undefined;
  const row = await trx
    .deleteFrom('talent_signups')
    .where('region_id', '=', input.regionId)
    .where('token_hash', '=', hashSecret(input.token))
    .returning(['email', 'language', 'data'])
    .executeTakeFirst();
  if (!row) return undefined;
  const language: Lang = row.language === 'en' ? 'en' : 'sv';
  const { url } = await createSignup(trx, {
    regionId: input.regionId,
    draft: draftFromJson(row.data),
    email: row.email,
    language,
    origin: input.origin,
  });
  return { email: row.email, language, url };
}

/**
 * Writes a checked draft as the account's profile: creates it, or updates the one there is (never
 * a second). Audited as talent.joined or talent.profile.updated; the facts hold no personal data.
 */
export async function saveProfile(
  trx: Kysely<DB>,
  regionId: string,
  accountId: string,
  d: Draft,
): Promise<{ created: boolean }> {
  const [main, partner] = await Promise.all([
    occupationParents(trx, d.occupations),
    occupationParents(trx, d.hasPartner ? d.partnerOccupations : []),
  ]);
  const values = {
    occupations: d.occupations,
    skills: d.skills,
    occupation_groups: main.groups,
    occupation_fields: main.fields,
    experience: d.experience,
    languages: d.languages,
    education: d.education,
    municipalities: d.anywhere ? [] : d.municipalities,
    anywhere: d.anywhere,
    move_when: d.moveWhen,
    remote_now: d.remoteNow,
    about: d.about,
    has_partner: d.hasPartner,
    partner_occupations: d.hasPartner ? d.partnerOccupations : [],
    partner_skills: d.hasPartner ? d.partnerSkills : [],
    partner_occupation_groups: partner.groups,
    partner_occupation_fields: partner.fields,
    children_ages: parseChildren(d.children) ?? [],
    housing: d.housing,
  };
  const existing = await trx
    .selectFrom('talent_profiles')
    .select('id')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
  let id: string;
  if (existing) {
    await trx
      .updateTable('talent_profiles')
      .set({ ...values, updated_at: sql<Date>`now()` })
      .where('region_id', '=', regionId)
      .where('id', '=', existing.id)
      .execute();
    id = existing.id;
  } else {
    const row = await trx
      .insertInto('talent_profiles')
      .values({ region_id: regionId, account_id: accountId, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  await recordAudit(trx, {
    regionId,
    actor: accountActor(accountId),
    action: existing ? 'talent.profile.updated' : 'talent.joined',
    subjectType: 'talent_profile',
    subjectId: id,
    data: { occupations: d.occupations.length, skills: d.skills.length, household: d.hasPartner },
  });
  return { created: !existing };
}

/** Gives consents not already live, each with its text version; audited per purpose. */
export async function giveConsents(
  trx: Kysely<DB>,
  regionId: string,
  accountId: string,
  purposes: readonly ConsentPurpose[],
): Promise<ConsentPurpose[]> {
  const given: ConsentPurpose[] = [];
  for (const purpose of purposes) {
    const row = await trx
      .insertInto('talent_consents')
      .values({
        region_id: regionId,
        account_id: accountId,
        purpose,
        text_version: CONSENT_TEXT_VERSIONS[purpose],
      })
      .onConflict((oc) =>
        oc.columns(['region_id', 'account_id', 'purpose']).where('withdrawn_at', 'is', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (!row) continue;
    given.push(purpose);
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'talent.consent.given',
      subjectType: 'account',
      subjectId: accountId,
      data: { purpose, version: CONSENT_TEXT_VERSIONS[purpose] },
    });
  }
  return given;
}

/** Withdraws a live consent; false when there was none. */
export async function withdrawConsent(
  trx: Kysely<DB>,
  regionId: string,
  accountId: string,
  purpose: ConsentPurpose,
): Promise<boolean> {
  const row = await trx
    .updateTable('talent_consents')
    .set({ withdrawn_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .returning('text_version')
    .executeTakeFirst();
  if (!row) return false;
  await recordAudit(trx, {
    regionId,
    actor: accountActor(accountId),
    action: 'talent.consent.withdrawn',
    subjectType: 'account',
    subjectId: accountId,
    data: { purpose, version: row.text_version },
  });
  return true;
}

/** A signed-in person joins (or updates) with a checked draft and its consents. */
export async function joinSignedIn(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  d: Draft,
  secret: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await saveProfile(trx, regionId, accountId, d);
    const given = await giveConsents(trx, regionId, accountId, consentsOf(d));
    if (given.includes('alerts')) await followAlertsConsent(trx, regionId, accountId, secret, true);
  });
}

export interface Confirmed {
  accountId: string;
  sessionToken: string;
  language: Lang;
}

/**
 * Confirms a sign-up's link: the row is taken (once, even when two requests race), the account
 * found or created, the profile written or merged into the existing one (`mergeDraft`), the
 * consents of `consentPlan` given — a withdrawn one only when `ticked` on the confirm page — and a
 * session started.
 */
export async function confirmSignup(
  db: Kysely<DB>,
  sessions: SessionStore,
  input: {
    regionId: string;
    token: string;
    /** Withdrawn consents the person ticked on the confirm page. */
    ticked?: readonly string[];
    /** The site's secret, for the matches digest's unsubscribe link. */
    secret: string;
    browser: { previousToken: string | undefined; userAgent: string | undefined };
  },
): Promise<Confirmed | undefined> {
  if (!TOKEN.test(input.token)) return undefined;
  const { regionId } = input;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('talent_signups')
      .where('region_id', '=', regionId)
      .where('token_hash', '=', hashSecret(input.token))
      .where('expires_at', '>', sql<Date>`now()`)
      .returning(['email', 'language', 'data'])
      .executeTakeFirst();
    if (!row) return undefined;
    const language: Lang = row.language === 'en' ? 'en' : 'sv';
    const { account } = await findOrCreateAccount(trx, regionId, row.email, language, 'self');
    // Lock the existing profile before reading it for the merge: no edit slips in between.
    await trx
      .selectFrom('talent_profiles')
      .select('id')
      .where('region_id', '=', regionId)
      .where('account_id', '=', account.id)
      .forUpdate()
      .executeTakeFirst();
    const plan = await planSignup(trx, regionId, row.email, draftFromJson(row.data));
    await saveProfile(trx, regionId, account.id, plan.draft);
    const ticked = new Set(input.ticked ?? []);
    const again = plan.consents.offer.map((o) => o.purpose).filter((p) => ticked.has(p));
    const given = await giveConsents(trx, regionId, account.id, [...plan.consents.give, ...again]);
    if (given.includes('alerts')) await followAlertsConsent(trx, regionId, account.id, input.secret, true);
    const session = await startSession(sessions, {
      regionId,
      accountId: account.id,
      method: 'link',
      db: trx,
      ...input.browser,
    });
    return { accountId: account.id, sessionToken: session.token, language };
  });
}

/** Deletes sign-ups that expired more than a week ago (kept that long so a late click can renew). */
export async function sweepSignups(db: Kysely<DB>): Promise<number> {
  const result = await db
    .deleteFrom('talent_signups')
    .where('expires_at', '<', sql<Date>`now() - interval '7 days'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The rules of the employers' side: the card search (pool kept in memory per region), opaque card
 * ids, intro requests (rate limits, consent and blocks checked at sending, answered by the person),
 * blocks, and the person's data (export, erasure).
 */
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { accountActor, recordAudit, type AuditActor } from '../../../platform/audit.ts';
import { hashSecret, randomToken } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { PersonRef } from '../../../platform/personal-data.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { talentSettings, ownerConsentsTo } from '../profiles.ts';
import { CardPool, type Card, type CardQuery } from './cards.ts';
import { employerMessages } from './messages.ts';
import {
  blockersOf,
  blocksOfPerson,
  broaderOccupations,
  introById,
  introByToken,
  introsOfPerson,
  loadPool,
  logViews,
  openJobsOf,
  viewsOfPerson,
  type IntroRow,
} from './repository.ts';

export const INTRO_DAYS = 30;
export const INTRO_MESSAGE_MAX = 1000;
/** Requests an organisation may send in 24 hours. */
export const INTROS_PER_DAY = 20;
export const PAGE_SIZE = 20;

// ---------------------------------------------------------------- the pool, kept per region

interface PoolEntry {
  pool?: CardPool;
  /** The marks the pool had seen when its read began (-1: none yet). */
  poolMark: number;
  loading?: Promise<CardPool>;
  loadingMark: number;
  /** Changes marked so far (markTalentPoolStale). */
  marks: number;
}
const pools = new WeakMap<Kysely<DB>, Map<string, PoolEntry>>();

function entryOf(db: Kysely<DB>, regionId: string): PoolEntry {
  let regions = pools.get(db);
  if (!regions) pools.set(db, (regions = new Map()));
  let entry = regions.get(regionId);
  if (!entry) regions.set(regionId, (entry = { poolMark: -1, loadingMark: -1, marks: 0 }));
  return entry;
}

/** Marks a region's pool to be read again before the next search (settings, blocks, a profile saved). */
export function markTalentPoolStale(db: Kysely<DB>, regionId: string): void {
  entryOf(db, regionId).marks += 1;
}

function startLoad(db: Kysely<DB>, regionId: string, entry: PoolEntry): Promise<CardPool> {
  const mark = entry.marks;
  const loading = (async () => {
    const [profiles, settings] = await Promise.all([loadPool(db, regionId), talentSettings(db, regionId)]);
    return CardPool.buildAsync(profiles, settings.kAnonymity);
  })();
  entry.loading = loading;
  entry.loadingMark = mark;
  loading
    .then((pool) => {
      if (mark >= entry.poolMark) [entry.pool, entry.poolMark] = [pool, mark];
    })
    .catch(() => undefined)
    .finally(() => {
      if (entry.loading === loading) entry.loading = undefined;
    });
  return loading;
}

/**
 * The region's pool: the one in memory while fresh. One past its minute is still answered from
 * while a new one is read in the background (a search never waits for the read); after a change
 * this process marked (settings, a block, a saved profile), the search waits for a read begun
 * after the mark.
 */
export async function poolOf(db: Kysely<DB>, regionId: string): Promise<CardPool> {
  const entry = entryOf(db, regionId);
  const wanted = entry.marks;
  if (entry.pool && entry.poolMark >= wanted) {
    if (!entry.pool.isFresh() && !entry.loading) void startLoad(db, regionId, entry).catch(() => undefined);
    return entry.pool;
  }
  if (entry.loading && entry.loadingMark >= wanted) return entry.loading;
  return startLoad(db, regionId, entry);
}

// ---------------------------------------------------------------- opaque card ids

/** A per-organisation key: the same person has unrelated card ids at two employers. */
function cardKey(secret: string, regionId: string, organisationId: string): Buffer {
  return createHmac('sha256', secret).update(`talent-card\u0000${regionId}\u0000${organisationId}`).digest();
}

/** The profile id (a uuid) enciphered as one AES block under the organisation's key. */
export function cardIdOf(
  secret: string,
  regionId: string,
  organisationId: string,
  profileId: string,
): string {
  const cipher = createCipheriv('aes-256-ecb', cardKey(secret, regionId, organisationId), null);
  cipher.setAutoPadding(false);
  const bytes = Buffer.from(profileId.replace(/-/g, ''), 'hex');
  return Buffer.concat([cipher.update(bytes), cipher.final()]).toString('base64url');
}

/** The profile id behind a card id, or undefined for anything malformed. */
export function profileIdOfCard(
  secret: string,
  regionId: string,
  organisationId: string,
  cardId: string,
): string | undefined {
  if (!/^[A-Za-z0-9_-]{22}$/.test(cardId)) return undefined;
  const bytes = Buffer.from(cardId, 'base64url');
  if (bytes.length !== 16) return undefined;
  const decipher = createDecipheriv('aes-256-ecb', cardKey(secret, regionId, organisationId), null);
  decipher.setAutoPadding(false);
  const hex = Buffer.concat([decipher.update(bytes), decipher.final()]).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------- search and cards

export interface Searcher {
  regionId: string;
  organisationId: string;
  accountId: string;
  secret: string;
}

export interface ShownCard {
  cardId: string;
  card: Card;
}

/** A page of cards for the organisation; every card shown is logged in one insert. */
export async function searchCards(
  db: Kysely<DB>,
  searcher: Searcher,
  query: Omit<CardQuery, 'blockedBy' | 'within'>,
  page: number,
): Promise<{ total: number; tooFew: boolean; k: number; cards: ShownCard[] }> {
  const [pool, blockedBy, within] = await Promise.all([
    poolOf(db, searcher.regionId),
    blockersOf(db, searcher.regionId, searcher.organisationId),
    broaderOccupations(db, query.occupations ?? []),
  ]);
  const found = pool.search({ ...query, within, blockedBy }, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  await logViews(db, {
    regionId: searcher.regionId,
    organisationId: searcher.organisationId,
    viewerAccountId: searcher.accountId,
    accountIds: found.cards.map((c) => c.profile.accountId),
  });
  return {
    total: found.total,
    tooFew: found.tooFew,
    k: pool.k,
    cards: found.cards.map((card) => ({
      cardId: cardIdOf(searcher.secret, searcher.regionId, searcher.organisationId, card.profile.profileId),
      card,
    })),
  };
}

/** One card opened by its id (logged), or undefined when not shown to this organisation. */
export async function openCard(
  db: Kysely<DB>,
  searcher: Searcher,
  cardId: string,
): Promise<ShownCard | undefined> {
  const profileId = profileIdOfCard(searcher.secret, searcher.regionId, searcher.organisationId, cardId);
  if (!profileId) return undefined;
  const [pool, blockedBy] = await Promise.all([
    poolOf(db, searcher.regionId),
    blockersOf(db, searcher.regionId, searcher.organisationId),
  ]);
  const card = pool.card(profileId);
  if (!card || blockedBy.has(card.profile.accountId)) return undefined;
  await logViews(db, {
    regionId: searcher.regionId,
    organisationId: searcher.organisationId,
    viewerAccountId: searcher.accountId,
    accountIds: [card.profile.accountId],
  });
  return { cardId, card };
}

// ---------------------------------------------------------------- intro requests

export interface Sender extends Searcher {
  organisation: { id: string; name: string; orgNumber: string | null };
  actor: AuditActor;
  /** The site's origin for the answer links. */
  origin: string;
}

export type IntroErrors = Partial<Record<'message' | 'job', 'required' | 'tooLong' | 'unknownJob'>>;

export type IntroOutcome =
  | { kind: 'sent'; id: string }
  | { kind: 'invalid'; errors: IntroErrors }
  /** The person withdrew the consent, hid the profile, blocked the organisation or left. */
  | { kind: 'unavailable' }
  | { kind: 'limited' }
  | { kind: 'pending' };

const introPath = (lang: Lang, token: string) => `/${lang}/talent-pool/intro/${token}`;

export async function sendIntro(
  db: Kysely<DB>,
  queue: TaskQueue,
  sender: Sender,
  cardId: string,
  input: { message: string; jobId: string },
): Promise<IntroOutcome> {
  const message = input.message.trim();
  const errors: IntroErrors = {};
  if (message === '') errors.message = 'required';
  else if (message.length > INTRO_MESSAGE_MAX) errors.message = 'tooLong';
  const jobs = await openJobsOf(db, sender.regionId, sender.organisation);
  const job = input.jobId ? jobs.find((j) => j.id === input.jobId) : undefined;
  if (input.jobId && !job) errors.job = 'unknownJob';
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };

  const profileId = profileIdOfCard(sender.secret, sender.regionId, sender.organisationId, cardId);
  if (!profileId) return { kind: 'unavailable' };
  return db.transaction().execute(async (trx) => {
    // Read again from the tables, not the pool: consent, status and blocks as they are now.
    const person = await trx
      .selectFrom('talent_profiles as p')
      .innerJoin('accounts as a', (j) =>
        j.onRef('a.region_id', '=', 'p.region_id').onRef('a.id', '=', 'p.account_id'),
      )
      .select(['p.account_id', 'a.email', 'a.language'])
      .where('p.region_id', '=', sender.regionId)
      .where('p.id', '=', profileId)
      .where('p.status', '=', 'active')
      .where(ownerConsentsTo('employers'))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('talent_blocks as b')
              .select(sql`1`.as('one'))
              .whereRef('b.region_id', '=', 'p.region_id')
              .whereRef('b.account_id', '=', 'p.account_id')
              .where('b.organisation_id', '=', sender.organisationId),
          ),
        ),
      )
      .executeTakeFirst();
    if (!person) return { kind: 'unavailable' } as const;
    // The organisation's row lock keeps two requests from passing the day's count together.
    await trx
      .selectFrom('organisations')
      .select('id')
      .where('region_id', '=', sender.regionId)
      .where('id', '=', sender.organisationId)
      .forUpdate()
      .execute();
    const counts = await trx
      .selectFrom('talent_intro_requests')
      .select([
        sql<number>`count(*) FILTER (WHERE created_at > now() - interval '1 day')::int`.as('today'),
        sql<number>`count(*) FILTER (WHERE status = 'pending' AND account_id = ${person.account_id})::int`.as(
          'pending',
        ),
      ])
      .where('region_id', '=', sender.regionId)
      .where('organisation_id', '=', sender.organisationId)
      .executeTakeFirstOrThrow();
    if (counts.pending > 0) return { kind: 'pending' } as const;
    if (counts.today >= INTROS_PER_DAY) return { kind: 'limited' } as const;
    const token = randomToken();
    const row = await trx
      .insertInto('talent_intro_requests')
      .values({
        region_id: sender.regionId,
        account_id: person.account_id,
        organisation_id: sender.organisationId,
        sender_account_id: sender.accountId,
        job_id: job?.id ?? null,
        message,
        token_hash: hashSecret(token),
        expires_at: sql<Date>`now() + make_interval(days => ${INTRO_DAYS})`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lang: Lang = person.language === 'en' ? 'en' : 'sv';
    const t = (key: Parameters<typeof employerMessages.t>[1], params?: Record<string, string>) =>
      employerMessages.t(lang, key, params);
    const link = `${sender.origin}${introPath(lang, token)}`;
    await queueMail(trx, queue, {
      regionId: sender.regionId,
      to: person.email,
      language: lang,
      subject: t('mail.intro.subject', { organisation: sender.organisation.name }),
      text: [
        t('mail.intro.lead', { organisation: sender.organisation.name }),
        '',
        message,
        '',
        ...(job
          ? [
              t('mail.intro.job', { job: job.headline }),
              `${sender.origin}/${lang}/jobs/${encodeURIComponent(job.id)}`,
              '',
            ]
          : []),
        t('mail.intro.answer', { days: String(INTRO_DAYS) }),
        link,
        '',
        t('mail.intro.footer'),
      ].join('\n'),
    });
    await recordAudit(trx, {
      regionId: sender.regionId,
      actor: sender.actor,
      organisationId: sender.organisationId,
      action: 'talent.intro.sent',
      subjectType: 'talent_intro_request',
      subjectId: row.id,
      data: job ? { job: job.headline } : {},
    });
    return { kind: 'sent', id: row.id } as const;
  });
}

export type AnswerOutcome =
  | { kind: 'answered'; intro: IntroRow }
  | { kind: 'not-found' }
  | { kind: 'expired'; intro: IntroRow }
  | { kind: 'already'; intro: IntroRow };

/** The request behind an answer link; a pending one past its time becomes expired. */
export async function introForToken(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<IntroRow | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  await expireIntros(db, regionId);
  return introByToken(db, regionId, hashSecret(token));
}

/**
 * The person accepts or declines (and may block the organisation). Accepting e-mails the sender
 * the person's name and e-mail; the person sees the sender's on the page.
 */
export async function answerIntro(
  db: Kysely<DB>,
  queue: TaskQueue,
  regionId: string,
  which: { token: string } | { id: string; accountId: string },
  answer: { accept: boolean; block: boolean },
): Promise<AnswerOutcome> {
  await expireIntros(db, regionId);
  const intro =
    'token' in which
      ? await introForToken(db, regionId, which.token)
      : await introById(db, regionId, which.id).then((r) =>
          r?.accountId === which.accountId ? r : undefined,
        );
  if (!intro || !intro.accountId) return { kind: 'not-found' };
  if (intro.status === 'expired') return { kind: 'expired', intro };
  if (intro.status !== 'pending') return { kind: 'already', intro };
  const accountId = intro.accountId;
  const status = answer.accept ? 'accepted' : 'declined';
  const changed = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('talent_intro_requests')
      .set({ status, answered_at: sql`now()` })
      .where('region_id', '=', regionId)
      .where('id', '=', intro.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    if (!answer.accept && answer.block) {
      await trx
        .insertInto('talent_blocks')
        .values({ region_id: regionId, account_id: accountId, organisation_id: intro.organisationId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      organisationId: intro.organisationId,
      action: answer.accept ? 'talent.intro.accepted' : 'talent.intro.declined',
      subjectType: 'talent_intro_request',
      subjectId: intro.id,
      data: {},
    });
    if (answer.accept) {
      const [sender, person] = await Promise.all([
        intro.senderAccountId
          ? trx
              .selectFrom('accounts')
              .select(['email', 'language'])
              .where('region_id', '=', regionId)
              .where('id', '=', intro.senderAccountId)
              .executeTakeFirst()
          : undefined,
        trx
          .selectFrom('accounts')
          .select(['email', 'display_name'])
          .where('region_id', '=', regionId)
          .where('id', '=', accountId)
          .executeTakeFirstOrThrow(),
      ]);
      if (sender) {
        const lang: Lang = sender.language === 'en' ? 'en' : 'sv';
        const t = (key: Parameters<typeof employerMessages.t>[1], params?: Record<string, string>) =>
          employerMessages.t(lang, key, params);
        const name = person.display_name || person.email;
        await queueMail(trx, queue, {
          regionId,
          to: sender.email,
          replyTo: person.email,
          language: lang,
          subject: t('mail.accepted.subject'),
          text: [
            t('mail.accepted.lead'),
            '',
            `${name} <${person.email}>`,
            '',
            t('mail.accepted.footer'),
          ].join('\n'),
        });
      }
    }
    return true;
  });
  const after = await introById(db, regionId, intro.id);
  if (!changed || !after) return { kind: 'already', intro: after ?? intro };
  markTalentPoolStale(db, regionId);
  return { kind: 'answered', intro: after };
}

/** Pending requests past their 30 days become expired (their answer token goes). */
export async function expireIntros(db: Kysely<DB>, regionId?: string): Promise<number> {
  let query = db
    .updateTable('talent_intro_requests')
    .set({ status: 'expired', token_hash: null })
    .where('status', '=', 'pending')
    .where('expires_at', '<=', sql<Date>`now()`);
  if (regionId) query = query.where('region_id', '=', regionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function unblock(db: Kysely<DB>, regionId: string, accountId: string, organisationId: string) {
  await db
    .deleteFrom('talent_blocks')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('organisation_id', '=', organisationId)
    .execute();
  markTalentPoolStale(db, regionId);
}

// ---------------------------------------------------------------- the person's data

export async function exportEmployerData(db: Kysely<DB>, person: PersonRef) {
  const [views, intros, blocks] = await Promise.all([
    db
      .selectFrom('talent_card_views as v')
      .innerJoin('organisations as o', (j) =>
        j.onRef('o.region_id', '=', 'v.region_id').onRef('o.id', '=', 'v.organisation_id'),
      )
      .select(['o.name', 'v.viewed_at'])
      .where('v.region_id', '=', person.regionId)
      .where('v.account_id', '=', person.accountId)
      .orderBy('v.viewed_at', 'desc')
      .execute(),
    introsOfPerson(db, person.regionId, person.accountId, 10_000),
    blocksOfPerson(db, person.regionId, person.accountId),
  ]);
  return {
    cardViews: views.map((v) => ({ organisation: v.name, viewedAt: v.viewed_at.toISOString() })),
    introRequests: intros.map((r) => ({
      organisation: r.organisationName,
      job: r.jobHeadline,
      message: r.message,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
      sender: r.senderName !== null ? { name: r.senderName, email: r.senderEmail } : null,
    })),
    blockedOrganisations: blocks.map((b) => ({
      organisation: b.organisationName,
      since: b.createdAt.toISOString(),
    })),
  };
}

/**
 * Erasure: views and blocks go; requests stay for the employer without the person (account_id
 * null, message emptied, token dropped; status and times kept) — migration 0029 says why.
 */
export async function eraseEmployerData(trx: Kysely<DB>, person: PersonRef): Promise<void> {
  await trx
    .deleteFrom('talent_card_views')
    .where('region_id', '=', person.regionId)
    .where('account_id', '=', person.accountId)
    .execute();
  await trx
    .deleteFrom('talent_blocks')
    .where('region_id', '=', person.regionId)
    .where('account_id', '=', person.accountId)
    .execute();
  await trx
    .updateTable('talent_intro_requests')
    .set({
      account_id: null,
      message: '',
      token_hash: null,
      status: sql`CASE WHEN status = 'pending' THEN 'withdrawn' ELSE status END`,
    })
    .where('region_id', '=', person.regionId)
    .where('account_id', '=', person.accountId)
    .execute();
}

export { viewsOfPerson, blocksOfPerson, introsOfPerson };

/**
 * Invitations to join an organisation with a role. The invitee gets an e-mail with a link holding a
 * random token (only its hash is stored); the link is valid for seven days and works once. Using it
 * proves the address, like a magic link: the account is found or created, the membership added and
 * a session started, all in one transaction.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { accountActor, recordAudit, type AuditActor } from '../../../platform/audit.ts';
import { hashSecret, randomToken } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { shell } from '../../../platform/html/messages.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { deleteUnsentMail, queueMail } from '../../../platform/mail/outbox.ts';
import type { OrganisationKind, Role } from '../../../platform/permissions.ts';
import type { RateLimiter, RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { Region } from '../../../platform/region.ts';
import {
  findAccountByEmail,
  findOrCreateAccount,
  mailboxKey,
  startSession,
  normalizeEmail,
} from '../accounts.ts';
import { messages } from '../admin/messages.ts';
import { hasMemberWithAddress, joinOrganisation, stillManages } from '../organisations/service.ts';
import { retryingTransaction } from '../../../platform/db/transaction.ts';
import type { SessionStore } from '../../../platform/auth/sessions.ts';
import { lockOrganisation } from '../organisations/locks.ts';
import { quotedUserText } from '../user-text.ts';

export const INVITATION_DAYS = 7;

/** Invitations one organisation may send in a day (whoever sends them). */
export const INVITES_PER_ORGANISATION: RateLimitRule = {
  name: 'invite-organisation',
  max: 50,
  windowSeconds: 86_400,
};
/** Invitations one mailbox may be sent in a day, from all organisations together. */
export const INVITES_PER_ADDRESS: RateLimitRule = { name: 'invite-address', max: 3, windowSeconds: 86_400 };

export type InviteLimit = { limit: 'organisation' | 'address'; max: number; retryAfter: number };

/**
 * Counts one invitation against the organisation's daily limit and then the recipient mailbox's
 * (a keyed hash of the address with `+tag`s dropped); returns the limit that was hit, if any. The
 * mailbox is counted only once the organisation may still send, so one organisation's flood cannot
 * use up a stranger's allowance beyond its own.
 */
export async function countInvitation(
  deps: { rateLimiter: RateLimiter; secret: string },
  organisationId: string,
  email: string,
): Promise<InviteLimit | undefined> {
  const rule = INVITES_PER_ORGANISATION;
  const orgWait = await deps.rateLimiter.hit(`${rule.name}:${organisationId}`, rule);
  if (orgWait !== undefined) return { limit: 'organisation', max: rule.max, retryAfter: orgWait };
  const perAddress = INVITES_PER_ADDRESS;
  const key = `${perAddress.name}:${mailboxKey(deps.secret, perAddress.name, email)}`;
  const wait = await deps.rateLimiter.hit(key, perAddress);
  return wait === undefined ? undefined : { limit: 'address', max: perAddress.max, retryAfter: wait };
}

/**
 * Whether the (normalised) address belongs to a member of the organisation already. Checked before
 * an invitation is counted against the limits, and again under the organisation's lock.
 */
export async function isMemberAddress(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  email: string,
): Promise<boolean> {
  return hasMemberWithAddress(db, regionId, organisationId, email);
}

export type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked';

export interface Invitation {
  id: string;
  organisation: { id: string; name: string; kind: OrganisationKind };
  email: string;
  role: Role;
  /** The inviter's name, or address when they have not given a name; '' when the account is gone. */
  inviter: string;
  createdAt: Date;
  expiresAt: Date;
  state: InvitationState;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** An organisation name on one line (it is the region's text, but a subject must stay one line). */
function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
}

function stateOf(row: {
  accepted_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date;
}): InvitationState {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  if (row.expires_at.getTime() <= Date.now()) return 'expired';
  return 'pending';
}

function selectInvitations(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('organisations as o', (join) =>
      join.onRef('o.region_id', '=', 'i.region_id').onRef('o.id', '=', 'i.organisation_id'),
    )
    .leftJoin('accounts as a', (join) =>
      join.onRef('a.region_id', '=', 'i.region_id').onRef('a.id', '=', 'i.invited_by'),
    )
    .select([
      'i.id',
      'i.email',
      'i.role',
      'i.created_at',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'a.display_name as inviter_name',
      'a.email as inviter_email',
    ])
    .where('i.region_id', '=', regionId);
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof selectInvitations>['executeTakeFirstOrThrow']>>;

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      kind: row.organisation_kind as OrganisationKind,
    },
    email: row.email,
    role: row.role as Role,
    inviter: row.inviter_name || row.inviter_email || '',
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    state: stateOf(row),
  };
}

/** The invitation a link's token belongs to (in any state), or undefined. */
export async function findInvitationByToken(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<Invitation | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const row = await selectInvitations(db, regionId)
    .where('i.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  return row && toInvitation(row);
}

/** Invitations of an organisation that still wait for an answer, newest first. */
export async function listPendingInvitations(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
): Promise<Invitation[]> {
  const rows = await selectInvitations(db, regionId)
    .where('i.organisation_id', '=', organisationId)
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', sql<Date>`now()`)
    .orderBy('i.created_at', 'desc')
    .execute();
  return rows.map(toInvitation);
}

export type InviteResult = { ok: true; id: string } | { ok: false; reason: 'alreadyMember' | 'notManager' };

/**
 * Invites an address to an organisation with a role (already checked to fit the organisation and
 * the inviter). Earlier pending invitations of the same address to the same organisation are
 * replaced. The e-mail is in the language of the address's account, else the inviter's.
 */
export async function createInvitation(
  deps: { db: Kysely<DB>; queue: TaskQueue },
  input: {
    region: Region;
    organisation: { id: string; name: string; kind: OrganisationKind };
    email: string;
    role: Role;
    inviter: { actor: AuditActor; name: string; language: Lang };
    /** The site's origin for the link, e.g. https://dalarna.lotsa.se */
    origin: string;
  },
): Promise<InviteResult> {
  const regionId = input.region.id;
  const email = normalizeEmail(input.email);
  return deps.db.transaction().execute(async (trx) => {
    // After the organisation's lock, as every membership change: someone demoted or removed a
    // moment ago sends nothing more.
    await lockOrganisation(trx, regionId, input.organisation.id);
    if (!(await stillManages(trx, regionId, input.organisation, input.inviter.actor.id))) {
      return { ok: false, reason: 'notManager' } as const;
    }
    if (await isMemberAddress(trx, regionId, input.organisation.id, email)) {
      return { ok: false, reason: 'alreadyMember' } as const;
    }

    await trx
      .updateTable('invitations')
      .set({ revoked_at: sql<Date>`now()` })
      .where('region_id', '=', regionId)
      .where('organisation_id', '=', input.organisation.id)
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    const token = randomToken();
    const row = await trx
      .insertInto('invitations')
      .values({
        region_id: regionId,
        organisation_id: input.organisation.id,
        email,
        role: input.role,
        token_hash: hashSecret(token),
        invited_by: input.inviter.actor.id,
        expires_at: sql<Date>`now() + make_interval(days => ${INVITATION_DAYS})`,
      })
      .returning(['id', 'expires_at'])
      .executeTakeFirstOrThrow();

    const existing = await findAccountByEmail(trx, regionId, email);
    const lang: Lang = existing?.language ?? input.inviter.language;
    const t = (key: Parameters<typeof messages.t>[1], params?: Record<string, string>) =>
      messages.t(lang, key, params);
    // The subject and the opening are the system's words (the region, the organisation as the
    // region registered it); the inviter's own name comes later, quoted, marked as theirs and
    // defanged, so it cannot pose as the sender or smuggle in a link.
    const site = shell.t(lang, 'siteName', { region: input.region.name[lang] });
    const organisation = oneLine(input.organisation.name);
    const inviter = quotedUserText(input.inviter.name);
    await queueMail(trx, deps.queue, {
      regionId,
      to: email,
      language: lang,
      subject: t('mail.subject', { organisation, site }),
      text: t('mail.text', {
        organisation,
        site,
        role: t(`role.${input.role}`),
        link: `${input.origin}/${lang}/invitations/${token}`,
        date: formatDate(lang, row.expires_at),
        sentBy: inviter ? t('mail.sentBy', { organisation, site, inviter }) : '',
      }),
    });
    await recordAudit(trx, {
      regionId,
      actor: input.inviter.actor,
      organisationId: input.organisation.id,
      action: 'org.member.invited',
      subjectType: 'invitation',
      subjectId: row.id,
      data: { email, role: input.role },
    });
    return { ok: true, id: row.id } as const;
  });
}

/** Revokes a pending invitation of the organisation; false when there is none to revoke. */
export async function revokeInvitation(
  db: Kysely<DB>,
  input: { regionId: string; actor: AuditActor; organisationId: string; invitationId: string },
): Promise<{ email: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('invitations')
      .set({ revoked_at: sql<Date>`now()` })
      .where('region_id', '=', input.regionId)
      .where('organisation_id', '=', input.organisationId)
      .where('id', '=', input.invitationId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning(['email', 'role'])
      .executeTakeFirst();
    if (!row) return undefined;
    await recordAudit(trx, {
      regionId: input.regionId,
      actor: input.actor,
      organisationId: input.organisationId,
      action: 'org.invitation.revoked',
      subjectType: 'invitation',
      subjectId: input.invitationId,
      data: { email: row.email, role: row.role },
    });
    return { email: row.email };
  });
}

/** Whether an invitation of the organisation exists (in any state). */
export async function invitationExists(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  invitationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('invitations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', invitationId)
    .executeTakeFirst();
  return row !== undefined;
}

export type AcceptResult =
  | { ok: true; accountId: string; organisationId: string; role: Role; sessionToken: string }
  | { ok: false; state: InvitationState | 'unknown' }
  /** The invitee is the last one able to manage the organisation, and the role would end that. */
  | { ok: false; state: 'lastAdmin'; organisation: string };

/** Rolls the acceptance back: the invitee would leave the organisation without a manager. */
class StrandsOrganisation extends Error {
  constructor(readonly organisation: string) {
    super('the invitation would leave the organisation without a manager');
  }
}

/**
 * Uses an invitation: marks it accepted (once, while valid), finds or creates the account for the
 * invited address, adds the membership (or changes the role of an existing one, under the members
 * page's lock and last-manager rule) and starts a session acting for the organisation, all in one
 * transaction. The route sets the session's cookie from `sessionToken`.
 */
export async function acceptInvitation(
  db: Kysely<DB>,
  sessions: SessionStore,
  input: {
    regionId: string;
    token: string;
    /** The language of a newly created account: the page the invitation was accepted on. */
    language: Lang;
    browser: { previousToken: string | undefined; userAgent: string | undefined };
  },
): Promise<AcceptResult> {
  const { regionId } = input;
  if (!TOKEN.test(input.token)) return { ok: false, state: 'unknown' };
  const tokenHash = hashSecret(input.token);
  try {
    return await retryingTransaction(db, async (trx) => {
      const target = await trx
        .selectFrom('invitations as i')
        .innerJoin('organisations as o', (join) =>
          join.onRef('o.region_id', '=', 'i.region_id').onRef('o.id', '=', 'i.organisation_id'),
        )
        .select(['i.organisation_id', 'i.invited_by', 'o.name', 'o.kind'])
        .where('i.region_id', '=', regionId)
        .where('i.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!target) return { ok: false, state: 'unknown' } as const;
      // The organisation's row first, as every change to its memberships (see ../organisations/locks.ts).
      if (!(await lockOrganisation(trx, regionId, target.organisation_id))) {
        return { ok: false, state: 'unknown' } as const;
      }
      // An invitation is only as good as its sender's right to send it: someone removed or demoted
      // since (or whose account is gone) cannot bring anyone in, themselves included. Read under
      // the organisation's lock; a pending invitation refused so counts as withdrawn.
      const organisation = { id: target.organisation_id, kind: target.kind as OrganisationKind };
      const senderMayInvite =
        target.invited_by !== null && (await stillManages(trx, regionId, organisation, target.invited_by));
      const row = senderMayInvite ? await markAccepted(trx, regionId, tokenHash) : undefined;
      if (!row) return { ok: false, state: await refusedState(trx, regionId, tokenHash) } as const;
      const { account } = await findOrCreateAccount(trx, regionId, row.email, input.language, 'self');
      const joined = await joinOrganisation(trx, {
        regionId,
        organisationId: row.organisation_id,
        accountId: account.id,
        role: row.role as Role,
      });
      if (joined === 'lastAdmin') throw new StrandsOrganisation(target.name);
      // The new member starts out acting for the organisation they just joined.
      const session = await startSession(
        sessions,
        {
          regionId,
          accountId: account.id,
          method: 'link',
          activeOrganisationId: row.organisation_id,
          db: trx,
          ...input.browser,
        },
        'no-audit',
      );
      await recordAudit(trx, {
        regionId,
        actor: accountActor(account.id),
        organisationId: row.organisation_id,
        action: 'org.member.joined',
        subjectType: 'account',
        subjectId: account.id,
        data: { role: row.role, invitation: row.id },
      });
      return {
        ok: true,
        accountId: account.id,
        organisationId: row.organisation_id,
        role: row.role as Role,
        sessionToken: session.token,
      } as const;
    });
  } catch (error) {
    if (error instanceof StrandsOrganisation) {
      return { ok: false, state: 'lastAdmin', organisation: error.organisation };
    }
    throw error;
  }
}

/** Marks a usable invitation accepted (once, while valid). */
async function markAccepted(trx: Kysely<DB>, regionId: string, tokenHash: string) {
  return trx
    .updateTable('invitations')
    .set({ accepted_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['id', 'organisation_id', 'email', 'role'])
    .executeTakeFirst();
}

/** Why an invitation could not be accepted. */
async function refusedState(
  trx: Kysely<DB>,
  regionId: string,
  tokenHash: string,
): Promise<InvitationState | 'unknown'> {
  const existing = await trx
    .selectFrom('invitations')
    .select(['accepted_at', 'revoked_at', 'expires_at'])
    .where('region_id', '=', regionId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  const state = existing ? stateOf(existing) : 'unknown';
  // Still pending but not accepted: its sender may no longer invite, so it counts as withdrawn.
  return state === 'pending' ? 'revoked' : state;
}

/** Deletes invitations that expired, were accepted or were revoked more than `days` ago, in every region (a maintenance sweep); how many. */
export async function sweepInvitations(db: Kysely<DB>, days: number): Promise<number> {
  const before = sql<Date>`now() - make_interval(days => ${days})`;
  const result = await db
    .deleteFrom('invitations')
    .where((eb) =>
      eb.or([eb('expires_at', '<', before), eb('accepted_at', '<', before), eb('revoked_at', '<', before)]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The addresses of invitations by id (for sentences about them). */
export async function invitationAddresses(db: Kysely<DB>, regionId: string, ids: string[]) {
  return db
    .selectFrom('invitations')
    .select(['id', 'email'])
    .where('region_id', '=', regionId)
    .where('id', 'in', ids)
    .execute();
}

/** Invitations to an address still open (for the person's data export). */
export async function pendingInvitationsFor(db: Kysely<DB>, regionId: string, email: string) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('organisations as o', (join) =>
      join.onRef('o.region_id', '=', 'i.region_id').onRef('o.id', '=', 'i.organisation_id'),
    )
    .select(['o.name', 'o.kind', 'i.role', 'i.created_at', 'i.expires_at'])
    .where('i.region_id', '=', regionId)
    .where('i.email', '=', email)
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', sql<Date>`now()`)
    .orderBy('i.created_at')
    .execute();
}

/**
 * Drops invitation mail an account sent that has not gone out (it names them). It was queued in the
 * invitation's own transaction, so it has the invitation's address and creation time.
 */
export async function forgetUnsentInvitationMailFrom(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<void> {
  const sent = await db
    .selectFrom('invitations')
    .select(['email', sql<string>`created_at::text`.as('created_at')])
    .where('region_id', '=', regionId)
    .where('invited_by', '=', accountId)
    .execute();
  await deleteUnsentMail(
    db,
    regionId,
    sent.map((i) => ({ to: i.email, createdAt: i.created_at })),
  );
}

/** Deletes the invitations to an address (its owner is being erased). */
export async function forgetInvitationsTo(db: Kysely<DB>, regionId: string, email: string): Promise<void> {
  await db.deleteFrom('invitations').where('region_id', '=', regionId).where('email', '=', email).execute();
}

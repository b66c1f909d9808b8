/**
 * Sessions in PostgreSQL. The browser holds a random token in an HttpOnly cookie (`__Host-` and
 * `Secure` when the site is served over HTTPS); the database holds its hash, the account, the
 * times that bound it (idle and absolute), and whether a second factor was shown.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { hashSecret, randomToken } from './secrets.ts';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
  /** Cookies get `__Host-` and `Secure` (the site is served over HTTPS). */
  secure: boolean;
}

/** The policy the configuration asks for. */
export function sessionPolicyFrom(config: Config): SessionPolicy {
  return {
    idleMinutes: config.sessionIdleMinutes,
    maxHours: config.sessionMaxHours,
    secure: config.publicUrl.protocol === 'https:',
  };
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  method: 'link' | 'code' | 'passkey';
  device: string;
  current: boolean;
}

/** last_seen_at is written at most this often per session, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

/** The shape of the random token a session cookie holds (anything else is not looked up). */
export function isSessionToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(value);
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-lotsa_session' : 'lotsa_session';
}

/** "Firefox on Windows" from a User-Agent header; only the browser and system, nothing unique. */
export function describeDevice(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\//.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : '';
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iOS/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux|X11/.test(ua)
            ? 'Linux'
            : '';
  return [browser, system].filter(Boolean).join(' · ');
}

export class SessionStore {
  constructor(
    private readonly db: Kysely<DB>,
    readonly policy: SessionPolicy,
  ) {}

  get cookieName(): string {
    return sessionCookieName(this.policy.secure);
  }

  /**
   * Starts a session for an account and returns its id and the token for the browser's cookie
   * (set by the HTTP layer with `setCookie`); the caller records the sign-in on the account. The session the browser already had (`previousToken`,
   * from `browserToken(request)`) is ended first, so a token planted before sign-in never becomes
   * signed in.
   */
  async create(options: {
    regionId: string;
    accountId: string;
    method: 'link' | 'code' | 'passkey';
    secondFactor?: boolean;
    /** The session the person starts out acting for (an organisation they belong to). */
    activeOrganisationId?: string | null;
    previousToken?: string | undefined;
    userAgent?: string | undefined;
    db?: Kysely<DB>;
  }): Promise<{ id: string; token: string }> {
    const db = options.db ?? this.db;
    const previous = options.previousToken;
    if (previous) await this.endByToken(options.regionId, previous, db);
    const token = randomToken();
    const id = hashSecret(token);
    await db
      .insertInto('sessions')
      .values({
        region_id: options.regionId,
        token_hash: id,
        account_id: options.accountId,
        method: options.method,
        expires_at: sql<Date>`now() + make_interval(hours => ${this.policy.maxHours})`,
        second_factor_at: options.secondFactor ? sql<Date>`now()` : null,
        active_organisation_id: options.activeOrganisationId ?? null,
        device: describeDevice(options.userAgent).slice(0, 80),
      })
      .execute();
    return { id, token };
  }

  /** The session token the browser sent, if any (for `create`'s `previousToken` and `endByToken`). */
  browserToken(request: FastifyRequest): string | undefined {
    return request.cookies[this.cookieName];
  }

  /** What a route passes to a service that starts a session: the browser's old token and its agent. */
  browserOf(request: FastifyRequest): { previousToken: string | undefined; userAgent: string | undefined } {
    return { previousToken: this.browserToken(request), userAgent: request.headers['user-agent'] };
  }

  /** Sets the session cookie for a token from `create` (the HTTP layer's part of signing in). */
  setCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(this.cookieName, token, {
      path: '/',
      httpOnly: true,
      secure: this.policy.secure,
      sameSite: 'lax',
      maxAge: this.policy.maxHours * 3600,
    });
  }

  /**
   * Moves last_seen_at to now for a session just used, at most once a minute per session, so that
   * signed-in reads stay reads. (The lookup itself is the principal resolver's, which reads the
   * session, the account and its roles in one statement.)
   */
  async touch(regionId: string, id: string, lastSeenAt: Date): Promise<void> {
    if (Date.now() - lastSeenAt.getTime() <= TOUCH_EVERY_MS) return;
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: sql<Date>`now()` })
      .where('region_id', '=', regionId)
      .where('token_hash', '=', id)
      .execute();
  }

  /** Ends the session a browser's token names in the region (a cookie that may no longer lead anywhere). */
  async endByToken(regionId: string, token: string | undefined, db: Kysely<DB> = this.db): Promise<void> {
    if (!token) return;
    await db
      .deleteFrom('sessions')
      .where('region_id', '=', regionId)
      .where('token_hash', '=', hashSecret(token))
      .execute();
  }

  /** Clears the session cookie (for callers that already deleted the row in their transaction). */
  clearCookie(reply: FastifyReply): void {
    reply.clearCookie(this.cookieName, {
      path: '/',
      httpOnly: true,
      secure: this.policy.secure,
      sameSite: 'lax',
    });
  }

  /** Ends every session of an account except `keep` (a session id); returns how many ended. */
  async endAll(
    regionId: string,
    accountId: string,
    keep?: string,
    db: Kysely<DB> = this.db,
  ): Promise<number> {
    let query = db
      .deleteFrom('sessions')
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId);
    if (keep) query = query.where('token_hash', '<>', keep);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Ends one session of an account by its id (from the list of sessions). */
  async endOne(regionId: string, accountId: string, id: string, db: Kysely<DB> = this.db): Promise<boolean> {
    const result = await db
      .deleteFrom('sessions')
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .where('token_hash', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The account's live sessions, newest first; `current` marks the asking browser's. */
  async list(regionId: string, accountId: string, currentId: string | undefined): Promise<SessionSummary[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .select(['token_hash', 'created_at', 'last_seen_at', 'expires_at', 'method', 'device'])
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .where('expires_at', '>', sql<Date>`now()`)
      .where('last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${this.policy.idleMinutes})`)
      .orderBy('last_seen_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.token_hash,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      method: row.method as SessionSummary['method'],
      device: row.device,
      current: row.token_hash === currentId,
    }));
  }

  /** Records that a second factor was shown in this session (pass a transaction to join one). */
  async markSecondFactor(regionId: string, id: string, db: Kysely<DB> = this.db): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ second_factor_at: sql<Date>`now()` })
      .where('region_id', '=', regionId)
      .where('token_hash', '=', id)
      .execute();
  }

  /**
   * No session of the account counts as having shown a second factor any more (its last factor was
   * removed); pass the transaction that removed it.
   */
  async forgetSecondFactor(regionId: string, accountId: string, db: Kysely<DB> = this.db): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ second_factor_at: null })
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .execute();
  }

  /**
   * Sessions of an account acting for an organisation it has just left fall back to the person's
   * next membership; pass the transaction that removed the membership.
   */
  async leaveOrganisation(
    regionId: string,
    accountId: string,
    organisationId: string,
    db: Kysely<DB> = this.db,
  ): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ active_organisation_id: null })
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .where('active_organisation_id', '=', organisationId)
      .execute();
  }

  /** Sets the organisation the person acts for (already checked to be theirs); `db` may be a transaction. */
  async setActiveOrganisation(
    regionId: string,
    id: string,
    organisationId: string | null,
    db: Kysely<DB> = this.db,
  ): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ active_organisation_id: organisationId })
      .where('region_id', '=', regionId)
      .where('token_hash', '=', id)
      .execute();
  }

  /**
   * Deletes ended sessions, of every region: the one statement on this table not scoped to a region
   * (a maintenance sweep by expiry, which a distributed database runs on each shard).
   */
  async sweep(): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<=', sql<Date>`now()`),
          eb('last_seen_at', '<=', sql<Date>`now() - make_interval(mins => ${this.policy.idleMinutes})`),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

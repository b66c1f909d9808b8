/**
 * Who is asking: a person with a session, or an organisation's system with an API token. Resolved
 * once per request for routes that need it, and read by the authorizer and the handlers.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { OrganisationKind, Permission, Role } from '../permissions.ts';

export interface Membership {
  organisationId: string;
  organisationName: string;
  kind: OrganisationKind;
  role: Role;
  /** When the person got this role. */
  since: Date;
}

export interface PrincipalAccount {
  id: string;
  email: string;
  displayName: string;
  language: 'sv' | 'en';
}

export interface PrincipalSession {
  /** The hash of the cookie's token: the session's id in the database. */
  id: string;
  createdAt: Date;
  method: 'link' | 'code' | 'passkey';
  secondFactorAt: Date | null;
}

export interface Principal {
  kind: 'session' | 'token';
  /** The person; null for an API token. */
  account: PrincipalAccount | null;
  session: PrincipalSession | null;
  /** Every organisation the person belongs to (empty for a talent, the token's own for a token). */
  memberships: Membership[];
  /** The organisation acted for: the chosen membership's, or the token's own. */
  organisation: { id: string; name: string; kind: OrganisationKind } | null;
  /** The person's role in that organisation (null for a talent and for a token). */
  role: Role | null;
  /** What this principal may do now. */
  permissions: ReadonlySet<Permission>;
  /** The person holds a staff role (admin, editors, navigator). */
  staff: boolean;
  /** The account has a passkey or a confirmed TOTP secret. */
  hasSecondFactor: boolean;
  /** For a token: its id and name, recorded as the actor in the audit trail. */
  token?: { id: string; name: string };
}

/** Resolves a principal from a request's credentials; undefined when there are none or they fail. */
export interface PrincipalResolver {
  fromSession(regionId: string, cookieToken: string): Promise<Principal | undefined>;
  fromApiToken(regionId: string, bearer: string): Promise<Principal | undefined>;
}

/** A principal that is a signed-in person with a session (not an API token). */
export type Person = Principal & { account: PrincipalAccount; session: NonNullable<Principal['session']> };

/** The signed-in person behind a back-office request (API tokens never reach these pages). */
export function personOf(request: FastifyRequest): Person {
  const auth = request.auth;
  if (!auth?.account || !auth.session) throw new AppError('LOTSA_FORBIDDEN');
  return auth as Person;
}

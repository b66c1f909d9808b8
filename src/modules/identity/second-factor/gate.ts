/**
 * What the second-factor routes share: who is asking (the signed-in person and their session, as
 * plain values for the services), the rule that a person whose account has a
 * second factor changes their factors only in a session that has shown one (otherwise a session
 * from a stolen e-mail link could add its own factor and pass the check), per-account rate limits,
 * and the WebAuthn context and challenge cookie.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { CHALLENGE_SECONDS, type CeremonyContext } from './passkeys/webauthn.ts';
import { hasSecondFactor, type FactorOwner } from './service.ts';
import { paths, withNext } from './views.ts';

export type Gate = ReturnType<typeof makeGate>;

export function makeGate(deps: ModuleDeps) {
  const { db } = deps.database;
  const secure = deps.sessions.policy.secure;
  const challengeCookie = secure ? '__Host-lotsa_webauthn' : 'lotsa_webauthn';

  /** The signed-in person and their session (SignedIn routes: always there for a session). */
  const me = (request: FastifyRequest) => {
    const principal = request.auth;
    if (!principal?.account || !principal.session) throw new AppError('LOTSA_FORBIDDEN');
    const owner: FactorOwner & { sessionId: string } = {
      regionId: request.region.id,
      accountId: principal.account.id,
      actor: actorOf(principal),
      sessionId: principal.session.id,
    };
    return { principal, account: principal.account, session: principal.session, owner };
  };

  /** Whether this session may change the account's factors (see the comment at the top). */
  const mayChange = async (request: FastifyRequest) => {
    const { account, session } = me(request);
    const hasFactor = await hasSecondFactor(db, request.region.id, account.id);
    return { hasFactor, allowed: !hasFactor || session.secondFactorAt !== null };
  };

  /** For forms: sends to the check first when a factor must be shown; returns undefined then. */
  const ensureMayChange = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, back: string) => {
    const verdict = await mayChange(request);
    if (!verdict.allowed) {
      reply.redirect(withNext(paths.check(lang), back), 303);
      return undefined;
    }
    return verdict;
  };

  const limitAccount = async (rule: RateLimitRule, accountId: string) => {
    const wait = await deps.rateLimiter.hit(`${rule.name}:${accountId}`, rule);
    if (wait !== undefined) throw new AppError('LOTSA_RATE_LIMITED', { retryAfter: wait });
  };

  const rpName = (request: FastifyRequest, lang: Lang) => `Lotsa ${request.region.name[lang]}`;

  /** The relying party: the configured site's host name (passkeys are bound to it), never the Host header. */
  const rpId = (request: FastifyRequest) => new URL(siteOrigin(request)).hostname;

  /**
   * Where a ceremony runs. Origins: the site's own; on localhost (development, tests) the port the
   * browser actually used too, since PUBLIC_URL may name another.
   */
  const ceremony = (request: FastifyRequest): CeremonyContext => {
    const id = rpId(request);
    const origins = [siteOrigin(request)];
    if (id === 'localhost' && /^localhost:\d{1,5}$/.test(request.host)) {
      origins.push(`${request.protocol}://${request.host}`);
    }
    return { db, regionId: request.region.id, rpId: id, origins: [...new Set(origins)] };
  };

  /** Hands the browser a ceremony's handle in a short-lived HttpOnly cookie. */
  const holdChallenge = (reply: FastifyReply, handle: string) => {
    reply.setCookie(challengeCookie, handle, {
      path: '/',
      httpOnly: true,
      secure,
      sameSite: 'strict',
      maxAge: CHALLENGE_SECONDS,
    });
  };

  /** Takes the ceremony's handle back from the browser (the cookie is cleared: a handle is used once). */
  const takeHandle = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
    const handle = request.cookies[challengeCookie];
    reply.clearCookie(challengeCookie, { path: '/', httpOnly: true, secure, sameSite: 'strict' });
    return handle;
  };

  /** A JSON answer for the passkey script. */
  const json = (reply: FastifyReply, body: unknown) => reply.header('cache-control', 'no-store').send(body);

  return {
    db,
    sessions: deps.sessions,
    me,
    mayChange,
    ensureMayChange,
    limitAccount,
    rpName,
    ceremony,
    holdChallenge,
    takeHandle,
    json,
  };
}

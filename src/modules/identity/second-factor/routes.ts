/**
 * Second factors: the own security page (passkeys, authenticator app, recovery codes), passkey
 * registration and sign-in (JSON for public/js/passkey.js), and the check staff pass before the
 * back-office (`/me/second-factor`, where the authorizer sends them).
 *
 * A person whose account has a second factor changes their factors only in a session that has shown
 * one: otherwise a session from a stolen e-mail link could add its own factor and pass the check.
 * Enrolling the first factor marks the session (there was nothing else to show).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { ModuleDeps } from '../../../platform/module.ts';
import { accountActor, actorOf, recordAudit } from '../../../platform/audit.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { describeDevice } from '../../../platform/auth/sessions.ts';
import { AppError } from '../../../platform/errors.ts';
import { localPath, renderPage, type Page } from '../../../platform/html/layout.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { Permission } from '../../../platform/permissions.ts';
import { messages } from './messages.ts';
import {
  authenticationOptions,
  registrationOptions,
  verifyAuthentication,
  verifyRegistration,
  type CeremonyContext,
} from './passkeys.ts';
import {
  afterFactorRemoved,
  generateRecoveryCodes,
  hasSecondFactor,
  localNext,
  normalizeTotp,
  otpauthUri,
  passkeysOf,
  pendingTotp,
  recoveryCodesLeft,
  totpOf,
  useRecoveryCode,
  useTotpCode,
} from './service.ts';
import * as views from './views.ts';
import { paths, withNext } from './views.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { bodyField } from '../../../platform/html/forms.ts';

const signedIn = { permission: Permission.SignedIn } as const;
const pub = { permission: Permission.Public } as const;

/** Code guessing: per client address (route config) and per account (below). */
const CHECK_PER_IP: RateLimitRule = { name: 'second-factor', max: 30, windowSeconds: 900 };
const CHECK_PER_ACCOUNT: RateLimitRule = { name: 'second-factor-account', max: 10, windowSeconds: 900 };
const SETUP_PER_IP: RateLimitRule = { name: 'totp-setup', max: 30, windowSeconds: 900 };
const SETUP_PER_ACCOUNT: RateLimitRule = { name: 'totp-setup-account', max: 10, windowSeconds: 900 };
const PASSKEY_PER_IP: RateLimitRule = { name: 'passkey', max: 30, windowSeconds: 300 };
const SIGNIN_OPTIONS_PER_IP: RateLimitRule = { name: 'passkey-signin-options', max: 30, windowSeconds: 300 };
const SIGNIN_PER_IP: RateLimitRule = { name: 'passkey-signin', max: 20, windowSeconds: 300 };

const NAME_MAX = 80;

type Body = Record<string, unknown> | undefined;

export function registerSecondFactorRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const { db } = deps.database;
  const secure = deps.sessions.policy.secure;

  /** The signed-in person and their session (SignedIn routes: always there for a session). */
  const me = (request: FastifyRequest) => {
    const principal = request.auth;
    if (!principal?.account || !principal.session) throw new AppError('LOTSA_FORBIDDEN');
    return { principal, account: principal.account, session: principal.session };
  };

  const send = (request: FastifyRequest, reply: FastifyReply, page: Page, status = 200) =>
    reply
      .code(status)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        renderPage(
          { lang: request.lang, region: request.region, origin: siteOrigin(request), site: deps.site },
          page,
        ),
      );

  /** Whether this session may change the account's factors (see the module comment). */
  const mayChange = async (request: FastifyRequest) => {
    const { account, session } = me(request);
    const hasFactor = await hasSecondFactor(db, request.region.id, account.id);
    return { hasFactor, allowed: !hasFactor || session.secondFactorAt !== null };
  };

  /** For forms: sends to the check first when a factor must be shown; returns false then. */
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

  const ceremony = (request: FastifyRequest, reply: FastifyReply, database = db): CeremonyContext => ({
    db: database,
    request,
    reply,
    secure,
  });

  const rpName = (request: FastifyRequest, lang: Lang) => `Lotsa ${request.region.name[lang]}`;

  const auditFor = (request: FastifyRequest, principal: Principal) => ({
    regionId: request.region.id,
    actor: actorOf(principal),
    organisationId: null,
  });

  // The security page

  const securityView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    extra: Partial<views.SecurityView> = {},
  ): Promise<views.SecurityView> => {
    const { principal, account, session } = me(request);
    const regionId = request.region.id;
    const [passkeys, totp, recoveryLeft] = await Promise.all([
      passkeysOf(db, regionId, account.id),
      totpOf(db, regionId, account.id),
      recoveryCodesLeft(db, regionId, account.id),
    ]);
    const totpOn = totp?.confirmed ?? false;
    const hasFactor = passkeys.length > 0 || totpOn;
    return {
      lang,
      csrfToken: reply.csrfToken(),
      passkeys,
      totpOn,
      recoveryLeft,
      staff: principal.staff,
      verifyFirst: hasFactor && session.secondFactorAt === null,
      ...extra,
    };
  };

  app.get('/:lang/me/security', { config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const done = (request.query as { done?: unknown }).done;
    const view = await securityView(request, reply, lang, {
      done: views.DONE.find((d) => d === done),
    });
    return send(request, reply, views.securityPage(view));
  });

  app.post('/:lang/me/passkeys/rename', { config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    if (!(await ensureMayChange(request, reply, lang, paths.security(lang)))) return reply;
    const { principal, account } = me(request);
    const credentialId = bodyField(request.body, 'credential');
    const typed = bodyField(request.body, 'name');
    const name = typed.trim().replace(/\s+/g, ' ');
    const error = !name
      ? messages.t(lang, 'passkeys.nameErrorEmpty')
      : name.length > NAME_MAX
        ? messages.t(lang, 'passkeys.nameErrorLong')
        : undefined;
    const owned = await db
      .selectFrom('passkeys')
      .select('name')
      .where('region_id', '=', request.region.id)
      .where('account_id', '=', account.id)
      .where('credential_id', '=', credentialId)
      .executeTakeFirst();
    if (!owned) throw new AppError('LOTSA_NOT_FOUND');
    if (error) {
      const view = await securityView(request, reply, lang, {
        rename: { credentialId, value: typed, error },
      });
      return send(request, reply, views.securityPage(view), 422);
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('passkeys')
        .set({ name })
        .where('region_id', '=', request.region.id)
        .where('account_id', '=', account.id)
        .where('credential_id', '=', credentialId)
        .execute();
      await recordAudit(trx, {
        ...auditFor(request, principal),
        action: 'passkey.renamed',
        subjectType: 'passkey',
        subjectId: credentialId,
        data: { name },
      });
    });
    return reply.redirect(`${paths.security(lang)}?done=passkeyRenamed`, 303);
  });

  app.post('/:lang/me/passkeys/remove', { config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    if (!(await ensureMayChange(request, reply, lang, paths.security(lang)))) return reply;
    const { principal, account } = me(request);
    const credentialId = bodyField(request.body, 'credential');
    const left = await db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('passkeys')
        .where('region_id', '=', request.region.id)
        .where('account_id', '=', account.id)
        .where('credential_id', '=', credentialId)
        .returning('name')
        .executeTakeFirst();
      if (!removed) throw new AppError('LOTSA_NOT_FOUND');
      await recordAudit(trx, {
        ...auditFor(request, principal),
        action: 'passkey.removed',
        subjectType: 'passkey',
        subjectId: credentialId,
        data: { name: removed.name },
      });
      return afterFactorRemoved(trx, request.region.id, account.id);
    });
    return reply.redirect(`${paths.security(lang)}?done=${left ? 'passkeyRemoved' : 'factorGone'}`, 303);
  });

  // Passkey registration (JSON, from the script)

  app.post(
    '/:lang/me/passkeys/options',
    { config: { ...signedIn, rateLimit: PASSKEY_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      if (!(await mayChange(request)).allowed) throw new AppError('LOTSA_SECOND_FACTOR_REQUIRED');
      const { account } = me(request);
      const options = await registrationOptions(ceremony(request, reply), account, rpName(request, lang));
      return reply.header('cache-control', 'no-store').send(options);
    },
  );

  app.post(
    '/:lang/me/passkeys',
    { config: { ...signedIn, rateLimit: PASSKEY_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const { hasFactor, allowed } = await mayChange(request);
      if (!allowed) throw new AppError('LOTSA_SECOND_FACTOR_REQUIRED');
      const { principal, account, session } = me(request);
      const body = request.body as Body;
      const passkey = await verifyRegistration(ceremony(request, reply), account.id, body?.response);
      const name =
        describeDevice(request.headers['user-agent']).slice(0, NAME_MAX) ||
        messages.t(lang, 'passkeys.defaultName');
      await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('passkeys')
          .values({
            region_id: request.region.id,
            credential_id: passkey.credentialId,
            account_id: account.id,
            public_key: passkey.publicKey,
            counter: passkey.counter,
            transports: passkey.transports,
            backed_up: passkey.backedUp,
            name,
          })
          .onConflict((oc) => oc.columns(['region_id', 'credential_id']).doNothing())
          .returning('credential_id')
          .executeTakeFirst();
        if (!inserted) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'passkey already registered' });
        await recordAudit(trx, {
          ...auditFor(request, principal),
          action: 'passkey.added',
          subjectType: 'passkey',
          subjectId: passkey.credentialId,
          data: { name },
        });
      });
      if (!hasFactor) await deps.sessions.markSecondFactor(session.id);
      const next = localNext(body?.next, paths.security(lang));
      const redirect = next === paths.security(lang) ? `${next}?done=passkeyAdded` : next;
      return reply.header('cache-control', 'no-store').send({ redirect });
    },
  );

  // Setting up an authenticator app

  const totpSetupView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    extra: { code?: string; error?: string; next?: string },
  ): Promise<views.TotpSetupView> => {
    const { account, session } = me(request);
    const state = await pendingTotp(db, request.region.id, account.id, session.id);
    const issuer = rpName(request, lang);
    const base = {
      lang,
      csrfToken: reply.csrfToken(),
      secret: '',
      issuer,
      qrSvg: '',
      code: '',
      next: extra.next,
    };
    if (state.confirmed) return { ...base, already: true };
    const uri = otpauthUri(issuer, account.email, state.secret);
    const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return { ...base, secret: state.secret, qrSvg, code: extra.code ?? '', error: extra.error };
  };

  const nextParam = (value: unknown) => {
    const next = localNext(value, '');
    return next || undefined;
  };

  app.get('/:lang/me/totp', { config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const next = nextParam((request.query as { next?: unknown }).next);
    if (!(await ensureMayChange(request, reply, lang, withNext(paths.totp(lang), next)))) return reply;
    return send(request, reply, views.totpSetupPage(await totpSetupView(request, reply, lang, { next })));
  });

  app.post('/:lang/me/totp', { config: { ...signedIn, rateLimit: SETUP_PER_IP } }, async (request, reply) => {
    const lang = langParam(request);
    const next = nextParam(bodyField(request.body, 'next'));
    if (!(await ensureMayChange(request, reply, lang, withNext(paths.totp(lang), next)))) return reply;
    const { principal, account, session } = me(request);
    const code = bodyField(request.body, 'code').slice(0, 40);
    const regionId = request.region.id;
    const state = await totpOf(db, regionId, account.id);
    if (!state) return reply.redirect(withNext(paths.totp(lang), next), 303);
    if (state.confirmed) {
      return send(request, reply, views.totpSetupPage(await totpSetupView(request, reply, lang, { next })));
    }
    const fail = async (key: 'setup.codeErrorEmpty' | 'setup.codeErrorWrong') => {
      const view = await totpSetupView(request, reply, lang, { code, error: messages.t(lang, key), next });
      return send(request, reply, views.totpSetupPage(view), 422);
    };
    if (!normalizeTotp(code)) return fail('setup.codeErrorEmpty');
    await limitAccount(SETUP_PER_ACCOUNT, account.id);
    const codes = await db.transaction().execute(async (trx) => {
      if (!(await useTotpCode(trx, regionId, account.id, code, false, session.id))) return undefined;
      await recordAudit(trx, {
        ...auditFor(request, principal),
        action: 'totp.enabled',
        subjectType: 'account',
        subjectId: account.id,
      });
      const generated = await generateRecoveryCodes(trx, regionId, account.id);
      await recordAudit(trx, {
        ...auditFor(request, principal),
        action: 'recovery_codes.generated',
        subjectType: 'account',
        subjectId: account.id,
        data: { count: generated.length },
      });
      return generated;
    });
    if (!codes) return fail('setup.codeErrorWrong');
    await deps.sessions.markSecondFactor(session.id);
    return send(
      request,
      reply,
      views.recoveryCodesPage({ lang, codes, totpEnabled: true, continueTo: next ?? paths.security(lang) }),
    );
  });

  app.post('/:lang/me/totp/disable', { config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    if (!(await ensureMayChange(request, reply, lang, paths.security(lang)))) return reply;
    const { principal, account } = me(request);
    const left = await db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('totp_secrets')
        .where('region_id', '=', request.region.id)
        .where('account_id', '=', account.id)
        .where('confirmed_at', 'is not', null)
        .returning('account_id')
        .executeTakeFirst();
      if (!removed) return undefined;
      await recordAudit(trx, {
        ...auditFor(request, principal),
        action: 'totp.disabled',
        subjectType: 'account',
        subjectId: account.id,
      });
      return afterFactorRemoved(trx, request.region.id, account.id);
    });
    if (left === undefined) return reply.redirect(paths.security(lang), 303);
    return reply.redirect(`${paths.security(lang)}?done=${left ? 'totpDisabled' : 'factorGone'}`, 303);
  });

  app.post('/:lang/me/recovery-codes', { config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const verdict = await ensureMayChange(request, reply, lang, paths.security(lang));
    if (!verdict) return reply;
    if (!verdict.hasFactor) return reply.redirect(paths.security(lang), 303);
    const { principal, account } = me(request);
    const codes = await db.transaction().execute(async (trx) => {
      const generated = await generateRecoveryCodes(trx, request.region.id, account.id);
      await recordAudit(trx, {
        ...auditFor(request, principal),
        action: 'recovery_codes.generated',
        subjectType: 'account',
        subjectId: account.id,
        data: { count: generated.length },
      });
      return generated;
    });
    return send(
      request,
      reply,
      views.recoveryCodesPage({ lang, codes, totpEnabled: false, continueTo: paths.security(lang) }),
    );
  });

  // The second-factor check (where the authorizer sends staff before the back-office)

  const checkView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    next: string,
    extra: { code?: string; error?: string } = {},
  ): Promise<views.CheckView> => {
    const { principal, account } = me(request);
    const regionId = request.region.id;
    const [passkeys, totp] = await Promise.all([
      passkeysOf(db, regionId, account.id),
      totpOf(db, regionId, account.id),
    ]);
    return {
      lang,
      csrfToken: reply.csrfToken(),
      next,
      staff: principal.staff,
      hasFactor: passkeys.length > 0 || (totp?.confirmed ?? false),
      hasPasskey: passkeys.length > 0,
      code: extra.code ?? '',
      error: extra.error,
    };
  };

  app.get('/:lang/me/second-factor', { config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const next = localNext((request.query as { next?: unknown }).next, '/admin');
    const { session } = me(request);
    const view = await checkView(request, reply, lang, next);
    if (view.hasFactor && session.secondFactorAt !== null) return reply.redirect(next, 303);
    return send(request, reply, views.checkPage(view));
  });

  app.post(
    '/:lang/me/second-factor',
    { config: { ...signedIn, rateLimit: CHECK_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const next = localNext(bodyField(request.body, 'next'), '/admin');
      const { principal, account, session } = me(request);
      const code = bodyField(request.body, 'code').slice(0, 40);
      const fail = async (key: 'check.codeErrorEmpty' | 'check.codeErrorWrong') => {
        const view = await checkView(request, reply, lang, next, { code, error: messages.t(lang, key) });
        return send(request, reply, views.checkPage(view), 422);
      };
      if (!code.trim()) return fail('check.codeErrorEmpty');
      await limitAccount(CHECK_PER_ACCOUNT, account.id);
      const regionId = request.region.id;
      if (!(await hasSecondFactor(db, regionId, account.id))) {
        return reply.redirect(withNext(paths.check(lang), next), 303);
      }
      const method = await db.transaction().execute(async (trx) => {
        if (/^\d{6}$/.test(normalizeTotp(code))) {
          return (await useTotpCode(trx, regionId, account.id, code, true)) ? 'totp' : undefined;
        }
        if (!(await useRecoveryCode(trx, regionId, account.id, code))) return undefined;
        await recordAudit(trx, {
          ...auditFor(request, principal),
          action: 'recovery_code.used',
          subjectType: 'account',
          subjectId: account.id,
          data: { left: await recoveryCodesLeft(trx, regionId, account.id) },
        });
        return 'recovery_code';
      });
      if (!method) return fail('check.codeErrorWrong');
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          ...auditFor(request, principal),
          action: 'session.second_factor_verified',
          subjectType: 'account',
          subjectId: account.id,
          data: { method },
        });
      });
      await deps.sessions.markSecondFactor(session.id);
      return reply.redirect(next, 303);
    },
  );

  app.post(
    '/:lang/me/second-factor/passkey/options',
    { config: { ...signedIn, rateLimit: PASSKEY_PER_IP } },
    async (request, reply) => {
      langParam(request);
      const { account } = me(request);
      const count = (await passkeysOf(db, request.region.id, account.id)).length;
      if (count === 0) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'no passkeys' });
      const options = await authenticationOptions(ceremony(request, reply), 'verify', account.id);
      return reply.header('cache-control', 'no-store').send(options);
    },
  );

  app.post(
    '/:lang/me/second-factor/passkey',
    { config: { ...signedIn, rateLimit: PASSKEY_PER_IP } },
    async (request, reply) => {
      langParam(request);
      const { principal, account, session } = me(request);
      const body = request.body as Body;
      const used = await verifyAuthentication(ceremony(request, reply), 'verify', account.id, body?.response);
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          ...auditFor(request, principal),
          action: 'session.second_factor_verified',
          subjectType: 'account',
          subjectId: account.id,
          data: { method: 'passkey', passkey: used.credentialId.slice(0, 24) },
        });
      });
      await deps.sessions.markSecondFactor(session.id);
      return reply.header('cache-control', 'no-store').send({ redirect: localNext(body?.next, '/admin') });
    },
  );

  // Signing in with a passkey (from the login page)

  app.post(
    '/:lang/login/passkey/options',
    { config: { ...pub, rateLimit: SIGNIN_OPTIONS_PER_IP } },
    async (request, reply) => {
      langParam(request);
      const options = await authenticationOptions(ceremony(request, reply), 'authenticate', null);
      return reply.header('cache-control', 'no-store').send(options);
    },
  );

  app.post(
    '/:lang/login/passkey',
    { config: { ...pub, rateLimit: SIGNIN_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const body = request.body as Body;
      const used = await verifyAuthentication(ceremony(request, reply), 'authenticate', null, body?.response);
      const regionId = request.region.id;
      await db.transaction().execute(async (trx) => {
        await deps.sessions.start(request, reply, {
          regionId,
          accountId: used.accountId,
          method: 'passkey',
          // Two factors in one only when the key checked a PIN or biometric, not just a touch.
          secondFactor: used.userVerified,
          db: trx,
        });
        await recordAudit(trx, {
          regionId,
          actor: accountActor(used.accountId),
          action: 'session.started',
          subjectType: 'account',
          subjectId: used.accountId,
          data: { method: 'passkey' },
        });
      });
      return reply
        .header('cache-control', 'no-store')
        .send({ redirect: localNext(body?.next, localPath(lang, '/me')) });
    },
  );
}

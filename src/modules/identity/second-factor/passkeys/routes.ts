/**
 * Passkey routes: renaming and removing one (forms on the security page), and the JSON the passkey
 * script (public/js/passkey.js) exchanges to add one, to show one as the second factor and to sign
 * in with one.
 */
import { describeDevice } from '../../../../platform/auth/sessions.ts';
import { AppError } from '../../../../platform/errors.ts';
import { localPath } from '../../../../platform/html/layout.ts';
import { langParam } from '../../../../platform/http/lang.ts';
import type { RateLimitRule } from '../../../../platform/http/rate-limit.ts';
import type { App } from '../../../../platform/http/schema.ts';
import { Permission } from '../../../../platform/permissions.ts';
import type { Gate } from '../gate.ts';
import { messages } from '../messages.ts';
import { ActionSchema, PasskeyFinishSchema, PasskeyFormSchema } from '../schemas.ts';
import { localNext } from '../service.ts';
import { paths } from '../views.ts';
import {
  addPasskey,
  countPasskeys,
  NAME_MAX,
  removePasskey,
  renamePasskey,
  signInWithPasskey,
  verifyWithPasskey,
} from './service.ts';
import { authenticationOptions, registrationOptions } from './webauthn.ts';
import { renderSecurityPage } from '../security-routes.ts';

const signedIn = { permission: Permission.SignedIn } as const;
const pub = { permission: Permission.Public } as const;

const PASSKEY_PER_IP: RateLimitRule = { name: 'passkey', max: 30, windowSeconds: 300 };
const SIGNIN_OPTIONS_PER_IP: RateLimitRule = { name: 'passkey-signin-options', max: 30, windowSeconds: 300 };
const SIGNIN_PER_IP: RateLimitRule = { name: 'passkey-signin', max: 20, windowSeconds: 300 };

export function registerPasskeyRoutes(app: App, gate: Gate): void {
  const { db, sessions, me } = gate;

  const form = { schema: PasskeyFormSchema, config: signedIn };
  app.post('/:lang/me/passkeys/rename', form, async (request, reply) => {
    const lang = langParam(request);
    if (!(await gate.ensureMayChange(request, reply, lang, paths.security(lang)))) return reply;
    const credentialId = request.body.credential ?? '';
    const typed = request.body.name ?? '';
    const result = await renamePasskey(db, me(request).owner, credentialId, typed);
    if (!result.ok) {
      const error = messages.t(
        lang,
        result.problem === 'empty' ? 'passkeys.nameErrorEmpty' : 'passkeys.nameErrorLong',
      );
      return renderSecurityPage(
        gate,
        request,
        reply,
        lang,
        { rename: { credentialId, value: typed, error } },
        422,
      );
    }
    return reply.redirect(`${paths.security(lang)}?done=passkeyRenamed`, 303);
  });

  app.post('/:lang/me/passkeys/remove', form, async (request, reply) => {
    const lang = langParam(request);
    if (!(await gate.ensureMayChange(request, reply, lang, paths.security(lang)))) return reply;
    const credentialId = request.body.credential ?? '';
    const { factorLeft } = await removePasskey(db, sessions, me(request).owner, credentialId);
    return reply.redirect(
      `${paths.security(lang)}?done=${factorLeft ? 'passkeyRemoved' : 'factorGone'}`,
      303,
    );
  });

  // Adding a passkey (JSON, from the script)

  app.post(
    '/:lang/me/passkeys/options',
    { schema: ActionSchema, config: { ...signedIn, rateLimit: PASSKEY_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      if (!(await gate.mayChange(request)).allowed) throw new AppError('LOTSA_SECOND_FACTOR_REQUIRED');
      const { account } = me(request);
      const started = await registrationOptions(gate.ceremony(request), account, gate.rpName(request, lang));
      gate.holdChallenge(reply, started.handle);
      return gate.json(reply, started.options);
    },
  );

  app.post(
    '/:lang/me/passkeys',
    { schema: PasskeyFinishSchema, config: { ...signedIn, rateLimit: PASSKEY_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const { hasFactor, allowed } = await gate.mayChange(request);
      if (!allowed) throw new AppError('LOTSA_SECOND_FACTOR_REQUIRED');
      const { body } = request;
      const name =
        describeDevice(request.headers['user-agent']).slice(0, NAME_MAX) ||
        messages.t(lang, 'passkeys.defaultName');
      await addPasskey(db, sessions, me(request).owner, {
        ctx: gate.ceremony(request),
        handle: gate.takeHandle(request, reply),
        response: body.response,
        name,
        firstFactor: !hasFactor,
      });
      const next = localNext(body.next, paths.security(lang));
      const redirect = next === paths.security(lang) ? `${next}?done=passkeyAdded` : next;
      return gate.json(reply, { redirect });
    },
  );

  // A passkey as the second factor (the check page)

  app.post(
    '/:lang/me/second-factor/passkey/options',
    { schema: ActionSchema, config: { ...signedIn, rateLimit: PASSKEY_PER_IP } },
    async (request, reply) => {
      langParam(request);
      const { account } = me(request);
      if ((await countPasskeys(db, request.region.id, account.id)) === 0) {
        throw new AppError('LOTSA_BAD_REQUEST', { detail: 'no passkeys' });
      }
      const started = await authenticationOptions(gate.ceremony(request), 'verify', account.id);
      gate.holdChallenge(reply, started.handle);
      return gate.json(reply, started.options);
    },
  );

  app.post(
    '/:lang/me/second-factor/passkey',
    { schema: PasskeyFinishSchema, config: { ...signedIn, rateLimit: PASSKEY_PER_IP } },
    async (request, reply) => {
      langParam(request);
      const { body } = request;
      await verifyWithPasskey(db, sessions, me(request).owner, {
        ctx: gate.ceremony(request),
        handle: gate.takeHandle(request, reply),
        response: body.response,
      });
      return gate.json(reply, { redirect: localNext(body.next, '/admin') });
    },
  );

  // Signing in with a passkey (from the login page)

  app.post(
    '/:lang/login/passkey/options',
    { schema: ActionSchema, config: { ...pub, rateLimit: SIGNIN_OPTIONS_PER_IP } },
    async (request, reply) => {
      langParam(request);
      const started = await authenticationOptions(gate.ceremony(request), 'authenticate', null);
      gate.holdChallenge(reply, started.handle);
      return gate.json(reply, started.options);
    },
  );

  app.post(
    '/:lang/login/passkey',
    { schema: PasskeyFinishSchema, config: { ...pub, rateLimit: SIGNIN_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const { body } = request;
      const signedInAs = await signInWithPasskey(
        db,
        sessions,
        { ctx: gate.ceremony(request), handle: gate.takeHandle(request, reply), response: body.response },
        sessions.browserOf(request),
      );
      sessions.setCookie(reply, signedInAs.sessionToken);
      return gate.json(reply, { redirect: localNext(body.next, localPath(lang, '/me')) });
    },
  );
}

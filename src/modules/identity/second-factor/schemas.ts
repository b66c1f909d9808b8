/**
 * What the second-factor routes read, as schemas (see ARCHITECTURE "Schemas"): pages take the
 * language and any query; forms type their fields as optional strings (the routes' own checks
 * answer a person's mistakes on the page); the passkey script's JSON is a credential the WebAuthn
 * library checks further, and `next`. Every field is optional so that the CSRF check, which runs
 * after validation, still answers a cross-site request whatever it sent; a field that is there
 * must have its shape, else the request is a 400 naming it.
 */
import { Type } from '@sinclair/typebox';
import { AnyQuery, LangParams } from '../../../platform/http/schema.ts';

const text = () => Type.Optional(Type.String());

/** A page under /:lang/me/… that may read its query (`done`, `next`). */
export const PageSchema = { params: LangParams, querystring: AnyQuery };

/** A form without fields of its own (its CSRF token only). */
export const ActionSchema = { params: LangParams };

/** The code forms: the check page and setting up the authenticator app. */
export const CodeFormSchema = {
  params: LangParams,
  body: Type.Object({ code: text(), next: text() }),
};

/** Renaming or removing a passkey from the security page. */
export const PasskeyFormSchema = {
  params: LangParams,
  body: Type.Object({ credential: text(), name: text() }),
};

/**
 * A credential as `public/js/passkey.js` sends it (the WebAuthn JSON encoding, binary values in
 * base64url). Its inner response and extension results are checked by the WebAuthn library.
 */
export const CredentialJson = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 1400, pattern: '^[A-Za-z0-9_-]+$' }),
  rawId: Type.String({ maxLength: 1400 }),
  type: Type.Literal('public-key'),
  response: Type.Object({}),
  authenticatorAttachment: Type.Optional(Type.String({ maxLength: 40 })),
  clientExtensionResults: Type.Optional(Type.Object({})),
});

/** The end of a passkey ceremony: the browser's credential and where to go afterwards. */
export const PasskeyFinishSchema = {
  params: LangParams,
  body: Type.Object({ response: Type.Optional(CredentialJson), next: text() }),
};

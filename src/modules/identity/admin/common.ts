/** What the back-office core's pages share: the person asking, texts, sending a page. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Lang, Params } from '../../../platform/i18n/index.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { messages, type AdminMessageKey } from './messages.ts';

export { personOf, type Person } from '../../../platform/auth/principal.ts';
// The page helpers every module shares; the back-office core's pages import them from here too.
export {
  doneOf,
  IdPageSchema,
  IdParams,
  isUuid,
  PageSchema,
  queryText,
  uuidParam,
  type QueryValue,
} from '../../../platform/http/params.ts';

/** An admin of the region, acting for the region: sees and manages every organisation in it. */
export function isRegionAdmin(principal: Principal): boolean {
  return principal.role === 'admin' && principal.organisation?.kind === 'region';
}

export interface AdminView {
  lang: Lang;
  t: (key: AdminMessageKey, params?: Params) => string;
  csrf: string;
}

export function adminView(request: FastifyRequest, reply: FastifyReply): AdminView {
  const lang = adminLang(request);
  return {
    lang,
    t: (key, params) => messages.t(lang, key, params),
    csrf: reply.csrfToken(),
  };
}

/** "Administratör" for a role name shown on its own (in a table cell or a list of options). */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}

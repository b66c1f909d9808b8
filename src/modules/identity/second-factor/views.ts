/** Placeholder until the second-factor part lands: the passkey sign-in block for the login page. */
import type { SafeHtml } from '../../../platform/html/html.ts';
import { html } from '../../../platform/html/html.ts';
import type { Lang } from '../../../platform/i18n/index.ts';

/** The script that runs passkey ceremonies (pages work without it; passkeys need it). */
export const PASSKEY_SCRIPT = 'js/passkey.js';

/** Markup for "Sign in with a passkey" on the login page; `next` is where to go afterwards. */
export function passkeySignInHtml(_lang: Lang, _next: string, _csrfToken: string): SafeHtml {
  return html``;
}

/** Texts the identity module adds to the public site's shell. */
import { defineMessages } from '../../platform/i18n/index.ts';

export const messages = defineMessages({
  sv: { 'nav.me': 'Mitt konto' },
  en: { 'nav.me': 'My account' },
});

/**
 * The assets part's kinds of audit event. `{title}` is the asset's Swedish title when the change
 * was made; the expiry task's notice says why (expired or withdrawn) and how many were told.
 */
import type { AuditFacts, AuditSentences } from '../../../platform/audit-sentences.ts';

const withdrawn = (f: AuditFacts) => f.data.reason === 'withdrawn';
const warned = (f: AuditFacts) => f.data.reason === 'warn';

export const assetAuditSentences: AuditSentences = {
  'toolbox.asset.created': {
    label: { sv: 'Material i verktygslådan skapat', en: 'Toolbox material created' },
    sentences: [{ sv: '{actor} lade till materialet {title}', en: '{actor} added the material {title}' }],
  },
  'toolbox.asset.updated': {
    label: { sv: 'Material i verktygslådan ändrat', en: 'Toolbox material changed' },
    sentences: [{ sv: '{actor} ändrade materialet {title}', en: '{actor} changed the material {title}' }],
  },
  'toolbox.asset.published': {
    label: { sv: 'Material i verktygslådan publicerat', en: 'Toolbox material published' },
    sentences: [
      { sv: '{actor} publicerade materialet {title}', en: '{actor} published the material {title}' },
    ],
  },
  'toolbox.asset.withdrawn': {
    label: { sv: 'Material i verktygslådan tillbakadraget', en: 'Toolbox material withdrawn' },
    sentences: [
      { sv: '{actor} drog tillbaka materialet {title}', en: '{actor} withdrew the material {title}' },
    ],
  },
  'toolbox.asset.deleted': {
    label: { sv: 'Utkast i verktygslådan borttaget', en: 'Toolbox draft deleted' },
    sentences: [{ sv: '{actor} tog bort utkastet {title}', en: '{actor} deleted the draft {title}' }],
  },
  'toolbox.asset.users_told': {
    label: { sv: 'Användare av material underrättade', en: 'Material users told' },
    sentences: [
      {
        when: withdrawn,
        sv: '{count} som laddat ner {title} fick veta att materialet dragits tillbaka',
        en: '{count} who downloaded {title} were told it was withdrawn',
      },
      {
        when: warned,
        sv: '{count} som laddat ner {title} fick veta att licensen snart går ut',
        en: '{count} who downloaded {title} were told its licence runs out soon',
      },
      {
        sv: '{count} som laddat ner {title} fick veta att licensen gått ut',
        en: '{count} who downloaded {title} were told its licence has expired',
      },
    ],
  },
};

/**
 * The audit trail's sentences for the region's texts. `{name}` is the text's Swedish title (else
 * its English one) when the change was made.
 */
import type { AuditFacts, AuditSentences } from '../../../platform/audit-sentences.ts';

const back = (f: AuditFacts) => f.data.was === 'approved' && f.data.status === 'draft';

export const textsAuditSentences: AuditSentences = {
  'toolbox.text.created': {
    label: { sv: 'Text skapad (verktygslådan)', en: 'Text created (toolbox)' },
    sentences: [{ sv: '{actor} skrev texten {name}', en: '{actor} wrote the text {name}' }],
  },
  'toolbox.text.updated': {
    label: { sv: 'Text ändrad (verktygslådan)', en: 'Text changed (toolbox)' },
    sentences: [
      {
        when: back,
        sv: '{actor} ändrade den godkända texten {name}, som blev ett utkast igen',
        en: '{actor} changed the approved text {name}, which became a draft again',
      },
      { sv: '{actor} ändrade texten {name}', en: '{actor} changed the text {name}' },
    ],
  },
  'toolbox.text.approved': {
    label: { sv: 'Text godkänd (verktygslådan)', en: 'Text approved (toolbox)' },
    sentences: [{ sv: '{actor} godkände texten {name}', en: '{actor} approved the text {name}' }],
  },
  'toolbox.text.retired': {
    label: { sv: 'Text tagen ur bruk (verktygslådan)', en: 'Text retired (toolbox)' },
    sentences: [{ sv: '{actor} slutade använda texten {name}', en: '{actor} stopped using the text {name}' }],
  },
  'toolbox.text.drafted': {
    label: { sv: 'Text åter till utkast (verktygslådan)', en: 'Text back to draft (toolbox)' },
    sentences: [
      {
        sv: '{actor} gjorde texten {name} till ett utkast igen',
        en: '{actor} made the text {name} a draft again',
      },
    ],
  },
};

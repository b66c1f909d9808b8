/**
 * The guides' kinds of audit event: an organisation's checklists (`{label}` is the recruitment's
 * label the organisation wrote) and the editors' changes to a guide (`{title}` its Swedish title).
 */
import type { AuditSentences } from '../../../platform/audit-sentences.ts';

export const guidesAuditSentences: AuditSentences = {
  'toolbox.checklist.created': {
    label: { sv: 'Checklista startad', en: 'Checklist started' },
    sentences: [
      {
        sv: '{actor} startade checklistan {label} ({guide})',
        en: '{actor} started the checklist {label} ({guide})',
      },
    ],
  },
  'toolbox.checklist.ticked': {
    label: { sv: 'Checklista avbockad', en: 'Checklist ticked' },
    sentences: [
      {
        sv: '{actor} sparade bockarna i checklistan {label}: {done} av {total} klara',
        en: '{actor} saved the ticks of the checklist {label}: {done} of {total} done',
      },
    ],
  },
  'toolbox.checklist.renamed': {
    label: { sv: 'Checklista omdöpt', en: 'Checklist renamed' },
    sentences: [
      {
        sv: '{actor} döpte om checklistan {from} till {label}',
        en: '{actor} renamed the checklist {from} to {label}',
      },
    ],
  },
  'toolbox.checklist.deleted': {
    label: { sv: 'Checklista borttagen', en: 'Checklist deleted' },
    sentences: [{ sv: '{actor} tog bort checklistan {label}', en: '{actor} deleted the checklist {label}' }],
  },
  'toolbox.guide.saved': {
    label: { sv: 'Guide ändrad', en: 'Guide changed' },
    sentences: [
      {
        sv: '{actor} ändrade guiden {title} (version {version})',
        en: '{actor} changed the guide {title} (version {version})',
      },
    ],
  },
  'toolbox.guide.published': {
    label: { sv: 'Guide publicerad', en: 'Guide published' },
    sentences: [{ sv: '{actor} publicerade guiden {title}', en: '{actor} published the guide {title}' }],
  },
  'toolbox.guide.unpublished': {
    label: { sv: 'Guide avpublicerad', en: 'Guide unpublished' },
    sentences: [{ sv: '{actor} avpublicerade guiden {title}', en: '{actor} unpublished the guide {title}' }],
  },
};

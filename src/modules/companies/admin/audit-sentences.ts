/**
 * The company pages' kinds of audit event: `{name}` is the page's name, `{organisation}` the
 * employer organisation the event belongs to (filled in by the audit trail).
 */
import type { AuditFacts, AuditGroup, AuditSentences } from '../../../platform/audit-sentences.ts';

const badges = (f: AuditFacts) => f.data.badges === true;

export const companyAuditSentences: AuditSentences = {
  'company.created': {
    label: { sv: 'Företagssida skapad', en: 'Company page created' },
    sentences: [
      { sv: '{actor} skapade företagssidan ”{name}”', en: '{actor} created the company page “{name}”' },
    ],
  },
  'company.claimed': {
    label: { sv: 'Företagssida övertagen', en: 'Company page taken over' },
    sentences: [
      {
        sv: '{actor} tog över företagssidan ”{name}” för {organisation}',
        en: '{actor} took over the company page “{name}” for {organisation}',
      },
    ],
  },
  'company.linked': {
    label: { sv: 'Företagssida kopplad till arbetsgivare', en: 'Company page linked to employer' },
    sentences: [
      {
        sv: '{actor} kopplade företagssidan ”{name}” till {organisation} inför en inbjudan',
        en: '{actor} linked the company page “{name}” to {organisation} ahead of an invitation',
      },
    ],
  },
  'company.saved': {
    label: { sv: 'Företagssida sparad', en: 'Company page saved' },
    sentences: [
      {
        sv: '{actor} sparade version {version} av företagssidan ”{name}”',
        en: '{actor} saved version {version} of the company page “{name}”',
      },
    ],
  },
  'company.published': {
    label: { sv: 'Textändring publicerad direkt', en: 'Text edit published at once' },
    sentences: [
      {
        sv: 'Version {version} av företagssidan ”{name}” publicerades direkt (en textändring)',
        en: 'Version {version} of the company page “{name}” was published at once (a text edit)',
      },
    ],
  },
  'company.review': {
    label: { sv: 'Ändring väntar på granskning', en: 'Change waiting for review' },
    sentences: [
      {
        when: badges,
        sv: 'Version {version} av företagssidan ”{name}” väntar på granskning: märkena är ändrade',
        en: 'Version {version} of the company page “{name}” is waiting for review: the badges have changed',
      },
      {
        sv: 'Version {version} av företagssidan ”{name}” väntar på granskning',
        en: 'Version {version} of the company page “{name}” is waiting for review',
      },
    ],
  },
  'company.submitted': {
    label: { sv: 'Företagssida skickad till granskning', en: 'Company page sent for review' },
    sentences: [
      {
        sv: '{actor} skickade version {version} av företagssidan ”{name}” till granskning',
        en: '{actor} sent version {version} of the company page “{name}” for review',
      },
    ],
  },
  'company.approved': {
    label: { sv: 'Företagssida godkänd och publicerad', en: 'Company page approved and published' },
    sentences: [
      {
        sv: '{actor} godkände och publicerade version {version} av företagssidan ”{name}”',
        en: '{actor} approved and published version {version} of the company page “{name}”',
      },
    ],
  },
  'company.returned': {
    label: { sv: 'Företagssida skickad tillbaka', en: 'Company page sent back' },
    sentences: [
      {
        sv: '{actor} skickade tillbaka företagssidan ”{name}” med kommentaren: {comment}',
        en: '{actor} sent the company page “{name}” back with the comment: {comment}',
      },
    ],
  },
  'company.unpublished': {
    label: { sv: 'Företagssida avpublicerad', en: 'Company page unpublished' },
    sentences: [
      {
        sv: '{actor} avpublicerade företagssidan ”{name}”',
        en: '{actor} unpublished the company page “{name}”',
      },
    ],
  },
  'company.featured': {
    label: { sv: 'Företag utvalt', en: 'Company featured' },
    sentences: [
      {
        sv: '{actor} gjorde ”{name}” till ett utvalt företag',
        en: '{actor} made “{name}” a featured company',
      },
    ],
  },
  'company.unfeatured': {
    label: { sv: 'Företag inte längre utvalt', en: 'Company no longer featured' },
    sentences: [
      {
        sv: '{actor} slutade visa ”{name}” som utvalt företag',
        en: '{actor} stopped featuring “{name}”',
      },
    ],
  },
  'company.settings.updated': {
    label: { sv: 'Inställning för företagssidor ändrad', en: 'Company page setting changed' },
    sentences: [
      {
        when: (f) => f.data.directTextEdits === true,
        sv: '{actor} ställde in att textändringar på publicerade företagssidor publiceras direkt',
        en: '{actor} set text edits to published company pages to be published at once',
      },
      {
        sv: '{actor} ställde in att textändringar på publicerade företagssidor granskas innan de publiceras',
        en: '{actor} set text edits to published company pages to be reviewed before they are published',
      },
    ],
  },
  'company.needs.updated': {
    label: { sv: 'Kompetensbehov uppdaterade', en: 'Competence needs updated' },
    sentences: [
      {
        sv: '{actor} uppdaterade kompetensbehoven för ”{name}”: {occupations} yrken, {people} personer',
        en: '{actor} updated the competence needs of “{name}”: {occupations} occupations, {people} people',
      },
    ],
  },
};

export const companyAuditGroups: readonly AuditGroup[] = [
  {
    value: 'company',
    label: { sv: 'Företagssidor, alla händelser', en: 'Company pages, all events' },
    prefixes: ['company'],
  },
];

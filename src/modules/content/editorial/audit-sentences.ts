/** The editors' kinds of audit event: `{name}` is the item's title (its slug when it has none). */
import type { AuditFacts, AuditGroup, AuditSentences } from '../../../platform/audit-sentences.ts';

const scheduled = (f: AuditFacts) => f.data.scheduled === true;
const until = (f: AuditFacts) => typeof f.data.until === 'string';
const consent = (f: AuditFacts) => f.data.consent === true;

export const editorialAuditSentences: AuditSentences = {
  'content.created': {
    label: { sv: 'Innehåll skapat', en: 'Content created' },
    sentences: [{ sv: '{actor} skapade ”{name}” ({slug})', en: '{actor} created “{name}” ({slug})' }],
  },
  'content.saved': {
    label: { sv: 'Innehåll sparat', en: 'Content saved' },
    sentences: [
      {
        sv: '{actor} sparade version {version} av ”{name}”',
        en: '{actor} saved version {version} of “{name}”',
      },
    ],
  },
  'content.restored': {
    label: { sv: 'Tidigare version återställd', en: 'Earlier version restored' },
    sentences: [
      {
        sv: '{actor} återställde version {from} av ”{name}” som version {version}',
        en: '{actor} restored version {from} of “{name}” as version {version}',
      },
    ],
  },
  'content.submitted': {
    label: { sv: 'Skickat till granskning', en: 'Sent for review' },
    sentences: [
      {
        sv: '{actor} skickade version {version} av ”{name}” till granskning',
        en: '{actor} sent version {version} of “{name}” for review',
      },
    ],
  },
  'content.returned': {
    label: { sv: 'Skickat tillbaka', en: 'Sent back' },
    sentences: [
      {
        sv: '{actor} skickade tillbaka ”{name}” med kommentaren: {comment}',
        en: '{actor} sent “{name}” back with the comment: {comment}',
      },
    ],
  },
  'content.approved': {
    label: { sv: 'Godkänt och publicerat', en: 'Approved and published' },
    sentences: [
      {
        when: (f) => scheduled(f) && until(f),
        sv: '{actor} godkände version {version} av ”{name}” för publicering {at} till {until}',
        en: '{actor} approved version {version} of “{name}” to be published at {at} until {until}',
      },
      {
        when: (f) => scheduled(f) && typeof f.data.replaces === 'number',
        sv: '{actor} godkände version {version} av ”{name}” att ersätta version {replaces} {at}',
        en: '{actor} approved version {version} of “{name}” to replace version {replaces} at {at}',
      },
      {
        when: scheduled,
        sv: '{actor} godkände version {version} av ”{name}” för publicering {at}',
        en: '{actor} approved version {version} of “{name}” to be published at {at}',
      },
      {
        when: until,
        sv: '{actor} godkände och publicerade version {version} av ”{name}” till {until}',
        en: '{actor} approved and published version {version} of “{name}” until {until}',
      },
      {
        sv: '{actor} godkände och publicerade version {version} av ”{name}”',
        en: '{actor} approved and published version {version} of “{name}”',
      },
    ],
  },
  'content.went_live': {
    label: { sv: 'Schemalagt innehåll publicerat', en: 'Scheduled content went live' },
    sentences: [
      {
        when: (f) => typeof f.data.replaced === 'number',
        sv: 'Version {version} av ”{name}” ersatte version {replaced} för besökare {at} som schemalagt',
        en: 'Version {version} of “{name}” replaced version {replaced} for visitors at {at} as scheduled',
      },
      {
        sv: '”{name}” blev synlig för besökare {at} som schemalagt',
        en: '“{name}” went live for visitors at {at} as scheduled',
      },
    ],
  },
  'content.unpublished': {
    label: { sv: 'Avpublicerat', en: 'Unpublished' },
    sentences: [{ sv: '{actor} avpublicerade ”{name}”', en: '{actor} unpublished “{name}”' }],
  },
  'content.deleted': {
    label: { sv: 'Innehåll borttaget', en: 'Content deleted' },
    sentences: [
      {
        when: (f) => f.data.kind === 'story',
        sv: '{actor} tog bort en opublicerad berättelse och alla dess versioner',
        en: '{actor} deleted an unpublished story and all its versions',
      },
      {
        sv: '{actor} tog bort ”{name}” ({slug}) och alla dess versioner',
        en: '{actor} deleted “{name}” ({slug}) and all its versions',
      },
    ],
  },
  'content.taken_down': {
    label: { sv: 'Avpublicerat enligt schema', en: 'Taken down as scheduled' },
    sentences: [
      {
        when: consent,
        sv: '”{name}” avpublicerades när personens samtycke tog slut',
        en: '“{name}” was taken down when the person’s consent ended',
      },
      { sv: '”{name}” avpublicerades enligt schemat', en: '“{name}” was taken down as scheduled' },
    ],
  },
};

export const editorialAuditGroups: readonly AuditGroup[] = [
  {
    value: 'content',
    label: { sv: 'Innehåll, alla händelser', en: 'Content, all events' },
    prefixes: ['content'],
  },
];

/** The media library's kinds of audit event: an image uploaded, its texts changed, deleted. */
import type { AuditGroup, AuditSentences } from '../../../platform/audit-sentences.ts';

/** `{slug}` is the image's name in the library. */
export const mediaAuditSentences: AuditSentences = {
  'media.image.uploaded': {
    label: { sv: 'Bild uppladdad', en: 'Image uploaded' },
    sentences: [
      {
        sv: '{actor} laddade upp bilden {slug} till bildbanken',
        en: '{actor} uploaded the image {slug} to the media library',
      },
    ],
  },
  'media.image.updated': {
    label: { sv: 'Bild ändrad', en: 'Image changed' },
    sentences: [
      {
        sv: '{actor} ändrade texterna för bilden {slug}',
        en: '{actor} changed the texts of the image {slug}',
      },
    ],
  },
  'media.image.deleted': {
    label: { sv: 'Bild borttagen', en: 'Image deleted' },
    sentences: [
      {
        sv: '{actor} tog bort bilden {slug} ur bildbanken',
        en: '{actor} deleted the image {slug} from the media library',
      },
    ],
  },
};

export const mediaAuditGroups: readonly AuditGroup[] = [
  {
    value: 'media',
    label: { sv: 'Bildbanken, alla händelser', en: 'Media library, all events' },
    prefixes: ['media'],
  },
];

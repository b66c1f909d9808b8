/**
 * The assets part's demo (demo only, idempotent, never overwriting an editor's change): the media
 * library's demo photographs as published photo assets — topics and personas by what they show,
 * permitted uses by their licences (the CC BY-SA ones say credit and ShareAlike in the use note) —,
 * described by what they show (none is said to be of Dalarna), dated so that the grid shows the
 * modern pictures first and the traditions last, one with its last day soon and one already past
 * it so the flags show; the region's wordmark (an
 * SVG drawn for the demo, CC0) and a short graphic profile (a real PDF, demo/graphic-profile.pdf,
 * printed once from HTML with Chromium). A photo is skipped when the library has not got it; the
 * files only when the seed has the configuration (the storage).
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { stockholmToday } from '../../../platform/i18n/stockholm.ts';
import type { SeedContext } from '../../../platform/module.ts';
import { storageFor, type Storage } from '../../../platform/storage/index.ts';
import { imagesBySlug } from '../../content/media/service.ts';
import type { Localised } from '../model.ts';
import { CONTENT_TYPE, sha256Of } from './files.ts';
import { addDays } from './service.ts';

interface DemoPhotoAsset {
  slug: string;
  title: Localised;
  description: Localised;
  topics: string[];
  personas: string[];
  /** Days from the seed's day to the last day of use (negative: already past). */
  lastDayIn?: number;
}

/**
 * In the order the grid shows them (newest first): the region's modern pictures — work, then nature —
 * first, the traditions last, as the brand platform keeps traditions in the background. Described by
 * what they show: none is documented as taken in Dalarna (content/media/demo/SOURCES.md), so none
 * is said to be.
 */
const PHOTOS: DemoPhotoAsset[] = [
  {
    slug: 'office-open-plan-workers',
    title: { sv: 'Ljust kontorslandskap', en: 'Bright open-plan office' },
    description: {
      sv: 'Människor som arbetar vid sina datorer i ett ljust och öppet kontor.',
      en: 'People working at their computers in a bright, open-plan office.',
    },
    topics: ['career', 'everyday'],
    personas: ['students', 'international', 'everyone'],
  },
  {
    slug: 'office-team-workshop',
    title: { sv: 'Workshop i projektrummet', en: 'Workshop in the project room' },
    description: {
      sv: 'Ett team som planerar nästa steg tillsammans.',
      en: 'A team planning the next step together.',
    },
    topics: ['career'],
    personas: ['students', 'everyone'],
    lastDayIn: -10,
  },
  {
    slug: 'lake-jetty-sunset',
    title: { sv: 'Brygga i solnedgång', en: 'Jetty at sunset' },
    description: {
      sv: 'En lång träbrygga ut i en stilla sjö, med skog längs stränderna.',
      en: 'A long wooden jetty into a calm lake, with forest along the shores.',
    },
    topics: ['nature', 'everyday'],
    personas: ['nature', 'families', 'international'],
    lastDayIn: 20,
  },
  {
    slug: 'autumn-forest-sunbeams',
    title: { sv: 'Höstskog i motljus', en: 'Autumn forest in the sun' },
    description: {
      sv: 'Skogen i höstfärger, med solen mellan stammarna.',
      en: 'The forest in autumn colours, sun between the trunks.',
    },
    topics: ['nature'],
    personas: ['nature', 'everyone'],
  },
  {
    slug: 'winter-spruce-forest',
    title: { sv: 'Snötyngd granskog', en: 'Snow-laden spruce forest' },
    description: {
      sv: 'Granar tunga av snö bakom en snötäckt glänta.',
      en: 'Spruces heavy with snow behind a snowy clearing.',
    },
    topics: ['nature'],
    personas: ['nature', 'international'],
  },
  {
    slug: 'winter-tree-lined-path',
    title: { sv: 'Vinterpromenad längs vattnet', en: 'Winter walk by the water' },
    description: {
      sv: 'En snötäckt väg mellan frostiga träd, intill vatten.',
      en: 'A snowy path between frosted trees, beside the water.',
    },
    topics: ['nature', 'everyday'],
    personas: ['families', 'everyone'],
  },
  {
    slug: 'midsommar-maypole',
    title: { sv: 'Midsommarstång', en: 'Midsummer pole' },
    description: {
      sv: 'Midsommar i Sverige: en klädd stång, blomkransar, björkar och ett rött hus.',
      en: 'Midsummer in Sweden: a dressed pole, flower wreaths, birches and a red house.',
    },
    topics: ['culture', 'everyday'],
    personas: ['international', 'families', 'cottage'],
  },
  {
    slug: 'valborg-bonfire-lake',
    title: { sv: 'Valborgsbål vid sjön', en: 'Walpurgis bonfire by the lake' },
    description: {
      sv: 'Valborgsmässoafton: ett bål i skymningen, med öppet vatten bakom.',
      en: 'Walpurgis Night: a bonfire at dusk, with open water behind it.',
    },
    topics: ['culture'],
    personas: ['international', 'families'],
  },
  {
    slug: 'national-day-folk-costumes',
    title: { sv: 'Nationaldagsfirande i folkdräkt', en: 'National Day in folk costume' },
    description: {
      sv: 'Sveriges nationaldag 2015: stora och små i folkdräkt på en scen.',
      en: 'Sweden’s National Day in 2015: young and old in folk costume on a stage.',
    },
    topics: ['culture'],
    personas: ['international', 'families'],
  },
];

/**
 * Where each demo asset stands in the grid (newest first): the modern photos, the wordmark and the
 * graphic profile, then the traditions. The seed dates each row by it, a second apart, rather than
 * leaving the order to the moment of each insert.
 */
const ORDER: string[] = [
  ...PHOTOS.filter((p) => !p.topics.includes('culture')).map((p) => p.slug),
  'logo',
  'graphic-profile',
  ...PHOTOS.filter((p) => p.topics.includes('culture')).map((p) => p.slug),
];

function createdAtOf(base: Date, key: string): Date {
  return new Date(base.getTime() - Math.max(0, ORDER.indexOf(key)) * 1000);
}

/** Permitted uses and the use note by the library image's licence. */
function usesOf(licence: string): { uses: string[]; note: Localised } {
  if (/BY-SA/i.test(licence)) {
    return {
      uses: ['web', 'social', 'print', 'presentations', 'press'],
      note: {
        sv: 'CC BY-SA 4.0: skriv raden med fotograf, bildens sida och licens vid bilden. Ändrar ni bilden – beskär den, lägger på text – ska det framgå, och den ändrade bilden ska delas vidare under samma licens (ShareAlike).',
        en: 'CC BY-SA 4.0: put the line with the photographer, the picture’s page and the licence next to the picture. If you change the picture – crop it, add text – say so, and share the changed picture under the same licence (ShareAlike).',
      },
    };
  }
  if (/public domain/i.test(licence)) {
    return {
      uses: ['web', 'social', 'job-ads', 'print', 'presentations', 'film', 'press'],
      note: {
        sv: 'Allmän egendom: fri att använda. Ange gärna fotografen ändå.',
        en: 'Public domain: free to use. Crediting the photographer is still kind.',
      },
    };
  }
  return {
    uses: ['web', 'social', 'job-ads', 'print', 'presentations', 'film'],
    note: {
      sv: 'Unsplash-licensen: fri att använda, även i annonser. Sälj inte bilden som den är, och ange gärna fotografen.',
      en: 'The Unsplash licence: free to use, ads included. Do not sell the picture as it is, and do credit the photographer.',
    },
  };
}

const DEMO_DIR = new URL('./demo/', import.meta.url);

interface DemoFile {
  kind: 'logo' | 'graphic-profile';
  file: string;
  format: 'svg' | 'pdf';
  title: Localised;
  description: Localised;
  uses: string[];
  note: Localised;
}

const FILES: DemoFile[] = [
  {
    kind: 'logo',
    file: 'dalarna-wordmark.svg',
    format: 'svg',
    title: { sv: 'Dalarnas ordmärke', en: 'The Dalarna wordmark' },
    description: {
      sv: 'Ordmärket ”Dalarna – en modern karriärregion” i vitt på petrol, som SVG.',
      en: 'The wordmark “Dalarna – a modern career region” in white on petrol, as SVG.',
    },
    uses: ['web', 'social', 'job-ads', 'print', 'presentations', 'film', 'press'],
    note: {
      sv: 'Använd märket som det är: sträck, skugga eller färga inte om det. Lämna luft runt det.',
      en: 'Use the mark as it is: do not stretch, shade or recolour it. Leave space around it.',
    },
  },
  {
    kind: 'graphic-profile',
    file: 'graphic-profile.pdf',
    format: 'pdf',
    title: { sv: 'Grafisk profil i korthet', en: 'The graphic profile in short' },
    description: {
      sv: 'Ordmärket, färgerna, typsnittet, bilderna och tonläget på en sida.',
      en: 'The wordmark, colours, typeface, pictures and tone of voice on one page.',
    },
    uses: ['web', 'print', 'presentations'],
    note: {
      sv: 'Dela gärna profilen med er byrå eller formgivare.',
      en: 'Feel free to share the profile with your agency or designer.',
    },
  },
];

async function seedPhotos(db: Kysely<DB>, regionId: string, today: string, base: Date): Promise<void> {
  const images = await imagesBySlug(
    db,
    regionId,
    PHOTOS.map((p) => p.slug),
  );
  for (const photo of PHOTOS) {
    const image = images.get(photo.slug);
    if (!image) continue;
    const existing = await db
      .selectFrom('toolbox_assets')
      .select('id')
      .where('region_id', '=', regionId)
      .where('media_image_id', '=', image.id)
      .where('demo', '=', true)
      .executeTakeFirst();
    if (existing) continue;
    const { uses, note } = usesOf(image.licence);
    await db
      .insertInto('toolbox_assets')
      .values({
        region_id: regionId,
        kind: 'photo',
        status: 'published',
        title_sv: photo.title.sv,
        title_en: photo.title.en,
        description_sv: photo.description.sv,
        description_en: photo.description.en,
        topics: photo.topics,
        personas: photo.personas,
        media_image_id: image.id,
        permitted_uses: uses,
        use_note_sv: note.sv,
        use_note_en: note.en,
        expires_on: photo.lastDayIn === undefined ? null : addDays(today, photo.lastDayIn),
        demo: true,
        created_at: createdAtOf(base, photo.slug),
        updated_at: createdAtOf(base, photo.slug),
      })
      .execute();
  }
}

async function seedFiles(db: Kysely<DB>, storage: Storage, regionId: string, base: Date): Promise<void> {
  for (const demo of FILES) {
    const bytes = readFileSync(new URL(demo.file, DEMO_DIR));
    const sha256 = sha256Of(bytes);
    const existing = await db
      .selectFrom('toolbox_assets')
      .select(['id', 'file_key', 'sha256'])
      .where('region_id', '=', regionId)
      .where('kind', '=', demo.kind)
      .where('demo', '=', true)
      .executeTakeFirst();
    if (existing) {
      // the row is the editors' now; only a lost file of the shipped bytes is put back
      if (existing.file_key && existing.sha256 === sha256 && !(await storage.exists(existing.file_key)))
        await storage.put(existing.file_key, bytes, CONTENT_TYPE[demo.format]);
      continue;
    }
    const id = randomUUID();
    const key = `toolbox/${regionId}/${id}/${sha256.slice(0, 16)}.${demo.format}`;
    await storage.put(key, bytes, CONTENT_TYPE[demo.format]);
    await db
      .insertInto('toolbox_assets')
      .values({
        region_id: regionId,
        id,
        kind: demo.kind,
        status: 'published',
        title_sv: demo.title.sv,
        title_en: demo.title.en,
        description_sv: demo.description.sv,
        description_en: demo.description.en,
        topics: ['career'],
        personas: ['everyone'],
        file_key: key,
        file_name: demo.file,
        content_type: CONTENT_TYPE[demo.format],
        bytes: bytes.length,
        sha256,
        creator: 'Lotsa',
        licence: 'CC0 1.0',
        licence_url: 'https://creativecommons.org/publicdomain/zero/1.0/',
        permitted_uses: demo.uses,
        use_note_sv: demo.note.sv,
        use_note_en: demo.note.en,
        demo: true,
        created_at: createdAtOf(base, demo.kind),
        updated_at: createdAtOf(base, demo.kind),
      })
      .execute();
  }
}

export async function seedAssets(db: Kysely<DB>, context: SeedContext): Promise<void> {
  if (!context.demo) return;
  const today = stockholmToday();
  const regions = await db.selectFrom('regions').select('id').execute();
  const storage = context.config ? storageFor(context.config) : undefined;
  const base = new Date();
  for (const { id } of regions) {
    await seedPhotos(db, id, today, base);
    if (storage) await seedFiles(db, storage, id, base);
  }
}

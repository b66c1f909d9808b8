/**
 * Published content for tests of what visitors see (the site search): items inserted and published
 * through the content store, as the editors' workflow does, with plain paragraphs as their text.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { emptyContent, type ContentKind, type Localised } from '../../src/modules/content/model.ts';
import { insertItem, publish } from '../../src/modules/content/store.ts';
import type { RichDoc } from '../../src/platform/html/rich-doc.ts';

export interface TestItem {
  kind: ContentKind;
  slug: string;
  title: Localised;
  summary?: Localised;
  /** Paragraphs of the body, per language. */
  text?: Localised;
  municipalityCode?: string;
  /** Visible from (default: a minute ago). */
  visibleFrom?: Date;
}

const paragraph = (text: string): RichDoc =>
  text ? { v: 1, blocks: [{ t: 'p', c: [{ t: 'text', v: text }] }] } : { v: 1, blocks: [] };

export async function publishItem(db: Kysely<DB>, regionId: string, item: TestItem): Promise<string> {
  const data = emptyContent(item.kind);
  data.title = item.title;
  data.summary = item.summary ?? { sv: '', en: '' };
  data.body = { sv: paragraph(item.text?.sv ?? ''), en: paragraph(item.text?.en ?? '') };
  if (data.story) data.story.personName = 'Anna Berg';
  return db.transaction().execute(async (trx) => {
    const inserted = await insertItem(trx, {
      regionId,
      kind: item.kind,
      slug: item.slug,
      municipalityCode: item.municipalityCode ?? null,
      data,
      authorId: null,
    });
    if (!inserted) throw new Error(`slug ${item.slug} is taken`);
    await publish(trx, {
      regionId,
      itemId: inserted.id,
      version: 1,
      visibleFrom: item.visibleFrom ?? new Date(Date.now() - 60_000),
      visibleUntil: null,
    });
    return inserted.id;
  });
}

/** A small corpus in both languages: compounds, a place, a story, a path, an untranslated guide. */
export const SEARCH_CORPUS: TestItem[] = [
  {
    kind: 'guide',
    slug: 'forskola-och-skola',
    title: { sv: 'Förskola och skola', en: 'Preschool and school' },
    summary: {
      sv: 'Så söker du förskoleplats och plats i grundskolan när ni flyttar hit.',
      en: 'How to apply for a preschool place and a school place when you move here.',
    },
    text: {
      sv: 'Ansök om förskoleplats hos kommunen fyra månader innan. Barnen börjar i grundskola det år de fyller sju.',
      en: 'Apply for a preschool place with the municipality four months ahead. Children start school the year they turn seven.',
    },
  },
  {
    kind: 'guide',
    slug: 'personnummer',
    title: {
      sv: 'Folkbokföring och personnummer',
      en: 'Population registration and personal identity number',
    },
    summary: {
      sv: 'Skatteverket folkbokför dig och ger dig ett personnummer.',
      en: 'The Swedish Tax Agency registers you and gives you a personal identity number.',
    },
    text: {
      sv: 'Ta med pass och anställningsavtal till Skatteverket.',
      en: 'Bring your passport and employment contract.',
    },
  },
  {
    kind: 'guide',
    slug: 'sfi',
    title: { sv: 'Svenska för invandrare', en: '' },
    summary: { sv: 'SFI är gratis undervisning i svenska för vuxna.', en: '' },
    text: { sv: 'Anmäl dig till SFI i din kommun.', en: '' },
  },
  {
    kind: 'place',
    slug: 'borlange',
    municipalityCode: '2081',
    title: { sv: 'Borlänge', en: 'Borlänge' },
    summary: {
      sv: 'Industristad vid Dalälven med nära till skog och fjäll.',
      en: 'Industrial town on the Dalälven river, close to forests and fells.',
    },
    text: {
      sv: 'Här finns gott om förskolor och en stor gymnasieskola.',
      en: 'Plenty of preschools and a big upper secondary school.',
    },
  },
  {
    kind: 'story',
    slug: 'anna-flyttade-hem',
    title: { sv: 'Anna flyttade hem till Dalarna', en: 'Anna moved back home to Dalarna' },
    summary: {
      sv: 'Förskollärare som bytte Stockholm mot sjöutsikt.',
      en: 'A preschool teacher who swapped Stockholm for a lake view.',
    },
    text: {
      sv: 'Jag hittade jobb på en förskola på en vecka.',
      en: 'I found a job at a preschool within a week.',
    },
  },
  {
    kind: 'path',
    slug: 'families',
    title: { sv: 'För familjer', en: 'For families' },
    summary: { sv: 'Förskola, skola och jobb för två.', en: 'Preschool, school and work for two.' },
  },
];

export async function publishCorpus(db: Kysely<DB>, regionId: string, items = SEARCH_CORPUS): Promise<void> {
  for (const item of items) await publishItem(db, regionId, item);
}

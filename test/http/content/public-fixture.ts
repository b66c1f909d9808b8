/** Published items for the public content tests, written through the content store. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { emptyContent, type ContentData, type ContentKind } from '../../../src/modules/content/model.ts';
import { insertItem, publish } from '../../../src/modules/content/store.ts';

export const R = 'dalarna';

const para = (v: string) => ({
  v: 1 as const,
  blocks: [{ t: 'p' as const, c: [{ t: 'text' as const, v }] }],
});

export async function publishItem(
  db: Kysely<DB>,
  kind: ContentKind,
  slug: string,
  data: ContentData,
  options: { municipalityCode?: string | null; visibleUntil?: Date | null } = {},
): Promise<void> {
  const item = await insertItem(db, {
    regionId: R,
    kind,
    slug,
    municipalityCode: options.municipalityCode ?? null,
    data,
    authorId: null,
  });
  if (!item) throw new Error(`${kind} ${slug} exists`);
  await publish(db, {
    regionId: R,
    itemId: item.id,
    version: 1,
    visibleFrom: new Date(Date.now() - 60_000),
    visibleUntil: options.visibleUntil ?? null,
  });
}

export function guideData(title: string): ContentData {
  const data = emptyContent('guide');
  data.title = { sv: title, en: `${title} (en)` };
  data.summary = { sv: 'Steg för steg hit', en: 'Step by step here' };
  data.body = { sv: para('Välkommen hit.'), en: para('Welcome here.') };
  data.targetGroups = ['international'];
  data.guide = {
    audiences: ['non-eu'],
    steps: [
      {
        phase: 'before',
        url: 'https://www.migrationsverket.se/',
        title: { sv: 'Sök arbetstillstånd', en: 'Apply for a work permit' },
        authority: { sv: 'Migrationsverket', en: 'Swedish Migration Agency' },
        bring: { sv: 'Pass och anställningserbjudande', en: 'Passport and job offer' },
        text: { sv: 'Ansök i god tid.', en: 'Apply in good time.' },
      },
      {
        phase: 'arrival',
        url: 'https://www.skatteverket.se/',
        title: { sv: 'Folkbokför dig', en: 'Register your address' },
        authority: { sv: 'Skatteverket', en: 'Swedish Tax Agency' },
        bring: { sv: 'Pass', en: 'Passport' },
        text: { sv: 'Då får du ett personnummer.', en: 'You get a personal identity number.' },
      },
    ],
  };
  return data;
}

export function storyData(name: string, endsOn = '2099-12-31'): ContentData {
  const data = emptyContent('story');
  data.title = { sv: `${name} valde Falun`, en: `${name} chose Falun` };
  data.summary = { sv: `${name} flyttade hit.`, en: `${name} moved here.` };
  data.body = { sv: para('Det var rätt beslut.'), en: para('It was the right decision.') };
  data.targetGroups = ['families'];
  data.story = {
    personName: name,
    profession: { sv: 'Ingenjör', en: 'Engineer' },
    employer: 'Kraftbolaget',
    movedFrom: { sv: 'Stockholm', en: 'Stockholm' },
    quote: { sv: 'Här får livet plats.', en: 'There is room for life here.' },
    consent: { recordedOn: '2026-01-01', method: 'written', endsOn },
  };
  return data;
}

export function pathData(group: string, guides: string[], stories: string[]): ContentData {
  const data = emptyContent('path');
  data.title = { sv: `Vägen för ${group}`, en: `The path for ${group}` };
  data.summary = { sv: 'En väg hit.', en: 'A path here.' };
  data.body = { sv: para('Redaktionens intro.'), en: para("The editors' intro.") };
  data.targetGroups = [group as 'families'];
  data.path = { jobQuery: '', places: [], guides, stories };
  return data;
}

export function placeData(name: string): ContentData {
  const data = emptyContent('place');
  data.title = { sv: name, en: name };
  data.summary = { sv: `Livet i ${name}.`, en: `Life in ${name}.` };
  data.body = { sv: para('Sjöar och skog.'), en: para('Lakes and forest.') };
  return data;
}

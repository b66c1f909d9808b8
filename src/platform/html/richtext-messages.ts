/**
 * The words of rich text (richtext.ts, richtext-field.ts, diff.ts): markup errors by their code,
 * the field's help and toolbar, and how a diff names what was added and removed.
 */
import { defineMessages, type Lang } from '../i18n/index.ts';
import type { MarkupError } from './richtext.ts';

export const richTextMessages = defineMessages({
  sv: {
    'richtext.error.too-long': 'Rad {line}: texten är för lång. Den får vara högst 40 000 tecken.',
    'richtext.error.too-many-blocks':
      'Rad {line}: texten har för många stycken. Den får ha högst 400 stycken, rubriker, listor och bilder.',
    'richtext.error.too-many-items': 'Rad {line}: listan är för lång. En lista får ha högst 100 punkter.',
    'richtext.error.link-unsafe':
      'Rad {line}: länken går inte att använda. Adressen ska börja med https://, http://, mailto:, tel: eller / (en sida på webbplatsen) och får inte innehålla mellanslag eller parenteser (skriv %28 och %29).',
    'richtext.error.link-too-long':
      'Rad {line}: länkens adress är för lång. Den får vara högst 2 000 tecken.',
    'richtext.error.image-malformed':
      'Rad {line}: bilden går inte att läsa. Skriv den ensam på raden som ![Bildtext](image:bildens-namn), med namnet från bildbanken.',
    'richtext.error.heading-level':
      'Rad {line}: använd ## för en rubrik och ### för en underrubrik. Sidans titel är redan huvudrubriken.',
    'richtext.errors': 'Texten har {count} fel.',
    'richtext.help.summary': 'Hur skriver jag?',
    'richtext.help.intro':
      'Skriv vanlig text. Lämna en tom rad mellan stycken. Så här gör du rubriker, listor, länkar och bilder:',
    'richtext.help.youWrite': 'Du skriver',
    'richtext.help.becomes': 'Det blir',
    'richtext.help.h2': 'en rubrik',
    'richtext.help.h2.example': '## Att bo här',
    'richtext.help.h3': 'en underrubrik',
    'richtext.help.h3.example': '### Förskola',
    'richtext.help.strong': 'fet stil',
    'richtext.help.strong.example': '**viktigt**',
    'richtext.help.em': 'kursiv stil',
    'richtext.help.em.example': '*betonat*',
    'richtext.help.ul': 'en punktlista (en punkt per rad)',
    'richtext.help.ul.example': '- Pass\n- Personbevis',
    'richtext.help.ol': 'en numrerad lista',
    'richtext.help.ol.example': '1. Flytta hit\n2. Anmäl flytt',
    'richtext.help.link': 'en länk; adressen börjar med https://, mailto:, tel: eller / för en sida här',
    'richtext.help.link.example': '[Lediga jobb](/sv/jobs)',
    'richtext.help.image': 'en bild ur bildbanken, ensam på raden; texten inom hakparentes blir bildtext',
    'richtext.help.image.example': '![Bryggan en sommarkväll](image:lake-jetty-sunset)',
    'richtext.help.escape': 'ett tecken som annars skulle bli formatering, med \\ före',
    'richtext.help.escape.example': '\\*inte kursiv\\*',
    'richtext.toolbar': 'Formatera texten',
    'richtext.toolbar.heading': 'Rubrik',
    'richtext.toolbar.bold': 'Fet',
    'richtext.toolbar.italic': 'Kursiv',
    'richtext.toolbar.bulleted': 'Punktlista',
    'richtext.toolbar.numbered': 'Numrerad lista',
    'richtext.toolbar.link': 'Länk',
    'richtext.toolbar.image': 'Bild',
    'richtext.placeholder.heading': 'Rubrik',
    'richtext.placeholder.text': 'text',
    'richtext.placeholder.item': 'punkt',
    'richtext.placeholder.link': 'länktext',
    'richtext.placeholder.caption': 'Bildtext',
    'diff.added': 'tillagt',
    'diff.removed': 'borttaget',
    'diff.addedEnd': 'slut på tillagt',
    'diff.removedEnd': 'slut på borttaget',
    'diff.noChanges': 'Inga ändringar.',
    'diff.coarse': 'Texten är lång eller mycket ändrad, så ändringarna visas rad för rad.',
    'diff.whole':
      'Texten är för lång eller för mycket ändrad för att jämföras: här är hela den gamla och hela den nya.',
  },
  en: {
    'richtext.error.too-long': 'Line {line}: the text is too long. It can be at most 40,000 characters.',
    'richtext.error.too-many-blocks':
      'Line {line}: the text has too many parts. It can have at most 400 paragraphs, headings, lists and images.',
    'richtext.error.too-many-items': 'Line {line}: the list is too long. A list can have at most 100 items.',
    'richtext.error.link-unsafe':
      'Line {line}: the link cannot be used. The address must start with https://, http://, mailto:, tel: or / (a page on this site) and cannot contain spaces or parentheses (write %28 and %29).',
    'richtext.error.link-too-long':
      'Line {line}: the link address is too long. It can be at most 2,000 characters.',
    'richtext.error.image-malformed':
      'Line {line}: the image cannot be read. Write it alone on its line as ![Caption](image:image-name), with the name from the media library.',
    'richtext.error.heading-level':
      'Line {line}: use ## for a heading and ### for a subheading. The page title is already the main heading.',
    'richtext.errors': 'The text has {count} errors.',
    'richtext.help.summary': 'How do I write?',
    'richtext.help.intro':
      'Write plain text. Leave an empty line between paragraphs. This is how you make headings, lists, links and images:',
    'richtext.help.youWrite': 'You write',
    'richtext.help.becomes': 'It becomes',
    'richtext.help.h2': 'a heading',
    'richtext.help.h2.example': '## Living here',
    'richtext.help.h3': 'a subheading',
    'richtext.help.h3.example': '### Preschool',
    'richtext.help.strong': 'bold',
    'richtext.help.strong.example': '**important**',
    'richtext.help.em': 'italics',
    'richtext.help.em.example': '*stressed*',
    'richtext.help.ul': 'a bulleted list (one item per line)',
    'richtext.help.ul.example': '- Passport\n- Birth certificate',
    'richtext.help.ol': 'a numbered list',
    'richtext.help.ol.example': '1. Move here\n2. Register the move',
    'richtext.help.link': 'a link; the address starts with https://, mailto:, tel: or / for a page here',
    'richtext.help.link.example': '[Open jobs](/en/jobs)',
    'richtext.help.image':
      'an image from the media library, alone on its line; the text in brackets is its caption',
    'richtext.help.image.example': '![The jetty on a summer evening](image:lake-jetty-sunset)',
    'richtext.help.escape': 'a character that would otherwise be formatting, with \\ before it',
    'richtext.help.escape.example': '\\*not italics\\*',
    'richtext.toolbar': 'Format the text',
    'richtext.toolbar.heading': 'Heading',
    'richtext.toolbar.bold': 'Bold',
    'richtext.toolbar.italic': 'Italic',
    'richtext.toolbar.bulleted': 'Bulleted list',
    'richtext.toolbar.numbered': 'Numbered list',
    'richtext.toolbar.link': 'Link',
    'richtext.toolbar.image': 'Image',
    'richtext.placeholder.heading': 'Heading',
    'richtext.placeholder.text': 'text',
    'richtext.placeholder.item': 'item',
    'richtext.placeholder.link': 'link text',
    'richtext.placeholder.caption': 'Caption',
    'diff.added': 'added',
    'diff.removed': 'removed',
    'diff.addedEnd': 'end of added',
    'diff.removedEnd': 'end of removed',
    'diff.noChanges': 'No changes.',
    'diff.coarse': 'The text is long or much changed, so the changes are shown line by line.',
    'diff.whole':
      'The text is too long or too much changed to compare: here is all of the old and all of the new.',
  },
});

export type RichTextMessageKey = keyof (typeof richTextMessages.catalogues)['sv'];

/** A markup error in words, with its line: "Rad 3: länken går inte att använda. …". */
export function markupErrorText(lang: Lang, error: MarkupError): string {
  return richTextMessages.t(lang, `richtext.error.${error.code}`, { line: error.line });
}

/** All of a field's markup errors as one text for its error slot (each error on its own sentence). */
export function markupErrorsText(lang: Lang, errors: readonly MarkupError[]): string {
  return errors.map((error) => markupErrorText(lang, error)).join(' ');
}

/**
 * The editors' text ↔ the stored RichDoc, for the edit form: the platform's markup
 * (src/platform/html/richtext.ts), in one place so the editorial code names one module.
 */
export { imageSlugs, parseMarkup, toMarkup, type MarkupError } from '../../../platform/html/richtext.ts';

/**
 * The rich-text field of the form kit: a labelled textarea holding the markup (richtext.ts), with a
 * short "Hur skriver jag?" disclosure listing the syntax, built on `fieldShell`. It works as it is
 * without JavaScript; the page may load RICHTEXT_SCRIPT (public/js/richtext.js), which shows the
 * toolbar rendered here `hidden` (Heading, Bold, Italic, lists, Link, Image) and inserts markup at
 * the selection. Read the posted value with parseMarkup; show its errors with markupErrorsText.
 */
import type { Lang } from '../i18n/index.ts';
import { attrs, controlAttrs, fieldShell, type FieldBase } from './forms.ts';
import { html, type SafeHtml } from './html.ts';
import { richTextMessages, type RichTextMessageKey } from './richtext-messages.ts';

/** The toolbar's script (a page with a rich-text field lists it in `scripts`; it works without). */
export const RICHTEXT_SCRIPT = 'js/richtext.js';

export interface RichTextSpec extends FieldBase {
  /** The markup as typed (or toMarkup of the stored document). */
  value: string;
  /** The language the text is written in, when it is not the page's (an English text in Swedish). */
  lang?: Lang;
  rows?: number;
}

const TOOLS = [
  ['heading', 'richtext.toolbar.heading', 'richtext.placeholder.heading'],
  ['bold', 'richtext.toolbar.bold', 'richtext.placeholder.text'],
  ['italic', 'richtext.toolbar.italic', 'richtext.placeholder.text'],
  ['bulleted', 'richtext.toolbar.bulleted', 'richtext.placeholder.item'],
  ['numbered', 'richtext.toolbar.numbered', 'richtext.placeholder.item'],
  ['link', 'richtext.toolbar.link', 'richtext.placeholder.link'],
  ['image', 'richtext.toolbar.image', 'richtext.placeholder.caption'],
] as const satisfies ReadonlyArray<readonly [string, RichTextMessageKey, RichTextMessageKey]>;

const HELP = ['h2', 'h3', 'strong', 'em', 'ul', 'ol', 'link', 'image', 'escape'] as const;

/** The toolbar, hidden until the script shows it (it does nothing without the script). */
function toolbar(lang: Lang, id: string): SafeHtml {
  const t = (key: RichTextMessageKey) => richTextMessages.t(lang, key);
  return html`<div class="richtext__toolbar" role="toolbar" aria-label="${t('richtext.toolbar')}" aria-controls="${id}" data-richtext-for="${id}" hidden>
    ${TOOLS.map(
      ([action, label, placeholder]) =>
        html`<button type="button" class="button--secondary richtext__tool" data-action="${action}" data-placeholder="${t(placeholder)}">${t(label)}</button>`,
    )}
  </div>`;
}

/** "Hur skriver jag?": each piece of markup with an example and what it becomes. */
export function richTextHelp(lang: Lang): SafeHtml {
  const t = (key: RichTextMessageKey) => richTextMessages.t(lang, key);
  return html`<details class="richtext__help">
    <summary>${t('richtext.help.summary')}</summary>
    <p>${t('richtext.help.intro')}</p>
    <dl class="richtext__syntax">
      ${HELP.map(
        (name) => html`<div>
          <dt><span class="visually-hidden">${t('richtext.help.youWrite')}: </span><code>${t(`richtext.help.${name}.example`)}</code></dt>
          <dd><span class="visually-hidden">${t('richtext.help.becomes')}: </span>${t(`richtext.help.${name}`)}</dd>
        </div>`,
      )}
    </dl>
  </details>`;
}

/**
 * A labelled textarea for rich-text markup with its help, and the toolbar for the script. No
 * maxlength: a browser would cut a longer paste without a word; parseMarkup reports the length.
 * The newline after <textarea> is the one HTML drops, so a value's own first newline stays.
 */
export function richTextField(lang: Lang, spec: RichTextSpec): SafeHtml {
  const id = spec.id ?? spec.name;
  const control = html`${toolbar(lang, id)}
    <textarea class="input richtext__input"${attrs({
      ...controlAttrs(spec),
      rows: spec.rows ?? 14,
      lang: spec.lang,
      spellcheck: 'true',
    })}>
${spec.value}</textarea>
    ${richTextHelp(lang)}`;
  return fieldShell(
    lang,
    { ...spec, className: `richtext${spec.className ? ` ${spec.className}` : ''}` },
    control,
  );
}

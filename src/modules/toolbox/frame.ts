/**
 * The frame every toolbox page shares (inside the site shell): the toolbox's own navigation — the
 * brand, assets, texts, the builder, the widget, the guides — with the current one marked, then the
 * page's heading, lead and content. The pages are for signed-in organisations; the frame names the
 * organisation the person acts for, so it is clear whose downloads and checklists these are.
 */
import { html, type SafeHtml } from '../../platform/html/html.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { toolboxMessages } from './messages.ts';
import { PATHS } from './model.ts';

export const TOOLBOX_SECTIONS = ['brand', 'assets', 'texts', 'builder', 'widget', 'guides'] as const;
export type ToolboxSection = (typeof TOOLBOX_SECTIONS)[number];

const SECTION_PATH: Record<ToolboxSection, string> = {
  brand: PATHS.home,
  assets: PATHS.assets,
  texts: PATHS.texts,
  builder: PATHS.builder,
  widget: PATHS.widget,
  guides: PATHS.guides,
};

/**
 * The copy buttons' script (public/js/toolbox-copy.js): a `<button type="button" data-copy="ID"
 * data-copied="…" data-copy-failed="…" hidden>` copies element ID's value or text and says so in
 * `<span role="status" data-copy-status="ID">`; without JavaScript the buttons stay hidden.
 */
export const COPY_SCRIPT = 'js/toolbox-copy.js';

/** The toolbox's stylesheet (every toolbox page lists it in its `stylesheets`, before its own). */
export const TOOLBOX_CSS = 'css/toolbox.css';

export function toolboxHref(lang: Lang, path: string): string {
  return `/${lang}${path}`;
}

export interface FrameOptions {
  current: ToolboxSection;
  /** The page's <h1>. */
  heading: string;
  /** A short lead under the heading (plain text). */
  lead?: string;
  /** The organisation acted for, shown by the navigation. */
  organisationName?: string;
  /** A notice (e.g. "Saved") shown first, as a status message. */
  notice?: string;
  body: SafeHtml;
}

/** The toolbox's navigation and the page inside it. */
export function toolboxFrame(lang: Lang, options: FrameOptions): SafeHtml {
  const t = (key: Parameters<typeof toolboxMessages.t>[1]) => toolboxMessages.t(lang, key);
  const label = t('sub.label');
  return html`<div class="toolbox wrap">
    <nav class="toolbox-nav" aria-label="${label}">
      <p class="toolbox-nav__title">${label}${options.organisationName ? html` <span class="toolbox-nav__org">· ${options.organisationName}</span>` : ''}</p>
      <ul>
        ${TOOLBOX_SECTIONS.map(
          (section) =>
            html`<li><a href="${toolboxHref(lang, SECTION_PATH[section])}"${section === options.current ? html` aria-current="page"` : ''}>${t(`sub.${section}`)}</a></li>`,
        )}
      </ul>
    </nav>
    <div class="toolbox-page">
      ${options.notice ? html`<p class="notice notice--success" role="status">${options.notice}</p>` : ''}
      <h1>${options.heading}</h1>
      ${options.lead ? html`<p class="lead">${options.lead}</p>` : ''}
      ${options.body}
    </div>
  </div>`;
}

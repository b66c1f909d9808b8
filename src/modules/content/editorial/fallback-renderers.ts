/**
 * A plain page per kind (title, summary, text) for the editors' preview until the public pages'
 * renderers (places/, public/) are on main; module.ts hands the real ones over at merge.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import type { Block, Inline } from '../../../platform/html/rich-doc.ts';
import { CONTENT_KINDS } from '../model.ts';
import type { ContentRenderer, ContentRenderers } from '../render.ts';

const PATHS = { place: 'places', guide: 'guides', story: 'stories', path: 'paths' } as const;

function inline(parts: readonly Inline[]): SafeHtml {
  return html`${parts.map((p) => {
    switch (p.t) {
      case 'text':
        return html`${p.v}`;
      case 'strong':
        return html`<strong>${inline(p.c)}</strong>`;
      case 'em':
        return html`<em>${inline(p.c)}</em>`;
      case 'link':
        return html`<a href="${p.href}">${inline(p.c)}</a>`;
    }
  })}`;
}

function block(b: Block): SafeHtml {
  switch (b.t) {
    case 'h2':
      return html`<h2>${inline(b.c)}</h2>`;
    case 'h3':
      return html`<h3>${inline(b.c)}</h3>`;
    case 'p':
      return html`<p>${inline(b.c)}</p>`;
    case 'ul':
      return html`<ul>${b.items.map((i) => html`<li>${inline(i)}</li>`)}</ul>`;
    case 'ol':
      return html`<ol>${b.items.map((i) => html`<li>${inline(i)}</li>`)}</ol>`;
    case 'image':
      return b.caption ? html`<p><em>${b.caption}</em></p>` : html``;
  }
}

const plain: ContentRenderer = async (ctx, view) => {
  const d = view.data;
  const lang = ctx.lang;
  return {
    title: d.title[lang],
    description: d.summary[lang],
    path: `/${PATHS[view.kind]}/${view.slug}`,
    noindex: ctx.preview,
    main: html`<div class="wrap">
      <h1>${d.title[lang]}</h1>
      <p class="lead">${d.summary[lang]}</p>
      ${d.body[lang].blocks.map(block)}
    </div>`,
  };
};

export const fallbackRenderers: ContentRenderers = Object.fromEntries(
  CONTENT_KINDS.map((k) => [k, plain]),
) as ContentRenderers;

/**
 * Pieces every server-rendered form uses: the CSRF field, the error summary at the top of a form
 * that failed (linking to each field with a problem), and reading one string field of a body.
 */
import { html, type SafeHtml } from './html.ts';

/** The hidden CSRF token field every POST form carries. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}" />`;
}

/** The box at the top of a form that failed: `title` from the page's catalogue, one link per error. */
export function errorSummary(title: string, errors: ReadonlyArray<{ id: string; text: string }>): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${title}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${e.id}">${e.text}</a></li>`)}
    </ul>
  </div>`;
}

/** One string field of a parsed form or JSON body; '' when absent or not a string. */
export function bodyField(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

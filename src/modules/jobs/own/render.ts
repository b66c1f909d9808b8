/**
 * What the job page shows of an employer's own ad beyond a mirrored ad's fields: its description in
 * each language it was written in (the page's language first, each marked with its lang), and the
 * hours as the employer wrote them. Both come from raw.lotsa_own, written by Lotsa itself; they are
 * still read defensively (a string, or nothing) and rendered as escaped plain paragraphs.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { JobAd } from '../jobtech.ts';
import { plainTextHtml } from '../sanitize.ts';
import { ownJobMessages } from './messages.ts';

function ownPart(raw: JobAd): Record<string, unknown> | null {
  const own = raw.lotsa_own;
  return typeof own === 'object' && own !== null && !Array.isArray(own)
    ? (own as Record<string, unknown>)
    : null;
}

function text(own: Record<string, unknown> | null, key: string): string {
  const value = own?.[key];
  return typeof value === 'string' ? value.trim() : '';
}

/** The hours as the employer wrote them, or null. */
export function ownHours(raw: JobAd): string | null {
  return text(ownPart(raw), 'hours') || null;
}

/**
 * The description in each language the employer wrote, the page's first; a heading names each
 * language when there are two. Null when the ad holds no own description (not an own ad).
 */
export function ownDescription(raw: JobAd, lang: Lang): SafeHtml | null {
  const own = ownPart(raw);
  if (!own) return null;
  const parts = (
    [
      { lang: 'sv' as const, text: text(own, 'descriptionSv'), heading: 'page.inSwedish' as const },
      { lang: 'en' as const, text: text(own, 'descriptionEn'), heading: 'page.inEnglish' as const },
    ] as const
  )
    .filter((p) => p.text !== '')
    .sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang));
  if (parts.length === 0) return null;
  const both = parts.length > 1;
  return html`${parts.map(
    (p) =>
      html`<div class="prose job__text" lang="${p.lang}">${both ? html`<h3 lang="${lang}">${ownJobMessages.t(lang, p.heading)}</h3>` : ''}${plainTextHtml(p.text)}</div>`,
  )}`;
}

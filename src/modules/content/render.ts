/**
 * How an item becomes its public page, shared by the public routes (the published version) and
 * the editors' preview ("Förhandsgranska": any version, exactly as it will look). Each kind's
 * renderer lives with its public pages (places/, public/); module.ts hands them to both.
 */
import type { Page } from '../../platform/html/layout.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import type { Region } from '../../platform/region.ts';
import type { ContentData, ContentKind } from './model.ts';

/** One item in one language, as a page shows it (published, or a version being previewed). */
export interface ContentView {
  itemId: string;
  kind: ContentKind;
  slug: string;
  lang: Lang;
  municipalityCode: string | null;
  version: number;
  data: ContentData;
  /** When it was (or will be) published; null for a draft in preview. */
  publishedAt: Date | null;
}

export interface RenderContext {
  deps: ModuleDeps;
  region: Region;
  lang: Lang;
  /** A preview: noindex, a banner saying so, expired-image flags shown, links to drafts allowed. */
  preview: boolean;
  /**
   * In a preview, whether the page shows its own banner saying so (default true); false when the
   * caller puts its own bar above the page (the editors' preview, with its actions).
   */
  previewBanner?: boolean;
}

export type ContentRenderer = (ctx: RenderContext, view: ContentView) => Promise<Page>;

export type ContentRenderers = Record<ContentKind, ContentRenderer>;

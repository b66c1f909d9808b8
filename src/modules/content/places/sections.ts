/**
 * The seam for sections other modules add to a place page: companies there (the companies module)
 * and events there (the events module), when those exist. Each renders its whole section — heading
 * and content — or an empty SafeHtml when it has nothing for the municipality, so a place page
 * never shows an empty heading. They appear after the open jobs, in this list's order.
 */
import type { SafeHtml } from '../../../platform/html/html.ts';
import type { PageContext } from '../../../platform/html/layout.ts';
import type { Municipality } from '../../../platform/region.ts';

export interface PlaceSection {
  /** The section's name (for tests and logs), e.g. 'companies', 'events'. */
  name: string;
  render(ctx: PageContext, municipality: Municipality): Promise<SafeHtml>;
}

/** Companies and events add theirs here when those modules are built; none exist yet. */
export const PLACE_SECTIONS: readonly PlaceSection[] = [];

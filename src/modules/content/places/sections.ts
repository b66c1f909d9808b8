/**
 * The seam for sections other modules add to a place page: companies there (the companies module)
 * and events there (the events module, when it exists). Each renders its whole section — heading
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

/** The sections, in the order their modules added them (companies/public/sections.ts adds one). */
export const PLACE_SECTIONS: PlaceSection[] = [];

/**
 * A module adds its section when its routes are registered; a second app in the same process (the
 * tests build several) replaces it by name rather than adding it twice.
 */
export function setPlaceSection(section: PlaceSection): void {
  const at = PLACE_SECTIONS.findIndex((s) => s.name === section.name);
  if (at >= 0) PLACE_SECTIONS[at] = section;
  else PLACE_SECTIONS.push(section);
}

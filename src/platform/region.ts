import type { Lang } from './i18n/index.ts';

export interface Municipality {
  code: string;
  officialName: string;
  shortName: string;
  slug: string;
  jobtechConceptId: string;
}

/** A tenant of Lotsa: a county-level region with its municipalities, brand and contact details. */
export interface Region {
  id: string;
  name: Record<Lang, string>;
  languages: Lang[];
  defaultLanguage: Lang;
  isDefault: boolean;
  countyCode: string | null;
  jobtechConceptId: string | null;
  hosts: string[];
  /**
   * Where this region's absolute links point (`https://dalarna.lotsa.se`), from configuration only;
   * when absent, PUBLIC_URL. Never taken from a request.
   */
  canonicalOrigin?: string | null;
  brand: { primary: string; accent: string; logo: string };
  contact: { organisation: string; email: string; phone: string | null; address: string | null };
  municipalities: Municipality[];
}

/** The regions this process knows, by host and by id (kept by the regions module). */
export interface RegionDirectory {
  /**
   * The region for a request's Host header: a configured host name with an optional numeric port.
   * Anything else (`dalarna.lotsa.se:@evil.example`, userinfo, paths, odd characters) is the default
   * region.
   */
  forHost(host: string | undefined): Region;
  byId(id: string): Region | undefined;
  all(): Region[];
  refresh(): Promise<void>;
}

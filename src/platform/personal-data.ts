/**
 * A person's data across modules. Identity owns the account and its own page (/sv/me); other
 * modules that keep something about a person (the talent pool's profile, consents, alerts, saved
 * jobs, intro requests …) declare it here through the module contract, so that the own page shows
 * it, the export carries it and erasure removes it — without identity importing those modules.
 */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import type { SafeHtml } from './html/html.ts';
import type { Lang } from './i18n/index.ts';
import type { Region } from './region.ts';

/** Whose data: the account in its region and its (normalised) e-mail address. */
export interface PersonRef {
  regionId: string;
  accountId: string;
  email: string;
}

/** One module's part of a person's data. */
export interface PersonalDataPart {
  /** Its key in the downloaded JSON (`talentPool`, `jobAlerts` …). */
  name: string;
  /** Everything it holds about the person, as plain JSON values; never hashes or tokens. */
  export(db: Kysely<DB>, person: PersonRef): Promise<unknown>;
  /**
   * Removes everything it holds about the person, in the account deletion's transaction, before
   * the account row goes. What must be kept for an audit is kept without anything identifying.
   */
  erase(trx: Kysely<DB>, person: PersonRef): Promise<void>;
}

/** What a section of the own page receives. */
export interface OwnPageContext extends PersonRef {
  db: Kysely<DB>;
  /** The region of the request (its municipalities, for naming places). */
  region: Region;
  lang: Lang;
  csrfToken: string;
  /** The page's query string (a module's `done` notice), as read. */
  query: Record<string, unknown>;
}

/** A section a module adds to the own page, between the profile and the sessions. */
export interface OwnPageSection {
  /** Lower first. */
  order: number;
  /** What it shows, or null when it has nothing to show. */
  render(context: OwnPageContext): Promise<OwnPageSectionView | null>;
}

/** A rendered section: its HTML is a <section id="{id}"> with an <h2> of `title`. */
export interface OwnPageSectionView {
  id: string;
  /** Its heading, also its entry in the page's contents. */
  title: string;
  html: SafeHtml;
}

/** One processing of personal data as the privacy notice describes it, in the reader's language. */
export interface PrivacyProcessingText {
  title: string;
  data: string;
  purpose: string;
  basis: string;
  retention: string;
}

/**
 * A processing a module adds to the privacy notice (/sv/privacy), after the platform's own; its
 * words may depend on the region's settings (the talent pool's consent periods).
 */
export interface PrivacyProcessing {
  id: string;
  describe(db: Kysely<DB>, regionId: string, lang: Lang): Promise<PrivacyProcessingText>;
}

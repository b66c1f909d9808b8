/**
 * Views of company pages and clicks from them to jobs, counted in memory and added to
 * company_page_stats in one statement every few seconds (and when the app closes), so a visit
 * never waits for a database write. Bounded: past MAX_KEYS companies × days waiting, the counts
 * are written at once. A failed write is logged and its counts are lost (they are statistics,
 * not records). Each process counts its own visits; the rows add them up.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { addPageCounts, type PageCount } from './repository.ts';

export const FLUSH_MS = 5_000;
const MAX_KEYS = 5_000;

const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Stockholm day of an instant, YYYY-MM-DD. */
export function stockholmDay(at: Date): string {
  return STOCKHOLM_DAY.format(at);
}

export interface CountsLog {
  warn(details: object, message: string): void;
}

export class PageCounter {
  private readonly pending = new Map<string, PageCount>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: CountsLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(regionId: string, companyId: string, what: 'views' | 'job_clicks'): void {
    const day = stockholmDay(this.now());
    const key = `${regionId}\u0000${companyId}\u0000${day}`;
    let count = this.pending.get(key);
    if (!count) {
      count = { regionId, companyId, day, views: 0, jobClicks: 0 };
      this.pending.set(key, count);
    }
    if (what === 'views') count.views++;
    else count.jobClicks++;
    if (this.pending.size >= MAX_KEYS) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
  }

  /** Writes what is waiting (after any write already under way); resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.writing = this.writing.then(async () => {
      try {
        await addPageCounts(this.db, batch);
      } catch (error) {
        this.log.warn({ err: error, counts: batch.length }, 'company page counts not stored');
      }
    });
    return this.writing;
  }
}

const counters = new Set<PageCounter>();

/** The counters of this process's apps (tests flush them before reading the rows). */
export function trackCounter(counter: PageCounter): () => void {
  counters.add(counter);
  return () => counters.delete(counter);
}

/** Writes every counter's waiting counts now. */
export async function flushPageCounts(): Promise<void> {
  await Promise.all([...counters].map((c) => c.flush()));
}

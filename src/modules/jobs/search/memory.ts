/**
 * Each region's open ads in memory, for search: PostgreSQL stays the only source of truth, and this
 * copy follows it by change numbers (migration 0014).
 *
 * A **base** holds every open ad as of one snapshot, in typed arrays and an inverted index
 * (segment.ts), its ordinals in newest-first order. When the region's ads change (the `JobChanges`
 * version moves: NOTIFY from ingestion in any process), the next search reads the ads changed since
 * the base (usually a handful) into a **delta**: the changed ads get new ordinals after the base's,
 * with their words kept per ad, and their old copies in the base are marked gone. A search waits for
 * that read, so it never sees ads older than the version it was asked for. When the delta passes
 * DELTA_LIMIT ads a new base is built in the background while the old base and a growing delta keep
 * answering.
 *
 * Writers of one region's ads are serialised (each takes the region's write lock first:
 * lockRegionWrites in ingest/apply.ts), so change numbers commit in order within a region; deleted
 * rows (a whole region's) need a new base, which a lost NOTIFY connection (a new epoch in the
 * version) also forces.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../../platform/db/schema.ts';
import { loadChangedAds, loadOpenAds } from './load.ts';
import {
  CODED,
  Compounds,
  Dictionary,
  displayWords,
  parseVector,
  Postings,
  type Coded,
  type DisplayWord,
  type DocRow,
} from './segment.ts';
import type { JobSummary } from './summary.ts';

/** Changed ads a delta holds before a new base is built. */
export const DELTA_LIMIT = 2000;

/** One region's open ads as one search sees them: a base and the delta since it. */
export class JobIndex {
  /** Ordinals in use: the base's and then the delta's. */
  readonly size: number;
  readonly alive: Uint8Array;
  readonly aliveCount: number;
  readonly summaries: JobSummary[];
  readonly published: Float64Array;
  readonly deadline: Float64Array;
  readonly remote: Uint8Array;
  readonly codes: Record<Coded, Int32Array>;
  readonly dicts: Record<Coded, Dictionary>;
  /** Employer name by employer code. */
  readonly employerNames: string[];
  /** Words of the delta's ads, by ordinal − base size. */
  readonly deltaWords: Array<Map<string, number>>;
  private lazyTotals: Record<Coded, Int32Array> | null = null;
  private lazyRemote = -1;
  private lazyByPublished: Float64Array | null = null;
  private readonly lazyByCode: Partial<Record<Coded, { starts: Int32Array; ords: Int32Array }>> = {};

  constructor(
    readonly base: Base,
    /** Ads changed since the base, open now, with their words. */
    readonly delta: DeltaDoc[],
    /** Ads closed since the base. */
    readonly closed: string[],
    /** The change number the index is complete up to. */
    readonly seq: bigint,
  ) {
    const b = base.size;
    this.size = b + delta.length;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      if (delta.length === 0) return a;
      const out = make(this.size);
      out.set(a);
      return out;
    };
    this.alive = new Uint8Array(this.size);
    this.alive.set(base.alive);
    this.summaries = delta.length ? base.summaries.concat(delta.map((d) => d.row.summary)) : base.summaries;
    this.published = grow(base.published, (n) => new Float64Array(n));
    this.deadline = grow(base.deadline, (n) => new Float64Array(n));
    this.remote = grow(base.remote, (n) => new Uint8Array(n));
    this.dicts = { ...base.dicts };
    this.codes = { ...base.codes };
    this.employerNames = base.employerNames;
    if (delta.length) {
      this.employerNames = [...base.employerNames];
      for (const k of CODED) {
        this.dicts[k] = base.dicts[k].copy();
        this.codes[k] = grow(base.codes[k], (n) => new Int32Array(n));
      }
    }
    this.deltaWords = delta.map((d) => d.words);
    for (const [i, { row: doc }] of delta.entries()) {
      const ord = b + i;
      const old = base.ordinals.get(doc.summary.id);
      if (old !== undefined) this.alive[old] = 0;
      this.alive[ord] = 1;
      writeColumns(this, ord, doc);
    }
    for (const id of closed) {
      const old = base.ordinals.get(id);
      if (old !== undefined) this.alive[old] = 0;
    }
    let count = 0;
    for (let i = 0; i < this.size; i++) count += this.alive[i] as number;
    this.aliveCount = count;
  }

  get postings(): Postings {
    return this.base.postings;
  }

  get words(): Map<string, DisplayWord> {
    return this.base.words;
  }

  /** Open ads per value of each coded facet, and with remote work (no filter, no text). */
  totals(): { codes: Record<Coded, Int32Array>; remote: number } {
    if (!this.lazyTotals) {
      const totals = {} as Record<Coded, Int32Array>;
      for (const k of CODED) totals[k] = new Int32Array(this.dicts[k].values.length);
      let remote = 0;
      for (let d = 0; d < this.size; d++) {
        if (!this.alive[d]) continue;
        for (const k of CODED) {
          const c = (this.codes[k] as Int32Array)[d] as number;
          if (c >= 0) totals[k][c] = (totals[k][c] as number) + 1;
        }
        remote += this.remote[d] as number;
      }
      this.lazyTotals = totals;
      this.lazyRemote = remote;
    }
    return { codes: this.lazyTotals, remote: this.lazyRemote };
  }

  /**
   * The open ads grouped by their value of a coded facet (made on first use, like the totals): the
   * ordinals with code `c`, ascending, are `ords[starts[c]]` up to `ords[starts[c + 1]]`. A search
   * with one such filter and no text visits only the ads that pass it.
   */
  byCode(k: Coded): { starts: Int32Array; ords: Int32Array } {
    let grouped = this.lazyByCode[k];
    if (!grouped) {
      const codes = this.codes[k];
      const values = this.dicts[k].values.length;
      const starts = new Int32Array(values + 1);
      for (let d = 0; d < this.size; d++) {
        const c = codes[d] as number;
        if (this.alive[d] && c >= 0) starts[c + 1] = (starts[c + 1] as number) + 1;
      }
      for (let c = 0; c < values; c++) starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number);
      const next = starts.slice(0, values);
      const ords = new Int32Array(starts[values] as number);
      for (let d = 0; d < this.size; d++) {
        const c = codes[d] as number;
        if (!this.alive[d] || c < 0) continue;
        ords[next[c] as number] = d;
        next[c] = (next[c] as number) + 1;
      }
      grouped = { starts, ords };
      this.lazyByCode[k] = grouped;
    }
    return grouped;
  }

  /** Publication times of the open ads, ascending (to count "published within" by binary search). */
  publishedSorted(): Float64Array {
    if (!this.lazyByPublished) {
      const out = new Float64Array(this.aliveCount);
      let i = 0;
      for (let d = 0; d < this.size; d++) if (this.alive[d]) out[i++] = this.published[d] as number;
      out.sort();
      this.lazyByPublished = out;
    }
    return this.lazyByPublished;
  }
}

/** The per-ad columns a base and an index (base + delta) share. */
interface Columns {
  published: Float64Array;
  deadline: Float64Array;
  remote: Uint8Array;
  codes: Record<Coded, Int32Array>;
  dicts: Record<Coded, Dictionary>;
  employerNames: string[];
}

/** One ad's values at ordinal `ord` (its facet values as codes, new values added to the dictionaries). */
function writeColumns(target: Columns, ord: number, doc: DocRow): void {
  target.published[ord] = doc.summary.publishedAt.getTime();
  target.deadline[ord] = doc.deadline;
  target.remote[ord] = doc.summary.remote ? 1 : 0;
  for (const k of CODED) target.codes[k][ord] = target.dicts[k].code(doc.values[k]);
  const ek = target.codes.ek[ord] as number;
  if (ek >= 0) target.employerNames[ek] ??= doc.employerName;
}

/** An ad changed since the base, with its words. */
export interface DeltaDoc {
  row: DocRow;
  words: Map<string, number>;
}

/** The index with more changed ads: the delta keeps the newest copy of each. */
export function withChanges(index: JobIndex, open: DocRow[], closed: string[], seq: bigint): JobIndex {
  const byId = new Map(index.delta.map((d) => [d.row.summary.id, d]));
  const gone = new Set(index.closed);
  for (const row of open) {
    const id = row.summary.id;
    byId.delete(id);
    byId.set(id, { row, words: parseVector(row.vector) });
    row.vector = '';
    gone.delete(id);
  }
  for (const id of closed) {
    byId.delete(id);
    gone.add(id);
  }
  return new JobIndex(index.base, [...byId.values()], [...gone], seq);
}

/** Every open ad of a region at one change number. */
export class Base {
  size = 0;
  alive = new Uint8Array(0);
  summaries: JobSummary[] = [];
  published = new Float64Array(0);
  deadline = new Float64Array(0);
  remote = new Uint8Array(0);
  codes = {} as Record<Coded, Int32Array>;
  dicts = {} as Record<Coded, Dictionary>;
  employerNames: string[] = [];
  ordinals = new Map<string, number>();
  postings = new Postings();
  words = new Map<string, DisplayWord>();
  compounds = new Compounds(new Map());

  private termsByStart: Map<string, string[]> | null = null;
  /** A term's spelling with å/ä/ö where folding changed it. */
  spellings = new Map<string, string>();

  constructor(
    readonly regionId: string,
    readonly seq: bigint,
  ) {}

  /**
   * Terms used by two ads or more that start with the word's letter and are within `slack` letters
   * of its length (spelling corrections look at these, not at every term).
   */
  nearTerms(word: string, slack: number): string[] {
    if (!this.termsByStart) {
      const buckets = new Map<string, string[]>();
      for (const term of this.postings.terms.keys()) {
        if (this.postings.frequency(term) < 2) continue;
        const key = `${term[0] ?? ''}${term.length}`;
        const list = buckets.get(key);
        if (list) list.push(term);
        else buckets.set(key, [term]);
      }
      this.termsByStart = buckets;
    }
    const out: string[] = [];
    for (let n = word.length - slack; n <= word.length + slack; n++)
      out.push(...(this.termsByStart.get(`${word[0] ?? ''}${n}`) ?? []));
    return out;
  }

  static from(regionId: string, docs: DocRow[], words: Array<Map<string, number>>, seq: bigint): Base {
    const base = new Base(regionId, seq);
    const n = docs.length;
    base.size = n;
    base.alive = new Uint8Array(n).fill(1);
    base.summaries = docs.map((d) => d.summary);
    base.published = new Float64Array(n);
    base.deadline = new Float64Array(n);
    base.remote = new Uint8Array(n);
    for (const k of CODED) {
      base.codes[k] = new Int32Array(n);
      base.dicts[k] = new Dictionary();
    }
    for (const [ord, doc] of docs.entries()) {
      base.ordinals.set(doc.summary.id, ord);
      writeColumns(base, ord, doc);
    }
    base.postings = Postings.build(0, words);
    base.words = displayWords(docs);
    base.compounds = new Compounds(base.words);
    return base;
  }
}

interface RegionState {
  index: JobIndex | null;
  version: string | null;
  /** The read that brings the index to `version`, while one runs. */
  refreshing: Promise<JobIndex> | null;
  rebuilding: Promise<void> | null;
  epoch: string;
}

/** The in-memory indexes of every region this process searches, by region id. */
export class JobIndexes {
  private readonly regions = new Map<string, RegionState>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger?: Logger,
  ) {}

  /** The region's index as of `version` (a `JobChanges` version: "epoch.n"). */
  async get(regionId: string, version: string): Promise<JobIndex> {
    let state = this.regions.get(regionId);
    if (!state) {
      state = { index: null, version: null, refreshing: null, rebuilding: null, epoch: '' };
      this.regions.set(regionId, state);
    }
    if (state.index && state.version === version) return state.index;
    while (state.refreshing) {
      const index = await state.refreshing;
      if (state.version === version) return index;
    }
    const current = state;
    current.refreshing = this.refresh(regionId, current, version).finally(() => {
      current.refreshing = null;
    });
    return current.refreshing;
  }

  private async refresh(regionId: string, state: RegionState, version: string): Promise<JobIndex> {
    const epoch = version.split('.')[0] ?? '';
    if (!state.index || epoch !== state.epoch) {
      state.index = await this.buildBase(regionId);
      state.epoch = epoch;
    } else {
      const index = state.index;
      const changed = await loadChangedAds(this.db, regionId, index.seq, DELTA_LIMIT);
      if (changed.open.length === 0 && changed.closed.length === 0) {
        // Nothing new for this region.
      } else if (!changed.complete) {
        state.index = await this.buildBase(regionId);
      } else {
        state.index = withChanges(index, changed.open, changed.closed, changed.seq);
        if (state.index.size - state.index.base.size > DELTA_LIMIT / 2) this.rebuildLater(regionId, state);
      }
    }
    state.version = version;
    return state.index;
  }

  private rebuildLater(regionId: string, state: RegionState): void {
    if (state.rebuilding) return;
    state.rebuilding = (async () => {
      const fresh = await this.buildBase(regionId);
      // Ads changed while the base was read: everything since its snapshot.
      const changed = await loadChangedAds(this.db, regionId, fresh.seq, DELTA_LIMIT);
      let next = withChanges(
        fresh,
        changed.open,
        changed.closed,
        changed.seq > fresh.seq ? changed.seq : fresh.seq,
      );
      // Searches may have brought the index past these changes meanwhile (an ad closed): catch up
      // before replacing it, or keep it when that fails to get as far.
      while (state.index && state.index.seq > next.seq) {
        const more = await loadChangedAds(this.db, regionId, next.seq, DELTA_LIMIT);
        if (!more.complete || more.seq <= next.seq) return;
        next = withChanges(next, more.open, more.closed, more.seq);
      }
      state.index = next;
    })()
      .catch((error: unknown) =>
        this.logger?.error({ err: error, regionId }, 'job search index rebuild failed'),
      )
      .finally(() => {
        state.rebuilding = null;
      });
  }

  private async buildBase(regionId: string): Promise<JobIndex> {
    const docs: DocRow[] = [];
    const words: Array<Map<string, number>> = [];
    const spellings = new Map<string, string>();
    const { seq } = await loadOpenAds(this.db, regionId, (batch) => {
      for (const doc of batch) {
        words.push(parseVector(doc.vector, spellings));
        doc.vector = '';
        docs.push(doc);
      }
    });
    const base = Base.from(regionId, docs, words, seq);
    base.spellings = spellings;
    return new JobIndex(base, [], [], seq);
  }
}

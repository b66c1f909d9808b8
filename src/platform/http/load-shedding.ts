/**
 * Overload protection. Twice a second it looks at two things: the event-loop delay (the process is
 * busy) and how many queries wait for a database connection (the database is the bottleneck: a
 * crafted search can saturate it while the event loop idles). While either mean is above its
 * limit, requests are answered 503 with Retry-After instead of queueing up behind each other.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoadShedder {
  /** True while the process is too busy to take more requests. */
  readonly overloaded: boolean;
  stop(): void;
}

export interface ShedderOptions {
  /** Mean event-loop delay (ms) above which requests are shed. */
  maxEventLoopDelayMs: number;
  /** What the database pool reports: clients waiting for a connection. */
  pool?: { readonly waitingCount: number };
  /** Mean number of waiting clients above which requests are shed. */
  maxDbWaiting?: number;
  sampleMs?: number;
}

export function startLoadShedder(options: ShedderOptions): LoadShedder {
  const { maxEventLoopDelayMs, pool, maxDbWaiting = Infinity, sampleMs = 500 } = options;
  const resolution = 10;
  const histogram = monitorEventLoopDelay({ resolution });
  histogram.enable();
  const state = { overloaded: false };
  // The pool's queue is sampled five times per decision, so one burst does not decide alone.
  const perDecision = 5;
  let waitingSum = 0;
  let samples = 0;
  const timer = setInterval(() => {
    waitingSum += pool?.waitingCount ?? 0;
    samples += 1;
    if (samples < perDecision) return;
    const meanMs = Math.max(0, histogram.mean / 1e6 - resolution);
    const busyLoop = Number.isFinite(meanMs) && meanMs > maxEventLoopDelayMs;
    const busyDatabase = waitingSum / samples > maxDbWaiting;
    state.overloaded = busyLoop || busyDatabase;
    histogram.reset();
    waitingSum = 0;
    samples = 0;
  }, sampleMs / perDecision);
  timer.unref();
  return {
    get overloaded() {
      return state.overloaded;
    },
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

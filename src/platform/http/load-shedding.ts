/**
 * Overload protection: the event-loop delay is sampled twice a second; while its mean is above the
 * limit, requests are answered 503 with Retry-After instead of queueing up behind each other.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoadShedder {
  /** True while the process is too busy to take more requests. */
  readonly overloaded: boolean;
  stop(): void;
}

export function startLoadShedder(maxEventLoopDelayMs: number, sampleMs = 500): LoadShedder {
  const resolution = 10;
  const histogram = monitorEventLoopDelay({ resolution });
  histogram.enable();
  const state = { overloaded: false };
  const timer = setInterval(() => {
    const meanMs = Math.max(0, histogram.mean / 1e6 - resolution);
    state.overloaded = Number.isFinite(meanMs) && meanMs > maxEventLoopDelayMs;
    histogram.reset();
  }, sampleMs);
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

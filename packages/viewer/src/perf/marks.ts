/**
 * Performance marks of the load path (User Timing: `performance.mark` / `performance.measure`, all named
 * `mz:…`), so tests and people with DevTools can see where the time to the first frame goes. Worker phases are
 * measured in the worker as absolute times (time origin + now) and re-entered here as measures on the page's
 * timeline. Marks cost microseconds; nothing here changes what is drawn.
 */

/** A phase measured somewhere (page or worker): name and absolute start / end in epoch milliseconds. */
export interface PhaseTiming {
  name: string;
  start: number;
  end: number;
}

const perf: Performance | undefined = typeof performance === 'undefined' ? undefined : performance;

/** Epoch milliseconds now (comparable between the page and its workers). */
export function epochNow(): number {
  return perf ? perf.timeOrigin + perf.now() : Date.now();
}

/** Set a mark `mz:<name>`. */
export function mark(name: string): void {
  try {
    perf?.mark(`mz:${name}`);
  } catch {
    // User Timing unavailable (old browsers, some test hosts): marks are only diagnostics.
  }
}

/** Enter a measure `mz:<name>` from a mark to now. */
export function measureSince(name: string, startMark: string): void {
  try {
    perf?.measure(`mz:${name}`, `mz:${startMark}`);
  } catch {
    // The start mark is missing (e.g. a second load): diagnostics only.
  }
}

/** Enter phases measured elsewhere (epoch times) as measures on this page's timeline. */
export function enterPhases(phases: readonly PhaseTiming[]): void {
  if (!perf) return;
  for (const p of phases) {
    try {
      perf.measure(`mz:${p.name}`, { start: p.start - perf.timeOrigin, end: p.end - perf.timeOrigin });
    } catch {
      // Diagnostics only.
    }
  }
}

/** Times phases in a worker or on the page: `time('layout', () => …)` records its start and end. */
export function createPhaseClock(): { time<T>(name: string, fn: () => T): T; phases: PhaseTiming[] } {
  const phases: PhaseTiming[] = [];
  return {
    phases,
    time(name, fn) {
      const start = epochNow();
      try {
        return fn();
      } finally {
        phases.push({ name, start, end: epochNow() });
      }
    },
  };
}

/**
 * Stage clock and memory meter of the benchmark (Node only). Wall seconds from `performance.now()`; peak memory
 * the way the peers measure it (`bench/peers/benchlib.py`): the kernel's peak-RSS mark is reset before each stage
 * (`/proc/self/clear_refs` ← "5") and read after it (`VmHWM` in `/proc/self/status`), so a stage's peak includes
 * what earlier stages left resident. Where the reset is not possible, the process maximum
 * (`process.resourceUsage().maxRSS`) is reported instead and the result says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** What one timed stage cost. */
export interface StageMeasure {
  /** Wall seconds. */
  s: number;
  /** Peak RSS during the stage, MiB (the kernel's high-water mark since the reset before the stage). */
  peakMb: number;
  /** True when `peakMb` is the stage's own peak; false when it is the process peak so far (no reset possible). */
  perStagePeak: boolean;
  /** RSS right after the stage, MiB (what stays resident). */
  rssAfterMb: number;
  /** Highest RSS seen by the sampler while the stage ran, MiB (only asynchronous stages let it run; 0 otherwise). */
  sampledMaxMb: number;
  /** V8 heap used after the stage minus before it, MiB (what the stage's result keeps on the JS heap). */
  heapDeltaMb: number;
  /** Growth of `process.resourceUsage().maxRSS` over the stage, MiB (0 when an earlier stage peaked higher). */
  maxRssDeltaMb: number;
}

const MIB = 1024 * 1024;

/** Reset the kernel's peak-RSS mark of this process; false when the platform does not allow it. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The kernel's peak-RSS mark (`VmHWM`), MiB, or null when /proc is not available. */
export function readPeakRssMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Collect garbage when the process runs with `--expose-gc` (the bench child does), so stages start clean. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/**
 * Run `fn` as one stage and measure it. Garbage is collected before the clock starts (not timed), so what an
 * earlier stage dropped does not count against this one.
 */
export async function measureStage<T>(fn: () => T | Promise<T>, sampleEveryMs = 20): Promise<{ value: T; measure: StageMeasure }> {
  collectGarbage();
  const perStagePeak = resetPeakRss();
  const heapBefore = process.memoryUsage().heapUsed;
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let sampled = 0;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage.rss());
  }, sampleEveryMs);
  const t0 = performance.now();
  let value: T;
  try {
    value = await fn();
  } finally {
    clearInterval(timer);
  }
  const s = (performance.now() - t0) / 1000;
  const maxRssAfter = process.resourceUsage().maxRSS * 1024;
  const hwm = readPeakRssMb();
  const mem = process.memoryUsage();
  return {
    value,
    measure: {
      s,
      peakMb: perStagePeak && hwm !== null ? hwm : maxRssAfter / MIB,
      perStagePeak: perStagePeak && hwm !== null,
      rssAfterMb: mem.rss / MIB,
      sampledMaxMb: sampled / MIB,
      heapDeltaMb: (mem.heapUsed - heapBefore) / MIB,
      maxRssDeltaMb: Math.max(0, maxRssAfter - maxRssBefore) / MIB,
    },
  };
}

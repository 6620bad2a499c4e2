/**
 * Facts about the machine a benchmark ran on (CPU model, cores, Node, load), and the measurement of another
 * process from outside: wall seconds and its peak RSS, polled from `/proc/<pid>/status` (`VmHWM`). Node only.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  node: string;
}

/** CPU model (from /proc/cpuinfo when readable), usable cores (`nproc`), Node version. */
export function machineInfo(): MachineInfo {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  return { cpu, cores: availableParallelism(), node: process.version };
}

/** The 1-minute load average (2 = both cores of a 2-core machine busy). */
export function load1(): number {
  return loadavg()[0] ?? 0;
}

/** A finished external process: exit code, wall seconds, peak RSS (MiB, null when /proc is not readable). */
export interface ExternalRun {
  exitCode: number | null;
  signal: string | null;
  s: number;
  peakMb: number | null;
  stderrTail: string;
  /** True when it was killed at `timeoutS`. */
  timedOut: boolean;
}

/**
 * Run `cmd args` to completion and measure its peak RSS: exactly with `/usr/bin/time -f %M` (the child's
 * `ru_maxrss`) when that exists, and by polling its `VmHWM` every `pollMs` milliseconds (which may miss the
 * last interval, but still gives a peak when the run is stopped at `timeoutS`).
 */
export function runMeasured(cmd: string, args: readonly string[], timeoutS = Infinity, pollMs = 50): Promise<ExternalRun> {
  const useTime = existsSync('/usr/bin/time');
  const MARK = '__bench_maxrss_kb=';
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = useTime
      ? spawn('/usr/bin/time', ['-f', `${MARK}%M`, cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
      : spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    // Its own process group, so a timeout ends the measured command and the wrapper, and nothing else.
    let timedOut = false;
    const killer = Number.isFinite(timeoutS)
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, timeoutS * 1000)
      : null;
    let peak: number | null = null;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-8000);
    });
    // Polled as well, so a run stopped at the timeout (no /usr/bin/time report) still has a peak.
    const poll = () => {
      try {
        let pid = String(child.pid);
        if (useTime) pid = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0] ?? '';
        if (!pid) return;
        const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak ?? 0, Number(m[1]) / 1024);
      } catch {
        /* the process has exited or /proc is missing */
      }
    };
    const timer = setInterval(poll, pollMs);
    child.on('error', (err) => {
      if (timer) clearInterval(timer);
      if (killer) clearTimeout(killer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      if (timer) clearInterval(timer);
      if (killer) clearTimeout(killer);
      const s = (performance.now() - t0) / 1000;
      const lines = stderr.trim().split('\n');
      const at = lines.findIndex((l) => l.startsWith(MARK));
      if (at >= 0) {
        peak = Math.max(peak ?? 0, Number(lines[at]!.slice(MARK.length)) / 1024);
        lines.splice(at, 1);
      }
      // /usr/bin/time reports a signal death as "Command terminated by signal N" and exits 128+N.
      const rest = lines.filter((l) => l.trim() !== '');
      resolve({ exitCode: code, signal, s, peakMb: peak, stderrTail: rest.slice(-3).join(' / '), timedOut });
    });
  });
}

// Runs a child process and measures what the brief asks: wall time and peak RSS. Peak RSS comes from GNU time's
// "Maximum resident set size" when /usr/bin/time exists, otherwise from polling /proc/<pid>/status (VmHWM).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export const HAS_GNU_TIME = existsSync('/usr/bin/time');

/** Peak and current RSS of a live process, in MB; undefined once it has gone. */
export function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Runs `command args` to completion. stdout goes to `stdoutFile` when given (a large JSON report should not sit in
 * this process), else it is collected. Resolves with { wallMs, cpuMs, peakRssMb, code, stdout, stderr }.
 */
export function measure(command, args, { cwd, env, stdoutFile, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve) => {
    const timeFile = `/tmp/hml-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`;
    const [cmd, argv] = HAS_GNU_TIME ? ['/usr/bin/time', ['-v', '-o', timeFile, command, ...args]] : [command, args];
    const out = stdoutFile ? openSync(stdoutFile, 'w') : 'pipe';
    const started = performance.now();
    // Its own process group, so a timeout kills the measured program too and not only /usr/bin/time around it.
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let polledPeak = 0;
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = HAS_GNU_TIME ? undefined : setInterval(() => {
      const m = procMemory(child.pid);
      if (m) polledPeak = Math.max(polledPeak, m.hwmMb);
    }, 20);
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      if (typeof out === 'number') closeSync(out);
      let peakRssMb = polledPeak || undefined;
      let cpuMs;
      if (HAS_GNU_TIME) {
        try {
          const text = readFileSync(timeFile, 'utf8');
          peakRssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]) / 1024;
          // CPU time (user + system) barely moves when other processes compete for the cores; wall time does.
          cpuMs = (Number(/User time \(seconds\): ([\d.]+)/.exec(text)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(text)?.[1])) * 1000;
          rmSync(timeFile, { force: true });
          // GNU time prints its own note into the file when the child fails; the child's stderr is separate.
        } catch {
          /* time could not write its report: leave the peak unknown */
        }
      }
      resolve({ wallMs, cpuMs, peakRssMb, code: code ?? (signal ? 128 : -1), signal, stdout, stderr });
    });
  });
}

/** Median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

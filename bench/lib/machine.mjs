// The machine the numbers were measured on, printed first so results from different machines are never compared blind.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';

export function which(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  if (existsSync('/proc/cpuinfo')) cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  return {
    cpu,
    cores: os.cpus().length,
    ramGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    rg: which('rg') ?? null,
    gnuTime: existsSync('/usr/bin/time'),
    /** Other work on the machine inflates wall times; CPU times are the steadier comparison. */
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

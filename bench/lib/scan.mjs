// Sections 1 and 3: our CLI over the whole workspace, and beside it the floor (read + prefilter + TypeScript parse),
// a plain Node read loop and ripgrep when installed. Each is a separate process, run `repeats` times; the fastest run
// is kept (the least disturbed by other work on the machine) and the median is recorded too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, median } from './proc.mjs';
import { which } from './machine.mjs';

async function repeat(times, fn) {
  const runs = [];
  for (let i = 0; i < times; i++) runs.push(await fn(i));
  const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  return { ...best, runs: runs.length, medianWallMs: median(runs.map((r) => r.wallMs)), medianCpuMs: median(runs.map((r) => r.cpuMs)), minCpuMs: Math.min(...runs.map((r) => r.cpuMs)) };
}

export async function runOurScan({ repo, root, tmp, repeats, extraArgs = [], label = 'lint', timeoutMs = 600_000 }) {
  const cli = join(repo, 'dist', 'cli.js');
  const outFile = join(tmp, `ours-${label}.json`);
  const run = await repeat(repeats, () => measure(process.execPath, [cli, ...(label === 'routes' ? ['routes'] : []), root, '--format', 'json', ...extraArgs], { cwd: repo, stdoutFile: outFile, timeoutMs }));
  const result = { wallMs: run.wallMs, cpuMs: run.minCpuMs, medianWallMs: run.medianWallMs, peakRssMb: run.peakRssMb, exit: run.code, runs: run.runs, stderrLines: run.stderr.split('\n').filter(Boolean).length, stderrHead: run.stderr.split('\n').filter(Boolean).slice(0, 5) };
  if (run.signal === 'SIGKILL') result.error = `killed after ${Math.round(timeoutMs / 1000)} s`;
  else try {
    const json = JSON.parse(readFileSync(outFile, 'utf8'));
    if (label === 'routes') {
      const routes = Array.isArray(json) ? json : json.routes ?? [];
      result.routes = routes.length;
      result.byFramework = {};
      for (const r of routes) result.byFramework[r.framework] = (result.byFramework[r.framework] ?? 0) + 1;
      result.fromSkippedFolders = routes.filter((r) => /[\\/](node_modules|dist|build|generated|public)[\\/]/.test(r.file ?? r.filePath ?? '')).length;
    } else {
      result.files = json.length;
      result.findings = json.reduce((s, f) => s + f.messages.length, 0);
      result.byRule = {};
      for (const f of json) for (const m of f.messages) result.byRule[m.ruleId] = (result.byRule[m.ruleId] ?? 0) + 1;
      result.fromSkippedFolders = json.filter((f) => /[\\/](node_modules|dist|build|generated)[\\/]/.test(f.filePath)).length;
    }
  } catch (e) {
    result.error = `output not JSON: ${e.message}`;
  }
  return result;
}

export async function runFloor({ repo, root, repeats }) {
  const script = join(repo, 'bench', 'lib', 'floor.mjs');
  const out = {};
  for (const mode of ['read', 'parse']) {
    const run = await repeat(repeats, () => measure(process.execPath, [script, mode, root], { cwd: repo }));
    let inner = {};
    try {
      inner = JSON.parse(run.stdout);
    } catch {
      inner = { error: run.stderr.slice(0, 300) };
    }
    out[mode] = { wallMs: run.wallMs, cpuMs: run.minCpuMs, peakRssMb: run.peakRssMb, ...inner };
  }
  const rg = which('rg');
  if (rg) {
    const run = await repeat(repeats, () => measure(rg, ['-l', '-c', '--type-add', 'src:*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,http,rest}', '-t', 'src', 'express|fastify|koa|hono|@nestjs|Router', root], { cwd: repo }));
    out.rg = { wallMs: run.wallMs, cpuMs: run.minCpuMs, files: run.stdout.split('\n').filter(Boolean).length };
  } else out.rg = { missing: true };
  return out;
}

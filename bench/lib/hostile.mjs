// Section 6: every hostile case at full size, each with its time and outcome, through analyze() in-process and the
// whole hostile workspace through the CLI; then the regexes of the core against attack strings.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { measure } from './proc.mjs';

function summarizeAnalysis(result, text) {
  const outOfBounds = [...result.findings.map((f) => f.span), ...result.routes.map((r) => r.span)]
    .filter((s) => s.start < 0 || s.end < s.start || s.end > text.length).length;
  return { routes: result.routes.length, findings: result.findings.length, errors: result.errors.length, outOfBounds, firstError: result.errors[0]?.message.split('\n')[0] };
}

export async function runHostile({ core, repo, tmp, size }) {
  const files = core.hostileFiles({ size, seed: 1 });
  const cases = [];
  for (const file of files) {
    const text = core.decodeAsFrontDoor(file.bytes);
    const started = performance.now();
    let outcome;
    try {
      outcome = summarizeAnalysis(core.analyze({ path: file.fileName, languageId: file.languageId, text }), text);
    } catch (e) {
      outcome = { threw: String(e).slice(0, 200) };
    }
    const ms = performance.now() - started;
    const ok = !outcome.threw && outcome.errors === 0 && outcome.outOfBounds === 0;
    cases.push({ id: file.id, description: file.description, bytes: file.bytes.length, ms, ok, ...outcome });
  }

  // The same files on disk, with symlink loops, through the real CLI.
  const root = join(tmp, 'hostile-ws');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  await core.writeHostileWorkspace(root, { size, seed: 1 });
  const cli = join(repo, 'dist', 'cli.js');
  const run = await measure(process.execPath, [cli, root, '--format', 'json'], { cwd: repo, stdoutFile: join(tmp, 'hostile-cli.json') });
  let cliFiles;
  try {
    cliFiles = JSON.parse(await fs.readFile(join(tmp, 'hostile-cli.json'), 'utf8')).length;
  } catch {
    cliFiles = undefined;
  }
  const cliRun = { wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMb: run.peakRssMb, exit: run.code, filesReported: cliFiles, stderr: run.stderr.trim().split('\n').filter(Boolean).slice(0, 12) };

  // A folder deleted mid-walk and files deleted between discovery and reading.
  const vanish = join(tmp, 'vanishing');
  rmSync(vanish, { recursive: true, force: true });
  for (let d = 0; d < 20; d++) {
    mkdirSync(join(vanish, `d${d}`), { recursive: true });
    for (let i = 0; i < 25; i++) writeFileSync(join(vanish, `d${d}`, `r${i}.http`), `PUT https://api.example.com/items/{{$guid}}\n\n{"n": ${i}}\n`);
  }
  let calls = 0;
  const started = performance.now();
  const found = await core.discoverFiles([vanish], { concurrency: 2, isCancelled: () => (++calls === 5 && rmSync(join(vanish, 'd13'), { recursive: true, force: true }), false) });
  for (const f of found.files.filter((_, i) => i % 7 === 0)) rmSync(f.path, { force: true });
  let unreadable = 0;
  let analyzed = 0;
  for (const f of found.files) {
    try {
      const text = await fs.readFile(f.path, 'utf8');
      core.analyze({ path: f.path, languageId: f.languageId, text });
      analyzed++;
    } catch {
      unreadable++;
    }
  }
  const deletion = { ms: performance.now() - started, listed: found.files.length, of: 500, analyzed, unreadable };
  rmSync(vanish, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
  return { cases, cli: cliRun, deletion };
}

/**
 * Runs the regex timer child. A regex that runs past `perRegexMs` is reported as hung; the child is killed and a new
 * one resumes with the next regex, so one bad pattern does not hide the timings of the rest.
 */
export async function runRegexTiming({ core, repo, tmp, perRegexMs = 20_000 }) {
  const regexes = core.collectRegexes(repo).filter((r) => r.origin !== 'dynamic');
  const file = join(tmp, 'regexes.json');
  writeFileSync(file, JSON.stringify(regexes));
  const results = new Map();
  for (let from = 0; from < regexes.length;) {
    let running;
    await new Promise((resolve) => {
      const child = spawn(process.execPath, [join(repo, 'bench', 'lib', 'regex-timing.mjs'), file, String(from)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let timer = setTimeout(() => child.kill('SIGKILL'), perRegexMs);
      let buffer = '';
      child.stdout.on('data', (d) => {
        buffer += d;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const msg = JSON.parse(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
          clearTimeout(timer);
          timer = setTimeout(() => child.kill('SIGKILL'), perRegexMs);
          if (msg.start) running = msg.i;
          else (results.set(msg.i, msg), (running = undefined));
        }
      });
      child.on('close', () => (clearTimeout(timer), resolve()));
    });
    if (running === undefined) break;
    results.set(running, { hung: true });
    from = running + 1;
  }
  const rows = regexes.map((r, i) => {
    const t = results.get(i) ?? { notRun: true };
    const problems = core.regexProblems(r.source, r.flags).map((p) => p.kind);
    return { where: `${r.file}:${r.line}`, pattern: `/${r.source}/${r.flags}`, starHeight: core.starHeight(r.source, r.flags), problems, ...t, growth: t.ms5k > 0.05 ? t.ms50k / t.ms5k : undefined };
  });
  return { count: rows.length, rows };
}

#!/usr/bin/env node
// npm run bench [-- --lines 100000 --seed 7] [--quick] [--only scan,eslint,floor,lsp,package,hostile,regex] [--skip ...] [--no-build]
// Generates (or reuses) the seeded workspace, measures every section side by side, prints one table with the
// targets, and writes bench/results/latest.json. No section asserts anything: the numbers are for people.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWorkspace, parseArgs } from './generate.mjs';
import { buildDist, loadCore } from './lib/build.mjs';
import { runEslint, typescriptParserInstalled } from './lib/eslint.mjs';
import { runHostile, runRegexTiming } from './lib/hostile.mjs';
import { runLsp } from './lib/lsp.mjs';
import { machine } from './lib/machine.mjs';
import { activationCost, distSizes, packageVsix } from './lib/package.mjs';
import { Table, count, mb, ms, ratio } from './lib/report.mjs';
import { runFloor, runOurScan } from './lib/scan.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const args = parseArgs(argv);
const quick = Boolean(args.quick);
const SECTIONS = ['scan', 'eslint', 'floor', 'lsp', 'package', 'hostile', 'regex'];
const wanted = (s) => (args.only ? args.only.includes(s) : true) && !(args.skip ?? []).includes(s) && !(quick && s === 'package');
const repeats = quick ? 1 : 3;
const tmp = join(repo, 'bench', '.workspace', 'tmp');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const log = (s) => process.stderr.write(`[bench] ${s}\n`);

const results = { startedAt: new Date().toISOString(), args: { lines: args.lines, seed: args.seed, quick }, machine: machine() };
const table = new Table();
const m = results.machine;
table.section(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, load average ${m.loadAverage.join(' ')}`);

if (!argv.includes('--no-build')) {
  log('building dist/ (node esbuild.mjs)');
  results.build = buildDist(repo);
  if (!results.build.ok) log(`build failed: ${results.build.output.slice(0, 500)}`);
}
log('loading the core bundle');
const core = await loadCore(repo, join(tmp, 'core'));

log(`workspace: ${args.lines} lines, seed ${args.seed}`);
const started = Date.now();
const manifest = ensureWorkspace({ lines: args.lines, seed: args.seed, out: args.out });
const root = manifest.root;
results.workspace = { ...manifest, root: relative(repo, root), generateMs: Date.now() - started };
table.row('workspace files / lines to scan', `${count(manifest.scanned.files)} / ${count(manifest.scanned.lines)}`);
table.row('files that must be skipped', count(manifest.byRole.skipped?.files));

let ours;
if (wanted('scan')) {
  log('section 1: our CLI over the workspace');
  ours = await runOurScan({ repo, root, tmp, repeats });
  const routes = await runOurScan({ repo, root, tmp, repeats: 1, label: 'routes', timeoutMs: quick ? 120_000 : 240_000 });
  results.scan = { lint: ours, routes };
  table.section(`1. Full scan: node dist/cli.js <ws> --format json (best of ${repeats})`);
  table.row('wall time', ms(ours.wallMs));
  table.row('CPU time (user+sys)', ms(ours.cpuMs));
  table.row('files/s | lines/s (wall)', `${count(Math.round(manifest.scanned.files / (ours.wallMs / 1000)))} | ${count(Math.round(manifest.scanned.lines / (ours.wallMs / 1000)))}`);
  table.row('peak RSS', mb(ours.peakRssMb), 'rss', ours.peakRssMb);
  table.row('files reported / findings', `${count(ours.files)} / ${count(ours.findings)}`);
  table.row('routes command: wall | CPU | routes', routes.error ? routes.error : `${ms(routes.wallMs)} | ${ms(routes.cpuMs)} | ${count(routes.routes)} ${JSON.stringify(routes.byFramework ?? {})}`);
  table.row('files/routes from folders to skip', `${count(ours.fromSkippedFolders)} / ${count(routes.fromSkippedFolders)}`);
  if (ours.error) table.note(`error: ${ours.error} (exit ${ours.exit}) ${ours.stderrHead.join(' | ')}`);
}

if (wanted('eslint')) {
  log('section 2: ESLint 9 over the same files');
  const all = await runEslint(repo, root, tmp, 'all');
  const js = await runEslint(repo, root, tmp, 'js');
  results.eslint = { all, js };
  table.section('2. ESLint 9, no plugins, one no-restricted-syntax selector');
  if (!all.typescriptParser) {
    table.note('@typescript-eslint/parser is not installed: espree cannot parse TypeScript, so TS/TSX files end in a fatal');
    table.note('parse error (fast, and not comparable). Add `typescript-eslint` as a devDependency for a full comparison.');
  }
  table.row('all files: wall | CPU', `${ms(all.wallMs)} | ${ms(all.cpuMs)}`);
  table.row('all files: linted / parse failures', `${count(all.parsed)} / ${count(all.fatal)} ${JSON.stringify(all.fatalByExt ?? {})}`);
  table.row('JS only: wall | CPU | files', `${ms(js.wallMs)} | ${ms(js.cpuMs)} | ${count(js.files)}`);
  table.row('JS only: selector matches', count(js.messages));
  if (ours) {
    const oursJs = await runOurScan({ repo, root, tmp, repeats: 1, label: 'js-only', extraArgs: ['--ignore-pattern', '*.ts', '--ignore-pattern', '*.tsx', '--ignore-pattern', '*.mts', '--ignore-pattern', '*.cts', '--ignore-pattern', '*.http', '--ignore-pattern', '*.rest'] });
    results.eslint.oursJsOnly = oursJs;
    table.row('ours, JS only: wall | CPU | files', `${ms(oursJs.wallMs)} | ${ms(oursJs.cpuMs)} | ${count(oursJs.files)}`);
    results.eslint.ratioAll = all.cpuMs / ours.cpuMs;
    results.eslint.ratioJs = js.cpuMs / oursJs.cpuMs;
    table.row('ESLint / ours, all files (CPU)', ratio(results.eslint.ratioAll), 'eslintRatio', results.eslint.ratioAll);
    table.row('ESLint / ours, JS only (CPU)', ratio(results.eslint.ratioJs), 'eslintRatio', results.eslint.ratioJs);
    table.row('ESLint / ours, all files (wall)', ratio(all.wallMs / ours.wallMs));
  }
}

if (wanted('floor')) {
  log('section 3: parse floor, read loop, ripgrep');
  const floor = await runFloor({ repo, root, repeats });
  results.floor = floor;
  table.section('3. Parse floor (one process: walk, read, prefilter, ts.createSourceFile)');
  table.row('floor: wall | CPU | route files parsed', `${ms(floor.parse.wallMs)} | ${ms(floor.parse.cpuMs)} | ${count(floor.parse.routeFiles)}`);
  table.row('plain Node read loop: wall | CPU', `${ms(floor.read.wallMs)} | ${ms(floor.read.cpuMs)} (${count(floor.read.files)} files)`);
  table.row('ripgrep -l for markers', floor.rg.missing ? 'rg not installed' : `${ms(floor.rg.wallMs)} (${count(floor.rg.files)} files)`);
  if (ours) {
    results.floor.ratio = ours.cpuMs / floor.parse.cpuMs;
    table.row('ours / floor (CPU)', ratio(results.floor.ratio), 'floorRatio', results.floor.ratio);
    table.row('ours / floor (wall)', ratio(ours.wallMs / floor.parse.wallMs));
  }
}

if (wanted('lsp')) {
  log('section 4: language server');
  const all = readdirSync(join(root, 'packages'), { recursive: true }).map(String).sort();
  const coldFiles = [[all.find((f) => f.endsWith('.http')), 'http'], [all.find((f) => /[\\/]routes[\\/][^\\/]+\.ts$/.test(f)), 'typescript']]
    .filter(([f]) => f)
    .map(([f, languageId]) => ({ path: join(root, 'packages', f), rel: join('packages', f), languageId, text: readFileSync(join(root, 'packages', f), 'utf8') }));
  const lsp = await runLsp({ repo, root, tmp, edits: quick ? 40 : 200, seed: args.seed, coldFiles });
  results.lsp = lsp;
  table.section('4. Language server (node dist/server.js --stdio), as the client sees it');
  if (lsp.error) table.note(`error: ${lsp.error}`);
  for (const c of lsp.coldStarts ?? []) {
    const kind = c.file.endsWith('.http') ? '.http' : 'route .ts';
    table.row(`cold start ${kind}: initialize answered`, `${ms(c.initializeMs)} (median of ${c.runs.length})`);
    table.row(`cold start ${kind}: spawn to first diagnostics`, `${ms(c.ms)} (${c.diagnostics ?? '—'} diags)`, 'coldStart', c.ms);
  }
  for (const [key, label] of [['editsTs', '3,000-line route .ts'], ['editsHttp', '3,000-line .http']]) {
    const e = lsp[key];
    if (!e) continue;
    table.row(`${label}: ${e.edits} edits p50 | max`, `${ms(e.p50Ms)} | ${ms(e.maxMs)} (${e.timeouts} timeouts, ${e.lastDiagnostics} diags)`);
    table.row(`${label}: edit p95`, ms(e.p95Ms), 'editP95', e.p95Ms);
  }
  const c = lsp.checkWorkspace ?? {};
  table.row('checkWorkspace: time | files | findings', c.error ? c.error : `${ms(c.ms)} | ${count(c.files)} | ${count(c.findings)}`);
  table.row('server RSS after check (peak)', `${mb(lsp.memoryAfterCheck?.rssMb)} (${mb(lsp.memoryAfterCheck?.hwmMb)})`, 'rss', lsp.memoryAfterCheck?.rssMb);
}

if (wanted('package')) {
  log('section 5: package size and activation');
  const vsix = packageVsix(repo, tmp);
  results.package = { vsix, dist: distSizes(repo), activation: activationCost(repo) };
} else if (wanted('package') === false && (args.only ?? SECTIONS).includes('package')) {
  results.package = { dist: distSizes(repo), activation: activationCost(repo) };
}
if (results.package) {
  const p = results.package;
  table.section('5. Package and activation');
  table.row('.vsix size', p.vsix?.ok ? `${(p.vsix.vsixBytes / 1024).toFixed(0)} KB (${p.vsix.vsixFiles} files)` : p.vsix ? `packaging failed: ${p.vsix.error}` : 'not packaged (--quick)');
  if (p.vsix?.ok) table.row('dist/*.js (production, in the .vsix)', Object.entries(p.vsix.productionDist).map(([f, b]) => `${f} ${(b / 1024).toFixed(0)} KB`).join(', '));
  table.row('dist/*.js (dev build)', Object.entries(p.dist.files ?? {}).map(([f, b]) => `${f} ${(b / 1024).toFixed(0)} KB`).join(', ') || 'no dist/');
  table.row('require(dist/client.js), vscode stubbed', ms(p.activation.requireClientMs));
  table.row('require(dist/server.js)', ms(p.activation.requireServerMs));
  table.row('bare node start (for scale)', ms(p.activation.bareNodeStartMs));
}

if (wanted('hostile')) {
  log('section 6: hostile inputs');
  const size = quick ? 0.1 : 1;
  const hostile = await runHostile({ core, repo, tmp, size });
  results.hostile = hostile;
  table.section(`6. Hostile inputs (scale ${size}), analyze() in-process`);
  for (const c of hostile.cases) {
    table.row(`${c.id} (${(c.bytes / 1e6).toFixed(2)} MB)`, `${ms(c.ms)} ${c.ok ? 'ok' : 'PROBLEM'} routes ${c.routes ?? '—'} findings ${c.findings ?? '—'}${c.errors ? ` errors ${c.errors}: ${c.firstError}` : ''}${c.threw ? ` threw ${c.threw}` : ''}`);
  }
  table.row('hostile workspace via CLI', `${ms(hostile.cli.wallMs)} exit ${hostile.cli.exit}, ${count(hostile.cli.filesReported)} files, peak ${mb(hostile.cli.peakRssMb)}`);
  for (const line of hostile.cli.stderr.slice(0, 6)) table.note(`cli stderr: ${line.slice(0, 150)}`);
  const d = hostile.deletion;
  table.row('deleted mid-walk / before read', `${ms(d.ms)}: listed ${d.listed}/${d.of}, analysed ${d.analyzed}, unreadable ${d.unreadable}`);
}

if (wanted('regex')) {
  log('section 6b: regex timing');
  const timing = await runRegexTiming({ core, repo, tmp });
  results.regex = timing;
  const rows = timing.rows;
  const slow = [...rows].sort((a, b) => (b.hung ? Infinity : b.ms50k ?? -1) - (a.hung ? Infinity : a.ms50k ?? -1)).slice(0, 5);
  table.section(`6b. Regexes of the core on 50k-char attack strings (${timing.count} regexes, worst of ${27} inputs each)`);
  table.row('hung (killed) / exponential shape', `${rows.filter((r) => r.hung).length} / ${rows.filter((r) => r.problems.some((p) => p !== 'adjacent-overlapping-loops')).length}`);
  table.row('polynomial shape (trading repetitions)', `${rows.filter((r) => r.problems.includes('adjacent-overlapping-loops')).length}`);
  for (const r of slow) table.row(`slowest: ${r.where}`, `${r.hung ? 'HUNG (killed)' : ms(r.ms50k)} (${r.hung ? 'over 20 s' : r.growth === undefined ? 'too fast to scale' : `x${r.growth.toFixed(0)} from 5k`}, run of '${JSON.stringify(r.unit ?? '').slice(1, -1)}') ${r.pattern.slice(0, 60)}`);
}

results.verdicts = table.verdicts();
results.machine.loadAverageAtEnd = machine().loadAverage;
table.note(`load average at the end: ${results.machine.loadAverageAtEnd.join(' ')} (wall times are inflated by other work; CPU times less so)`);
results.finishedAt = new Date().toISOString();
table.print();
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(join(repo, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2));
log(`wrote bench/results/latest.json`);
rmSync(tmp, { recursive: true, force: true });

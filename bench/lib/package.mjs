// What installing and activating the extension costs: the .vsix size (packaged in a scratch copy so the shared
// dist/ is not replaced by a production build), dist/ sizes, the time to require dist/client.js with a stubbed
// `vscode` module, and the time to load dist/server.js.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './proc.mjs';

function sizeOf(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/**
 * Packs with vsce in a copy of the repository (node_modules linked, not copied). With no `repository` in package.json
 * vsce refuses to package a README with relative links unless given base URLs; a reserved .invalid host stands in,
 * since only the size is wanted (the .vsix is deleted and nothing is fetched).
 */
export function packageVsix(repo, tmp) {
  const dir = join(tmp, 'package');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(repo)) {
    if (['node_modules', '.git', 'bench', 'out', '.vscode-test', '.e2e-cache', 'test-results'].includes(name) || name.endsWith('.vsix')) continue;
    cpSync(join(repo, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  const started = Date.now();
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: dir, encoding: 'utf8' });
  const vsce = join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
  const pack = build.status === 0
    ? spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--baseContentUrl', 'https://example.invalid/', '--baseImagesUrl', 'https://example.invalid/', '--skip-license', '-o', 'bench.vsix'], { cwd: dir, encoding: 'utf8', input: 'y\n', timeout: 180_000 })
    : build;
  const vsix = join(dir, 'bench.vsix');
  const result = { ms: Date.now() - started, ok: existsSync(vsix) };
  if (result.ok) {
    result.vsixBytes = statSync(vsix).size;
    const list = spawnSync('unzip', ['-l', vsix], { encoding: 'utf8' });
    result.vsixFiles = list.status === 0 ? Number(/(\d+) files/.exec(list.stdout)?.[1]) : undefined;
  } else result.error = `${pack.stdout ?? ''}${pack.stderr ?? ''}`.trim().split('\n').slice(-4).join(' ');
  result.productionDist = existsSync(join(dir, 'dist')) ? Object.fromEntries(readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.js')).map((f) => [f, statSync(join(dir, 'dist', f)).size])) : {};
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export function distSizes(repo) {
  const dist = join(repo, 'dist');
  if (!existsSync(dist)) return {};
  return { total: sizeOf(dist), files: Object.fromEntries(readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => [f, statSync(join(dist, f)).size])) };
}

// Runs in a fresh node: stubs `vscode`, times the require of the bundle, prints ms.
const REQUIRE_CLIENT = `
const Module = require('module');
const stub = new Proxy(function () {}, { get: (t, k) => (k === '__esModule' ? false : k === 'then' ? undefined : stub), apply: () => stub, construct: () => stub });
const load = Module._load;
Module._load = function (request, parent, isMain) { return request === 'vscode' ? stub : load.call(this, request, parent, isMain); };
const t = process.hrtime.bigint();
require(process.argv[1]);
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));
`;

// Loads the server bundle as the editor starts it (--stdio); stdin stays open, so the parent kills it after the print.
const REQUIRE_SERVER = `
process.argv.push('--stdio');
const t = process.hrtime.bigint();
require(process.argv[1]);
process.stderr.write('LOADED ' + String(Number(process.hrtime.bigint() - t) / 1e6) + '\\n');
setTimeout(() => process.exit(0), 50);
`;

export function activationCost(repo, runs = 5) {
  const client = join(repo, 'dist', 'client.js');
  const server = join(repo, 'dist', 'server.js');
  const out = {};
  if (existsSync(client)) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ['-e', REQUIRE_CLIENT, client], { encoding: 'utf8' });
      if (r.status === 0) times.push(Number(r.stdout));
      else out.clientError = r.stderr.split('\n').slice(0, 3).join(' ');
    }
    out.requireClientMs = median(times);
  }
  if (existsSync(server)) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ['-e', REQUIRE_SERVER, server], { encoding: 'utf8', input: '', timeout: 10_000 });
      const m = /LOADED ([\d.]+)/.exec(r.stderr);
      if (m) times.push(Number(m[1]));
      else out.serverError = r.stderr.split('\n').slice(0, 3).join(' ');
    }
    out.requireServerMs = median(times);
  }
  const bare = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  out.bareNodeStartMs = median(bare);
  return out;
}

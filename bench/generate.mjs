#!/usr/bin/env node
// Writes a realistic, seeded workspace for the benchmark: several services in different frameworks, the code around
// them, request files, and dependency/build noise a scan must skip. Same seed and size => byte-identical tree.
// Usage: node bench/generate.mjs [--lines 500000] [--seed 1] [--out bench/.workspace]
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './gen/random.mjs';
import { RESOURCES } from './gen/random.mjs';
import { expressService, fastifyService, honoService, koaService, nestService, nextService } from './gen/frameworks.mjs';
import { componentFile, httpFile, serviceFile, testFile, typesFile, utilFile } from './gen/noise.mjs';
import { skippedFiles } from './gen/skipped.mjs';

/** Bump when the generated content changes, so a cached workspace is rebuilt. */
export const GENERATOR_VERSION = 3;

const FRAMEWORKS = [
  ['express', (rng, res) => expressService(rng, res, rng.chance(0.6)), 3],
  ['fastify', (rng, res) => fastifyService(rng, res, rng.chance(0.7)), 2],
  ['koa', (rng, res) => koaService(rng, res), 1],
  ['hono', (rng, res) => honoService(rng, res), 1],
  ['nestjs', (rng, res) => nestService(rng, res), 2],
  ['nextjs', (rng, res) => nextService(rng, res), 2],
];

const NOISE = [
  [(rng) => serviceFile(rng, rng.chance(0.7)), 4],
  [(rng) => utilFile(rng, rng.chance(0.7)), 5],
  [(rng) => componentFile(rng), 4],
  [(rng) => testFile(rng, rng.chance(0.6)), 2],
  [(rng) => typesFile(rng), 2],
];

function weighted(rng, table, weightIndex) {
  const total = table.reduce((s, row) => s + row[weightIndex], 0);
  let roll = rng.next() * total;
  for (const row of table) {
    roll -= row[weightIndex];
    if (roll < 0) return row;
  }
  return table[table.length - 1];
}

const countLines = (text) => text.split('\n').length;

/** The files of the workspace as { path, text, role }; `role` is route | code | http | skipped. */
export function planWorkspace({ lines, seed }) {
  const rng = createRandom(seed);
  const files = [];
  const used = new Set();
  const add = (path, text, role) => {
    let unique = path;
    for (let i = 2; used.has(unique); i++) unique = path.replace(/(\.[a-z]+)$/, `-${i}$1`);
    used.add(unique);
    files.push({ path: unique, text, role });
    return countLines(text);
  };
  let total = 0;
  for (let service = 0; total < lines; service++) {
    const srng = rng.fork(`service-${service}`);
    const [framework, build] = weighted(srng, FRAMEWORKS, 2);
    const root = `packages/svc-${service}-${framework}`;
    const resources = srng.sample(RESOURCES, srng.int(3, 8));
    for (const f of build(srng, resources)) total += add(`${root}/${f.path}`, f.text, 'route');
    // Route code is about a fifth of a real service; the rest is the code around it.
    const noiseTarget = total + srng.int(2500, 6000);
    while (total < noiseTarget && total < lines) {
      const [make] = weighted(srng, NOISE, 1);
      const f = make(srng);
      total += add(`${root}/${f.dir}/${f.name}`, f.text, 'code');
    }
    for (let i = srng.int(1, 3); i > 0 && total < lines; i--) {
      const f = httpFile(srng);
      total += add(`${root}/${f.dir}/${f.name}`, f.text, 'http');
    }
  }
  const srng = rng.fork('skipped');
  for (const f of skippedFiles(srng, Math.round(lines / 10))) add(f.path, f.text, 'skipped');
  add('.gitignore', 'generated/\n*.log\n', 'skipped');
  return files;
}

export function summarize(files) {
  const byRole = {};
  for (const f of files) {
    const r = (byRole[f.role] ??= { files: 0, lines: 0, bytes: 0 });
    r.files++;
    r.lines += countLines(f.text);
    r.bytes += Buffer.byteLength(f.text);
  }
  const scanned = ['route', 'code', 'http'].reduce(
    (acc, role) => ({ files: acc.files + (byRole[role]?.files ?? 0), lines: acc.lines + (byRole[role]?.lines ?? 0), bytes: acc.bytes + (byRole[role]?.bytes ?? 0) }),
    { files: 0, lines: 0, bytes: 0 },
  );
  return { byRole, scanned };
}

/** Generates into `out/ws` unless `out/manifest.json` already describes the same workspace. Returns the manifest. */
export function ensureWorkspace({ lines, seed, out }) {
  const manifestPath = join(out, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.lines === lines && manifest.seed === seed && manifest.version === GENERATOR_VERSION) return manifest;
  }
  const ws = join(out, 'ws');
  rmSync(ws, { recursive: true, force: true });
  const files = planWorkspace({ lines, seed });
  const dirs = new Set();
  for (const f of files) {
    const dir = dirname(join(ws, f.path));
    if (!dirs.has(dir)) mkdirSync(dir, { recursive: true });
    dirs.add(dir);
    writeFileSync(join(ws, f.path), f.text);
  }
  const manifest = { version: GENERATOR_VERSION, lines, seed, root: ws, ...summarize(files) };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

export function parseArgs(argv) {
  const args = { lines: 500_000, seed: 1, out: resolve(dirname(fileURLToPath(import.meta.url)), '.workspace') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--lines') args.lines = Number(value());
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--out') args.out = resolve(value());
    else if (flag === '--quick') args.quick = true;
    else if (flag === '--skip') args.skip = value().split(',');
    else if (flag === '--only') args.only = value().split(',');
  }
  if (args.quick && !argv.some((a) => a.startsWith('--lines'))) args.lines = 30_000;
  if (!Number.isFinite(args.lines) || args.lines <= 0 || !Number.isInteger(args.seed)) throw new Error('--lines must be a positive number and --seed an integer');
  return args;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const manifest = ensureWorkspace(args);
  console.log(`workspace ${manifest.root}: ${manifest.scanned.files} files, ${manifest.scanned.lines} lines to scan ` +
    `(+${manifest.byRole.skipped?.files ?? 0} files that must be skipped) in ${Date.now() - started} ms`);
}

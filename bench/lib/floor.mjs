#!/usr/bin/env node
// The parse floor and its neighbours, as a child process so its RSS and wall time are its own:
//   node bench/lib/floor.mjs <mode> <root>      mode = read | parse
// `read` walks and reads every source file (the cheapest possible scan); `parse` also keeps the files that carry a
// route marker and parses them with TypeScript's createSourceFile (what an AST-based route scan cannot go below).
// Prints one JSON line: { files, bytes, lines, routeFiles, parsedNodes, ms }.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.vscode-test']);
const SOURCE = /\.(?:[cm]?[jt]sx?|http|rest)$/;
// The route markers of the JS extractor's prefilter (server/src/analysis/extractors/js/prefilter.ts), mirrored so the
// floor parses the same files ours does.
const FRAMEWORKS = /express|fastify|koa|hono|@nestjs/i;
const OTHER_MARKERS = /Router|\.method\b|setGlobalPrefix/;
const METHOD_CALL = /\.(?:get|post|put|patch|delete|del|all|head|options|route|use|register)\s*\(\s*['"`[]/;
const NEXT_ROUTE = /[\\/](?:app[\\/].*[\\/]route|pages[\\/]api[\\/].*)\.[cm]?[jt]sx?$/;
const hasRouteMarker = (file, text) => !text.includes('\u0000') && (NEXT_ROUTE.test(file) || FRAMEWORKS.test(text) || OTHER_MARKERS.test(text) || METHOD_CALL.test(text));

function rootIgnores(root) {
  try {
    return new Set(readFileSync(join(root, '.gitignore'), 'utf8').split('\n').map((l) => l.trim().replace(/\/$/, '')).filter((l) => l && !l.includes('*')));
  } catch {
    return new Set();
  }
}

function* walk(dir, ignored) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !ignored.has(e.name)) yield* walk(join(dir, e.name), ignored);
    } else if (e.isFile() && SOURCE.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.includes('.min.')) yield join(dir, e.name);
  }
}

const [mode, root] = process.argv.slice(2);
const started = performance.now();
const ts = mode === 'parse' ? createRequire(join(process.cwd(), 'package.json'))('typescript') : undefined;
let files = 0, bytes = 0, lines = 0, routeFiles = 0, parsedNodes = 0;
for (const file of walk(root, rootIgnores(root))) {
  const text = readFileSync(file, 'utf8');
  files++;
  bytes += text.length;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (!ts || /\.(?:http|rest)$/.test(file) || !hasRouteMarker(file, text)) continue;
  // Same skip as the workspace walk: a first line over 1,000 characters means a bundle.
  const firstBreak = text.indexOf('\n');
  if ((firstBreak < 0 ? text.length : firstBreak) >= 1000) continue;
  routeFiles++;
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  // No parent pointers: the floor is the cheapest parse TypeScript offers.
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  parsedNodes += sf.statements.length;
}
process.stdout.write(JSON.stringify({ files, bytes, lines, routeFiles, parsedNodes, ms: performance.now() - started }) + '\n');

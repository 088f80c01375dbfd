// The language server as an editor sees it: cold start to the first diagnostics of an opened file, then scripted
// edits to a 3,000-line route file with the time from each didChange to the publishDiagnostics for that version,
// then the server's memory after a full workspace check (httpMethodLint/checkWorkspace).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRandom, RESOURCES } from '../gen/random.mjs';
import { handlerBody, moduleHelpers, operationsFor } from '../gen/handlers.mjs';
import { httpFile } from '../gen/noise.mjs';
import { LspClient } from './lsp-client.mjs';
import { median, percentile, procMemory } from './proc.mjs';

/** One Express router file of about `lines` lines, every resource of the vocabulary in turn. */
export function bigRouteFile(lines, seed) {
  const rng = createRandom(seed);
  const out = ["import { Router, type Request, type Response } from 'express';", "import { randomUUID } from 'node:crypto';", "import { db, audit, pick, escapeRegExp, ValidationError, workflows } from '../lib';", '', 'export const router = Router();', ''];
  for (let i = 0; out.length < lines; i++) {
    const api = operationsFor(rng, RESOURCES[i % RESOURCES.length]);
    api.plural = `${api.plural}${i >= RESOURCES.length ? i : ''}`;
    out.push(`const ${api.singular}Workflow${i} = workflows.for('${api.singular}');`);
    for (const op of api.ops) {
      out.push(`router.${op.method.toLowerCase()}('/${api.plural}${op.path}', async (req: Request, res: Response) => {`, ...handlerBody(rng, 'express', api, op).map((l) => l.replace(/Workflow\./g, `Workflow${i}.`)), '});', '');
    }
    if (i % 3 === 0) out.push(...moduleHelpers(rng, api, true).map((l) => l.replace(/function (\w+)\(/, `function $1${i}(`)));
  }
  return out.slice(0, lines).join('\n') + '\n';
}

export function bigRequestFile(lines, seed) {
  const rng = createRandom(seed);
  const parts = [];
  let count = 0;
  while (count < lines) {
    const f = httpFile(rng).text;
    parts.push(f);
    count += f.split('\n').length;
  }
  return parts.join('\n') + '\n';
}

/** The n-th scripted edit: flip a method, add or remove a comment line, type and delete a character. */
function scriptedEdit(text, n, rng) {
  const lines = text.split('\n');
  const kind = n % 4;
  const methodLines = lines.map((l, i) => (/^(router\.(put|post)\(|(PUT|POST) )/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (kind === 0 && methodLines.length > 0) {
    const line = methodLines[rng.int(0, methodLines.length - 1)];
    const m = /^(router\.)?(put|post|PUT|POST)/.exec(lines[line]);
    const start = (m[1] ?? '').length;
    const replacement = { put: 'post', post: 'put', PUT: 'POST', POST: 'PUT' }[m[2]];
    return { line, character: start, deleteCount: m[2].length, insert: replacement };
  }
  if (kind === 1) return { line: rng.int(0, lines.length - 1), character: 0, deleteCount: 0, insert: `// edit ${n}\n` };
  if (kind === 2) {
    const line = rng.int(0, lines.length - 2);
    return { line, character: lines[line].length, deleteCount: 0, insert: ' ' };
  }
  // Remove a comment line an earlier edit added, or type into a string when there is none.
  const added = lines.findIndex((l) => l.startsWith('// edit '));
  if (added >= 0) return { line: added, character: 0, deleteCount: lines[added].length + 1, insert: '' };
  return { line: 0, character: 0, deleteCount: 0, insert: ' ' };
}

function applyEdit(text, edit) {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < edit.line; i++) offset += lines[i].length + 1;
  offset += edit.character;
  const removed = text.slice(offset, offset + edit.deleteCount);
  const endLines = removed.split('\n');
  const end = endLines.length === 1
    ? { line: edit.line, character: edit.character + removed.length }
    : { line: edit.line + endLines.length - 1, character: endLines[endLines.length - 1].length };
  return { text: text.slice(0, offset) + edit.insert + text.slice(offset + edit.deleteCount), range: { start: { line: edit.line, character: edit.character }, end } };
}

async function editSession(client, uri, languageId, text, edits, seed) {
  const rng = createRandom(seed);
  let version = 1;
  const opened = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version >= 1), 30_000);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  const first = await opened;
  const latencies = [];
  let timeouts = 0;
  let diagnostics = first.params.diagnostics.length;
  for (let n = 0; n < edits; n++) {
    const edit = scriptedEdit(text, n, rng);
    const applied = applyEdit(text, edit);
    text = applied.text;
    version++;
    const v = version;
    const published = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version >= v), 5000);
    const sent = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: applied.range, text: edit.insert }] });
    try {
      const { at, params } = await published;
      latencies.push(at - sent);
      diagnostics = params.diagnostics.length;
    } catch {
      timeouts++;
    }
  }
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return {
    edits, timeouts, lastDiagnostics: diagnostics, firstDiagnostics: first.params.diagnostics.length,
    p50Ms: median(latencies), p95Ms: percentile(latencies, 95), maxMs: Math.max(...latencies),
  };
}

/** Spawn to the first diagnostics of an opened file, in a fresh server each time. */
async function coldStart(server, repo, root, coldFile) {
  const client = new LspClient(process.execPath, [server, '--stdio'], { cwd: repo, settings: { httpMethodLint: {} } });
  try {
    const rootUri = pathToFileURL(root).href;
    client.folders = [{ uri: rootUri, name: 'bench' }];
    const init = await client.request('initialize', { processId: process.pid, rootUri, workspaceFolders: client.folders, capabilities: CAPABILITIES }, 30_000);
    client.notify('initialized', {});
    const uri = pathToFileURL(coldFile.path).href;
    const published = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 30_000);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: coldFile.languageId, version: 1, text: coldFile.text } });
    const first = await published;
    return { initializeMs: init.at - client.spawnedAt, ms: first.at - client.spawnedAt, diagnostics: first.params.diagnostics.length };
  } finally {
    await client.stop();
  }
}

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true }, synchronization: { didSave: true } },
  window: { workDoneProgress: true },
};

export async function runLsp({ repo, root, tmp, edits, seed, coldFiles, coldRuns = 3 }) {
  const server = join(repo, 'dist', 'server.js');
  if (!existsSync(server)) return { error: 'dist/server.js missing' };
  mkdirSync(join(tmp, 'lsp'), { recursive: true });
  const routeFile = join(tmp, 'lsp', 'big-routes.ts');
  const requestFile = join(tmp, 'lsp', 'big-requests.http');
  writeFileSync(routeFile, bigRouteFile(3000, seed));
  writeFileSync(requestFile, bigRequestFile(3000, seed));

  const result = {};
  result.coldStarts = [];
  for (const coldFile of coldFiles) {
    const colds = [];
    for (let i = 0; i < coldRuns; i++) colds.push(await coldStart(server, repo, root, coldFile).catch((e) => ({ error: e.message })));
    const good = colds.filter((c) => !c.error);
    result.coldStarts.push({ file: coldFile.rel, runs: colds, ms: median(good.map((c) => c.ms)), initializeMs: median(good.map((c) => c.initializeMs)), diagnostics: good[0]?.diagnostics });
  }

  const client = new LspClient(process.execPath, [server, '--stdio'], { cwd: repo, settings: { httpMethodLint: {} } });
  try {
    const rootUri = pathToFileURL(root).href;
    client.folders = [{ uri: rootUri, name: 'bench' }];
    const init = await client.request('initialize', { processId: process.pid, rootUri, workspaceFolders: client.folders, capabilities: CAPABILITIES }, 30_000);
    result.initializeMs = init.at - client.spawnedAt;
    client.notify('initialized', {});

    result.editsTs = await editSession(client, pathToFileURL(routeFile).href, 'typescript', bigRouteFile(3000, seed), edits, seed);
    result.editsHttp = await editSession(client, pathToFileURL(requestFile).href, 'http', bigRequestFile(3000, seed), edits, seed + 1);
    result.memoryBeforeCheck = procMemory(client.pid);

    const started = performance.now();
    try {
      const check = await client.request('httpMethodLint/checkWorkspace', {}, 600_000);
      result.checkWorkspace = { ms: check.at - started, ...check.result };
    } catch (e) {
      result.checkWorkspace = { error: e.message };
    }
    result.memoryAfterCheck = procMemory(client.pid);
  } catch (e) {
    result.error = `${e.message}; server stderr: ${client.stderr.slice(-500)}`;
  } finally {
    await client.stop();
  }
  return result;
}

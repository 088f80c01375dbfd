/**
 * Workspace-level route extraction: facts for every code file, linked together, so a router's routes get the
 * prefixes of the files that mount it. The CLI and the server's workspace check call extractWorkspaceRoutes; the
 * single-file extractor uses routesForFile, which links with as much of the workspace as its view offers.
 */
import type { Route } from '../../model';
import { isCodeLanguage, languageOfPath } from '../../languages';
import type { WorkspaceView } from '../extractor';
import type { EffectCollector } from './effects-adapter';
import type { JsFileFacts } from './facts';
import { extractFileFacts } from './file-facts';
import type { FileReader } from './handlers';
import { linkRoutes } from './link';
import { dirname, toSlashes } from './modules';

export interface WorkspaceFile {
  readonly path: string;
  readonly text: string;
}

export interface WorkspaceRouteOptions {
  readonly collectEffects?: EffectCollector;
}

export function isCodePath(path: string): boolean {
  const lang = languageOfPath(path);
  return lang !== undefined && isCodeLanguage(lang);
}

/** Every route of the given files, keyed by file path (files without routes are absent). */
export function extractWorkspaceRoutes(files: readonly WorkspaceFile[], options: WorkspaceRouteOptions = {}): Map<string, Route[]> {
  const byPath = new Map<string, string>();
  for (const f of files) byPath.set(toSlashes(f.path), f.text);
  const reader: FileReader = { readText: (p) => byPath.get(toSlashes(p)) };
  const facts = files.filter((f) => isCodePath(f.path)).map((f) => extractFileFacts(f, { reader, ...options }));
  return linkRoutes(facts);
}

interface CacheEntry {
  readonly text: string;
  readonly facts: JsFileFacts;
  readonly deps: ReadonlyMap<string, string | undefined>;
}

const MAX_CACHE = 4000;
/** Facts (plain data, never ASTs) of other files, reused while their text and the files they read are unchanged. */
const factsCache = new Map<string, CacheEntry>();

function cachedFacts(path: string, text: string, reader: FileReader, options: WorkspaceRouteOptions): JsFileFacts {
  const hit = factsCache.get(path);
  if (hit && hit.text === text && [...hit.deps].every(([p, t]) => reader.readText(p) === t)) return hit.facts;
  const facts = extractFileFacts({ path, text }, { reader, ...options });
  factsCache.delete(path);
  if (factsCache.size >= MAX_CACHE) factsCache.delete(factsCache.keys().next().value as string);
  factsCache.set(path, { text, facts, deps: new Map(facts.dependsOn.map((p) => [p, reader.readText(p)])) });
  return facts;
}

/**
 * The routes of one file. With `workspace.listFiles`, the whole workspace is linked (mount prefixes from any
 * file); with only `readText`, the file is linked alone plus the NestJS bootstrap files above it (global prefix);
 * with no workspace, the file's own prefixes only.
 */
export function routesForFile(file: WorkspaceFile, workspace: WorkspaceView | undefined, options: WorkspaceRouteOptions = {}): Route[] {
  const self = toSlashes(file.path);
  const reader: FileReader | undefined = workspace
    ? { readText: (p) => (toSlashes(p) === self ? file.text : workspace.readText(p)) }
    : undefined;
  const own = extractFileFacts(file, { ...(reader ? { reader } : {}), ...options });
  if (own.routes.length === 0) return [];
  const all: JsFileFacts[] = [own];
  if (workspace && reader) {
    const others = workspace.listFiles ? workspace.listFiles() : nestBootstrapCandidates(self, own);
    for (const p of others) {
      if (toSlashes(p) === self || !isCodePath(p)) continue;
      const text = workspace.readText(p);
      if (text !== undefined) all.push(cachedFacts(toSlashes(p), text, reader, options));
    }
  }
  return linkRoutes(all, { only: new Set([file.path]) }).get(file.path) ?? [];
}

/** `main.ts` / `src/main.ts` in the folders above a NestJS controller, where setGlobalPrefix usually is. */
function nestBootstrapCandidates(path: string, facts: JsFileFacts): string[] {
  if (!facts.routes.some((r) => r.framework === 'nestjs')) return [];
  const out: string[] = [];
  for (let dir = dirname(path), i = 0; i < 8; dir = dirname(dir), i++) {
    for (const name of ['main.ts', 'main.js', 'src/main.ts', 'src/main.js']) out.push(`${dir}/${name}`);
    if (!dir.includes('/')) break;
  }
  return out;
}

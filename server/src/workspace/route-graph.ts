/**
 * Which files' routes depend on which, read from per-file route facts: a file that mounts, registers or re-exports
 * another file's router decides (part of) that file's full paths; a file whose handlers another file imports decides
 * that file's effects; a NestJS bootstrap file's global prefix reaches every controller. The index uses this to know
 * what a change invalidates, so the server re-validates exactly those files.
 */
import type { JsFileFacts } from '../analysis/extractors/js';
import { candidatePaths, resolveModule } from '../analysis/extractors/js/modules';

export type FactsLookup = (path: string) => JsFileFacts | undefined;

/** Specifiers through which a file hands a router (or a re-exported one) to another file. */
function linkSpecifiers(facts: JsFileFacts): string[] {
  const out: string[] = [];
  for (const m of facts.mounts) if (m.target.kind === 'import') out.push(m.target.specifier);
  for (const r of facts.reexports) out.push(r.specifier);
  for (const e of facts.exports) if (e.from) out.push(e.from.specifier);
  return out;
}

/** Files whose routers this file mounts or re-exports, resolved against the files that exist. */
export function referencedFiles(facts: JsFileFacts, exists: (path: string) => boolean): string[] {
  const out = new Set<string>();
  for (const spec of linkSpecifiers(facts)) {
    const target = resolveModule(facts.path, spec, exists);
    if (target !== undefined && target !== facts.path) out.add(target);
  }
  return [...out];
}

/** Every path one of the file's specifiers could name: creating or deleting such a path changes what it resolves to. */
export function referenceCandidates(facts: JsFileFacts): Set<string> {
  const out = new Set<string>();
  for (const spec of linkSpecifiers(facts)) for (const c of candidatePaths(facts.path, spec)) out.add(c);
  return out;
}

/**
 * Files below `starts` in the mount graph: every file whose full paths include a prefix decided at or through them.
 * `extraRefs` adds references of the starting files that no longer exist in the lookup (a file's facts before a change).
 */
export function downstream(
  starts: readonly JsFileFacts[], lookup: FactsLookup, exists: (path: string) => boolean,
): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const s of starts) for (const p of referencedFiles(s, exists)) queue.push(p);
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const facts = lookup(p);
    if (facts) for (const next of referencedFiles(facts, exists)) if (!seen.has(next)) queue.push(next);
  }
  return seen;
}

/**
 * Everything of a file's facts that can change another file's routes (routers, mounts, exports, global prefixes),
 * without positions: typing inside a handler moves spans but leaves this unchanged, so dependents need no refresh.
 */
export function linkShape(facts: JsFileFacts | undefined): string {
  if (!facts) return '';
  const { routers, mounts, exports, reexports, globalPrefixes } = facts;
  return JSON.stringify({ routers, mounts, exports, reexports, globalPrefixes }, (key, value: unknown) => (key === 'span' ? undefined : value));
}

export function hasNestRoutes(facts: JsFileFacts): boolean {
  return facts.routers.some((r) => r.framework === 'nestjs') || facts.routes.some((r) => r.framework === 'nestjs');
}

/**
 * Phase 2: facts of many files in, full routes out. Builds the router graph (mounts, registers, route-module
 * calls, across files through imports and re-exports), keeps the routers whose origin is known or that something
 * known passes a router into, and walks from the outermost ones down, collecting prefixes as MountSteps.
 */
import type { Framework, MountStep, PathSegment, Route } from '../../model';
import type { ExportFact, JsFileFacts, PrefixFact, RouteFact, RouterFact } from './facts';
import { dirname, resolveModule, toSlashes } from './modules';
import { type DisplayPart, displayOf, parseRoutePath } from './path-template';

const MAX_DEPTH = 16;
const MAX_EXPORT_HOPS = 6;
/** A router mounted at many places yields one route per chain, up to this many. */
const MAX_CHAINS = 8;

interface Node {
  readonly key: string;
  readonly facts: JsFileFacts;
  readonly router: RouterFact;
  readonly routes: RouteFact[];
}

interface Edge {
  readonly child: string;
  readonly prefix?: PrefixFact;
  readonly filePath: string;
}

/** A prefix segment and the file it is written in (its span is only meaningful there). */
interface ChainPart extends DisplayPart {
  readonly file?: string;
}

interface Chain {
  readonly steps: readonly MountStep[];
  readonly parts: readonly ChainPart[];
  readonly resolved: boolean;
  readonly framework?: Framework;
  readonly visited: ReadonlySet<string>;
}

export interface LinkOptions {
  /** Only build routes defined in these files (the graph still spans every file). */
  readonly only?: ReadonlySet<string>;
}

export function linkRoutes(all: readonly JsFileFacts[], options: LinkOptions = {}): Map<string, Route[]> {
  const files = new Map<string, JsFileFacts>();
  for (const f of all) files.set(toSlashes(f.path), f);
  const exists = (p: string) => files.has(p);
  const nodes = new Map<string, Node>();
  for (const f of all) {
    for (const r of f.routers) nodes.set(nodeKey(f.path, r.id), { key: nodeKey(f.path, r.id), facts: f, router: r, routes: [] });
  }
  const out = new Map<string, Route[]>();
  const emit = (route: Route | undefined) => {
    if (!route) return;
    const list = out.get(route.filePath) ?? [];
    list.push(route);
    out.set(route.filePath, list);
  };
  for (const f of all) {
    for (const r of f.routes) {
      if (r.routerId === undefined) {
        if (!options.only || options.only.has(f.path)) emit(buildRoute(f.path, r, { steps: [], parts: [], resolved: true, visited: new Set() }, r.framework));
      } else nodes.get(nodeKey(f.path, r.routerId))?.routes.push(r);
    }
  }

  const edges = new Map<string, Edge[]>();
  for (const f of all) {
    for (const m of f.mounts) {
      const parent = nodeKey(f.path, m.parentId);
      if (!nodes.has(parent)) continue;
      const target = resolveTarget(f, m.target, files, exists);
      if (!target || !nodes.has(target.key)) continue;
      const list = edges.get(parent) ?? [];
      list.push({ child: target.key, ...(m.prefix && !target.ignorePrefix ? { prefix: m.prefix } : {}), filePath: f.path });
      edges.set(parent, list);
    }
  }

  const live = liveNodes(nodes, edges);
  const hasLiveParent = new Set<string>();
  for (const [parent, list] of edges) if (live.has(parent)) for (const e of list) if (e.child !== parent) hasLiveParent.add(e.child);
  const globals = globalPrefixes(all);
  const chainsSeen = new Map<string, number>();

  const walk = (key: string, chain: Chain, depth: number): void => {
    const node = nodes.get(key);
    if (!node || depth > MAX_DEPTH || chain.visited.has(key)) return;
    const seen = chainsSeen.get(key) ?? 0;
    if (seen >= MAX_CHAINS) return;
    chainsSeen.set(key, seen + 1);
    const framework = node.router.framework ?? chain.framework;
    let here: Chain = { ...chain, visited: new Set([...chain.visited, key]), ...(framework ? { framework } : {}) };
    if (node.router.ownPrefix) here = withPrefix(here, node.router.ownPrefix, node.facts.path);
    if (!options.only || options.only.has(node.facts.path)) {
      for (const r of node.routes) emit(buildRoute(node.facts.path, r, here, r.framework ?? framework));
    }
    for (const e of edges.get(key) ?? []) walk(e.child, e.prefix ? withPrefix(here, e.prefix, e.filePath) : here, depth + 1);
  };

  const walkRoot = (key: string): void => {
    const node = nodes.get(key)!;
    let root: Chain = { steps: [], parts: [], resolved: true, visited: new Set() };
    if (node.router.framework === 'nestjs') {
      const g = globalPrefixFor(node.facts.path, globals);
      if (g) root = withPrefix(root, g.prefix, g.filePath);
    }
    walk(key, root, 0);
  };
  for (const key of live) if (!hasLiveParent.has(key)) walkRoot(key);
  // Routers mounted only inside a cycle have no outermost router: read them from themselves.
  for (const key of live) if (!chainsSeen.has(key)) walkRoot(key);
  // Keyed in the order the files were given, so output does not depend on graph order.
  const ordered = new Map<string, Route[]>();
  for (const f of all) {
    const routes = out.get(f.path);
    if (routes && !ordered.has(f.path)) ordered.set(f.path, dedupe(routes));
  }
  return ordered;
}

function nodeKey(path: string, id: string): string {
  return `${toSlashes(path)}#${id}`;
}

/** Routers known from their own file, and every router something live passes a router into. */
function liveNodes(nodes: ReadonlyMap<string, Node>, edges: ReadonlyMap<string, readonly Edge[]>): Set<string> {
  const live = new Set<string>();
  const queue: string[] = [];
  for (const [key, n] of nodes) if (n.router.confirmed) { live.add(key); queue.push(key); }
  while (queue.length) {
    const key = queue.pop()!;
    for (const e of edges.get(key) ?? []) if (!live.has(e.child)) { live.add(e.child); queue.push(e.child); }
  }
  return live;
}

function withPrefix(chain: Chain, prefix: PrefixFact, filePath: string): Chain {
  const step: MountStep = { prefix: prefix.text, resolved: prefix.resolved, filePath, span: prefix.span };
  const parts: ChainPart[] = !prefix.resolved
    ? [{ segment: { kind: 'mixed', raw: prefix.text }, unresolved: true }]
    : prefix.verbatim
      ? parseRoutePath(prefix.text, { base: prefix.span.start }).map((segment) => ({ segment, file: filePath }))
      : parseRoutePath(prefix.text).map((segment) => ({ segment }));
  return {
    ...chain,
    steps: [...chain.steps, step],
    parts: [...chain.parts, ...parts],
    resolved: chain.resolved && prefix.resolved,
  };
}

function buildRoute(filePath: string, r: RouteFact, chain: Chain, framework: Framework | undefined): Route | undefined {
  if (!framework) return undefined;
  // Prefix segments keep their spans only when they are written in the route's own file.
  const prefix: DisplayPart[] = chain.parts.map(({ segment, unresolved, file }) => ({
    segment: file === filePath ? segment : withoutSpan(segment),
    ...(unresolved ? { unresolved } : {}),
  }));
  const parts: DisplayPart[] = [...prefix, ...r.segments.map((segment) => ({ segment }))];
  return {
    method: r.method,
    methodSpan: r.methodSpan,
    methodText: r.methodText,
    path: {
      display: displayOf(parts),
      segments: parts.map((p) => p.segment),
      prefixResolved: chain.resolved,
      mountChain: chain.steps,
    },
    ...(r.pathSpan ? { pathSpan: r.pathSpan } : {}),
    framework,
    filePath,
    effects: r.effects,
    ...(r.methodChange ? { methodChange: r.methodChange } : {}),
    span: r.span,
  };
}

function withoutSpan(segment: PathSegment): PathSegment {
  if (!segment.span) return segment;
  const { span: _span, ...rest } = segment;
  return rest;
}

function dedupe(routes: Route[]): Route[] {
  const seen = new Set<string>();
  return routes
    .sort((a, b) => a.span.start - b.span.start || a.methodSpan.start - b.methodSpan.start || a.path.display.localeCompare(b.path.display))
    .filter((r) => {
      const key = `${r.methodSpan.start}:${r.method}:${r.pathSpan?.start ?? ''}:${r.path.display}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function resolveTarget(from: JsFileFacts, target: JsFileFacts['mounts'][number]['target'], files: ReadonlyMap<string, JsFileFacts>,
  exists: (p: string) => boolean): { key: string; ignorePrefix: boolean } | undefined {
  if (target.kind === 'router') return { key: nodeKey(from.path, target.routerId), ignorePrefix: target.ignorePrefix ?? false };
  const found = findExportFact(from.path, target.specifier, target.exportName, files, exists, 0);
  if (!found) return undefined;
  const { fact, facts } = found;
  const id = target.use === 'value' ? fact.routerId : target.use === 'call' ? fact.returns : fact.params?.[target.paramIndex ?? 0];
  if (!id) return undefined;
  return { key: nodeKey(facts.path, id), ignorePrefix: (target.ignorePrefix ?? false) || (fact.ignorePrefix ?? false) };
}

function findExportFact(fromPath: string, specifier: string, name: string, files: ReadonlyMap<string, JsFileFacts>,
  exists: (p: string) => boolean, hops: number): { fact: ExportFact; facts: JsFileFacts } | undefined {
  if (hops > MAX_EXPORT_HOPS) return undefined;
  const path = resolveModule(toSlashes(fromPath), specifier, exists);
  const facts = path === undefined ? undefined : files.get(path);
  if (!facts) return undefined;
  const fact = facts.exports.find((e) => e.name === name);
  if (fact?.from) {
    const next = findExportFact(facts.path, fact.from.specifier, fact.from.exportName, files, exists, hops + 1);
    return next && fact.ignorePrefix ? { ...next, fact: { ...next.fact, ignorePrefix: true } } : next;
  }
  if (fact) return { fact, facts };
  for (const re of facts.reexports) {
    if (re.name !== name && re.name !== '*') continue;
    const found = findExportFact(facts.path, re.specifier, re.name === '*' ? name : re.importName, files, exists, hops + 1);
    if (found) return found;
  }
  return undefined;
}

interface GlobalPrefix {
  readonly prefix: PrefixFact;
  readonly filePath: string;
  /** The project folder the bootstrap file belongs to (its folder, or the parent of `src`). */
  readonly root: string;
}

function globalPrefixes(all: readonly JsFileFacts[]): GlobalPrefix[] {
  const out: GlobalPrefix[] = [];
  for (const f of all) {
    if (!f.globalPrefixes.length) continue;
    const dir = dirname(f.path);
    const root = dir.endsWith('/src') ? dir.slice(0, -4) : dir;
    out.push({ prefix: f.globalPrefixes[0], filePath: f.path, root });
  }
  return out;
}

/** The global prefix of the nearest enclosing project. */
function globalPrefixFor(path: string, globals: readonly GlobalPrefix[]): GlobalPrefix | undefined {
  const p = toSlashes(path);
  let best: GlobalPrefix | undefined;
  for (const g of globals) {
    const inside = g.root === '' || p.startsWith(`${g.root}/`);
    if (inside && (!best || g.root.length > best.root.length)) best = g;
  }
  return best;
}

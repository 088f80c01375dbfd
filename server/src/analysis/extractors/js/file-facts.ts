/**
 * Phase 1: one file's text in, its route facts out (plain data). Never throws; a file that does not parse well
 * yields whatever could be read from the tree TypeScript recovered.
 */
import ts = require('typescript');
import { defaultEffectCollector, type EffectCollector } from './effects-adapter';
import { collectExports } from './exports';
import { FACTS_VERSION, type JsFileFacts } from './facts';
import { FileScan } from './file-scan';
import { expressSpec } from './frameworks/express';
import { handleRouterCall } from './frameworks';
import { scanNest } from './frameworks/nestjs';
import { scanNextApp } from './frameworks/nextjs-app';
import { scanNextPages } from './frameworks/nextjs-pages';
import type { PendingEffects } from './effect-reuse';
import { type FileReader, HandlerResolver, parseSource } from './handlers';
import { forgetIncremental, parseIncremental } from './incremental';
import { Origins } from './origins';
import { addPathRoutes, handlerOf, methodOf, routeSpan } from './route-calls';
import { mayHaveRoutes } from './prefilter';
import { unwrap } from './values';

export interface FactsOptions {
  /** Reads other files of the workspace, for handlers imported from them. */
  readonly reader?: FileReader;
  readonly collectEffects?: EffectCollector;
  /**
   * For documents open in an editor: re-parse from the path's previous call (see incremental.ts) and reuse the
   * effects of unchanged inline handlers. Call forgetIncremental(path) when the document closes.
   */
  readonly incremental?: boolean;
}

/** Files beyond this size are generated or bundled code, not route definitions. */
const MAX_TEXT = 2_000_000;

export function emptyFacts(path: string): JsFileFacts {
  return { version: FACTS_VERSION, path, routers: [], routes: [], mounts: [], exports: [], reexports: [], globalPrefixes: [], dependsOn: [] };
}

export function extractFileFacts(file: { readonly path: string; readonly text: string }, options: FactsOptions = {}): JsFileFacts {
  if (file.text.length > MAX_TEXT || !mayHaveRoutes(file.path, file.text)) return emptyFacts(file.path);
  try {
    return scanFile(file.path, file.text, options);
  } catch {
    // The kept tree may be what failed: the next call starts from a fresh parse.
    if (options.incremental) forgetIncremental(file.path);
    return emptyFacts(file.path);
  }
}

function scanFile(path: string, text: string, options: FactsOptions): JsFileFacts {
  const kept = options.incremental ? parseIncremental(path, text) : undefined;
  const sf = kept?.sf ?? parseSource(path, text);
  const handlers = new HandlerResolver(options.reader, options.collectEffects ?? defaultEffectCollector);
  // An injected collector may not be a pure function of the text: its results are never reused.
  const deferred: PendingEffects[] | undefined = kept && !options.collectEffects ? [] : undefined;
  const scan = new FileScan(sf, path, handlers, deferred);
  const origins = new Origins(scan);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) readCall(scan, origins, node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  scanNest(scan);
  scanNextApp(scan);
  scanNextPages(scan);
  collectExports(scan, origins);
  if (kept && deferred) kept.memo.fill(sf, deferred, (handler, watch) => handlers.effects(handler, scan, watch));
  const used = new Set<string>([
    ...scan.routes.map((r) => r.routerId ?? ''),
    ...scan.mounts.flatMap((m) => [m.parentId, m.target.kind === 'router' ? m.target.routerId : '']),
    ...scan.exports.flatMap((e) => [e.routerId ?? '', e.returns ?? '', ...(e.params ?? []).map((p) => p ?? '')]),
  ]);
  // Parameters looked at while deciding origins but never used as routers are noise.
  const routers = [...scan.routers.values()].filter((r) => r.kind !== 'param' || used.has(r.id));
  return {
    version: FACTS_VERSION,
    path,
    routers,
    routes: scan.routes.sort((a, b) => a.span.start - b.span.start || a.methodSpan.start - b.methodSpan.start),
    mounts: scan.mounts,
    exports: scan.exports,
    reexports: scan.reexports,
    globalPrefixes: scan.globalPrefixes,
    dependsOn: [...handlers.dependsOn],
  };
}

function readCall(scan: FileScan, origins: Origins, call: ts.CallExpression): void {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name)) {
    const receiver = origins.of(callee.expression);
    if (receiver?.kind === 'router') {
      if (scan.mountOnly.has(receiver.id) && callee.name.text !== 'use') return;
      const framework = receiver.framework ?? scan.routers.get(receiver.id)?.framework;
      handleRouterCall({ scan, origins, call, name: callee.name, routerId: receiver.id, ...(framework ? { framework } : {}) });
      return;
    }
    if (receiver?.kind === 'route-holder') {
      const name = callee.name;
      if (!expressSpec.methods.has(name.text) || call.arguments.length === 0) return;
      const ctx = { scan, origins, call, name, routerId: receiver.routerId, ...(receiver.framework ? { framework: receiver.framework } : {}) };
      addPathRoutes(ctx, receiver.path, {
        method: methodOf(name.text),
        methodText: name.text,
        methodSpan: scan.span(name),
        handler: handlerOf(call.arguments[call.arguments.length - 1]),
        span: routeSpan(ctx),
      });
      return;
    }
  }
  readCallMount(scan, origins, call);
}

/** `registerRoutes(app)` / `require('./routes')(app)`: the function's parameter becomes the router passed in. */
function readCallMount(scan: FileScan, origins: Origins, call: ts.CallExpression): void {
  if (call.arguments.length === 0) return;
  const callee = origins.of(call.expression);
  if (callee?.kind !== 'function' && callee?.kind !== 'import') return;
  call.arguments.forEach((arg, i) => {
    const a = origins.of(arg);
    if (a?.kind !== 'router') return;
    const target = callee.kind === 'function'
      ? { kind: 'router' as const, routerId: origins.paramRouter(callee.node, i) }
      : { kind: 'import' as const, specifier: callee.ref.specifier, exportName: callee.ref.exportName, use: 'param' as const, paramIndex: i };
    scan.addMount({ parentId: a.id, target, span: scan.span(call) });
  });
}

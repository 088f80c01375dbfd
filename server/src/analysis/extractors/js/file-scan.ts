/**
 * The state of one file's analysis while its facts are collected: the parsed source, scopes, and the routers,
 * routes, mounts and exports found so far. Lives only for one extractFileFacts call.
 */
import ts = require('typescript');
import type { Effect, Framework, Span } from '../../model';
import type { ExportFact, MountFact, PrefixFact, ReexportFact, RouteFact, RouterFact, RouterKind } from './facts';
import type { PendingEffects } from './effect-reuse';
import type { HandlerResolver } from './handlers';
import { Scopes } from './scope';

export class FileScan {
  readonly scopes = new Scopes();
  readonly routers = new Map<string, RouterFact>();
  /** Routers that carry no route methods of their own (a Koa application). */
  readonly mountOnly = new Set<string>();
  readonly routes: RouteFact[] = [];
  readonly mounts: MountFact[] = [];
  readonly exports: ExportFact[] = [];
  readonly reexports: ReexportFact[] = [];
  readonly globalPrefixes: PrefixFact[] = [];

  constructor(
    readonly sf: ts.SourceFile,
    readonly path: string,
    readonly handlers: HandlerResolver,
    /** When set, effects are collected after the whole file is scanned (to reuse earlier ones): arrays filled later. */
    readonly deferred?: PendingEffects[],
  ) {}

  span(node: ts.Node): Span {
    return { start: node.getStart(this.sf), end: node.end };
  }

  text(node: ts.Node): string {
    return node.getText(this.sf);
  }

  /** Registers a router once per id; later calls may add a framework or an own prefix. */
  router(id: string, kind: RouterKind, node: ts.Node, framework: Framework | undefined, confirmed: boolean): RouterFact {
    const existing = this.routers.get(id);
    if (existing) {
      if ((framework && !existing.framework) || (confirmed && !existing.confirmed)) {
        const merged = { ...existing, framework: existing.framework ?? framework, confirmed: existing.confirmed || confirmed };
        this.routers.set(id, merged);
        return merged;
      }
      return existing;
    }
    const fact: RouterFact = { id, kind, ...(framework ? { framework } : {}), confirmed, span: this.span(node) };
    this.routers.set(id, fact);
    return fact;
  }

  setOwnPrefix(id: string, prefix: PrefixFact): void {
    const r = this.routers.get(id);
    if (r) this.routers.set(id, { ...r, ownPrefix: prefix });
  }

  addRoute(route: RouteFact): void {
    this.routes.push(route);
  }

  addMount(mount: MountFact): void {
    const key = JSON.stringify(mount);
    if (!this.mounts.some((m) => JSON.stringify(m) === key)) this.mounts.push(mount);
  }

  effects(handler: ts.Expression | ts.Node | undefined): Effect[] {
    if (!handler) return [];
    if (!this.deferred) return this.handlers.effects(handler, this);
    const into: Effect[] = [];
    this.deferred.push({ handler, into });
    return into;
  }
}

/** Start and end: a chain such as `new Hono().basePath('/api')` starts where its receiver does. */
export function createdRouterId(node: ts.Node, sf: ts.SourceFile): string {
  return `c${node.getStart(sf)}-${node.end}`;
}

export function paramRouterId(fn: ts.Node, index: number, sf: ts.SourceFile): string {
  return `p${fn.getStart(sf)}:${index}`;
}

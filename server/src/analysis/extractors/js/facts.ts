/**
 * Per-file facts about route code: plain, serialisable data computed from one file (phase 1), so an incremental
 * index can cache them per file and re-link cheaply (phase 2, link.ts). Nothing here refers to an AST.
 *
 * Routers are the things routes hang on: an Express app or Router, a Koa router, a Hono app, a Fastify instance or
 * plugin parameter, a NestJS controller. Ids are local to the file; the link step qualifies them with the path.
 */
import type { Effect, Framework, MethodChange, PathSegment, Span } from '../../model';

export const FACTS_VERSION = 1;

export interface JsFileFacts {
  readonly version: number;
  readonly path: string;
  readonly routers: readonly RouterFact[];
  readonly routes: readonly RouteFact[];
  readonly mounts: readonly MountFact[];
  readonly exports: readonly ExportFact[];
  readonly reexports: readonly ReexportFact[];
  /** NestJS `app.setGlobalPrefix(...)` calls in this file. */
  readonly globalPrefixes: readonly PrefixFact[];
  /** Other files read while computing these facts (imported handlers), so a cache knows when to drop them. */
  readonly dependsOn: readonly string[];
}

export type RouterKind =
  /** Created by a framework factory (`express()`, `Router()`, `new Hono()`, `fastify()`, a controller class). */
  | 'created'
  /** A function parameter used as a router; real only when something passes a router into it. */
  | 'param';

export interface RouterFact {
  readonly id: string;
  readonly kind: RouterKind;
  /** Undefined for an untyped parameter: the framework comes from whoever passes the router in. */
  readonly framework?: Framework;
  /** True when the origin is known from this file alone (a factory call, a typed parameter, an fp() plugin). */
  readonly confirmed: boolean;
  /** A prefix the router carries itself: Koa `new Router({ prefix })` / `router.prefix()`, a NestJS controller path. */
  readonly ownPrefix?: PrefixFact;
  readonly span: Span;
}

/** A prefix as written: its value when known statically, else the source text of the expression. */
export interface PrefixFact {
  readonly text: string;
  readonly resolved: boolean;
  readonly span: Span;
  /** The value is written verbatim at `span` (a plain literal), so its segments can point into the file. */
  readonly verbatim?: boolean;
}

export interface RouteFact {
  /** The router the route hangs on; absent when the path is complete on its own (Next.js files). */
  readonly routerId?: string;
  readonly method: string;
  readonly methodText: string;
  readonly methodSpan: Span;
  /** Undefined when the router's framework is only known after linking (untyped plugin parameters). */
  readonly framework?: Framework;
  /** The path written at the route, parsed; segment spans point into this file. */
  readonly segments: readonly PathSegment[];
  readonly pathSpan?: Span;
  readonly span: Span;
  readonly effects: readonly Effect[];
  /** What switching the route to another method takes besides rewriting the method token. */
  readonly methodChange?: MethodChange;
}

export type TargetRef =
  | { readonly kind: 'router'; readonly routerId: string; readonly ignorePrefix?: boolean }
  | {
    readonly kind: 'import';
    readonly specifier: string;
    readonly exportName: string;
    /** How the export is used: as a router, called to return one, or called with the parent router as an argument. */
    readonly use: 'value' | 'call' | 'param';
    readonly paramIndex?: number;
    readonly ignorePrefix?: boolean;
  };

export interface MountFact {
  readonly parentId: string;
  /** Absent for a mount without a path (`app.use(router)`, `register(plugin)`). */
  readonly prefix?: PrefixFact;
  readonly target: TargetRef;
  readonly span: Span;
}

export interface ExportFact {
  /** `default` for `export default` and `module.exports =`; property names of an exported object literal too. */
  readonly name: string;
  /** The exported value is this router. */
  readonly routerId?: string;
  /** The exported value is a function whose parameters are used as routers (index → router id). */
  readonly params?: readonly (string | null)[];
  /** The exported value is a function that returns this router. */
  readonly returns?: string;
  /** Wrapped in fastify-plugin: a `prefix` given to register() does not apply. */
  readonly ignorePrefix?: boolean;
  /** The exported value is itself imported from another file. */
  readonly from?: { readonly specifier: string; readonly exportName: string };
}

export interface ReexportFact {
  /** Exported name, or `*` for `export * from`. */
  readonly name: string;
  readonly specifier: string;
  readonly importName: string;
}

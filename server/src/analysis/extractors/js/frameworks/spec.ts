/** What each framework module declares: which package exports create routers, and how its router calls read. */
import type * as ts from 'typescript';
import type { Framework } from '../../../model';
import type { FileScan } from '../file-scan';
import type { OriginResolver } from '../origin-types';

export interface Factory {
  readonly module: string;
  /** Member path inside the module, dot-joined; '' for the module's main export. */
  readonly path: string;
  readonly how: 'call' | 'new' | 'either';
  /** 'mount-only' for an application object that has no route methods of its own (Koa's `new Koa()`). */
  readonly creates: 'router' | 'mount-only';
}

export interface TypeName {
  readonly module: string;
  /** The imported name; '' for the module's default export. */
  readonly name: string;
}

export interface CallContext {
  readonly scan: FileScan;
  readonly origins: OriginResolver;
  readonly call: ts.CallExpression;
  /** The method identifier: `put` in `router.put(...)`. */
  readonly name: ts.Identifier;
  readonly routerId: string;
  readonly framework?: Framework;
}

export interface FrameworkSpec {
  readonly framework: Framework;
  readonly factories: readonly Factory[];
  /** Types that mark a parameter as this framework's router. */
  readonly routerTypes: readonly TypeName[];
  /** Route method identifiers as written (lower-case). */
  readonly methods: ReadonlySet<string>;
  /** Reads one call on a router of this framework (routes, mounts, prefixes); ignores anything else. */
  handleCall(ctx: CallContext): void;
  /**
   * What `router.name(...)` returns: the same router (chaining), an Express route holder, or a child router with
   * the first argument as its prefix (Hono's basePath). Undefined for anything else.
   */
  chain(name: string): 'same' | 'holder' | 'child' | undefined;
}

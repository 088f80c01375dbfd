/**
 * What created a value: the basis for deciding that `x.put(...)` is a route. A call is a route only when its
 * receiver's origin is a router (made by a framework factory, or a parameter something passes a router into);
 * `db.delete()`, `axios.put()` and `map.get()` have other origins, or none we know.
 */
import type * as ts from 'typescript';
import type { Framework } from '../../model';
import type { ImportRef } from './imports';

export type Origin =
  /** A value of an npm package: `express` itself (path []), `express.Router` (path ['Router']). */
  | { readonly kind: 'package'; readonly module: string; readonly path: readonly string[] }
  | { readonly kind: 'router'; readonly id: string; readonly framework?: Framework }
  /** Express `app.route('/x')`: methods called on it are routes at that path. */
  | { readonly kind: 'route-holder'; readonly routerId: string; readonly framework?: Framework; readonly path: ts.Expression }
  /** A value imported from a relative file. */
  | { readonly kind: 'import'; readonly ref: ImportRef; readonly ignorePrefix?: boolean }
  /** What calling a function imported from a relative file returns. */
  | { readonly kind: 'import-call'; readonly ref: ImportRef }
  | { readonly kind: 'function'; readonly node: ts.SignatureDeclaration; readonly ignorePrefix?: boolean };

export interface OriginResolver {
  of(expr: ts.Expression): Origin | undefined;
  /** The router id of a function's parameter, registering it as a (not yet confirmed) parameter router. */
  paramRouter(fn: ts.SignatureDeclaration, index: number): string;
}

/** Building blocks the framework modules share: routes from a path argument, mount targets, spans. */
import ts = require('typescript');
import type { Framework, MethodChange, Span } from '../../model';
import type { PrefixFact, TargetRef } from './facts';
import type { CallContext } from './frameworks/spec';
import type { Origin } from './origin-types';
import { evalString, pathSegments, prefixFact, unwrap } from './values';

export function methodOf(text: string): string {
  const lower = text.toLowerCase();
  if (lower === 'del') return 'DELETE';
  return text.toUpperCase();
}

/** The whole call, or from the method name on when the receiver is itself a chain (`router.route('/x').get(...)`). */
export function routeSpan(ctx: CallContext): Span {
  const callee = ctx.call.expression;
  const chained = ts.isPropertyAccessExpression(callee) && ts.isCallExpression(unwrap(callee.expression));
  return { start: chained ? ctx.name.getStart(ctx.scan.sf) : ctx.call.getStart(ctx.scan.sf), end: ctx.call.end };
}

export interface RouteSpec {
  readonly method: string;
  readonly methodText: string;
  readonly methodSpan: Span;
  readonly handler?: ts.Node;
  readonly span: Span;
  readonly framework?: Framework;
  readonly methodChange?: MethodChange;
}

/** One route per path (an array literal gives several); a regex or non-string path gives none. */
export function addPathRoutes(ctx: CallContext, pathArg: ts.Expression, spec: RouteSpec): void {
  const arg = unwrap(pathArg);
  const paths = ts.isArrayLiteralExpression(arg) ? arg.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e)) : [arg];
  const effects = ctx.scan.effects(spec.handler);
  for (const p of paths) {
    const v = evalString(p, ctx.scan.scopes, ctx.scan.sf);
    if (!v) continue;
    ctx.scan.addRoute({
      routerId: ctx.routerId,
      method: spec.method,
      methodText: spec.methodText,
      methodSpan: spec.methodSpan,
      ...(spec.framework ?? ctx.framework ? { framework: spec.framework ?? ctx.framework } : {}),
      segments: pathSegments(v),
      pathSpan: v.span,
      span: spec.span,
      effects,
      ...(spec.methodChange ? { methodChange: spec.methodChange } : {}),
    });
  }
}

/** Express/Koa/Fastify shorthand: `r.put(path, ...handlers)`; the last argument is the handler. */
export function addShorthandRoute(ctx: CallContext, pathIndex = 0): void {
  const args = ctx.call.arguments;
  if (args.length < pathIndex + 2) return;
  const pathArg = args[pathIndex];
  if (ts.isFunctionLike(unwrap(pathArg))) return;
  addPathRoutes(ctx, pathArg, {
    method: methodOf(ctx.name.text),
    methodText: ctx.name.text,
    methodSpan: ctx.scan.span(ctx.name),
    handler: handlerOf(args[args.length - 1]),
    span: routeSpan(ctx),
  });
}

/** A Fastify-style options object carries the handler as `handler`. */
export function handlerOf(arg: ts.Expression): ts.Node {
  const a = unwrap(arg);
  if (ts.isObjectLiteralExpression(a)) return propertyValue(a, 'handler') ?? a;
  return arg;
}

export function propertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | ts.MethodDeclaration | undefined {
  for (const p of obj.properties) {
    const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (key !== name) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
    if (ts.isMethodDeclaration(p)) return p;
  }
  return undefined;
}

/** What a mount's argument names, when it can be a router (not a middleware function). */
export function routerTarget(origin: Origin | undefined): TargetRef | undefined {
  if (!origin) return undefined;
  switch (origin.kind) {
    case 'router': return { kind: 'router', routerId: origin.id };
    case 'import': return { kind: 'import', specifier: origin.ref.specifier, exportName: origin.ref.exportName, use: 'value' };
    case 'import-call': return { kind: 'import', specifier: origin.ref.specifier, exportName: origin.ref.exportName, use: 'call' };
    default: return undefined;
  }
}

const PREFIX_NAME = /(?:prefix|path|base|url|root|mount|mountpoint)$/i;
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Whether a mount's first argument is a path prefix rather than a middleware or router. Known strings are; so are
 * expressions we cannot evaluate that read like a path (`process.env.BASE`, `config.apiPrefix`, `API_ROOT`).
 */
export function asPrefix(ctx: CallContext, arg: ts.Expression): PrefixFact | undefined {
  const e = unwrap(arg);
  if (ts.isFunctionLike(e) || ts.isCallExpression(e) || ts.isNewExpression(e)) return undefined;
  const origin = ctx.origins.of(e);
  if (origin && origin.kind !== 'import' && origin.kind !== 'package') return undefined;
  const v = evalString(e, ctx.scan.scopes, ctx.scan.sf);
  if (!v) return undefined;
  if (v.value === undefined && origin?.kind === 'import') {
    const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
    if (!PREFIX_NAME.test(name) && !CONSTANT_NAME.test(name)) return undefined;
  }
  if (v.value === undefined && ts.isIdentifier(e) && !origin) {
    const name = e.text;
    if (!PREFIX_NAME.test(name) && !CONSTANT_NAME.test(name)) return undefined;
  }
  return prefixFact(e, ctx.scan.scopes, ctx.scan.sf);
}

/** `r.use([prefix,] ...routers)` for Express and Koa routers: one mount per router argument (and per prefix). */
export function addUseMounts(ctx: CallContext): void {
  const args = ctx.call.arguments;
  if (args.length === 0) return;
  const first = unwrap(args[0]);
  let prefixes: (PrefixFact | undefined)[] = [undefined];
  let rest = args.slice(0);
  if (args.length < 2) {
    // A lone argument is a router or middleware, never a prefix.
  } else if (ts.isArrayLiteralExpression(first)) {
    const ps = first.elements.map((el) => asPrefix(ctx, el));
    if (ps.length && ps.every((p) => p)) { prefixes = ps; rest = args.slice(1); }
  } else {
    const p = asPrefix(ctx, first);
    if (p) { prefixes = [p]; rest = args.slice(1); }
  }
  for (const arg of rest) {
    const target = routerTarget(ctx.origins.of(arg));
    if (!target || (target.kind === 'router' && target.routerId === ctx.routerId)) continue;
    for (const prefix of prefixes) {
      ctx.scan.addMount({ parentId: ctx.routerId, ...(prefix ? { prefix } : {}), target, span: ctx.scan.span(ctx.call) });
    }
  }
}

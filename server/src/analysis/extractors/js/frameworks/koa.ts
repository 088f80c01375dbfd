/**
 * Koa with `@koa/router` or `koa-router`: `new Router({ prefix })`, `router.prefix('/x')`, methods including `del`,
 * named routes `router.get('user', '/users/:id', ...)`, nested `router.use('/p', other.routes())`, and
 * `app.use(router.routes())` on a Koa application (optionally through koa-mount's `mount('/p', ...)`).
 */
import ts = require('typescript');
import { addShorthandRoute, addUseMounts, asPrefix, propertyValue, routerTarget } from '../route-calls';
import { evalString, prefixFact, unwrap } from '../values';
import type { CallContext, FrameworkSpec } from './spec';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all']);
const ROUTER_MODULES = ['@koa/router', 'koa-router'];

export const koaSpec: FrameworkSpec = {
  framework: 'koa',
  factories: [
    ...ROUTER_MODULES.flatMap((module) => ['', 'Router', 'default'].map((path) => ({ module, path, how: 'either' as const, creates: 'router' as const }))),
    { module: 'koa', path: '', how: 'new', creates: 'mount-only' },
    { module: 'koa', path: 'default', how: 'new', creates: 'mount-only' },
  ],
  routerTypes: ROUTER_MODULES.flatMap((module) => [{ module, name: '' }, { module, name: 'Router' }]),
  methods: METHODS,
  chain(name: string) {
    return METHODS.has(name) || ['use', 'prefix', 'routes', 'middleware'].includes(name) ? 'same' : undefined;
  },
  handleCall(ctx: CallContext): void {
    const name = ctx.name.text;
    const args = ctx.call.arguments;
    if (METHODS.has(name)) {
      // Named route: a name string, then the path, then middleware.
      const named = args.length >= 3 && isKnownString(ctx, args[0]) && isKnownString(ctx, args[1]);
      addShorthandRoute(ctx, named ? 1 : 0);
    } else if (name === 'use') {
      addKoaMounts(ctx);
      addUseMounts(ctx);
    } else if (name === 'prefix' && args.length === 1) {
      const prefix = prefixFact(args[0], ctx.scan.scopes, ctx.scan.sf);
      if (prefix) ctx.scan.setOwnPrefix(ctx.routerId, prefix);
    }
  },
};

/** `new Router({ prefix: '/users' })`. */
export function koaConstructorPrefix(ctx: Pick<CallContext, 'scan'>, args: readonly ts.Expression[]): ReturnType<typeof prefixFact> {
  const opts = args[0] && unwrap(args[0]);
  if (!opts || !ts.isObjectLiteralExpression(opts)) return undefined;
  const value = propertyValue(opts, 'prefix');
  return value && !ts.isMethodDeclaration(value) ? prefixFact(value, ctx.scan.scopes, ctx.scan.sf) : undefined;
}

function isKnownString(ctx: CallContext, e: ts.Expression): boolean {
  return evalString(e, ctx.scan.scopes, ctx.scan.sf)?.value !== undefined;
}

/** koa-mount: `app.use(mount('/v1', router.routes()))`. */
function addKoaMounts(ctx: CallContext): void {
  for (const arg of ctx.call.arguments) {
    const e = unwrap(arg);
    if (!ts.isCallExpression(e) || e.arguments.length !== 2) continue;
    const callee = ctx.origins.of(e.expression);
    if (callee?.kind !== 'package' || callee.module !== 'koa-mount') continue;
    const prefix = asPrefix(ctx, e.arguments[0]);
    const target = routerTarget(ctx.origins.of(e.arguments[1]));
    if (target) ctx.scan.addMount({ parentId: ctx.routerId, ...(prefix ? { prefix } : {}), target, span: ctx.scan.span(ctx.call) });
  }
}

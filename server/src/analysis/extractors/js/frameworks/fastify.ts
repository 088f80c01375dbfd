/**
 * Fastify: `fastify()` / `Fastify()` instances, shorthand methods (`get(path, [opts], handler)` or
 * `get(path, { handler })`), `route({ method, url | path, handler })` with method arrays (one route per method), and
 * `register(plugin, { prefix })` where the plugin is inline, local or imported; a plugin's first parameter is the
 * instance its routes hang on. Plugins wrapped in fastify-plugin share the parent's scope, so `prefix` is ignored.
 */
import ts = require('typescript');
import type { PrefixFact, TargetRef } from '../facts';
import { addPathRoutes, addShorthandRoute, handlerOf, methodOf, propertyValue, routeSpan } from '../route-calls';
import { collapse, evalString, prefixFact, unwrap } from '../values';
import type { CallContext, FrameworkSpec } from './spec';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);

export const fastifySpec: FrameworkSpec = {
  framework: 'fastify',
  factories: ['', 'fastify', 'Fastify', 'default'].map((path) => ({ module: 'fastify', path, how: 'call' as const, creates: 'router' as const })),
  routerTypes: [{ module: 'fastify', name: 'FastifyInstance' }],
  methods: METHODS,
  chain(name: string) {
    return METHODS.has(name) || name === 'register' || name === 'route' ? 'same' : undefined;
  },
  handleCall(ctx: CallContext): void {
    const name = ctx.name.text;
    if (METHODS.has(name)) addShorthandRoute(ctx);
    else if (name === 'route') addRouteObject(ctx);
    else if (name === 'register') addRegister(ctx);
  },
};

/** `fastify.route({ method: ['PUT', 'PATCH'], url: '/items/:id', handler })`. */
export function addRouteObject(ctx: CallContext): void {
  const opts = ctx.call.arguments[0] && unwrap(ctx.call.arguments[0]);
  if (!opts || !ts.isObjectLiteralExpression(opts)) return;
  const method = propertyValue(opts, 'method');
  const url = propertyValue(opts, 'url') ?? propertyValue(opts, 'path');
  if (!method || !url || ts.isMethodDeclaration(method) || ts.isMethodDeclaration(url)) return;
  const m = unwrap(method);
  const handler = propertyValue(opts, 'handler');
  const elements = (ts.isArrayLiteralExpression(m) ? [...m.elements] : [m]).filter((el) => !ts.isSpreadElement(el));
  const methods = elements.map((el) => evalString(el, ctx.scan.scopes, ctx.scan.sf));
  // `method: ['POST', 'PUT']` already routes PUT here: switching POST to PUT would list PUT twice.
  const unavailable = methods.flatMap((v) => (v?.value ? [methodOf(v.value)] : []));
  for (const v of methods) {
    if (v?.value === undefined || !/^[A-Za-z]+$/.test(v.value)) continue;
    addPathRoutes(ctx, url, {
      method: methodOf(v.value),
      methodText: v.value,
      methodSpan: v.span,
      ...(handler ? { handler: handlerOf(handler as ts.Expression) } : {}),
      span: routeSpan(ctx),
      methodChange: { unavailable },
    });
  }
}

function addRegister(ctx: CallContext): void {
  const args = ctx.call.arguments;
  if (args.length === 0) return;
  const target = pluginTarget(ctx, args[0]);
  if (!target) return;
  const prefix = args[1] ? registerPrefix(ctx, args[1]) : undefined;
  ctx.scan.addMount({ parentId: ctx.routerId, ...(prefix ? { prefix } : {}), target, span: ctx.scan.span(ctx.call) });
}

function pluginTarget(ctx: CallContext, arg: ts.Expression): TargetRef | undefined {
  const origin = ctx.origins.of(arg);
  if (!origin) return undefined;
  const ignore = 'ignorePrefix' in origin && origin.ignorePrefix ? { ignorePrefix: true } : {};
  if (origin.kind === 'function') return { kind: 'router', routerId: ctx.origins.paramRouter(origin.node, 0), ...ignore };
  if (origin.kind === 'import') {
    return { kind: 'import', specifier: origin.ref.specifier, exportName: origin.ref.exportName, use: 'param', paramIndex: 0, ...ignore };
  }
  return undefined;
}

/** The `prefix` option; options we cannot read may hold one, so they give an unresolved prefix. */
function registerPrefix(ctx: CallContext, arg: ts.Expression): PrefixFact | undefined {
  let opts = unwrap(arg);
  if (ts.isIdentifier(opts)) {
    const decl = ctx.scan.scopes.lookup(opts);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isObjectLiteralExpression(unwrap(decl.initializer))) {
      opts = unwrap(decl.initializer);
    }
  }
  if (ts.isObjectLiteralExpression(opts)) {
    const value = propertyValue(opts, 'prefix');
    if (value && !ts.isMethodDeclaration(value)) return prefixFact(value, ctx.scan.scopes, ctx.scan.sf) ?? unresolved(ctx, value, '');
    return opts.properties.some((p) => ts.isSpreadAssignment(p)) ? unresolved(ctx, arg, '.prefix') : undefined;
  }
  return unresolved(ctx, arg, '.prefix');
}

function unresolved(ctx: CallContext, e: ts.Expression, suffix: string): PrefixFact {
  return { text: `${collapse(ctx.scan.text(e))}${suffix}`, resolved: false, span: ctx.scan.span(e) };
}

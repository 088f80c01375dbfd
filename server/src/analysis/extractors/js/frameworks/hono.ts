/**
 * Hono: `new Hono()` (also hono/tiny, hono/quick, OpenAPIHono), methods and `app.on(method(s), path(s), ...)`,
 * chains `new Hono().get(...).post(...)`, `app.route('/p', sub)` mounts and `basePath('/api')` children.
 * Path-less chained methods (`.get('/x', a).post(b)`) are not read.
 */
import ts = require('typescript');
import { addPathRoutes, addShorthandRoute, asPrefix, handlerOf, methodOf, routeSpan, routerTarget } from '../route-calls';
import { evalString, unwrap } from '../values';
import type { CallContext, FrameworkSpec } from './spec';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'all']);
const MODULES = ['hono', 'hono/tiny', 'hono/quick'];

export const honoSpec: FrameworkSpec = {
  framework: 'hono',
  factories: [
    ...MODULES.map((module) => ({ module, path: 'Hono', how: 'new' as const, creates: 'router' as const })),
    { module: '@hono/zod-openapi', path: 'OpenAPIHono', how: 'new', creates: 'router' },
  ],
  routerTypes: MODULES.map((module) => ({ module, name: 'Hono' })),
  methods: METHODS,
  chain(name: string) {
    if (name === 'basePath') return 'child';
    return METHODS.has(name) || ['on', 'use', 'route'].includes(name) ? 'same' : undefined;
  },
  handleCall(ctx: CallContext): void {
    const name = ctx.name.text;
    const args = ctx.call.arguments;
    if (METHODS.has(name)) addShorthandRoute(ctx);
    else if (name === 'on') addOnRoutes(ctx);
    else if (name === 'route' && args.length === 2) {
      const prefix = asPrefix(ctx, args[0]);
      const target = routerTarget(ctx.origins.of(args[1]));
      if (prefix && target) ctx.scan.addMount({ parentId: ctx.routerId, prefix, target, span: ctx.scan.span(ctx.call) });
    }
  },
};

/** `app.on('PURGE', '/cache', h)`, `app.on(['PUT', 'DELETE'], '/post', h)`: the method is a string literal. */
function addOnRoutes(ctx: CallContext): void {
  const args = ctx.call.arguments;
  if (args.length < 3) return;
  const m = unwrap(args[0]);
  const elements = (ts.isArrayLiteralExpression(m) ? [...m.elements] : [m]).filter((el) => !ts.isSpreadElement(el));
  const methods = elements.map((el) => evalString(el, ctx.scan.scopes, ctx.scan.sf));
  // `app.on(['POST', 'PUT'], ...)` already routes PUT here: switching POST to PUT would list it twice.
  const unavailable = methods.flatMap((v) => (v?.value ? [methodOf(v.value)] : []));
  for (const v of methods) {
    if (v?.value === undefined || !/^[A-Za-z]+$/.test(v.value)) continue;
    addPathRoutes(ctx, args[1], {
      method: methodOf(v.value),
      methodText: v.value,
      methodSpan: v.span,
      handler: handlerOf(args[args.length - 1]),
      span: routeSpan(ctx),
      methodChange: { unavailable },
    });
  }
}

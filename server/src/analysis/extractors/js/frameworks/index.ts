/**
 * The call-based frameworks, and how a call on a router of not-yet-known framework is read (a plugin or
 * route-module parameter: the framework comes from whoever passes the router in, at link time).
 */
import ts = require('typescript');
import type { Framework } from '../../../model';
import { unwrap } from '../values';
import { expressSpec } from './express';
import { addRouteObject, fastifySpec } from './fastify';
import { honoSpec } from './hono';
import { koaSpec } from './koa';
import type { CallContext, FrameworkSpec } from './spec';

export const callFrameworks: readonly FrameworkSpec[] = [expressSpec, fastifySpec, koaSpec, honoSpec];

export function specFor(framework: Framework | undefined): FrameworkSpec | undefined {
  return callFrameworks.find((s) => s.framework === framework);
}

export function handleRouterCall(ctx: CallContext): void {
  const spec = specFor(ctx.framework);
  if (spec) {
    spec.handleCall(ctx);
    return;
  }
  const name = ctx.name.text;
  const first = ctx.call.arguments[0] && unwrap(ctx.call.arguments[0]);
  if (name === 'register') fastifySpec.handleCall(ctx);
  else if (name === 'route' && first && ts.isObjectLiteralExpression(first)) addRouteObject(ctx);
  else if (name === 'route' && ctx.call.arguments.length === 2) honoSpec.handleCall(ctx);
  else if (name === 'on') honoSpec.handleCall(ctx);
  else if (koaSpec.methods.has(name) || name === 'use' || name === 'prefix') koaSpec.handleCall(ctx);
}

export function chainOf(framework: Framework | undefined, name: string, argCount: number): 'same' | 'holder' | 'child' | undefined {
  const spec = specFor(framework);
  if (spec) return spec.chain(name);
  if (name === 'route') return argCount === 1 ? 'holder' : 'same';
  for (const s of callFrameworks) {
    const r = s.chain(name);
    if (r) return r;
  }
  return undefined;
}

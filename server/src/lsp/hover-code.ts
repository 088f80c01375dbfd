/**
 * The part of a method hover that is about a route in code: the full path and the mounts that produced it (each
 * with the file and line it is written at, unresolved prefixes said as such), the framework, and what the handler
 * was seen doing, line by line. Files other than the route's own are named relative to their workspace folder.
 */
import type { Effect, Framework, MountStep, Route } from '../analysis/model';
import { code, plain } from './markdown';

export interface HoverContext {
  /** 1-based line of an offset in another file, when that file can be read. */
  lineIn(filePath: string, offset: number): number | undefined;
  /** A file as people read it in the hover: relative to its workspace folder when it is in one. */
  displayPath(filePath: string): string;
}

const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = {
  'http-file': 'request file',
  express: 'Express',
  fastify: 'Fastify',
  koa: 'Koa',
  hono: 'Hono',
  nestjs: 'NestJS',
  'nextjs-app': 'Next.js App Router',
  'nextjs-pages': 'Next.js API route',
};

export function isCodeRoute(route: Route): boolean {
  return route.framework !== 'http-file';
}

/** `file.ts:12` for a place in another file, `line 12` in the route's own; undefined when the place is unknown. */
function placeOf(route: Route, filePath: string | undefined, offset: number | undefined, ownLine: (offset: number) => number,
  context: HoverContext | undefined): string | undefined {
  if (offset === undefined) return filePath === undefined ? undefined : plain(context?.displayPath(filePath) ?? filePath);
  if (filePath === undefined || filePath === route.filePath) return `line ${ownLine(offset)}`;
  const name = plain(context?.displayPath(filePath) ?? filePath);
  const line = context?.lineIn(filePath, offset);
  return line === undefined ? name : `${name}:${line}`;
}

function mountLine(route: Route, step: MountStep, index: number, ownLine: (offset: number) => number, context: HoverContext | undefined): string {
  const where = placeOf(route, step.filePath, step.span?.start, ownLine, context);
  const at = where ? ` (${where})` : '';
  return step.resolved
    ? `${index + 1}. ${code(step.prefix)}${at}`
    : `${index + 1}. ${code(step.prefix)}${at}: not determined statically, shown as ${code('{?}')}`;
}

function effectLine(route: Route, effect: Effect, ownLine: (offset: number) => number, context: HoverContext | undefined): string {
  const where = placeOf(route, effect.filePath, effect.span.start, ownLine, context);
  return `- ${where ? `${where}: ` : ''}${plain(effect.description)}`;
}

/** Lines of markdown for the "this route" section of a code route's method hover. */
export function codeRouteLines(route: Route, shape: string, ownLine: (offset: number) => number, context: HoverContext | undefined): string[] {
  const lines = [`**This route** (${FRAMEWORK_NAMES[route.framework]}): ${code(`${route.method} ${route.path.display}`)} targets ${shape}.`];
  const chain = route.path.mountChain;
  if (chain.length > 0) {
    lines.push('', 'Full path from the mounts, outermost first:', '', ...chain.map((s, i) => mountLine(route, s, i, ownLine, context)));
  }
  if (!route.path.prefixResolved) {
    lines.push('', 'Part of the prefix is only known at run time: the real path may differ where it shows `{?}`.');
  }
  if (route.effects.length > 0) {
    lines.push('', 'What the handler does:', '', ...route.effects.map((e) => effectLine(route, e, ownLine, context)));
  } else {
    lines.push('', 'No state change, status code or id minting was seen in the handler.');
  }
  return lines;
}

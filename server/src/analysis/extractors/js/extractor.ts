/**
 * The route-code extractor: Express, Fastify, Koa, Hono, NestJS and Next.js routes from JavaScript/TypeScript.
 * Files are parsed only when the cheap prefilter finds a route marker; only open files' parses are kept (incremental.ts).
 */
import type { Route, SourceFile } from '../../model';
import type { ExtractContext, Extractor } from '../extractor';
import { acceptsRouteCode } from './prefilter';
import { routesForFile } from './workspace';

export const jsRouteExtractor: Extractor = {
  id: 'js-routes',
  accepts: acceptsRouteCode,
  extract: (file: SourceFile, context: ExtractContext): Route[] => routesForFile(file, context.workspace),
};

/**
 * The route-code extractor: Express, Fastify, Koa, Hono, NestJS and Next.js routes from JavaScript/TypeScript.
 * Files are parsed only when the cheap prefilter finds a route marker; no AST outlives one call.
 */
import type { Route, SourceFile } from '../../model';
import { isCodeLanguage } from '../../languages';
import type { ExtractContext, Extractor } from '../extractor';
import { mayHaveRoutes } from './prefilter';
import { routesForFile } from './workspace';

export const jsRouteExtractor: Extractor = {
  id: 'js-routes',
  accepts: (file: SourceFile) => isCodeLanguage(file.languageId) && mayHaveRoutes(file.path, file.text),
  extract: (file: SourceFile, context: ExtractContext): Route[] => routesForFile(file, context.workspace),
};

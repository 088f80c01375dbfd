/**
 * The cheap test before any parsing: only files that mention a route marker are parsed. False positives cost a
 * parse; false negatives lose routes, so the markers are generous. Linear regexes only.
 */
import { appRouteSegments, pagesApiSegments } from './frameworks/nextjs-paths';

const FRAMEWORKS = /express|fastify|koa|hono|@nestjs/i;
const OTHER_MARKERS = /Router|\.method\b|setGlobalPrefix/;
/** A route-module file with no import of its own: `module.exports = (app) => { app.get('/x', ...) }`. */
const METHOD_CALL = /\.(?:get|post|put|patch|delete|del|all|head|options|route|use|register)\s*\(\s*['"`[]/;

export function mayHaveRoutes(path: string, text: string): boolean {
  if (text.length === 0 || text.includes('\u0000')) return false;
  if (appRouteSegments(path) || pagesApiSegments(path)) return true;
  return FRAMEWORKS.test(text) || OTHER_MARKERS.test(text) || METHOD_CALL.test(text);
}

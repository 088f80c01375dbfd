/**
 * The cheap test before any parsing: only files that mention a route marker are parsed. False positives cost a
 * parse; false negatives lose routes, so the markers are generous. Linear regexes only.
 */
import type { SourceFile } from '../../model';
import { isCodeLanguage } from '../../languages';
import { appRouteSegments, pagesApiSegments } from './frameworks/nextjs-paths';

/**
 * Framework names as whole words (module specifiers, identifiers): `Expression`, `koala` or `honorific` must not
 * send a file to the parser.
 */
const FRAMEWORKS = /\b(?:express|fastify|koa|hono)\b|@nestjs\/|@koa\/|koa-router|fastify-plugin/;
/** A router being created (`express.Router()`, `new Router()`), not React's `useRouter()` or `<BrowserRouter>`. */
const OTHER_MARKERS = /\bRouter\s*\(|\.method\b|setGlobalPrefix/;
/**
 * A route-module file with no import of its own: `module.exports = (app) => { app.get('/x', ...) }`. Route paths
 * start with `/` (or `*`, or are an array); `map.get('key')` and `cache.set('k')` do not.
 */
const METHOD_CALL = /\.(?:get|post|put|patch|delete|del|all|head|options|route|use|register)\s*\(\s*(?:['"`][/*]|\[)/;

/** React components call `api.get('/x')` all the time and never define server routes without naming a framework. */
const JSX_FILE = /\.[jt]sx$/i;

export function mayHaveRoutes(path: string, text: string): boolean {
  if (text.length === 0 || text.includes('\u0000')) return false;
  if (appRouteSegments(path) || pagesApiSegments(path)) return true;
  if (FRAMEWORKS.test(text) || OTHER_MARKERS.test(text)) return true;
  return !JSX_FILE.test(path) && METHOD_CALL.test(text);
}

/** The extractor's `accepts`: JavaScript/TypeScript that may hold routes. */
export function acceptsRouteCode(file: SourceFile): boolean {
  return isCodeLanguage(file.languageId) && mayHaveRoutes(file.path, file.text);
}

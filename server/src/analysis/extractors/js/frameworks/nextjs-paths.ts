/** Next.js file-system routing: from a file's path to its URL path segments. */
import type { PathSegment } from '../../../model';
import { toSlashes } from '../modules';
import { parseSegment } from '../path-template';

const ROUTE_FILE = /^route\.(?:ts|js|tsx|jsx|mts|mjs)$/;
const PAGES_FILE = /\.(?:ts|js|tsx|jsx|mts|mjs)$/;

/**
 * Index of the routing root folder (`app` or `pages`): the last `src/<root>`, else the last `<root>`, since
 * folders above the project (`/srv/app/...`) are more often named so than route folders inside it.
 */
function rootIndex(parts: readonly string[], root: string): number {
  for (let i = parts.length - 1; i >= 1; i--) if (parts[i] === root && parts[i - 1] === 'src') return i;
  return parts.lastIndexOf(root);
}

/** `app/**\/route.ts` (or `src/app`): the folders after `app`, without route groups, slots and private folders. */
export function appRouteSegments(path: string): PathSegment[] | undefined {
  const parts = toSlashes(path).split('/');
  const file = parts[parts.length - 1];
  if (!ROUTE_FILE.test(file)) return undefined;
  const root = rootIndex(parts.slice(0, -1), 'app');
  if (root < 0) return undefined;
  const segments: PathSegment[] = [];
  for (const folder of parts.slice(root + 1, -1)) {
    if (folder.startsWith('_')) return undefined; // private folders are not routable
    if (folder.startsWith('(') || folder.startsWith('@') || folder === '') continue;
    segments.push(parseSegment(folder, undefined, true));
  }
  return segments;
}

/** `pages/api/**` (or `src/pages/api`): `[id].ts` → `{id}`, `index.ts` → the folder. */
export function pagesApiSegments(path: string): PathSegment[] | undefined {
  const parts = toSlashes(path).split('/');
  const file = parts[parts.length - 1];
  if (!PAGES_FILE.test(file) || /\.(?:test|spec|d)\.[a-z]+$/.test(file)) return undefined;
  const root = rootIndex(parts.slice(0, -1), 'pages');
  if (root < 0 || parts[root + 1] !== 'api') return undefined;
  const names = [...parts.slice(root + 1, -1), file.replace(PAGES_FILE, '')];
  if (names[names.length - 1] === 'index') names.pop();
  return names.map((n) => parseSegment(n, undefined, true));
}

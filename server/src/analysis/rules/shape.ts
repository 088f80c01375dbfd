/**
 * Reasoning about a route's target that several rules share: which segment is the collection, and whether another
 * route of the same file shows that a path is a collection (`GET /api/v1/project/{{id}}` makes `/api/v1/project` one).
 */
import type { PathSegment, Route } from '../model';
import { isIdentifierSegment, resourceSegments } from '../knowledge/resource-shape';

/** A key under which equal paths meet: literals compare case-insensitively, every variable matches every variable. */
function pathKey(segments: readonly PathSegment[]): string | undefined {
  const parts: string[] = [];
  for (const s of segments) {
    if (s.kind === 'literal') parts.push(`l:${s.text.toLowerCase()}`);
    else if (s.kind === 'param' || s.kind === 'dynamic') parts.push('v');
    else return undefined; // a mixed segment equals nothing we can name
  }
  return parts.join('/');
}

/** Per lint pass: the item routes of the file, by the key of the collection path they sit under. */
const itemsByCollection = new WeakMap<readonly Route[], Map<string, Route[]>>();

function itemIndex(routes: readonly Route[]): Map<string, Route[]> {
  let index = itemsByCollection.get(routes);
  if (index) return index;
  index = new Map();
  for (const route of routes) {
    const segs = resourceSegments(route.path.segments);
    const last = segs[segs.length - 1];
    if (!last || !(isIdentifierSegment(last) || last.kind === 'dynamic')) continue;
    const key = pathKey(segs.slice(0, -1));
    if (key === undefined) continue;
    const list = index.get(key);
    if (list) list.push(route);
    else index.set(key, [route]);
  }
  itemsByCollection.set(routes, index);
  return index;
}

/**
 * Another route whose path is this route's path plus one identifier segment: evidence that this path is a
 * collection of items the client can address. Indexed once per file so a file of many PUTs stays linear.
 */
export function itemRouteUnder(route: Route, routes: readonly Route[]): Route | undefined {
  const base = resourceSegments(route.path.segments);
  if (base.length === 0) return undefined;
  const key = pathKey(base);
  if (key === undefined) return undefined;
  return itemIndex(routes).get(key)?.find((other) => other !== route);
}

/** The literal segment that names the items' collection: `projects` in `/api/projects` or `/api/projects/{id}`. */
export function collectionName(segments: readonly PathSegment[]): string | undefined {
  const meaningful = resourceSegments(segments);
  for (let i = meaningful.length - 1; i >= 0; i--) {
    const s = meaningful[i];
    if (s.kind === 'literal' && !isIdentifierSegment(s)) return s.text;
  }
  return undefined;
}

export function lastSegment(segments: readonly PathSegment[]): PathSegment | undefined {
  const meaningful = resourceSegments(segments);
  return meaningful[meaningful.length - 1];
}

/**
 * Reasoning about a route's target that several rules share: which segment is the collection, and whether another
 * route of the same file shows that a path is a collection (`GET /api/v1/project/{{id}}` makes `/api/v1/project` one).
 */
import type { PathSegment, Route } from '../model';
import { isIdentifierSegment, resourceSegments } from '../knowledge/resource-shape';

function sameSegment(a: PathSegment, b: PathSegment): boolean {
  if (a.kind === 'literal' && b.kind === 'literal') return a.text.toLowerCase() === b.text.toLowerCase();
  const variable = (s: PathSegment) => s.kind === 'param' || s.kind === 'dynamic';
  return variable(a) && variable(b);
}

/**
 * Another route whose path is this route's path plus one identifier segment: evidence that this path is a
 * collection of items the client can address.
 */
export function itemRouteUnder(route: Route, routes: readonly Route[]): Route | undefined {
  const base = resourceSegments(route.path.segments);
  if (base.length === 0) return undefined;
  return routes.find((other) => {
    if (other === route) return false;
    const segs = resourceSegments(other.path.segments);
    if (segs.length !== base.length + 1) return false;
    const last = segs[segs.length - 1];
    if (!(isIdentifierSegment(last) || last.kind === 'dynamic')) return false;
    return base.every((s, i) => sameSegment(s, segs[i]));
  });
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

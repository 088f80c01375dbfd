/**
 * What a handler answers on success: the 2xx statuses it sets, or the framework's default when it sets none.
 * NestJS answers 201 to POST by default (RFC-minded), the others 200.
 */
import type { Route } from '../model';

export function successStatuses(route: Route): number[] {
  const explicit = route.effects.filter((e) => e.kind === 'status' && e.status !== undefined && e.status >= 200 && e.status < 300)
    .map((e) => e.status as number);
  if (explicit.length > 0) return [...new Set(explicit)];
  return [defaultStatus(route)];
}

export function defaultStatus(route: Route): number {
  return route.framework === 'nestjs' && route.method === 'POST' ? 201 : 200;
}

export function setsLocation(route: Route): boolean {
  return route.effects.some((e) => e.kind === 'location-header');
}

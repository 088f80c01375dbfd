/** Fixture projects for the route-extraction tests: read from test/fixtures/js, linked as one workspace. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Route, Span } from '../../model';
import type { EffectCollector } from './effects-adapter';
import { extractWorkspaceRoutes, type WorkspaceFile } from './workspace';

function fixturesRoot(): string {
  const candidates = [process.cwd()];
  for (let d = resolve(__dirname); ; d = resolve(d, '..')) {
    candidates.push(d);
    if (d === resolve(d, '..')) break;
  }
  for (const c of candidates) {
    const dir = join(c, 'test', 'fixtures', 'js');
    if (existsSync(dir)) return dir;
  }
  throw new Error('test/fixtures/js not found: run the tests from the repository root');
}

export interface Project {
  /** Paths are `/ws/<project>/<path inside the project>`. */
  readonly files: WorkspaceFile[];
  text(path: string): string;
  routes(collectEffects?: EffectCollector): Map<string, Route[]>;
}

export function loadProject(name: string): Project {
  const root = join(fixturesRoot(), name);
  const files: WorkspaceFile[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push({ path: `/ws/${name}/${relative(root, p).split('\\').join('/')}`, text: readFileSync(p, 'utf8') });
    }
  };
  walk(root);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return {
    files,
    text: (path) => {
      const f = files.find((x) => x.path === path);
      if (!f) throw new Error(`no fixture file ${path}`);
      return f.text;
    },
    routes: (collectEffects) => extractWorkspaceRoutes(files, collectEffects ? { collectEffects } : {}),
  };
}

export function slice(text: string, span: Span | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}

/** `PUT /api/users/{id}` plus the method and path as sliced from the text, for compact assertions. */
export function describeRoute(route: Route, text: string): string {
  return `${route.method} ${route.path.display} [${slice(text, route.methodSpan)}] [${slice(text, route.pathSpan) ?? '-'}]`;
}

export function routesIn(routes: Map<string, Route[]>, path: string): Route[] {
  return routes.get(path) ?? [];
}

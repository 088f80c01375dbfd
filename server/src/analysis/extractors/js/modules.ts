/**
 * Relative module specifiers to workspace paths, the way Node and TypeScript's bundler-style resolution find them:
 * with or without extension, `./x.js` meaning `./x.ts`, and `index` files. Package and alias specifiers
 * (`express`, `@/routes`) are not files of ours and resolve to nothing.
 */

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs'];
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'],
};

export function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

export function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

export function dirname(path: string): string {
  const p = toSlashes(path);
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

export function joinPath(dir: string, relative: string): string {
  const absolute = dir.startsWith('/');
  const parts: string[] = [];
  for (const part of `${dir}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else parts.push(part);
  }
  return (absolute ? '/' : '') + parts.join('/');
}

/** The paths a relative specifier may name, most likely first. */
export function candidatePaths(fromPath: string, specifier: string): string[] {
  if (!isRelative(specifier)) return [];
  const base = joinPath(dirname(fromPath), specifier);
  const out: string[] = [];
  const dot = base.lastIndexOf('.');
  const ext = dot > base.lastIndexOf('/') ? base.slice(dot) : '';
  if (ext && JS_TO_TS[ext]) for (const ts of JS_TO_TS[ext]) out.push(base.slice(0, dot) + ts);
  if (ext && EXTENSIONS.includes(ext)) out.push(base);
  for (const e of EXTENSIONS) out.push(base + e);
  for (const e of EXTENSIONS) out.push(`${base}/index${e}`);
  return out;
}

export function resolveModule(fromPath: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  return candidatePaths(fromPath, specifier).find(exists);
}

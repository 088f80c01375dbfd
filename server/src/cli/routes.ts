/**
 * `http-method-lint routes`: the routes the analysis understood, so a user can see why a rule did or did not fire.
 *
 * In the json format, `path` is rebuilt from the route's segments with OpenAPI-style placeholders, so routes from
 * request files and from code compare equal: a literal segment is its text, a parameter `{name}` (`{{userId}}` and
 * `:userId` both give `{userId}`), a send-time expression `{expression}` (`{{$guid}}` gives `{$guid}`), and a segment
 * mixing text and variables keeps its text with each `{{x}}` written `{x}`. A path whose mount prefix could not be
 * determined has `prefixResolved: false` and holds only the part that is known.
 */
import { LineIndex } from '../analysis/text/lines';
import type { PathSegment, Route } from '../analysis/model';
import { displayPath, plural } from './formatters/stylish';

export interface RouteRow {
  readonly method: string;
  /** Placeholder form, see above. */
  readonly path: string;
  /** As the analysis displays it (request files: as written). */
  readonly display: string;
  readonly framework: string;
  /** Absolute. */
  readonly filePath: string;
  /** 1-based, of the method token. */
  readonly line: number;
  readonly column: number;
  readonly prefixResolved: boolean;
}

export function routeRows(filePath: string, text: string, routes: readonly Route[]): RouteRow[] {
  const lines = new LineIndex(text);
  return routes.map((r) => {
    const at = lines.positionAt(r.methodSpan.start);
    return {
      method: r.method, path: placeholderPath(knownSegments(r)), display: r.path.display, framework: r.framework,
      filePath, line: at.line + 1, column: at.character + 1, prefixResolved: r.path.prefixResolved,
    };
  });
}

/** The segments without those standing for a prefix that could not be determined (the link step writes its source text). */
function knownSegments(route: Route): readonly PathSegment[] {
  if (route.path.prefixResolved) return route.path.segments;
  const unknown = new Set(route.path.mountChain.filter((s) => !s.resolved).map((s) => s.prefix));
  return route.path.segments.filter((s) => !(s.kind === 'mixed' && s.span === undefined && unknown.has(s.raw)));
}

export function placeholderPath(segments: readonly PathSegment[]): string {
  return '/' + segments.map(placeholderSegment).join('/');
}

function placeholderSegment(s: PathSegment): string {
  switch (s.kind) {
    case 'literal': return s.text;
    case 'param': return `{${s.name}}`;
    case 'dynamic': return `{${s.expression}}`;
    case 'mixed': return s.raw.replace(/\{\{([^{}]*)\}\}/g, (_, inner: string) => `{${inner.trim()}}`);
  }
}

export function formatRoutesJson(rows: readonly RouteRow[]): string {
  const out = rows.map((r) => ({
    method: r.method, path: r.path, framework: r.framework, filePath: r.filePath,
    line: r.line, column: r.column, prefixResolved: r.prefixResolved,
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

const UNRESOLVED_MARK = '*';

/** Aligned columns; a trailing `*` marks a path whose mount prefix is unknown, explained under the table. */
export function formatRoutesTable(rows: readonly RouteRow[], cwd: string): string {
  if (rows.length === 0) return 'No routes found.\n';
  const table = [
    ['METHOD', 'PATH', 'FRAMEWORK', 'LOCATION'],
    ...rows.map((r) => [
      r.method,
      r.prefixResolved ? r.display : `${r.display} ${UNRESOLVED_MARK}`,
      r.framework,
      `${displayPath(r.filePath, cwd)}:${r.line}:${r.column}`,
    ]),
  ];
  const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
  const lines = table.map((row) => row.map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col]))).join('  '));
  const unresolved = rows.filter((r) => !r.prefixResolved).length;
  const files = new Set(rows.map((r) => r.filePath)).size;
  lines.push('', `${rows.length} ${plural(rows.length, 'route')} in ${files} ${plural(files, 'file')}`);
  if (unresolved > 0) lines.push(`${UNRESOLVED_MARK} mount prefix not determined statically: the full path may be longer`);
  return lines.join('\n') + '\n';
}

/**
 * Route path strings as frameworks write them, turned into the model's segments: `:id`, `:id?`, `:id{[0-9]+}`,
 * `:id(\\d+)`, `{id}`, `*` / `*splat`, and (for Next.js file paths) `[id]`, `[...slug]`, `[[...slug]]`.
 * Anything we cannot reduce to one literal or one parameter becomes a `mixed` segment: rules then stay quiet.
 */
import type { PathSegment, Span } from '../../model';

const PARAM = /^:([A-Za-z_$][\w$]*)([?*+]?)(?:\{[^}]*\}|\([^)]*\))?([?*+]?)$/;
const BRACED = /^\{([A-Za-z_$][\w$]*)\}$/;
const STAR = /^\*([A-Za-z_$][\w$]*)?$/;
const NEXT_DYNAMIC = /^\[(\[)?(\.\.\.)?([^\[\]/]+)\]?\]$/;

export interface PathPiece {
  readonly text: string;
  /** Offset of the piece in the piece's string. */
  readonly at: number;
}

/** Splits on `/` outside braces, parentheses and brackets, so `:id{\\d+/x}` stays whole. Linear. */
export function splitPath(text: string): PathPiece[] {
  const pieces: PathPiece[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if ((c === '}' || c === ')' || c === ']') && depth > 0) depth--;
    else if (i === text.length || (c === '/' && depth === 0)) {
      if (i > start) pieces.push({ text: text.slice(start, i), at: start });
      start = i + 1;
    }
  }
  return pieces;
}

export interface ParseOptions {
  /** Offset in the file of the string's first character, when the string is written there verbatim. */
  readonly base?: number;
  /** Read Next.js `[id]` folder names as parameters. */
  readonly nextjs?: boolean;
}

export function parseSegment(text: string, span: Span | undefined, nextjs = false): PathSegment {
  const withSpan = <T extends PathSegment>(s: T): T => (span ? { ...s, span } : s);
  const param = PARAM.exec(text);
  if (param) {
    const modifier = param[2] || param[3];
    const catchAll = modifier === '*' || modifier === '+';
    return withSpan({ kind: 'param', name: param[1], raw: text, ...(catchAll ? { catchAll } : {}) });
  }
  const braced = BRACED.exec(text);
  if (braced) return withSpan({ kind: 'param', name: braced[1], raw: text });
  const star = STAR.exec(text);
  if (star) return withSpan({ kind: 'param', name: star[1] ?? '*', raw: text, catchAll: true });
  if (nextjs) {
    const next = NEXT_DYNAMIC.exec(text);
    if (next && (next[1] === undefined || text.startsWith('[[') && text.endsWith(']]'))) {
      const catchAll = next[2] === '...';
      return withSpan({ kind: 'param', name: next[3], raw: text, ...(catchAll ? { catchAll } : {}) });
    }
  }
  if (/[:*{}()[\]$]/.test(text)) return withSpan({ kind: 'mixed', raw: text });
  return withSpan({ kind: 'literal', text });
}

export function parseRoutePath(text: string, options: ParseOptions = {}): PathSegment[] {
  return splitPath(text).map((p) => {
    const span = options.base === undefined ? undefined : { start: options.base + p.at, end: options.base + p.at + p.text.length };
    return parseSegment(p.text, span, options.nextjs);
  });
}

/** A part of a full path: a segment, or the marker for a prefix we could not determine. */
export interface DisplayPart {
  readonly segment: PathSegment;
  readonly unresolved?: boolean;
}

export function displayOf(parts: readonly DisplayPart[]): string {
  if (parts.length === 0) return '/';
  return '/' + parts.map(({ segment: s, unresolved }) => {
    if (unresolved) return '{?}';
    switch (s.kind) {
      case 'literal': return s.text;
      case 'param': return `{${s.name}}`;
      case 'dynamic': return s.raw;
      case 'mixed': return s.raw;
    }
  }).join('/');
}

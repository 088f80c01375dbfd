/**
 * From a request URL as written to the route's path: substitute known file variables, strip the origin and the
 * query, and split the rest into segments that keep their spans in the document.
 *
 * The URL is first turned into tokens: one per written character, and one per reference that stays unresolved.
 * A resolved file variable contributes the characters of its value, each carrying the span of the reference as
 * written, so `{{base}}/users` with `@base = https://x/api` yields the segments `api` and `users`, and `api` points
 * at `{{base}}`.
 */
import type { PathSegment, PathTemplate, Span, UrlVariable } from '../model';
import type { UrlPiece } from './types';
import { FileVariableTable, findVariableRefs, isRequestVariable, MAX_EXPANSION, MAX_RESOLVE_DEPTH, referenceKind } from './variables';

/**
 * One written character, one character of a substituted value, or one unresolved reference (`v` set). A single
 * object shape keeps long URLs cheap; for substituted characters the span is the written reference's.
 */
interface Token {
  readonly ch: string;
  readonly start: number;
  readonly end: number;
  /** Index of the written reference this token came from; -1 when written directly. */
  readonly ref: number;
  readonly v: UnresolvedRef | undefined;
}

interface UnresolvedRef {
  readonly expression: string;
  /** The innermost `{{...}}` text (differs from the written one after substitution). */
  readonly innerRaw: string;
}

interface WrittenRef {
  readonly expression: string;
  readonly span: Span;
  /** Token range the reference produced. */
  first: number;
  last: number;
}

export interface UrlAnalysis {
  readonly path: PathTemplate;
  readonly urlVariables: UrlVariable[];
}

class Tokenizer {
  readonly tokens: Token[] = [];
  readonly written: WrittenRef[] = [];
  private budget = MAX_EXPANSION;

  constructor(private readonly text: string, private readonly table: FileVariableTable, private readonly at: number) {}

  addPiece(piece: UrlPiece): void {
    let pos = 0;
    for (const ref of findVariableRefs(piece.text, piece.start)) {
      this.addChars(piece.text, pos, ref.span.start - piece.start, piece.start, -1);
      const w = this.written.length;
      this.written.push({ expression: ref.expression, span: ref.span, first: this.tokens.length, last: 0 });
      this.expand(ref.expression, this.text.slice(ref.span.start, ref.span.end), w, 0, []);
      this.written[w].last = this.tokens.length;
      pos = ref.span.end - piece.start;
    }
    this.addChars(piece.text, pos, piece.text.length, piece.start, -1);
  }

  private addChars(source: string, from: number, to: number, base: number, ref: number): void {
    for (let i = from; i < to; i++) {
      const start = ref < 0 ? base + i : this.written[ref].span.start;
      const end = ref < 0 ? base + i + 1 : this.written[ref].span.end;
      this.tokens.push({ ch: source[i], start, end, ref, v: undefined });
    }
  }

  private expand(expression: string, innerRaw: string, ref: number, depth: number, active: readonly string[]): void {
    const span = this.written[ref].span;
    const resolvable = referenceKind(expression) === 'param' && !isRequestVariable(expression)
      && depth < MAX_RESOLVE_DEPTH && !active.includes(expression);
    const def = resolvable ? this.table.lookup(expression, this.at) : undefined;
    if (!def || def.value.length > this.budget) {
      this.tokens.push({ ch: '', start: span.start, end: span.end, ref, v: { expression, innerRaw } });
      return;
    }
    this.budget -= def.value.length;
    const value = def.value;
    const inner = [...active, expression];
    let pos = 0;
    for (const r of findVariableRefs(value)) {
      this.addChars(value, pos, r.span.start, 0, ref);
      this.expand(r.expression, value.slice(r.span.start, r.span.end), ref, depth + 1, inner);
      pos = r.span.end;
    }
    this.addChars(value, pos, value.length, 0, ref);
  }
}

function isChar(tokens: readonly Token[], i: number, chars: string): boolean {
  const t = tokens[i];
  return t !== undefined && t.v === undefined && chars.includes(t.ch);
}

/** Index after `scheme://`, or 0 when the URL has no scheme. */
function schemeEnd(tokens: readonly Token[]): number {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.v !== undefined || !/[A-Za-z0-9+.-]/.test(t.ch) || (i === 0 && !/[A-Za-z]/.test(t.ch))) break;
    i++;
  }
  if (i > 0 && isChar(tokens, i, ':') && isChar(tokens, i + 1, '/') && isChar(tokens, i + 2, '/')) return i + 3;
  return 0;
}

/** Whether a URL without scheme starts with a host (`localhost:3000/x`, `api.example.com/x`, `{{baseUrl}}/x`). */
function startsWithHost(tokens: readonly Token[]): boolean {
  if (tokens[0]?.v !== undefined) return true;
  let text = '';
  for (let i = 0; i < tokens.length && !isChar(tokens, i, '/?#'); i++) {
    const t = tokens[i];
    if (t.v !== undefined || t.ch === '.' || t.ch === ':') return true;
    text += t.ch;
    if (text.length > 9) break;
  }
  return text.toLowerCase() === 'localhost';
}

function pathStartOf(tokens: readonly Token[]): number {
  if (tokens.length === 0 || isChar(tokens, 0, '/')) return 0;
  const afterScheme = schemeEnd(tokens);
  if (afterScheme === 0 && !startsWithHost(tokens)) return 0;
  let i = afterScheme;
  while (i < tokens.length && !isChar(tokens, i, '/?#')) i++;
  return i;
}

function spanOf(tokens: readonly Token[], from: number, to: number): Span {
  let start = tokens[from].start;
  let end = tokens[from].end;
  for (let i = from; i < to; i++) {
    if (tokens[i].start < start) start = tokens[i].start;
    if (tokens[i].end > end) end = tokens[i].end;
  }
  return { start, end };
}

/** The segment made of tokens [from, to). */
function segmentOf(tokens: readonly Token[], from: number, to: number, text: string): PathSegment {
  const span = spanOf(tokens, from, to);
  const raw = text.slice(span.start, span.end);
  const only = tokens[from].v;
  if (to - from === 1 && only !== undefined) {
    return referenceKind(only.expression) === 'param'
      ? { kind: 'param', name: only.expression, raw, span }
      : { kind: 'dynamic', expression: only.expression, raw, span };
  }
  const chars: string[] = [];
  for (let i = from; i < to; i++) {
    if (tokens[i].v !== undefined) return { kind: 'mixed', raw, span };
    chars.push(tokens[i].ch);
  }
  const literal = chars.join('');
  // An unterminated `{{` is text to the tools, but it is not a name a person meant: keep it out of literal matching.
  if (literal.includes('{{') || literal.includes('}}')) return { kind: 'mixed', raw, span };
  return { kind: 'literal', text: literal, span };
}

function displayOf(tokens: readonly Token[], written: readonly WrittenRef[], from: number, to: number, text: string): string {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    const w = t.ref >= 0 ? written[t.ref] : undefined;
    if (w && w.first >= from && w.last <= to) {
      // A reference wholly inside the path is shown as written, once.
      if (i === w.first) out.push(text.slice(w.span.start, w.span.end));
      continue;
    }
    out.push(t.v === undefined ? t.ch : t.v.innerRaw);
  }
  return out.join('');
}

/**
 * Servers refuse request targets beyond about 8 KB (414 URI Too Long), so a longer "URL" is not one a client sends;
 * its path is reported as undetermined rather than spending memory on it.
 */
export const MAX_URL_LENGTH = 8192;

function unreadableUrl(pieces: readonly UrlPiece[]): UrlAnalysis {
  const urlVariables: UrlVariable[] = [];
  for (const piece of pieces) {
    for (const ref of findVariableRefs(piece.text, piece.start)) urlVariables.push({ expression: ref.expression, span: ref.span, part: 'path' });
  }
  return { path: { display: '', segments: [], prefixResolved: false, mountChain: [] }, urlVariables };
}

/**
 * `at` is the request's offset, for choosing among repeated definitions of a file variable.
 * The query (from `?`) and fragment are not part of the path; `display` is the path as written.
 */
export function analyzeUrl(text: string, pieces: readonly UrlPiece[], variables: FileVariableTable, at: number): UrlAnalysis {
  let length = 0;
  for (const piece of pieces) length += piece.text.length;
  if (length > MAX_URL_LENGTH) return unreadableUrl(pieces);
  const tokenizer = new Tokenizer(text, variables, at);
  for (const piece of pieces) tokenizer.addPiece(piece);
  const { tokens, written } = tokenizer;

  const pathStart = pathStartOf(tokens);
  let queryStart = pathStart;
  while (queryStart < tokens.length && !isChar(tokens, queryStart, '?#')) queryStart++;

  const segments: PathSegment[] = [];
  let segStart = pathStart;
  for (let i = pathStart; i <= queryStart; i++) {
    if (i < queryStart && !isChar(tokens, i, '/')) continue;
    if (i > segStart) segments.push(segmentOf(tokens, segStart, i, text));
    segStart = i + 1;
  }

  const urlVariables: UrlVariable[] = written.map((w) => ({
    expression: w.expression,
    span: w.span,
    part: w.first < pathStart ? 'origin' : w.first >= queryStart && queryStart < tokens.length ? 'query' : 'path',
  }));

  return {
    path: {
      display: displayOf(tokens, written, pathStart, queryStart, text),
      segments,
      prefixResolved: true,
      mountChain: [],
    },
    urlVariables,
  };
}

/**
 * From a request URL as written to the route's path: substitute known file variables, strip the origin and the
 * query, and split the rest into segments that keep their spans in the document.
 *
 * The URL is read as a sequence of positions: one per written character, one per character of a substituted value,
 * and one per reference that stays unresolved. A resolved file variable contributes the characters of its value,
 * each carrying the span of the reference as written, so `{{base}}/users` with `@base = https://x/api` yields the
 * segments `api` and `users`, and `api` points at `{{base}}`.
 *
 * Positions are never materialised one by one: the expanded characters are kept as one string and their origins
 * as runs (a slice of written text, a slice of a substituted value, or one unresolved reference), so a URL costs a
 * few objects per reference rather than one per character. Every pass walks positions and runs forward once.
 */
import type { PathSegment, PathTemplate, Span, UrlVariable } from '../model';
import type { UrlPiece } from './types';
import { FileVariableTable, findVariableRefs, isRequestVariable, MAX_EXPANSION, MAX_RESOLVE_DEPTH, referenceKind } from './variables';

/**
 * Stands for an unresolved reference in the expanded string. It is none of the characters the URL is split on
 * (`/ ? # : .`) nor a scheme character, so searches skip it; a NUL written in the URL is told apart by its run.
 */
const UNRESOLVED = '\u0000';

/** Positions [from, to) of the expanded URL and where they came from. */
interface Run {
  readonly from: number;
  readonly to: number;
  /** Written text: the document offset of position `from`. Unused otherwise. */
  readonly base: number;
  /** Index of the written reference the positions came from; -1 for text written directly. */
  readonly ref: number;
  /** Set for an unresolved reference, which is a single position. */
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
  /** Position range the reference produced. */
  first: number;
  last: number;
}

export interface UrlAnalysis {
  readonly path: PathTemplate;
  readonly urlVariables: UrlVariable[];
}

class Expander {
  readonly parts: string[] = [];
  readonly runs: Run[] = [];
  readonly written: WrittenRef[] = [];
  length = 0;
  private budget = MAX_EXPANSION;

  constructor(private readonly text: string, private readonly table: FileVariableTable, private readonly at: number) {}

  addPiece(piece: UrlPiece): void {
    let pos = 0;
    for (const ref of findVariableRefs(piece.text, piece.start)) {
      this.addSlice(piece.text, pos, ref.span.start - piece.start, piece.start + pos, -1);
      const w = this.written.length;
      this.written.push({ expression: ref.expression, span: ref.span, first: this.length, last: 0 });
      this.expand(ref.expression, this.text.slice(ref.span.start, ref.span.end), w, 0, []);
      this.written[w].last = this.length;
      pos = ref.span.end - piece.start;
    }
    this.addSlice(piece.text, pos, piece.text.length, piece.start + pos, -1);
  }

  private addSlice(source: string, from: number, to: number, base: number, ref: number): void {
    if (to <= from) return;
    this.parts.push(source.slice(from, to));
    this.runs.push({ from: this.length, to: this.length + to - from, base, ref, v: undefined });
    this.length += to - from;
  }

  private expand(expression: string, innerRaw: string, ref: number, depth: number, active: readonly string[]): void {
    const resolvable = referenceKind(expression) === 'param' && !isRequestVariable(expression)
      && depth < MAX_RESOLVE_DEPTH && !active.includes(expression);
    const def = resolvable ? this.table.lookup(expression, this.at) : undefined;
    if (!def || def.value.length > this.budget) {
      this.parts.push(UNRESOLVED);
      this.runs.push({ from: this.length, to: this.length + 1, base: 0, ref, v: { expression, innerRaw } });
      this.length++;
      return;
    }
    this.budget -= def.value.length;
    const value = def.value;
    const refs = this.table.valueRefs(def);
    const inner = refs.length > 0 ? [...active, expression] : active;
    let pos = 0;
    for (const r of refs) {
      this.addSlice(value, pos, r.span.start, 0, ref);
      this.expand(r.expression, value.slice(r.span.start, r.span.end), ref, depth + 1, inner);
      pos = r.span.end;
    }
    this.addSlice(value, pos, value.length, 0, ref);
  }
}

/** The expanded URL: `chars[i]` is position i's character (UNRESOLVED for a reference), `runs` cover [0, length). */
interface Expanded {
  readonly chars: string;
  readonly runs: readonly Run[];
  readonly written: readonly WrittenRef[];
  readonly text: string;
}

/** Document span of positions [from, to) that lie in `run`. */
function runSpan(x: Expanded, run: Run, from: number, to: number): Span {
  if (run.ref >= 0) return x.written[run.ref].span;
  return { start: run.base + Math.max(from, run.from) - run.from, end: run.base + Math.min(to, run.to) - run.from };
}

/** Index of the run holding position `i` (runs are sorted and contiguous). */
function runAt(runs: readonly Run[], i: number, hint = 0): number {
  let k = hint;
  while (k < runs.length - 1 && runs[k].to <= i) k++;
  return k;
}

function isUnresolvedAt(x: Expanded, i: number): boolean {
  return x.chars.charCodeAt(i) === 0 && x.runs[runAt(x.runs, i)].v !== undefined;
}

/** First position in [from, length) whose character is one of `stops` (`stops` never holds UNRESOLVED). */
function indexOfAny(chars: string, stops: string, from: number): number {
  let best = chars.length;
  for (const c of stops) {
    const i = chars.indexOf(c, from);
    if (i >= 0 && i < best) best = i;
  }
  return best;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** RFC 3986 scheme characters after the first: letters, digits, `+`, `-`, `.`. */
function isSchemeChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/** Index after `scheme://`, or 0 when the URL has no scheme. */
function schemeEnd(chars: string): number {
  let i = 0;
  // UNRESOLVED is not a scheme character, so an unresolved reference ends the scheme as it should.
  while (i < chars.length && (i > 0 ? isSchemeChar(chars.charCodeAt(i)) : isLetter(chars.charCodeAt(i)))) i++;
  if (i > 0 && chars.startsWith('://', i)) return i + 3;
  return 0;
}

/** Whether a URL without scheme starts with a host (`localhost:3000/x`, `api.example.com/x`, `{{baseUrl}}/x`). */
function startsWithHost(x: Expanded): boolean {
  const { chars } = x;
  if (chars.length > 0 && isUnresolvedAt(x, 0)) return true;
  let i = 0;
  for (; i < chars.length && i < 10; i++) {
    const c = chars[i];
    if (c === '/' || c === '?' || c === '#') break;
    if (c === '.' || c === ':' || isUnresolvedAt(x, i)) return true;
  }
  // Otherwise only a first word of exactly `localhost` is a host; a tenth character rules it out.
  return i === 9 && chars.slice(0, 9).toLowerCase() === 'localhost';
}

function pathStartOf(x: Expanded): number {
  const { chars } = x;
  if (chars.length === 0 || chars[0] === '/') return 0;
  const afterScheme = schemeEnd(chars);
  if (afterScheme === 0 && !startsWithHost(x)) return 0;
  return indexOfAny(chars, '/?#', afterScheme);
}

/** Walks the runs forward as segments are read in order, so all segments together cost O(positions + runs). */
class SegmentReader {
  private k = 0;

  constructor(private readonly x: Expanded) {}

  /** The segment made of positions [from, to). */
  read(from: number, to: number): PathSegment {
    const { runs, text, chars } = this.x;
    this.k = runAt(runs, from, this.k);
    let start = Infinity;
    let end = -Infinity;
    let unresolved: UnresolvedRef | undefined;
    let mixed = false;
    for (let k = this.k; k < runs.length && runs[k].from < to; k++) {
      const run = runs[k];
      const span = runSpan(this.x, run, from, to);
      if (span.start < start) start = span.start;
      if (span.end > end) end = span.end;
      if (run.v !== undefined) {
        if (unresolved !== undefined || to - from !== 1) mixed = true;
        unresolved = run.v;
      }
    }
    const span = { start, end };
    const raw = text.slice(start, end);
    if (unresolved !== undefined && !mixed) {
      return referenceKind(unresolved.expression) === 'param'
        ? { kind: 'param', name: unresolved.expression, raw, span }
        : { kind: 'dynamic', expression: unresolved.expression, raw, span };
    }
    if (unresolved !== undefined) return { kind: 'mixed', raw, span };
    const literal = chars.slice(from, to);
    // An unterminated `{{` is text to the tools, but it is not a name a person meant: keep it out of literal matching.
    if (literal.includes('{{') || literal.includes('}}')) return { kind: 'mixed', raw, span };
    return { kind: 'literal', text: literal, span };
  }
}

function displayOf(x: Expanded, from: number, to: number): string {
  const { runs, written, text, chars } = x;
  const out: string[] = [];
  for (let k = runAt(runs, from); k < runs.length && runs[k].from < to; k++) {
    const run = runs[k];
    const lo = Math.max(from, run.from);
    const hi = Math.min(to, run.to);
    if (lo >= hi) continue;
    const w = run.ref >= 0 ? written[run.ref] : undefined;
    if (w && w.first >= from && w.last <= to) {
      // A reference wholly inside the path is shown as written, once.
      if (w.first >= lo && w.first < hi) out.push(text.slice(w.span.start, w.span.end));
      continue;
    }
    out.push(run.v === undefined ? chars.slice(lo, hi) : run.v.innerRaw);
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
  const expander = new Expander(text, variables, at);
  for (const piece of pieces) expander.addPiece(piece);
  const { written, runs } = expander;
  const x: Expanded = { chars: expander.parts.join(''), runs, written, text };
  const count = x.chars.length;

  const pathStart = pathStartOf(x);
  const queryStart = indexOfAny(x.chars, '?#', pathStart);

  const segments: PathSegment[] = [];
  const reader = new SegmentReader(x);
  let segStart = pathStart;
  while (segStart <= queryStart) {
    let slash = x.chars.indexOf('/', segStart);
    if (slash < 0 || slash > queryStart) slash = queryStart;
    if (slash > segStart) segments.push(reader.read(segStart, slash));
    segStart = slash + 1;
  }

  const urlVariables: UrlVariable[] = written.map((w) => ({
    expression: w.expression,
    span: w.span,
    part: w.first < pathStart ? 'origin' : w.first >= queryStart && queryStart < count ? 'query' : 'path',
  }));

  return {
    path: {
      display: displayOf(x, pathStart, queryStart),
      segments,
      prefixResolved: true,
      mountChain: [],
    },
    urlVariables,
  };
}

/**
 * Effects of inline route handlers reused across keystrokes of an open document.
 *
 * What a handler's effects depend on: its own text, and the declarations it can see (module stores, imports,
 * helpers it calls, enclosing functions). An inline function passed to a route call cannot be named from anywhere
 * else, so no other handler depends on its text; nor do effects read the route's method token. The "context" is
 * therefore the file's text with every inline handler and every such method token cut out. While the context is
 * unchanged, a handler with the same text at the same place in the sequence of cut-outs has the same effects; only
 * their offsets move. Spans are stored relative to the handler (inside it) or to the gap of context they sit in.
 *
 * Handlers that read another file (imported helpers), named handlers, and any span that cannot be placed are
 * computed fresh every time.
 */
import ts = require('typescript');
import type { Effect } from '../../model';

export interface PendingEffects {
  readonly handler: ts.Node;
  /** The array the route facts already hold; filled once every handler of the file is known. */
  readonly into: Effect[];
}

/** Computes one handler's effects; sets `watch.imported` when another file was read for them. */
export type ComputeEffects = (handler: ts.Node, watch: { imported: boolean }) => Effect[];

/** A point of an effect span: an offset into its handler, or into a gap of the context. */
type Point = { readonly inHandler: number } | { readonly gap: number; readonly offset: number };

interface Stored {
  readonly effect: Effect;
  readonly start: Point;
  readonly end: Point;
}

interface Cut {
  readonly start: number;
  readonly end: number;
  /** The inline handler this cut is, absent for a method token. */
  readonly handler?: ts.Node;
}

/** Bounds the memo of one file: a route file has a few hundred handlers, each keeps its last text. */
const MAX_ENTRIES = 5000;

export class EffectMemo {
  private context: string | undefined;
  private byHandler = new Map<string, readonly Stored[]>();

  fill(sf: ts.SourceFile, pending: readonly PendingEffects[], compute: ComputeEffects): void {
    const cuts = cutsOf(sf, pending);
    if (!cuts) {
      for (const p of pending) p.into.push(...compute(p.handler, { imported: false }));
      return;
    }
    const text = sf.text;
    const gaps = gapStarts(cuts);
    const context = contextOf(text, cuts);
    if (context !== this.context || this.byHandler.size > MAX_ENTRIES) {
      this.context = context;
      this.byHandler = new Map();
    }
    const indexOf = new Map<ts.Node, number>();
    cuts.forEach((c, i) => { if (c.handler) indexOf.set(c.handler, i); });
    for (const p of pending) {
      const index = indexOf.get(p.handler);
      if (index === undefined) {
        p.into.push(...compute(p.handler, { imported: false }));
        continue;
      }
      const cut = cuts[index];
      const key = `${index}\u0000${text.slice(cut.start, cut.end)}`;
      const stored = this.byHandler.get(key);
      if (stored) {
        p.into.push(...stored.map((s) => place(s, cut, gaps)));
        continue;
      }
      const watch = { imported: false };
      const found = compute(p.handler, watch);
      p.into.push(...found);
      const kept = watch.imported ? undefined : storable(found, cut, cuts, gaps);
      if (kept) this.byHandler.set(key, kept);
    }
  }
}

/** Inline handlers and their route's method tokens, in file order; undefined when they overlap (nested routes). */
function cutsOf(sf: ts.SourceFile, pending: readonly PendingEffects[]): Cut[] | undefined {
  const cuts: Cut[] = [];
  const seen = new Set<ts.Node>();
  for (const { handler } of pending) {
    if (seen.has(handler) || !isInlineHandler(handler)) continue;
    seen.add(handler);
    cuts.push({ start: handler.getStart(sf), end: handler.end, handler });
    const callee = (handler.parent as ts.CallExpression).expression;
    if (ts.isPropertyAccessExpression(callee)) cuts.push({ start: callee.name.getStart(sf), end: callee.name.end });
  }
  cuts.sort((a, b) => a.start - b.start);
  for (let i = 1; i < cuts.length; i++) if (cuts[i].start < cuts[i - 1].end) return undefined;
  return cuts;
}

/** A function literal written as a call argument: nothing else in the file can refer to it. */
function isInlineHandler(node: ts.Node): boolean {
  return (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.parent !== undefined
    && ts.isCallExpression(node.parent) && node.parent.arguments.some((a) => a === node);
}

/** Gap i runs from gaps[i] to the start of cut i (the last gap to the end of the text). */
function gapStarts(cuts: readonly Cut[]): number[] {
  return [0, ...cuts.map((c) => c.end)];
}

function contextOf(text: string, cuts: readonly Cut[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const c of cuts) {
    parts.push(text.slice(at, c.start));
    at = c.end;
  }
  parts.push(text.slice(at));
  return `${cuts.length}\u0000${parts.join('\u0000')}`;
}

function storable(found: readonly Effect[], cut: Cut, cuts: readonly Cut[], gaps: readonly number[]): Stored[] | undefined {
  const out: Stored[] = [];
  for (const effect of found) {
    if (effect.filePath !== undefined) return undefined;
    const start = pointOf(effect.span.start, cut, cuts, gaps);
    const end = pointOf(effect.span.end, cut, cuts, gaps);
    if (!start || !end) return undefined;
    out.push({ effect: { ...effect }, start, end });
  }
  return out;
}

function pointOf(offset: number, cut: Cut, cuts: readonly Cut[], gaps: readonly number[]): Point | undefined {
  if (offset >= cut.start && offset <= cut.end) return { inHandler: offset - cut.start };
  // The gap whose start is the last one at or before the offset; the offset must not lie inside the cut after it.
  let lo = 0;
  let hi = gaps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (gaps[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const gapEnd = lo < cuts.length ? cuts[lo].start : Number.POSITIVE_INFINITY;
  return offset <= gapEnd ? { gap: lo, offset: offset - gaps[lo] } : undefined;
}

function place(stored: Stored, cut: Cut, gaps: readonly number[]): Effect {
  const at = (p: Point): number => ('inHandler' in p ? cut.start + p.inHandler : gaps[p.gap] + p.offset);
  return { ...stored.effect, span: { start: at(stored.start), end: at(stored.end) } };
}

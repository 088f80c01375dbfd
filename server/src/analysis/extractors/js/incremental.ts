/**
 * Incremental re-parsing for documents open in an editor: each keystroke changes a few characters of a file that
 * was just parsed, and re-parsing 3,000 lines from scratch dominates the time to fresh diagnostics.
 *
 * Only a few open paths keep their tree (least recently used first out): ASTs are never held for the workspace.
 * `ts.updateSourceFile` reuses and shifts the old tree's nodes, so a tree handed to it is dropped from the cache
 * before the call and never used again; any doubt about the result falls back to a full parse.
 */
import ts = require('typescript');
import { resetDeclarationCaches } from './effects/scope';
import { EffectMemo } from './effect-reuse';
import { parseSource } from './handlers';

/** Open documents whose trees are kept; a user types in one at a time, a few more stay warm for tab switches. */
const MAX_OPEN = 8;
/** A change touching more than this share of the file (a paste over most of it, a revert) parses from scratch. */
const MAX_CHANGED_SHARE = 0.5;

interface OpenTree {
  readonly text: string;
  readonly sf: ts.SourceFile;
  readonly memo: EffectMemo;
}

const open = new Map<string, OpenTree>();

export interface IncrementalParse {
  readonly sf: ts.SourceFile;
  /** Effects of the path's handlers from earlier calls, reusable while their context is unchanged. */
  readonly memo: EffectMemo;
}

/** The tree of `text`, derived from the path's previous tree when there is one; the new tree replaces it. */
export function parseIncremental(path: string, text: string): IncrementalParse {
  const previous = open.get(path);
  open.delete(path);
  let sf: ts.SourceFile | undefined;
  if (previous?.text === text) sf = previous.sf;
  else if (previous) sf = updateTree(previous, text);
  sf ??= parseSource(path, text);
  const memo = previous?.memo ?? new EffectMemo();
  open.set(path, { text, sf, memo });
  while (open.size > MAX_OPEN) open.delete(open.keys().next().value as string);
  return { sf, memo };
}

/** The document closed (or its tree is suspect): its tree and effects are dropped. */
export function forgetIncremental(path: string): void {
  open.delete(path);
}

/** Paths holding a tree, least recently used first (for tests and diagnostics). */
export function incrementalPaths(): string[] {
  return [...open.keys()];
}

function updateTree(previous: OpenTree, text: string): ts.SourceFile | undefined {
  const change = changeRange(previous.text, text);
  if (change.span.length + change.newLength > Math.max(previous.text.length, text.length) * MAX_CHANGED_SHARE) return undefined;
  try {
    const sf = ts.updateSourceFile(previous.sf, text, change, false);
    if (sf === previous.sf || sf.text !== text || sf.end !== text.length) return undefined;
    resetDeclarationCaches();
    return sf;
  } catch {
    return undefined;
  }
}

/** The one region that differs between two texts: their common prefix and suffix, found in linear time. */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { span: { start, length: before.length - start - tail }, newLength: after.length - start - tail };
}

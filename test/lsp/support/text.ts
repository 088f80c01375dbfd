/** Positions in fixture texts, found by the text they point at, so expected ranges follow the fixture. */
import type { Position, Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The range of the `occurrence`-th (0-based) `needle` in `text`, optionally on the line containing `lineHint`. */
export function rangeOf(text: string, needle: string, occurrence = 0, after?: string): Range {
  const from = after === undefined ? 0 : mustFind(text, after, 0);
  let index = from - 1;
  for (let i = 0; i <= occurrence; i++) index = mustFind(text, needle, index + 1);
  const doc = TextDocument.create('file:///fixture', 'http', 0, text);
  return { start: doc.positionAt(index), end: doc.positionAt(index + needle.length) };
}

/** A position `delta` characters into the first `needle` that follows `after` (or the text start). */
export function positionIn(text: string, needle: string, delta = 0, after?: string): Position {
  const r = rangeOf(text, needle, 0, after);
  return { line: r.start.line, character: r.start.character + delta };
}

function mustFind(text: string, needle: string, from: number): number {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)} after offset ${from}`);
  return index;
}

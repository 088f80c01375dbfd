/**
 * Line splitting for request files. LF, CRLF and lone CR all end a line (the three tools accept each); a UTF-8 BOM
 * before the first line is not part of its content.
 *
 * Each line carries the width of its leading and trailing whitespace, measured once here, so the readers that ask
 * "what does this line start with" look at one character instead of trimming (and copying) the line again.
 */

export interface Line {
  /** Offset of the first content character. */
  readonly start: number;
  /** Offset just past the content, before the line break. */
  readonly end: number;
  readonly text: string;
  /** Leading whitespace, as `String.prototype.trimStart` counts it; equals `text.length` on a blank line. */
  readonly indent: number;
  /** Trailing whitespace, as `String.prototype.trimEnd` counts it; equals `text.length` on a blank line. */
  readonly trail: number;
}

/** The characters `String.prototype.trim` removes: ECMAScript WhiteSpace and LineTerminator. */
export function isTrimmedSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function makeLine(text: string, start: number, end: number): Line {
  const content = text.slice(start, end);
  let indent = 0;
  while (indent < content.length && isTrimmedSpace(content.charCodeAt(indent))) indent++;
  let trail = indent === content.length ? indent : 0;
  while (trail < content.length && isTrimmedSpace(content.charCodeAt(content.length - 1 - trail))) trail++;
  return { start, end, text: content, indent, trail };
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The next LF and the next CR, each found by a native search and looked up again only once passed: linear, and
  // much cheaper than testing every character here.
  let lf = text.indexOf('\n', start);
  let cr = text.indexOf('\r', start);
  for (;;) {
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    const i = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    if (i < 0) break;
    lines.push(makeLine(text, start, i));
    start = i === cr && lf === i + 1 ? i + 2 : i + 1;
  }
  lines.push(makeLine(text, start, text.length));
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.indent === line.text.length;
}

/** Offset of the first non-whitespace character of the line (its end when blank). */
export function contentStart(line: Line): number {
  return line.start + line.indent;
}

/** Offset just past the last non-whitespace character of the line. */
export function contentEnd(line: Line): number {
  return line.end - line.trail;
}

/** Whether the line's content (after its indentation) starts with `prefix`. */
export function startsWithAfterIndent(line: Line, prefix: string): boolean {
  return line.text.startsWith(prefix, line.indent);
}

/** UTF-16 code of the first content character; NaN on a blank line. */
export function firstCode(line: Line): number {
  return line.text.charCodeAt(line.indent);
}

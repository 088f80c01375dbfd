/**
 * Line splitting for request files. LF, CRLF and lone CR all end a line (the three tools accept each); a UTF-8 BOM
 * before the first line is not part of its content.
 */

export interface Line {
  /** Offset of the first content character. */
  readonly start: number;
  /** Offset just past the content, before the line break. */
  readonly end: number;
  readonly text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ start, end: i, text: text.slice(start, i) });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** Offset of the first non-whitespace character of the line (its end when blank). */
export function contentStart(line: Line): number {
  const lead = line.text.length - line.text.trimStart().length;
  return line.start + lead;
}

/** Offset just past the last non-whitespace character of the line. */
export function contentEnd(line: Line): number {
  return line.start + line.text.trimEnd().length;
}

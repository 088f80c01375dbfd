/**
 * A tolerant scanner for the top-level fields of a JSON object body. Request-file bodies are often not JSON:
 * values are `{{variables}}`, keys may be unquoted, comments appear, and while typing the object is unfinished.
 * The scanner therefore never parses values, it only skips them to the next top-level `,` or `}`; each character
 * is visited a bounded number of times, so it is linear and cannot fail.
 */
import type { BodyField } from '../model';

/** `[\w$-]`: ASCII letters, digits, `_`, `$` and `-`. */
function isBareKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 45;
}

class Scanner {
  i = 0;
  /** Next `}}` at or after `i`, cached so unterminated `{{` runs stay linear; -1 when there is none left. */
  private nextClose = -2;

  constructor(readonly text: string) {}

  private closeAt(from: number): number {
    if (this.nextClose === -1) return -1;
    if (this.nextClose < from) this.nextClose = this.text.indexOf('}}', from);
    return this.nextClose;
  }

  /** End of a `{{...}}` that starts at `at`, or -1 when `at` does not start a terminated one. */
  templateEnd(at: number): number {
    if (this.text.charCodeAt(at) !== 123 || this.text.charCodeAt(at + 1) !== 123) return -1;
    const close = this.closeAt(at + 2);
    return close < 0 ? -1 : close + 2;
  }

  /** End of the string starting at `at`; an unterminated string ends at its line break, as an editor shows it. */
  stringEnd(at: number): number {
    const quote = this.text.charCodeAt(at);
    let j = at + 1;
    while (j < this.text.length) {
      const c = this.text.charCodeAt(j);
      if (c === 92 /* \ */) j += 2;
      else if (c === quote) return j + 1;
      else if (c === 10 || c === 13) return j;
      else j++;
    }
    return this.text.length;
  }

  /** End of a comment starting at `at`, or -1 when there is none. */
  commentEnd(at: number): number {
    if (this.text.charCodeAt(at) !== 47 /* / */) return -1;
    const next = this.text.charCodeAt(at + 1);
    if (next === 47) {
      let j = at + 2;
      while (j < this.text.length && this.text.charCodeAt(j) !== 10 && this.text.charCodeAt(j) !== 13) j++;
      return j;
    }
    if (next === 42 /* * */) {
      const close = this.text.indexOf('*/', at + 2);
      return close < 0 ? this.text.length : close + 2;
    }
    return -1;
  }

  skipTrivia(alsoCommas: boolean): void {
    while (this.i < this.text.length) {
      const c = this.text.charCodeAt(this.i);
      if (c <= 32 || (alsoCommas && c === 44)) {
        this.i++;
        continue;
      }
      const end = this.commentEnd(this.i);
      if (end < 0) return;
      this.i = end;
    }
  }

  /** Moves past one value, stopping at the top-level `,` or `}` that follows it (or the end). */
  skipValue(): void {
    let depth = 0;
    const text = this.text;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 34 || c === 39) {
        this.i = this.stringEnd(this.i);
        continue;
      }
      const template = this.templateEnd(this.i);
      if (template >= 0) {
        this.i = template;
        continue;
      }
      if (c === 123 && text.charCodeAt(this.i + 1) === 123) {
        // An unterminated `{{` is a variable being typed, not two nested objects.
        this.i += 2;
        continue;
      }
      const comment = this.commentEnd(this.i);
      if (comment >= 0) {
        this.i = comment;
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth === 0) return;
        depth--;
      } else if (c === 44 && depth === 0) return;
      this.i++;
    }
  }

  /** Reads a key at `i`: a quoted string, a `{{template}}` or a bare identifier. */
  readKey(): string | undefined {
    const text = this.text;
    const c = text.charCodeAt(this.i);
    const start = this.i;
    if (c === 34 || c === 39) {
      this.i = this.stringEnd(start);
      const closed = this.i > start + 1 && text.charCodeAt(this.i - 1) === c;
      return text.slice(start + 1, closed ? this.i - 1 : this.i);
    }
    const template = this.templateEnd(start);
    if (template >= 0) {
      this.i = template;
      return text.slice(start, template);
    }
    while (this.i < text.length && isBareKeyChar(text.charCodeAt(this.i))) this.i++;
    return this.i > start ? text.slice(start, this.i) : undefined;
  }
}

/** Top-level fields of the object that starts at the first `{` of `text`; offsets are shifted by `base`. */
export function scanJsonObjectFields(text: string, base: number): BodyField[] {
  const fields: BodyField[] = [];
  const s = new Scanner(text);
  s.i = text.indexOf('{');
  if (s.i < 0) return fields;
  s.i++;
  for (;;) {
    s.skipTrivia(true);
    if (s.i >= text.length || text.charCodeAt(s.i) === 125) return fields;
    const keyStart = s.i;
    const key = s.readKey();
    s.skipTrivia(false);
    if (key === undefined || text.charCodeAt(s.i) !== 58 /* : */) {
      // Not `key:`; move on to the next member so one bad token does not hide the rest.
      if (key === undefined) s.i = keyStart;
      s.skipValue();
      if (s.i === keyStart) s.i++;
      continue;
    }
    s.i++;
    s.skipTrivia(false);
    const valueStart = s.i;
    s.skipValue();
    const valueText = text.slice(valueStart, s.i).trimEnd();
    fields.push({ key, valueText, span: { start: base + keyStart, end: base + valueStart + valueText.length } });
  }
}

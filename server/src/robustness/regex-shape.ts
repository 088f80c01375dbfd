/**
 * A structural check for regular expressions that can backtrack catastrophically. Unit tests may not time things, so
 * instead of running a regex against a 50k-character attack string we look at its shape, as safe-regex and
 * rxxr-style analysers do: a repetition whose iterations can split one input in many ways is exponential.
 *
 * Characters are approximated by a fixed alphabet (all of ASCII plus a few representative non-ASCII code units), so
 * "do these two parts overlap" is a set intersection. The check errs on the side of flagging: a false alarm costs a
 * reviewed allowlist entry, a miss costs a hung editor.
 */

/** ASCII plus stand-ins for the non-ASCII classes that matter: NBSP, a Latin letter, line separator, CJK, BOM, surrogate, U+FFFD. */
const EXTRA = [0xa0, 0xe9, 0x2028, 0x4e2d, 0xfeff, 0xd83d, 0xfffd];
const ALPHABET: readonly number[] = [...Array.from({ length: 128 }, (_, i) => i), ...EXTRA];
type CharSet = bigint;
const ALL: CharSet = (1n << BigInt(ALPHABET.length)) - 1n;

function setOf(pred: (code: number) => boolean): CharSet {
  let s = 0n;
  ALPHABET.forEach((c, i) => {
    if (pred(c)) s |= 1n << BigInt(i);
  });
  return s;
}
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) => (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x2028 || c === 0xfeff;
const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028;
const DIGIT = setOf(isDigit);
const WORD = setOf(isWord);
const SPACE = setOf(isSpace);
const DOT = setOf((c) => !isLineEnd(c));

export type RegexNode =
  | { readonly t: 'seq'; readonly items: readonly RegexNode[] }
  | { readonly t: 'alt'; readonly alts: readonly RegexNode[] }
  | { readonly t: 'group'; readonly body: RegexNode; readonly look: boolean }
  | { readonly t: 'quant'; readonly body: RegexNode; readonly min: number; readonly max: number }
  | { readonly t: 'set'; readonly set: CharSet }
  | { readonly t: 'assert' }
  | { readonly t: 'backref' };

/** Parses the subset of JavaScript regex syntax the analysis needs; anything unknown becomes "any character". */
export function parseRegex(source: string, flags = ''): RegexNode {
  let i = 0;
  const ignoreCase = flags.includes('i');
  const dotAll = flags.includes('s');
  const literal = (code: number): CharSet => {
    if (!ignoreCase) return setOf((c) => c === code);
    const ch = String.fromCharCode(code);
    return setOf((c) => c === code || String.fromCharCode(c) === ch.toLowerCase() || String.fromCharCode(c) === ch.toUpperCase());
  };
  const escapeSet = (ch: string): CharSet | undefined => {
    switch (ch) {
      case 'd': return DIGIT;
      case 'D': return ALL & ~DIGIT;
      case 'w': return WORD;
      case 'W': return ALL & ~WORD;
      case 's': return SPACE;
      case 'S': return ALL & ~SPACE;
      case 'n': return literal(10);
      case 'r': return literal(13);
      case 't': return literal(9);
      case 'f': return literal(12);
      case 'v': return literal(11);
      case '0': return literal(0);
      default: return undefined;
    }
  };
  /** An escape after the backslash: a set, or the code of a literal character. */
  const readEscape = (inClass: boolean): CharSet => {
    const ch = source[i++] ?? '\\';
    const known = escapeSet(ch);
    if (known !== undefined) return known;
    if (ch === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(i, i + 2))) {
      i += 2;
      return literal(parseInt(source.slice(i - 2, i), 16));
    }
    if (ch === 'u' || ch === 'p' || ch === 'P' || ch === 'c') {
      // Unicode escapes and properties: skip their payload, assume they can match anything.
      if (source[i] === '{') i = Math.max(i, source.indexOf('}', i) + 1);
      else if (ch === 'u') i += 4;
      else if (ch === 'c') i += 1;
      return ALL;
    }
    if (ch === 'b' && inClass) return literal(8);
    return literal(ch.charCodeAt(0));
  };
  const parseClass = (): CharSet => {
    const negate = source[i] === '^';
    if (negate) i++;
    let set = 0n;
    let first = true;
    while (i < source.length && (source[i] !== ']' || first)) {
      first = false;
      let lo: CharSet;
      let loCode: number | undefined;
      if (source[i] === '\\') {
        i++;
        const before = i;
        lo = readEscape(true);
        loCode = i === before + 1 && !escapeSet(source[before]) ? source.charCodeAt(before) : undefined;
      } else {
        loCode = source.charCodeAt(i++);
        lo = literal(loCode);
      }
      if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length && loCode !== undefined) {
        i++;
        let hiCode: number;
        if (source[i] === '\\') {
          i++;
          const esc = source[i++];
          hiCode = esc === 'x' ? parseInt(source.slice(i, (i += 2)), 16) : esc.charCodeAt(0);
        } else hiCode = source.charCodeAt(i++);
        const from = loCode;
        set |= ignoreCase ? setOf((c) => (c >= from && c <= hiCode) || (String.fromCharCode(c).toLowerCase().charCodeAt(0) >= from && String.fromCharCode(c).toLowerCase().charCodeAt(0) <= hiCode) || (String.fromCharCode(c).toUpperCase().charCodeAt(0) >= from && String.fromCharCode(c).toUpperCase().charCodeAt(0) <= hiCode)) : setOf((c) => c >= from && c <= hiCode);
      } else set |= lo;
    }
    i++; // the closing bracket
    return negate ? ALL & ~set : set;
  };
  const parseAtom = (): RegexNode => {
    const ch = source[i++];
    if (ch === '(') {
      let look = false;
      if (source[i] === '?') {
        if (source[i + 1] === ':') i += 2;
        else if (source[i + 1] === '=' || source[i + 1] === '!') (look = true), (i += 2);
        else if (source[i + 1] === '<' && (source[i + 2] === '=' || source[i + 2] === '!')) (look = true), (i += 3);
        else if (source[i + 1] === '<') i = source.indexOf('>', i) + 1;
      }
      const body = parseAlt();
      i++; // ')'
      return { t: 'group', body, look };
    }
    if (ch === '[') return { t: 'set', set: parseClass() };
    if (ch === '.') return { t: 'set', set: dotAll ? ALL : DOT };
    if (ch === '^' || ch === '$') return { t: 'assert' };
    if (ch === '\\') {
      const next = source[i];
      if (next === 'b' || next === 'B') return i++, { t: 'assert' };
      if (next === 'k' || (next >= '1' && next <= '9')) {
        i++;
        if (next === 'k' && source[i] === '<') i = source.indexOf('>', i) + 1;
        else while (source[i] >= '0' && source[i] <= '9') i++;
        return { t: 'backref' };
      }
      return { t: 'set', set: readEscape(false) };
    }
    return { t: 'set', set: literal(ch.charCodeAt(0)) };
  };
  const parseQuantified = (): RegexNode => {
    const atom = parseAtom();
    let min = -1;
    let max = -1;
    const q = source[i];
    if (q === '*') (min = 0), (max = Infinity), i++;
    else if (q === '+') (min = 1), (max = Infinity), i++;
    else if (q === '?') (min = 0), (max = 1), i++;
    else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m) {
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        i += m[0].length;
      }
    }
    if (min < 0) return atom;
    if (source[i] === '?') i++; // laziness changes the order of tries, not their number on a failing input
    return { t: 'quant', body: atom, min, max };
  };
  const parseSeq = (): RegexNode => {
    const items: RegexNode[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') items.push(parseQuantified());
    return { t: 'seq', items };
  };
  function parseAlt(): RegexNode {
    const alts = [parseSeq()];
    while (source[i] === '|') {
      i++;
      alts.push(parseSeq());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }
  const tree = parseAlt();
  // A stray ')' ends parseAlt early; keep going so the rest of the pattern is analysed too.
  if (i < source.length) return { t: 'seq', items: [tree, parseRegex(source.slice(i + 1), flags)] };
  return tree;
}

function nullable(n: RegexNode): boolean {
  switch (n.t) {
    case 'set': return false;
    case 'assert': case 'backref': return true;
    case 'seq': return n.items.every(nullable);
    case 'alt': return n.alts.some(nullable);
    case 'group': return n.look || nullable(n.body);
    case 'quant': return n.min === 0 || nullable(n.body);
  }
}

/** Every character the node can consume. */
function chars(n: RegexNode): CharSet {
  switch (n.t) {
    case 'set': return n.set;
    case 'assert': return 0n;
    case 'backref': return ALL;
    case 'seq': return n.items.reduce((s, x) => s | chars(x), 0n);
    case 'alt': return n.alts.reduce((s, x) => s | chars(x), 0n);
    case 'group': return n.look ? 0n : chars(n.body);
    case 'quant': return chars(n.body);
  }
}

/** Characters a match of the node can start with. */
function first(n: RegexNode): CharSet {
  switch (n.t) {
    case 'set': return n.set;
    case 'assert': return 0n;
    case 'backref': return ALL;
    case 'seq': {
      let s = 0n;
      for (const item of n.items) {
        s |= first(item);
        if (!nullable(item)) break;
      }
      return s;
    }
    case 'alt': return n.alts.reduce((s, x) => s | first(x), 0n);
    case 'group': return n.look ? 0n : first(n.body);
    case 'quant': return first(n.body);
  }
}

/** A repetition that may run long enough for ambiguity to compound: unbounded, or bounded above 20. */
const isLoop = (n: RegexNode): boolean => n.t === 'quant' && n.max > 20;
type Quant = Extract<RegexNode, { t: 'quant' }>;

function unwrap(n: RegexNode): RegexNode {
  return n.t === 'group' && !n.look ? unwrap(n.body) : n;
}

function innerLoops(n: RegexNode, out: Quant[] = []): Quant[] {
  if (n.t === 'quant') {
    if (isLoop(n)) out.push(n);
    innerLoops(n.body, out);
  } else if (n.t === 'seq') n.items.forEach((x) => innerLoops(x, out));
  else if (n.t === 'alt') n.alts.forEach((x) => innerLoops(x, out));
  else if (n.t === 'group' && !n.look) innerLoops(n.body, out);
  return out;
}

/** True when every path through `n` consumes a character outside `avoid`: such an item pins where iterations split. */
function hasSeparator(n: RegexNode, avoid: CharSet): boolean {
  const u = unwrap(n);
  if (u.t === 'alt') return u.alts.every((a) => hasSeparator(a, avoid));
  if (u.t === 'seq') return u.items.some((item) => hasSeparator(item, avoid));
  if (u.t === 'set') return (u.set & avoid) === 0n;
  if (u.t === 'quant') return u.min > 0 && !isLoop(u) && hasSeparator(u.body, avoid);
  return false;
}

export interface RegexProblem {
  readonly kind: 'nested-quantifier' | 'overlapping-alternation' | 'adjacent-overlapping-loops';
  /** Exponential problems fail the tests; polynomial ones are reported by the benchmark with measured growth. */
  readonly growth: 'exponential' | 'polynomial';
  readonly detail: string;
}

export function regexProblems(source: string, flags = ''): RegexProblem[] {
  const problems: RegexProblem[] = [];
  const visit = (n: RegexNode): void => {
    if (n.t === 'quant' && isLoop(n)) {
      const body = unwrap(n.body);
      if (body.t === 'alt') {
        for (let a = 0; a < body.alts.length; a++) {
          for (let b = a + 1; b < body.alts.length; b++) {
            if ((first(body.alts[a]) & first(body.alts[b])) !== 0n) {
              problems.push({ kind: 'overlapping-alternation', growth: 'exponential', detail: `alternatives ${a + 1} and ${b + 1} of a repeated group can start with the same character` });
            }
          }
        }
      }
      const inner = innerLoops(n.body);
      if (inner.length > 0) {
        const avoid = inner.reduce((s, q) => s | chars(q.body), 0n);
        if (!hasSeparator(n.body, avoid)) {
          problems.push({ kind: 'nested-quantifier', growth: 'exponential', detail: 'a repeated group contains a repetition and nothing that pins where one iteration ends' });
        }
      }
    }
    if (n.t === 'seq') checkAdjacent(n.items, problems);
    if (n.t === 'seq') n.items.forEach(visit);
    else if (n.t === 'alt') n.alts.forEach(visit);
    else if (n.t === 'group' || n.t === 'quant') visit(n.body);
  };
  visit(parseRegex(source, flags));
  return dedupe(problems);
}

function checkAdjacent(items: readonly RegexNode[], problems: RegexProblem[]): void {
  for (let a = 0; a < items.length; a++) {
    if (!isLoop(items[a])) continue;
    for (let b = a + 1; b < items.length; b++) {
      const item = items[b];
      if (isLoop(item) && (chars(items[a]) & chars(item)) !== 0n) {
        problems.push({ kind: 'adjacent-overlapping-loops', growth: 'polynomial', detail: `repetitions ${a + 1} and ${b + 1} can trade the same characters` });
        break;
      }
      if (!nullable(item)) break;
    }
  }
}

function dedupe(problems: RegexProblem[]): RegexProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.kind + p.detail) ? false : (seen.add(p.kind + p.detail), true)));
}

/** Star height: how deeply unbounded repetitions nest (1 for `a*`, 2 for `(a*)*`). Reported beside the problems. */
export function starHeight(source: string, flags = ''): number {
  const height = (n: RegexNode): number => {
    switch (n.t) {
      case 'seq': return Math.max(0, ...n.items.map(height));
      case 'alt': return Math.max(0, ...n.alts.map(height));
      case 'group': return height(n.body);
      case 'quant': return height(n.body) + (isLoop(n) ? 1 : 0);
      default: return 0;
    }
  };
  return height(parseRegex(source, flags));
}

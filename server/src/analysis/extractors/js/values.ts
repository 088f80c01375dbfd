/**
 * Static strings: what a path or prefix expression evaluates to when that is knowable from this file alone
 * (literals, `const` identifiers, template literals and `+` of those). Anything else stays unknown and is carried
 * as its source text, never guessed.
 */
import ts = require('typescript');
import type { PathSegment, Span } from '../../model';
import type { PrefixFact } from './facts';
import { parseRoutePath } from './path-template';
import type { Scopes } from './scope';

const MAX_DEPTH = 8;

export interface StringValue {
  /** The value when every part is known. */
  readonly value?: string;
  /** For display and unknown parts: the value with unknown parts as `${source}`, or the source text if all unknown. */
  readonly text: string;
  /** Offset in the file of the value's first character, when it is a literal written verbatim here. */
  readonly base?: number;
  /** The literal's content for a plain literal, else the whole expression. */
  readonly span: Span;
}

interface Piece { readonly known: boolean; readonly text: string }

/** Wrappers that do not change a value; each has an `expression`. A kind lookup: this runs on nearly every call read. */
const WRAPPERS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.ParenthesizedExpression, ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.NonNullExpression, ts.SyntaxKind.SatisfiesExpression, ts.SyntaxKind.TypeAssertionExpression]);

type Wrapper = ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.SatisfiesExpression | ts.TypeAssertion;

export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (WRAPPERS.has(e.kind)) e = (e as Wrapper).expression;
  return e;
}

/** Undefined when the expression is clearly not a string (a function, object, regex, number...). */
export function evalString(expr: ts.Expression, scopes: Scopes, sf: ts.SourceFile): StringValue | undefined {
  const e = unwrap(expr);
  const start = e.getStart(sf);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    const content = { start: start + 1, end: e.end - 1 };
    const verbatim = sf.text.slice(content.start, content.end) === e.text;
    return { value: e.text, text: e.text, span: content, ...(verbatim ? { base: content.start } : {}) };
  }
  const pieces = evalPieces(e, scopes, sf, 0);
  if (!pieces) return undefined;
  const span = { start, end: e.end };
  if (pieces.every((p) => p.known)) {
    const value = pieces.map((p) => p.text).join('');
    return { value, text: value, span };
  }
  if (pieces.length === 1) return { text: pieces[0].text, span };
  return { text: pieces.map((p) => (p.known ? p.text : '${' + p.text + '}')).join(''), span };
}

function evalPieces(expr: ts.Expression, scopes: Scopes, sf: ts.SourceFile, depth: number): Piece[] | undefined {
  const e = unwrap(expr);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [{ known: true, text: e.text }];
  if (ts.isTemplateExpression(e)) {
    const out: Piece[] = [{ known: true, text: e.head.text }];
    for (const span of e.templateSpans) {
      out.push(...(evalPieces(span.expression, scopes, sf, depth + 1) ?? [unknown(span.expression, sf)]));
      out.push({ known: true, text: span.literal.text });
    }
    return out;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evalPieces(e.left, scopes, sf, depth + 1);
    const right = evalPieces(e.right, scopes, sf, depth + 1);
    if (!left && !right) return undefined;
    return [...(left ?? [unknown(e.left, sf)]), ...(right ?? [unknown(e.right, sf)])];
  }
  if (ts.isIdentifier(e) && depth < MAX_DEPTH) {
    const decl = scopes.lookup(e);
    if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.initializer) {
      const isConst = (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) !== 0;
      const init = unwrap(decl.initializer);
      if (notAString(init)) return undefined;
      if (isConst) {
        const inner = evalPieces(init, scopes, sf, depth + 1);
        if (inner?.every((p) => p.known)) return inner;
      }
      return [unknown(e, sf)];
    }
    if (decl && (ts.isFunctionDeclaration(decl) || ts.isClassDeclaration(decl))) return undefined;
    return [unknown(e, sf)];
  }
  if (notAString(e)) return undefined;
  return [unknown(e, sf)];
}

function notAString(e: ts.Expression): boolean {
  return ts.isFunctionLike(e) || ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e)
    || ts.isRegularExpressionLiteral(e) || ts.isNumericLiteral(e) || ts.isClassExpression(e)
    || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword
    || ts.isNewExpression(e);
}

function unknown(e: ts.Expression, sf: ts.SourceFile): Piece {
  return { known: false, text: collapse(e.getText(sf)) };
}

/** Source text on one line, bounded, for messages and `{?}` explanations. */
export function collapse(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 120 ? `${one.slice(0, 117)}...` : one;
}

export function prefixFact(expr: ts.Expression, scopes: Scopes, sf: ts.SourceFile): PrefixFact | undefined {
  const v = evalString(expr, scopes, sf);
  if (!v) return undefined;
  return v.value !== undefined
    ? { text: v.value, resolved: true, span: v.span, ...(v.base !== undefined ? { verbatim: true } : {}) }
    : { text: v.text, resolved: false, span: v.span };
}

/** A route's own path: segments with spans when the literal is written verbatim here. */
export function pathSegments(v: StringValue): PathSegment[] {
  if (v.value !== undefined) return parseRoutePath(v.value, { base: v.base });
  if (!v.text.includes('${')) return [{ kind: 'mixed', raw: v.text }];
  return parseRoutePath(v.text);
}

/**
 * Next.js Pages API routes: `pages/api/**` files default-export one handler that branches on `req.method`:
 * `if (req.method === 'PUT')`, `||` of such tests, guards `if (req.method !== 'POST') return ...` (also `&&` of
 * them), `switch (req.method) { case 'PUT': ... }`, and a destructured `const { method } = req`. One route per
 * method branch; the method span is the string literal's content. A handler that never looks at the method
 * yields no route.
 */
import ts = require('typescript');
import type { Span } from '../../../model';
import type { FileScan } from '../file-scan';
import { unwrap } from '../values';
import { pagesApiSegments } from './nextjs-paths';

const METHOD_LITERAL = /^[A-Za-z]+$/;

interface Branch {
  readonly literal: ts.StringLiteralLike;
  readonly handler: ts.Node;
  readonly span: Span;
}

export function scanNextPages(scan: FileScan): void {
  const segments = pagesApiSegments(scan.path);
  if (!segments) return;
  const handler = defaultHandler(scan);
  if (!handler || !('body' in handler) || !handler.body) return;
  const methodRefs = methodReferences(handler);
  if (!methodRefs) return;
  const branches: Branch[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIfStatement(node)) ifBranches(scan, node, methodRefs, handler, branches);
    else if (ts.isSwitchStatement(node) && isMethodExpr(node.expression, methodRefs)) switchBranches(scan, node, branches);
    if (ts.isFunctionLike(node) && node !== handler) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(handler.body, visit);
  // Rewriting `req.method === 'POST'` to 'PUT' next to an existing PUT branch would leave the new one unreachable.
  const unavailable = [...new Set(branches.map((b) => b.literal.text.toUpperCase()))];
  for (const b of branches) {
    scan.addRoute({
      method: b.literal.text.toUpperCase(),
      methodText: b.literal.text,
      methodSpan: { start: b.literal.getStart(scan.sf) + 1, end: b.literal.end - 1 },
      framework: 'nextjs-pages',
      segments,
      span: b.span,
      effects: scan.effects(b.handler),
      methodChange: { unavailable },
    });
  }
}

/** The default-exported function, through `export default handler` and wrappers like `withAuth(handler)`. */
function defaultHandler(scan: FileScan): ts.SignatureDeclaration | undefined {
  for (const s of scan.sf.statements) {
    const mods = ts.canHaveModifiers(s) ? ts.getModifiers(s) : undefined;
    if (ts.isFunctionDeclaration(s) && mods?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return s;
    if (ts.isExportAssignment(s)) return functionOf(scan, s.expression, 0);
  }
  return undefined;
}

function functionOf(scan: FileScan, expr: ts.Expression, depth: number): ts.SignatureDeclaration | undefined {
  const e = unwrap(expr);
  if (depth > 3) return undefined;
  if (ts.isFunctionExpression(e) || ts.isArrowFunction(e)) return e;
  if (ts.isCallExpression(e)) {
    for (const a of e.arguments) {
      const f = functionOf(scan, a, depth + 1);
      if (f) return f;
    }
    return undefined;
  }
  if (ts.isIdentifier(e)) {
    const decl = scan.scopes.lookup(e);
    if (decl && ts.isFunctionDeclaration(decl)) return decl;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return functionOf(scan, decl.initializer, depth + 1);
  }
  return undefined;
}

interface MethodRefs {
  readonly req: string;
  /** Local names bound to `req.method`. */
  readonly aliases: ReadonlySet<string>;
}

function methodReferences(fn: ts.SignatureDeclaration): MethodRefs | undefined {
  const first = fn.parameters[0];
  if (!first || !ts.isIdentifier(first.name)) return undefined;
  const req = first.name.text;
  const aliases = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const init = unwrap(node.initializer);
      if (ts.isIdentifier(init) && init.text === req && ts.isObjectBindingPattern(node.name)) {
        for (const el of node.name.elements) {
          const key = el.propertyName ?? el.name;
          if (ts.isIdentifier(key) && key.text === 'method' && ts.isIdentifier(el.name)) aliases.add(el.name.text);
        }
      } else if (ts.isIdentifier(node.name) && isReqMethod(init, req)) aliases.add(node.name.text);
    }
    if (!ts.isFunctionLike(node) || node === fn) ts.forEachChild(node, visit);
  };
  visit(fn);
  return { req, aliases };
}

function isReqMethod(e: ts.Expression, req: string): boolean {
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === req && e.name.text === 'method';
}

function isMethodExpr(expr: ts.Expression, refs: MethodRefs): boolean {
  let e = unwrap(expr);
  // `req.method?.toUpperCase()` and `req.method!.toUpperCase()`
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && /^to(?:Upper|Lower)Case$/.test(e.expression.name.text)) {
    e = unwrap(e.expression.expression);
  }
  return isReqMethod(e, refs.req) || (ts.isIdentifier(e) && refs.aliases.has(e.text));
}

/** Method literals a condition tests for: `m === 'PUT'`, `'PUT' === m`, `a || b`; negated for `!==`. */
function testedMethods(cond: ts.Expression, refs: MethodRefs): { literals: ts.StringLiteralLike[]; negated: boolean } | undefined {
  const e = unwrap(cond);
  if (!ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  // `m === 'PUT' || m === 'PATCH'` allows both; so does the guard `m !== 'PUT' && m !== 'PATCH'`.
  if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
    const negated = op === ts.SyntaxKind.AmpersandAmpersandToken;
    const l = testedMethods(e.left, refs);
    const r = testedMethods(e.right, refs);
    if (!l || !r || l.negated !== negated || r.negated !== negated) return undefined;
    return { literals: [...l.literals, ...r.literals], negated };
  }
  const eq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  const ne = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  if (!eq && !ne) return undefined;
  const [m, lit] = isMethodExpr(e.left, refs) ? [e.left, unwrap(e.right)] : [e.right, unwrap(e.left)];
  if (!isMethodExpr(m, refs) || !ts.isStringLiteralLike(lit) || !METHOD_LITERAL.test(lit.text)) return undefined;
  return { literals: [lit], negated: ne };
}

function ifBranches(scan: FileScan, node: ts.IfStatement, refs: MethodRefs, fn: ts.SignatureDeclaration, out: Branch[]): void {
  const tested = testedMethods(node.expression, refs);
  if (!tested) return;
  const span = { start: node.getStart(scan.sf), end: node.thenStatement.end };
  if (!tested.negated) {
    for (const literal of tested.literals) out.push({ literal, handler: node.thenStatement, span });
  } else if (exits(node.thenStatement)) {
    // A guard: everything after it handles the allowed methods.
    for (const literal of tested.literals) out.push({ literal, handler: fn, span });
  }
}

function exits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]);
  return false;
}

function switchBranches(scan: FileScan, node: ts.SwitchStatement, out: Branch[]): void {
  const clauses = node.caseBlock.clauses;
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    if (!ts.isCaseClause(c)) continue;
    const lit = unwrap(c.expression);
    if (!ts.isStringLiteralLike(lit) || !METHOD_LITERAL.test(lit.text)) continue;
    // Fall-through labels (`case 'PUT': case 'PATCH': ...`) share the next clause with statements.
    let body = i;
    while (body < clauses.length && clauses[body].statements.length === 0) body++;
    const handler = clauses[Math.min(body, clauses.length - 1)];
    out.push({ literal: lit, handler, span: { start: c.getStart(scan.sf), end: handler.end } });
  }
}

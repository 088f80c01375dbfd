/**
 * A handler that is one branch of a function (Next.js Pages API: `if (req.method === 'PUT') {...}`, `case 'PUT':`).
 * What runs for that method is the branch plus the function's shared code around it: setup before the branch, and
 * code after it when the branch does not return. Other arms of the same test, sibling tests of the same value
 * (`if (req.method === 'GET') ... if (req.method === 'PUT') ...`) and code the branch never reaches are left out,
 * so a GET branch is not charged with the PUT branch's writes.
 */
import ts = require('typescript');
import { isFunctionLike, unwrap, type FunctionLike } from './scope';

export interface BranchScope {
  /** The function the branch belongs to: locals and parameters are read in its scope. */
  readonly fn: FunctionLike;
  /** Subtrees of `fn` that do not run for this branch. */
  readonly skip: ReadonlySet<ts.Node>;
}

const MAX_DEPTH = 64;

/** The branch's scope, or undefined when `node` is not a statement or case clause inside a function. */
export function branchScope(node: ts.Node): BranchScope | undefined {
  if (!(ts.isCaseClause(node) || ts.isDefaultClause(node) || isStatement(node))) return undefined;
  const fn = enclosingFunction(node);
  if (!fn?.body) return undefined;
  const subjects = testedSubjects(node);
  const skip = new Set<ts.Node>();
  const exits = alwaysExits(node);
  let child: ts.Node = node;
  for (let depth = 0; depth < MAX_DEPTH && child !== fn.body && child.parent; depth++) {
    const parent: ts.Node = child.parent;
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement && parent.elseStatement) skip.add(parent.elseStatement);
      if (child === parent.elseStatement) skip.add(parent.thenStatement);
    } else if (ts.isCaseBlock(parent)) {
      for (const clause of parent.clauses) if (clause !== child) skip.add(clause);
    } else if (ts.isBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
      const list = parent.statements;
      const at = list.indexOf(child as ts.Statement);
      list.forEach((s, i) => {
        if (i === at) return;
        if ((i > at && exits) || testsSameSubject(s, subjects)) skip.add(s);
      });
    }
    child = parent;
  }
  return { fn, skip };
}

function isStatement(node: ts.Node): boolean {
  return ts.isBlock(node) || ts.isExpressionStatement(node) || ts.isReturnStatement(node) || ts.isIfStatement(node)
    || ts.isSwitchStatement(node) || ts.isVariableStatement(node) || ts.isTryStatement(node) || ts.isThrowStatement(node);
}

function enclosingFunction(node: ts.Node): FunctionLike | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) if (isFunctionLike(n)) return n;
  return undefined;
}

/** Source text of what the branch's own test compares (`req.method`, `method`), without whitespace. */
function testedSubjects(branch: ts.Node): Set<string> {
  const parent = branch.parent;
  if ((ts.isCaseClause(branch) || ts.isDefaultClause(branch)) && ts.isCaseBlock(parent)) {
    return new Set([subjectText(parent.parent.expression)]);
  }
  if (parent && ts.isIfStatement(parent)) return comparedSubjects(parent.expression);
  return new Set();
}

/** The non-literal sides of `x === 'LIT'` comparisons, through `||`, `&&` and `!`. */
function comparedSubjects(cond: ts.Expression, out = new Set<string>(), depth = 0): Set<string> {
  const e = unwrap(cond);
  if (depth > MAX_DEPTH) return out;
  if (ts.isPrefixUnaryExpression(e)) return comparedSubjects(e.operand, out, depth + 1);
  if (!ts.isBinaryExpression(e)) return out;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
    comparedSubjects(e.left, out, depth + 1);
    return comparedSubjects(e.right, out, depth + 1);
  }
  if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken
    || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) {
    if (ts.isStringLiteralLike(unwrap(e.right))) out.add(subjectText(e.left));
    else if (ts.isStringLiteralLike(unwrap(e.left))) out.add(subjectText(e.right));
  }
  return out;
}

function subjectText(expr: ts.Expression): string {
  let e = unwrap(expr);
  // `req.method?.toUpperCase()` tests the same value as `req.method`
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && /^to(?:Upper|Lower)Case$/.test(e.expression.name.text)) {
    e = unwrap(e.expression.expression);
  }
  return e.getText().replace(/\s+|\?\.|!/g, (m) => (m === '?.' ? '.' : ''));
}

/** Another test of the same value: a sibling method branch, whose code runs for other requests. */
function testsSameSubject(statement: ts.Statement, subjects: ReadonlySet<string>): boolean {
  if (subjects.size === 0) return false;
  if (ts.isSwitchStatement(statement)) return subjects.has(subjectText(statement.expression));
  if (!ts.isIfStatement(statement)) return false;
  for (const s of comparedSubjects(statement.expression)) if (subjects.has(s)) return true;
  return false;
}

/** The branch ends the function on every path through its last statement (`return`, `throw`). */
function alwaysExits(node: ts.Node): boolean {
  if (ts.isCaseClause(node) || ts.isDefaultClause(node)) return lastExits(node.statements);
  if (ts.isBlock(node)) return lastExits(node.statements);
  if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) return true;
  if (ts.isIfStatement(node)) return !!node.elseStatement && alwaysExits(node.thenStatement) && alwaysExits(node.elseStatement);
  return false;
}

function lastExits(statements: ts.NodeArray<ts.Statement>): boolean {
  const last = statements[statements.length - 1];
  return !!last && alwaysExits(last);
}

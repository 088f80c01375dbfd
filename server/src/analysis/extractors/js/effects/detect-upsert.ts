/**
 * "Find, and create when missing": a lookup whose not-found branch writes a new item instead of answering 404.
 * `if (!existing) { store.set(id, body) }`, `if (!(await prisma.user.findUnique(...))) { create }`,
 * `if (store.has(id)) { update } else { create }`.
 */
import ts = require('typescript');
import type { Detector, Found, Scope } from './context';
import { detectMemory } from './detect-memory';
import { detectOrm } from './detect-orm';
import { unwrap } from './scope';
import { isStoredItem, lastName, storeKind } from './values';

export const detectUpsert: Detector = (node, scope) => {
  if (!ts.isIfStatement(node)) return [];
  const test = lookupTest(node.expression, scope);
  if (!test) return [];
  const [missing, present] = test === 'missing' ? [node.thenStatement, node.elseStatement] : [node.elseStatement, node.thenStatement];
  const create = missing && firstWrite(missing, scope, CREATES);
  if (!create) return [];
  // Without an update of the found item this is "create unless it exists" (a uniqueness check), not an upsert.
  const after = ts.isBlock(node.parent) ? node.parent.statements.slice(node.parent.statements.indexOf(node) + 1) : [];
  const update = [...(present ? [present] : []), ...after].some((s) => firstWrite(s, scope, UPDATES));
  return update ? [{ kind: 'upsert', node: create.node, description: 'creates the item when the lookup finds none, updates it otherwise (upsert)' }] : [];
};

const CREATES = new Set<Found['kind']>(['insert', 'full-replace']);
const UPDATES = new Set<Found['kind']>(['full-replace', 'partial-update', 'state-change']);

/** 'missing' when the test is true for an absent item (`!item`, `item == null`, `!store.has(id)`), 'present' for the reverse. */
function lookupTest(expr: ts.Expression, scope: Scope): 'missing' | 'present' | undefined {
  const e = unwrap(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = lookupTest(e.operand, scope);
    return inner === 'present' ? 'missing' : inner === 'missing' ? 'present' : undefined;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const nullish = (x: ts.Expression) => {
      const u = unwrap(x);
      return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined');
    };
    const subject = nullish(e.right) ? e.left : nullish(e.left) ? e.right : undefined;
    if (!subject || !isLookup(subject, scope)) return undefined;
    if (op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken) return 'missing';
    if (op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken) return 'present';
    return undefined;
  }
  return isLookup(e, scope) ? 'present' : undefined;
}

function isLookup(expr: ts.Expression, scope: Scope): boolean {
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && lastName(e.expression) === 'has') {
    return storeKind(e.expression.expression, scope) === 'memory';
  }
  return isStoredItem(e, scope);
}

/** The first write of one of `kinds` in a statement, not looking into callbacks that may never run. */
function firstWrite(statement: ts.Statement, scope: Scope, kinds: ReadonlySet<Found['kind']>): Found | undefined {
  let result: Found | undefined;
  const visit = (n: ts.Node): void => {
    if (result || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) return;
    const hits = [...detectMemory(n, scope), ...detectOrm(n, scope)];
    result = hits.find((f) => kinds.has(f.kind));
    if (!result) ts.forEachChild(n, visit);
  };
  visit(statement);
  return result;
}

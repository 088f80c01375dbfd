/**
 * In-memory stores: module-level (or closure, or class-field) arrays, maps and objects, and the items read from
 * them. Locals the handler builds for its answer are never stores, so `const out = []; out.push(x)` is silent.
 */
import ts = require('typescript');
import { calleeLabel, shortText, type Detector, type Found, type Scope } from './context';
import { detectIds } from './detect-ids';
import { resolveFunction } from './resolve';
import { isInside, propertyNameText, unwrap } from './scope';
import {
  hasOptionalFields, isFallbackToStored, isMergeOfExisting, isStoredItem, isWholeBody, lacksId, lastName, payloadObject, resolveName, storedItemRoot,
  storeKind,
} from './values';

export const detectMemory: Detector = (node, scope) => {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) return assignment(node, scope);
  if (ts.isDeleteExpression(node)) {
    const target = unwrap(node.expression);
    if ((ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) && storeKind(target.expression, scope) === 'memory') {
      return [{ kind: 'delete', node, description: `${shortText(node, scope.unit.sourceFile)} removes the item from the store` }];
    }
    return [];
  }
  if (ts.isCallExpression(node)) return call(node, scope);
  return [];
};

/**
 * Whether an expression carries a freshly minted id: `randomUUID()`, a local made from one, `item.id` of a local
 * built with a minted id, or a call to a same-file helper that mints.
 */
export function isMinted(expr: ts.Expression, scope: Scope, hops = 0): boolean {
  if (hops > 4) return false;
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const b = resolveName(e, scope);
    return !!b?.value && isMinted(b.value.expr, b.value.scope, hops + 1);
  }
  if (ts.isPropertyAccessExpression(e)) {
    const obj = payloadObject(e.expression, scope);
    const prop = obj?.properties.find((p) => propertyNameText(p.name) === e.name.text);
    if (prop && ts.isPropertyAssignment(prop)) return isMinted(prop.initializer, scope, hops + 1);
    if (prop && ts.isShorthandPropertyAssignment(prop)) return isMinted(prop.name, scope, hops + 1);
    return false;
  }
  let found = false;
  const visit = (n: ts.Node, within: Scope): void => {
    if (found || isFunctionBoundary(n)) return;
    if (detectIds(n, within).some((f) => f.kind === 'mints-id')) {
      found = true;
      return;
    }
    if (ts.isCallExpression(n) && hops < 2) {
      const helper = resolveFunction(n.expression, within.unit);
      if (helper?.fn.body && !isInside(helper.fn, within.fn)) {
        const inner: Scope = { unit: helper.unit, fn: helper.fn, bindings: new Map() };
        ts.forEachChild(helper.fn.body, (c) => visit(c, inner));
      }
    }
    ts.forEachChild(n, (c) => visit(c, within));
  };
  visit(e, scope);
  return found;
}

function isFunctionBoundary(n: ts.Node): boolean {
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n);
}

/** What writing `value` as a whole item means: a merge, a replacement, or a new item under a minted key. */
function itemWrite(node: ts.Node, value: ts.Expression, keyMinted: boolean, what: string, scope: Scope): Found[] {
  const v = unwrap(value);
  if (isMergeOfExisting(v, scope)) return [{ kind: 'partial-update', node, description: `${what} merges the sent fields into the stored item` }];
  if (ts.isObjectLiteralExpression(v) && hasOptionalFields(v)) {
    return [{ kind: 'partial-update', node, description: `${what} keeps stored values for fields that were not sent` }];
  }
  if (keyMinted) return [{ kind: 'insert', node, description: `${what} adds a new item to the store` }];
  if (isWholeBody(v, scope)) return [{ kind: 'full-replace', node, description: `${what} stores the whole request body as the item` }];
  if (isItemValue(v, scope)) return [{ kind: 'full-replace', node, description: `${what} replaces the stored item` }];
  return [{ kind: 'state-change', node, description: `${what} writes to state kept between requests` }];
}

function isItemValue(v: ts.Expression, scope: Scope): boolean {
  if (ts.isObjectLiteralExpression(v) || ts.isNewExpression(v)) return true;
  if (!ts.isIdentifier(v)) return false;
  const latest = assignedJustBefore(v);
  if (latest) return isItemValue(unwrap(latest), scope);
  const b = resolveName(v, scope);
  const init = b?.value && unwrap(b.value.expr);
  return !!init && (ts.isObjectLiteralExpression(init) || ts.isNewExpression(init));
}

/** `item = { ... }` as an earlier statement of the block the use is in: `let item = store.get(id); if (!item) { item = {...}; store.set(id, item) }`. */
function assignedJustBefore(id: ts.Identifier): ts.Expression | undefined {
  let statement: ts.Node = id;
  while (statement.parent && !ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent)) statement = statement.parent;
  const block = statement.parent;
  if (!block || !ts.isBlock(block)) return undefined;
  for (let i = block.statements.indexOf(statement as ts.Statement) - 1; i >= 0; i--) {
    const s = block.statements[i];
    if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && ts.isIdentifier(s.expression.left) && s.expression.left.text === id.text) {
      return s.expression.right;
    }
  }
  return undefined;
}

function assignment(node: ts.BinaryExpression, scope: Scope): Found[] {
  const left = unwrap(node.left);
  const what = (): string => shortText(left, scope.unit.sourceFile, 32) + ' = …';
  if (ts.isElementAccessExpression(left) && storeKind(left.expression, scope) === 'memory') {
    if (mentions(node.right, left, scope)) return [{ kind: 'state-change', node, description: `${what()} changes a stored value` }];
    return itemWrite(node, node.right, isMinted(left.argumentExpression, scope), what(), scope);
  }
  if (ts.isIdentifier(left)) return reassignment(node, left, scope);
  if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return [];
  const root = storedItemRoot(left, scope);
  if (root) return fieldWrite(node, left, root, scope);
  if (ts.isPropertyAccessExpression(left) && storeKind(left.expression, scope) === 'memory') {
    return [{ kind: 'state-change', node, description: `${what()} changes state kept between requests` }];
  }
  return [];
}

/** `todo.title = body.title`, `if (body.done !== undefined) todo.done = body.done`, `item[key] = body[key]`. */
function fieldWrite(node: ts.BinaryExpression, left: ts.PropertyAccessExpression | ts.ElementAccessExpression, root: ts.Expression, scope: Scope): Found[] {
  const sf = scope.unit.sourceFile;
  const rootText = shortText(root, sf, 32);
  const dynamicKey = ts.isElementAccessExpression(left) && !ts.isStringLiteralLike(unwrap(left.argumentExpression));
  if (dynamicKey || isFallbackToStored(node.right) || isGuardedBySentField(node, left, scope)) {
    return [{ kind: 'partial-update', node, description: `sets fields of ${rootText} only when they are sent: a partial update`, group: `partial:${rootText}` }];
  }
  const field = lastName(left) ?? '';
  if (/^(updatedAt|updated_at|modifiedAt|lastModified|version|etag)$/i.test(field)) return [];
  return [{ kind: 'state-change', node, description: `changes fields of the stored item ${rootText}`, group: `fields:${rootText}` }];
}

/** The assignment sits under `if (...)`/`&&`/`?:` whose test reads the assigned value or names the field. */
function isGuardedBySentField(node: ts.Node, left: ts.Expression, scope: Scope): boolean {
  const field = lastName(left);
  const value = ts.isBinaryExpression(node) ? node.right.getText(scope.unit.sourceFile) : '';
  for (let n: ts.Node = node; n.parent && n !== scope.fn; n = n.parent) {
    const p = n.parent;
    let test: ts.Expression | undefined;
    if (ts.isIfStatement(p) && p.thenStatement === n) test = p.expression;
    else if (ts.isConditionalExpression(p) && p.condition !== n) test = p.condition;
    else if (ts.isBinaryExpression(p) && p.right === n && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) test = p.left;
    if (!test) continue;
    const text = test.getText(scope.unit.sourceFile);
    if ((value && text.includes(value)) || (field && new RegExp(`\\b${field.replace(/\W/g, '')}\\b`).test(text))) return true;
  }
  return false;
}

/** `items = items.filter(...)`, `items = [...items, x]`, `items = items.map(...)` on module state. */
function reassignment(node: ts.BinaryExpression, left: ts.Identifier, scope: Scope): Found[] {
  const b = resolveName(left, scope);
  if (!b || b.local || !(ts.isVariableDeclaration(b.decl))) return [];
  const sf = scope.unit.sourceFile;
  const right = unwrap(node.right);
  const what = `${left.text} = …`;
  if (ts.isCallExpression(right) && ts.isPropertyAccessExpression(right.expression) && lastName(right.expression.expression) === left.text) {
    const method = right.expression.name.text;
    if (method === 'filter') return [{ kind: 'delete', node, description: `${what} filters items out of the store` }];
    if (method === 'concat') return [{ kind: 'insert', node, description: `${what} appends to the store` }];
    if (method === 'map') return mapReplacement(node, right, what, scope);
  }
  if (ts.isArrayLiteralExpression(right) && right.elements.some((e) => ts.isSpreadElement(e) && lastName(e.expression) === left.text)) {
    return [{ kind: 'insert', node, description: `${what} appends to the store` }];
  }
  return [{ kind: 'state-change', node, description: `${shortText(node, sf, 40)} replaces state kept between requests` }];
}

/** `items = items.map((t) => t.id === id ? { ...t, ...body } : t)`: the replaced element tells merge from replace. */
function mapReplacement(node: ts.Node, map: ts.CallExpression, what: string, scope: Scope): Found[] {
  const cb = map.arguments[0] && unwrap(map.arguments[0]);
  if (cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) && cb.parameters[0] && ts.isIdentifier(cb.parameters[0].name)) {
    const param = cb.parameters[0].name.text;
    let verdict: Found | undefined;
    const visit = (n: ts.Node): void => {
      if (verdict) return;
      if (ts.isConditionalExpression(n)) {
        const replaced = unwrap(n.whenTrue);
        if (ts.isObjectLiteralExpression(replaced) && replaced.properties.some((p) => ts.isSpreadAssignment(p) && lastName(p.expression) === param)) {
          verdict = { kind: 'partial-update', node, description: `${what} merges the sent fields into the matching item` };
        } else if (isWholeBody(replaced, scope)) {
          verdict = { kind: 'full-replace', node, description: `${what} swaps the matching item for the request body` };
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(cb.body);
    if (verdict) return [verdict];
  }
  return [{ kind: 'state-change', node, description: `${what} rewrites the stored items` }];
}

function mentions(expr: ts.Expression, target: ts.Expression, scope: Scope): boolean {
  const text = target.getText(scope.unit.sourceFile);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isElementAccessExpression(n) || ts.isPropertyAccessExpression(n)) && n.getText(scope.unit.sourceFile) === text) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(expr);
  return found;
}

const MERGE_HELPERS = new Set(['merge', 'mergeDeep', 'deepMerge', 'deepmerge', 'defaultsDeep', 'applyPatch', 'patch', 'mergeWith']);

function call(node: ts.CallExpression, scope: Scope): Found[] {
  const callee = unwrap(node.expression);
  const sf = scope.unit.sourceFile;
  const name = lastName(callee);
  const [first, second] = node.arguments;
  if (!name) return [];
  // Object.assign(existing, req.body), _.merge(item, patch), jsonpatch.applyPatch(doc, ops)
  const objectAssign = name === 'assign' && ts.isPropertyAccessExpression(callee) && lastName(callee.expression) === 'Object';
  if (objectAssign || MERGE_HELPERS.has(name)) {
    if (first && node.arguments.length > 1 && (isStoredItem(first, scope) || storeKind(first, scope) === 'memory')) {
      return [{ kind: 'partial-update', node, description: `${calleeLabel(callee, sf)} merges the sent fields into the stored item` }];
    }
    return [];
  }
  if (!ts.isPropertyAccessExpression(callee) || storeKind(callee.expression, scope) !== 'memory') return [];
  const label = calleeLabel(callee, sf);
  // A cache holds copies: filling or evicting it changes no resource's state (see detect-orm's CACHE_NAME).
  if (/cache/i.test(callee.expression.getText(sf))) return [];
  switch (name) {
    case 'set':
      if (!first || !second) return [];
      return itemWrite(node, second, isMinted(first, scope), label, scope);
    case 'delete':
      return [{ kind: 'delete', node, description: `${label} removes an entry from the store` }];
    case 'clear':
      return [{ kind: 'delete', node, description: `${label} empties the store` }];
    case 'push':
    case 'unshift': {
      const out: Found[] = [{ kind: 'insert', node, description: `${label} appends a new item to the store` }];
      if (first && lacksId(first, scope)) out.push({ kind: 'mints-id', node, description: `${label} stores an item without an id: its place in the store identifies it` });
      return out;
    }
    case 'splice':
      if (node.arguments.length > 2) return itemWrite(node, node.arguments[2], false, label, scope);
      return [{ kind: 'delete', node, description: `${label} removes items from the store` }];
    case 'add':
    case 'pop':
    case 'shift':
    case 'sort':
    case 'reverse':
    case 'fill':
      return [{ kind: 'state-change', node, description: `${label} changes state kept between requests` }];
    default:
      return [];
  }
}

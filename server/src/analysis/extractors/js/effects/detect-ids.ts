/**
 * Where the server makes up an identity: id generators (randomUUID, nanoid, new ObjectId()...), clock or random
 * values placed where an id goes, and counters (`nextId++`, `items.length + 1`). Module counters that are not ids
 * are plain state changes.
 */
import ts = require('typescript');
import { shortText, type Detector, type Found, type Scope } from './context';
import { declarationOf, importSpecifierOf, isFunctionLike, propertyNameText, unwrap } from './scope';
import { lastName, resolveName, storedItemRoot, storeKind } from './values';

/** Functions whose only job is to make a fresh identifier. */
const GENERATORS = new Set(['randomUUID', 'uuid', 'uuidv4', 'uuidV4', 'uuidv1', 'uuidv7', 'uuidV7', 'nanoid', 'cuid', 'cuid2', 'createId',
  'ulid', 'generateId', 'genId', 'makeId', 'newId', 'generateUUID', 'generateUuid', 'shortid', 'ObjectId', 'objectId']);
/** Generic names that mint ids only when they come from an id package. */
const PACKAGE_GENERATORS = new Map([['v1', 'uuid'], ['v4', 'uuid'], ['v7', 'uuid'], ['generate', 'shortid'], ['init', '@paralleldrive/cuid2']]);
/** Random or clock values: an id only when they land where an id goes. */
const WEAK_SOURCES = new Set(['Date.now', 'Math.random', 'crypto.randomBytes', 'randomBytes', 'randomInt', 'crypto.randomInt', 'performance.now', 'process.hrtime']);
/** Names a minted value may carry that are not the resource's identity. */
const NOT_RESOURCE_ID = /^(request|trace|correlation|session|span|idempotency|etag|nonce|csrf|token|secret|salt|password|api|job|event|message|log|run)(Id|_id|Key)?$|token|secret|nonce|salt|etag|password|correlation|trace/i;
const ID_NAME = /^(id|_id|uuid|key|slug)$|Id$|_id$|ID$/;

export const detectIds: Detector = (node, scope) => {
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return generatorCall(node, scope);
  if (ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node)) return counterStep(node, node.operand, scope);
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.MinusEqualsToken) return counterStep(node, node.left, scope);
    if (op === ts.SyntaxKind.PlusToken) return lengthPlusOne(node, scope);
  }
  return [];
};

function generatorCall(node: ts.CallExpression | ts.NewExpression, scope: Scope): Found[] {
  const callee = unwrap(node.expression);
  const name = lastName(callee);
  if (!name) return [];
  const args = node.arguments ?? [];
  const label = generatorLabel(callee, name, scope, node);
  if (label) {
    if (name.toLowerCase() === 'objectid' && args.length > 0) return []; // new ObjectId(req.params.id) parses, it does not mint
    const position = idPosition(node);
    if (position && NOT_RESOURCE_ID.test(position)) return [];
    return [{ kind: 'mints-id', node, description: `${label} mints the id on the server` }];
  }
  const dotted = ts.isPropertyAccessExpression(callee) ? `${lastName(callee.expression) ?? ''}.${name}` : name;
  if (WEAK_SOURCES.has(dotted) || (WEAK_SOURCES.has(name) && ts.isIdentifier(callee))) {
    const position = idPosition(node);
    if (!position || !ID_NAME.test(position) || NOT_RESOURCE_ID.test(position)) return [];
    return [{ kind: 'mints-id', node, description: `${dotted}() is used as the id: the server mints it` }];
  }
  return [];
}

function generatorLabel(callee: ts.Expression, name: string, scope: Scope, node: ts.Node): string | undefined {
  if (ts.isIdentifier(callee)) {
    const decl = declarationOf(callee);
    // a same-file helper is followed by the walker instead, so its own generator call is the evidence
    if (decl && (ts.isFunctionDeclaration(decl) || (ts.isVariableDeclaration(decl) && decl.initializer && isFunctionLike(unwrap(decl.initializer))))) return undefined;
    const source = decl && importSpecifierOf(decl);
    if (GENERATORS.has(name)) return ts.isNewExpression(node) ? `new ${name}()` : `${name}()`;
    const pkg = PACKAGE_GENERATORS.get(source?.exportName ?? name);
    if (pkg && source?.specifier === pkg) return `${name}()`;
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const owner = lastName(callee.expression) ?? '';
  if (name === 'randomUUID' || (name === 'ObjectId' && ts.isNewExpression(node)) || (name === 'ObjectId' && owner === 'Types')) {
    return `${shortText(callee, scope.unit.sourceFile, 40)}()`;
  }
  if ((PACKAGE_GENERATORS.get(name) === owner) || (owner === 'uuid' && /^v\d$/.test(name)) || (owner === 'nanoid' && name === 'nanoid')) {
    return `${owner}.${name}()`;
  }
  return undefined;
}

/**
 * The name a value is stored under, looking through conversions (`String(x)`, `x.toString(36)`, `` `${x}` ``,
 * `'u_' + x`): the property (`id: ...`), variable (`const id = ...`) or assignment target (`item.id = ...`).
 * An element key of a write (`store[Date.now()] = item`) counts as `key`.
 */
export function idPosition(node: ts.Node): string | undefined {
  let n: ts.Node = node;
  for (let guard = 0; guard < 12; guard++) {
    const p = n.parent;
    if (!p) return undefined;
    if (ts.isPropertyAssignment(p) && p.initializer === n) return propertyNameText(p.name);
    if (ts.isVariableDeclaration(p) && p.initializer === n) return ts.isIdentifier(p.name) ? p.name.text : undefined;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === n) return lastName(p.left);
    if (ts.isElementAccessExpression(p) && p.argumentExpression === n) return 'key';
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isTemplateSpan(p) || ts.isTemplateExpression(p) || ts.isNonNullExpression(p)
      || (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
      n = p;
    } else if (ts.isPropertyAccessExpression(p) && p.expression === n && ts.isCallExpression(p.parent)) {
      n = p.parent; // x.toString(36), x.slice(2)
    } else if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && ['String', 'Number', 'BigInt'].includes(p.expression.text)) {
      n = p;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** `nextId++`, `++this.counter`, `views += 1` on state that outlives the request. */
function counterStep(node: ts.Expression, target: ts.Expression, scope: Scope): Found[] {
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node))
    && node.operator !== ts.SyntaxKind.PlusPlusToken && node.operator !== ts.SyntaxKind.MinusMinusToken) return [];
  const t = unwrap(target);
  if ((ts.isPropertyAccessExpression(t) || ts.isElementAccessExpression(t)) && t.expression.kind !== ts.SyntaxKind.ThisKeyword) {
    // `item.views++` on an item read from a store, `hits[path] += 1` on a module map
    const stored = storedItemRoot(t, scope) || storeKind(t.expression, scope) === 'memory';
    return stored ? [{ kind: 'state-change', node, description: `${shortText(node, scope.unit.sourceFile)} changes a stored counter` }] : [];
  }
  if (!isDurableVariable(t, scope)) return [];
  const name = lastName(t) ?? '';
  const position = idPosition(node);
  if ((position && ID_NAME.test(position) && !NOT_RESOURCE_ID.test(position)) || /^(id|seq|sequence)$|Id$|ID$|_id$/i.test(name)) {
    return [{ kind: 'mints-id', node, description: `${shortText(node, scope.unit.sourceFile)} mints the id from a server counter` }];
  }
  return [{ kind: 'state-change', node, description: `${shortText(node, scope.unit.sourceFile)} changes state kept between requests` }];
}

/** A plain variable or class field that lives outside the handler (module, closure or `this.x`). */
function isDurableVariable(t: ts.Expression, scope: Scope): boolean {
  if (ts.isPropertyAccessExpression(t) && t.expression.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (!ts.isIdentifier(t)) return false;
  const b = resolveName(t, scope);
  return !!b && !b.local && (ts.isVariableDeclaration(b.decl) || ts.isBindingElement(b.decl));
}

/** `id: items.length + 1`, `id: Math.max(...ids) + 1`: a position in the store becomes the id. */
function lengthPlusOne(node: ts.BinaryExpression, scope: Scope): Found[] {
  const left = unwrap(node.left);
  const isLength = ts.isPropertyAccessExpression(left) && (left.name.text === 'length' || left.name.text === 'size') && storeKind(left.expression, scope) === 'memory';
  const isMax = ts.isCallExpression(left) && left.expression.getText(scope.unit.sourceFile) === 'Math.max';
  if (!isLength && !isMax) return [];
  const position = idPosition(node);
  if (!position || !ID_NAME.test(position) || NOT_RESOURCE_ID.test(position)) return [];
  return [{ kind: 'mints-id', node, description: `${shortText(node, scope.unit.sourceFile)} mints the id from the store's size` }];
}

/**
 * Database and ORM calls: Mongo driver, Mongoose, Prisma, Knex, Sequelize, TypeORM, Drizzle, Supabase, Firestore,
 * Redis, and file writes. The receiver must look like durable storage (see values.storeKind); the method name and
 * the shape of the payload decide the kind.
 */
import ts = require('typescript');
import { calleeLabel, type Detector, type Found, type Scope } from './context';
import { declarationOf, importSpecifierOf, propertyNameText, unwrap } from './scope';
import { chainNames, hasOptionalFields, isStoredItem, isWholeBody, lacksId, lastName, storeKind } from './values';

const INSERT = new Set(['insertOne', 'insertMany', 'insert', 'create', 'createMany', 'bulkCreate', 'save', 'add']);
const REPLACE = new Set(['replaceOne', 'findOneAndReplace', 'findByIdAndReplace', 'replace']);
const UPDATE = new Set(['update', 'updateOne', 'updateMany', 'findOneAndUpdate', 'findByIdAndUpdate', 'findAndModify', 'updateById',
  'patch', 'set', 'increment', 'decrement']);
const UPSERT = new Set(['upsert', 'findOrCreate', 'findOneOrCreate', 'getOrCreate', 'upsertOne', 'bulkUpsert']);
const DELETE = new Set(['delete', 'deleteOne', 'deleteMany', 'remove', 'destroy', 'findByIdAndDelete', 'findOneAndDelete', 'findByIdAndRemove',
  'findOneAndRemove', 'del', 'truncate', 'softDelete', 'softRemove']);
/** Key-value stores: every write is a state change, whatever it is called. */
const KV_WRITES = new Set(['set', 'setex', 'setEx', 'mset', 'hset', 'hSet', 'hmset', 'incr', 'incrby', 'incrBy', 'decr', 'decrBy', 'hincrby', 'hIncrBy',
  'lpush', 'lPush', 'rpush', 'rPush', 'sadd', 'sAdd', 'zadd', 'zAdd', 'expire', 'del', 'hdel', 'hDel', 'srem', 'sRem', 'publish', 'xadd', 'xAdd', 'append']);
/** Methods of arrays, maps and sets: on an in-memory store these are read by detect-memory. */
const COLLECTION_METHODS = new Set(['set', 'delete', 'add', 'clear', 'push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'fill']);
/**
 * Key-value clients by name. Not "session": `Session.deleteOne()` and `db.sessions.deleteOne()` are a model and a
 * collection that happen to hold sessions, and must reach the database tables below.
 */
const KV_NAME = /redis|kv|valkey|sessionStore/i;
/**
 * A cache holds copies: filling or evicting it (`cache.set(key, data)` in a read-through GET) changes no resource's
 * state, and reporting it would make unsafe-get cry wolf on the most common GET pattern there is.
 */
const CACHE_NAME = /cache|memcache/i;
const FS_WRITES = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rename', 'renameSync',
  'mkdir', 'mkdirSync', 'copyFile', 'copyFileSync', 'createWriteStream', 'writeJson', 'writeJSON', 'outputFile', 'outputJson', 'rmdir', 'truncate']);

export const detectOrm: Detector = (node, scope) => {
  if (!ts.isCallExpression(node)) return [];
  const callee = unwrap(node.expression);
  const fs = fileWrite(node, callee);
  if (fs) return [fs];
  if (!ts.isPropertyAccessExpression(callee)) return [];
  const method = callee.name.text;
  const receiver = callee.expression;
  // The label reads source text: made only for calls that turn out to touch storage, not for every call walked.
  const sf = scope.unit.sourceFile;
  if (isStoredItem(receiver, scope) || isFreshModelInstance(receiver, scope)) return itemCall(node, method, receiver, calleeLabel(callee, sf), scope);
  const kind = storeKind(receiver, scope);
  // an imported `users` may be a collection as well as an array: database-only method names settle it
  if (kind === 'memory' && COLLECTION_METHODS.has(method)) return [];
  if (kind === undefined) return [];
  const label = calleeLabel(callee, sf);
  const { names } = chainNames(receiver);
  if (names.some((n) => CACHE_NAME.test(n))) return [];
  if (names.some((n) => KV_NAME.test(n)) && KV_WRITES.has(method)) {
    return [{ kind: 'state-change', node, description: `${label} writes to ${names[names.length - 1]}` }];
  }
  if (kind === 'model' && method === 'set') return [];
  if (INSERT.has(method)) return insertCall(node, method, label, scope, names);
  if (REPLACE.has(method)) return replaceCall(node, label);
  if (UPSERT.has(method)) return [{ kind: 'upsert', node, description: `${label} creates the item when it is missing` }];
  if (DELETE.has(method)) return [{ kind: 'delete', node, description: `${label} deletes stored data` }];
  if (UPDATE.has(method)) return updateCall(node, method, label, scope, names);
  return [];
};

/** `fs.writeFile(...)`, `fs.promises.writeFile`, `writeFile` imported from 'fs/promises'. */
function fileWrite(call: ts.CallExpression, callee: ts.Expression): Found | undefined {
  const name = lastName(callee);
  if (!name || !FS_WRITES.has(name)) return undefined;
  let fromFs = false;
  if (ts.isIdentifier(callee)) {
    const decl = declarationOf(callee);
    const source = decl && importSpecifierOf(decl);
    fromFs = !!source && /^(node:)?fs(\/promises)?$|^fs-extra$/.test(source.specifier);
  } else if (ts.isPropertyAccessExpression(callee)) {
    fromFs = chainNames(callee.expression).names.some((n) => /^(fs|fsp|fsPromises|fse|promises)$/.test(n));
  }
  return fromFs ? { kind: 'state-change', node: call, description: `${name}() writes to disk` } : undefined;
}

/** `new Todo(req.body)` or a local made from it: a document that exists only once it is saved. */
function isFreshModelInstance(receiver: ts.Expression, scope: Scope): boolean {
  let e = unwrap(receiver);
  if (ts.isIdentifier(e)) {
    const decl = declarationOf(e);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
    e = unwrap(decl.initializer);
  }
  return ts.isNewExpression(e) && storeKind(e.expression, scope) === 'model';
}

/** Methods called on a document or row: `user.save()`, `row.update(req.body)`, `doc.set(body)`, `todo.destroy()`. */
function itemCall(node: ts.CallExpression, method: string, receiver: ts.Expression, label: string, scope: Scope): Found[] {
  if (method === 'save') {
    return isFreshModelInstance(receiver, scope)
      ? insertFound(node, label, newPayload(receiver), scope)
      : [{ kind: 'state-change', node, description: `${label} writes the changed item back` }];
  }
  if (['destroy', 'remove', 'deleteOne', 'delete'].includes(method)) return [{ kind: 'delete', node, description: `${label} deletes the item` }];
  if (method === 'set' && node.arguments.length === 1) {
    return [{ kind: 'partial-update', node, description: `${label} merges the given fields into the stored item` }];
  }
  if (method === 'update' || method === 'increment' || method === 'decrement') return updateCall(node, method, label, scope, []);
  return [];
}

function newPayload(receiver: ts.Expression): ts.Expression | undefined {
  let e = unwrap(receiver);
  if (ts.isIdentifier(e)) {
    const decl = declarationOf(e);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) e = unwrap(decl.initializer);
  }
  return ts.isNewExpression(e) ? e.arguments?.[0] : undefined;
}

/** The object a call writes: Prisma's `{ data }`, Drizzle's `.values(x)`/`.set(x)` after the call, or the first argument. */
function payloadOf(call: ts.CallExpression, method: string): ts.Expression | undefined {
  const parent = call.parent;
  if (ts.isPropertyAccessExpression(parent) && (parent.name.text === 'values' || parent.name.text === 'set') && ts.isCallExpression(parent.parent)) {
    return parent.parent.arguments[0];
  }
  for (const arg of call.arguments) {
    const obj = unwrap(arg);
    if (!ts.isObjectLiteralExpression(obj)) continue;
    const data = obj.properties.find((p) => propertyNameText(p.name) === 'data');
    if (data && ts.isPropertyAssignment(data)) return data.initializer;
    if (data && ts.isShorthandPropertyAssignment(data)) return data.name;
  }
  const args = call.arguments;
  // update(filter, changes) and update(id, changes) put the changes second; insert/create put them first
  return INSERT.has(method) || args.length < 2 ? args[0] : args[1];
}

/** Calls chained after this one: `.onConflict('id').merge()`, `.onConflictDoUpdate(...)`. */
function chainedAfter(call: ts.CallExpression): string[] {
  const names: string[] = [];
  let n: ts.Node = call;
  for (let guard = 0; guard < 16; guard++) {
    const p = n.parent;
    if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== n || !ts.isCallExpression(p.parent)) break;
    names.push(p.name.text);
    n = p.parent;
  }
  return names;
}

function insertCall(node: ts.CallExpression, method: string, label: string, scope: Scope, names: string[]): Found[] {
  if (method === 'add' && !names.includes('collection')) return [];
  const after = chainedAfter(node);
  if ((after.includes('onConflict') && after.includes('merge')) || after.includes('onConflictDoUpdate') || after.includes('onDuplicateKeyUpdate')) {
    return [{ kind: 'upsert', node, description: `${label} updates the row when it already exists (upsert)` }];
  }
  if (method === 'save') {
    const arg = node.arguments[0];
    const payload = arg && unwrap(arg);
    if (payload && ts.isNewExpression(payload)) return insertFound(node, label, payload.arguments?.[0], scope);
    if (payload && ts.isObjectLiteralExpression(payload)) return insertFound(node, label, payload, scope);
    return arg ? [{ kind: 'state-change', node, description: `${label} saves the item` }] : [];
  }
  return insertFound(node, label, payloadOf(node, method), scope);
}

function insertFound(node: ts.CallExpression, label: string, payload: ts.Expression | undefined, scope: Scope): Found[] {
  const out: Found[] = [{ kind: 'insert', node, description: `${label} inserts a new item` }];
  if (payload && lacksId(payload, scope)) {
    out.push({ kind: 'mints-id', node, description: `${label} stores an item without an id: the database assigns it` });
  }
  return out;
}

/** `replaceOne(filter, doc, { upsert: true })` replaces the item and creates it when it is missing. */
function replaceCall(node: ts.CallExpression, label: string): Found[] {
  const replace: Found = { kind: 'full-replace', node, description: `${label} replaces the whole stored item` };
  return hasTrueOption(node, 'upsert')
    ? [{ kind: 'upsert', node, description: `${label} with upsert: true creates the item when it is missing` }, replace]
    : [replace];
}

function hasTrueOption(node: ts.CallExpression, key: string): boolean {
  return node.arguments.map(unwrap).filter(ts.isObjectLiteralExpression).some((o) => o.properties.some((p) =>
    ts.isPropertyAssignment(p) && propertyNameText(p.name) === key && p.initializer.kind === ts.SyntaxKind.TrueKeyword));
}

const COUNTER_OPERATORS = new Set(['$inc', '$push', '$addToSet', '$pull', '$pop', '$mul', 'increment', 'decrement', 'push']);

function updateCall(node: ts.CallExpression, method: string, label: string, scope: Scope, names: string[]): Found[] {
  const option = (key: string) => hasTrueOption(node, key);
  if (option('upsert')) return [{ kind: 'upsert', node, description: `${label} with upsert: true creates the item when it is missing` }];
  if (option('overwrite')) return [{ kind: 'full-replace', node, description: `${label} with overwrite: true replaces the whole stored item` }];
  if (method === 'set' && !names.includes('doc')) return [];
  if (method === 'set' && option('merge')) return [{ kind: 'partial-update', node, description: `${label} with merge: true changes only the sent fields` }];
  if (method === 'set') return [{ kind: 'full-replace', node, description: `${label} replaces the whole stored document` }];
  if (option('partial')) return [{ kind: 'partial-update', node, description: `${label} with partial: true changes only the sent fields` }];
  if (method === 'increment' || method === 'decrement') return [{ kind: 'state-change', node, description: `${label} changes a stored counter` }];
  // Changes sit first (Sequelize, Knex), second (Mongo, TypeORM) or under `data` (Prisma): look at every candidate.
  const payload = payloadOf(node, method);
  const candidates = [...(payload ? [payload] : []), ...node.arguments];
  if (candidates.some((c) => isWholeBody(c, scope))) {
    return [{ kind: 'full-replace', node, description: `${label} writes the whole request body onto the stored item` }];
  }
  for (const changes of candidates.map(unwrap).filter(ts.isObjectLiteralExpression)) {
    const set = changes.properties.find((p) => propertyNameText(p.name) === '$set');
    if (set && ts.isPropertyAssignment(set)) {
      if (isWholeBody(set.initializer, scope)) {
        return [{ kind: 'full-replace', node, description: `${label} $sets the whole request body onto the stored item` }];
      }
      // `$set: { preferences: req.body }` replaces one sub-document with the body: a PUT to
      // /users/:id/preferences doing this is a full replacement of what its URI names, not a merge.
      const fields = unwrap(set.initializer);
      const asField = ts.isObjectLiteralExpression(fields)
        ? fields.properties.find((p) => ts.isPropertyAssignment(p) && isWholeBody(p.initializer, scope)) : undefined;
      if (asField) {
        return [{ kind: 'state-change', node, description: `${label} stores the request body as ${propertyNameText(asField.name) ?? 'one field'}` }];
      }
      return [{ kind: 'partial-update', node, description: `${label} $sets only the listed fields` }];
    }
    if (changes.properties.some((p) => COUNTER_OPERATORS.has(propertyNameText(p.name) ?? '') || hasNestedCounter(p))) {
      return [{ kind: 'state-change', node, description: `${label} changes a counter or appends to stored data` }];
    }
    if (hasOptionalFields(changes)) {
      return [{ kind: 'partial-update', node, description: `${label} writes only the fields that were sent` }];
    }
  }
  return [{ kind: 'state-change', node, description: `${label} updates stored data` }];
}

/** Prisma's `{ views: { increment: 1 } }`. */
function hasNestedCounter(p: ts.ObjectLiteralElementLike): boolean {
  if (!ts.isPropertyAssignment(p)) return false;
  const v = unwrap(p.initializer);
  return ts.isObjectLiteralExpression(v) && v.properties.some((q) => ['increment', 'decrement', 'multiply', 'push'].includes(propertyNameText(q.name) ?? ''));
}

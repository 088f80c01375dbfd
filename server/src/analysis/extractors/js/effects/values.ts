/**
 * What a value is, as far as effects care: the whole request body, an item read from a store, a fresh object, a
 * store itself. Each question follows identifiers to their initialisers (and parameters to the caller's arguments)
 * a bounded number of hops, so cycles and huge files cannot make it spin.
 */
import ts = require('typescript');
import type { Scope } from './context';
import { declarationOf, isInside, owningVariable, propertyNameText, unwrap, type Declaration } from './scope';

const MAX_HOPS = 8;

export interface Binding {
  readonly decl: Declaration;
  /** The expression the name stands for and the scope to read it in (an initialiser, or the caller's argument). */
  readonly value?: { readonly expr: ts.Expression; readonly scope: Scope };
  /** Declared inside the walked function (and not a parameter bound by the caller): scratch state of one request. */
  readonly local: boolean;
}

export function resolveName(id: ts.Identifier, scope: Scope): Binding | undefined {
  const decl = declarationOf(id);
  if (!decl) return undefined;
  if (ts.isParameter(decl) && decl.parent === scope.fn) {
    const arg = scope.bindings.get(decl);
    if (arg && scope.caller) return { decl, value: { expr: arg, scope: scope.caller }, local: false };
    return { decl, local: true };
  }
  const local = isInside(decl, scope.fn);
  if (ts.isVariableDeclaration(decl) && decl.initializer) return { decl, value: { expr: decl.initializer, scope }, local };
  return { decl, local };
}

/** The rightmost name of a member chain or call: `db.users.insertOne` -> `insertOne`, `knex('t')` -> `knex`. */
export function lastName(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  if (ts.isCallExpression(e)) return lastName(e.expression);
  return undefined;
}

const REQUEST_OBJECT = /^(req|request|r|event)$/;
const VALIDATE_METHODS = new Set(['parse', 'parseAsync', 'validate', 'validateSync', 'validateAsync', 'assert', 'cast', 'plainToInstance', 'plainToClass', 'decode']);

/** `req.body`, `await request.json()`, `c.req.valid('json')`, a `@Body()` parameter, `schema.parse(req.body)`, `{ id, ...req.body }`. */
export function isWholeBody(expr: ts.Expression, scope: Scope, hops = 0): boolean {
  if (hops > MAX_HOPS) return false;
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e)) {
    const obj = unwrap(e.expression);
    if (e.name.text === 'body') {
      return (ts.isIdentifier(obj) && REQUEST_OBJECT.test(obj.text)) || (ts.isPropertyAccessExpression(obj) && obj.name.text === 'request');
    }
    // `schema.safeParse(req.body).data`
    if (e.name.text === 'data' && ts.isCallExpression(obj) && lastName(obj.expression) === 'safeParse') {
      return obj.arguments.some((a) => isWholeBody(a, scope, hops + 1));
    }
    if (e.name.text === 'data' && ts.isIdentifier(obj)) {
      const b = resolveName(obj, scope);
      const v = b?.value && unwrap(b.value.expr);
      return !!v && ts.isCallExpression(v) && lastName(v.expression) === 'safeParse' && v.arguments.some((a) => isWholeBody(a, b.value!.scope, hops + 1));
    }
    return false;
  }
  if (ts.isCallExpression(e)) {
    const name = lastName(e.expression);
    const callee = unwrap(e.expression);
    if (name === 'json' && ts.isPropertyAccessExpression(callee)) {
      const obj = unwrap(callee.expression);
      return (ts.isIdentifier(obj) && REQUEST_OBJECT.test(obj.text)) || (ts.isPropertyAccessExpression(obj) && obj.name.text === 'req');
    }
    if ((name === 'valid' || name === 'parseBody') && ts.isPropertyAccessExpression(callee) && lastName(callee.expression) === 'req') return true;
    if (name && VALIDATE_METHODS.has(name)) return e.arguments.some((a) => isWholeBody(a, scope, hops + 1));
    if (name === 'assign' && ts.isPropertyAccessExpression(callee) && lastName(callee.expression) === 'Object') {
      const [first, ...rest] = e.arguments;
      return !!first && ts.isObjectLiteralExpression(unwrap(first))
        && rest.some((a) => isWholeBody(a, scope, hops + 1)) && !rest.some((a) => isStoredItem(a, scope, hops + 1));
    }
    return false;
  }
  if (ts.isNewExpression(e)) return (e.arguments ?? []).some((a) => isWholeBody(a, scope, hops + 1));
  if (ts.isObjectLiteralExpression(e)) {
    const spreads = e.properties.filter(ts.isSpreadAssignment);
    return spreads.some((s) => isWholeBody(s.expression, scope, hops + 1)) && !spreads.some((s) => isStoredItem(s.expression, scope, hops + 1));
  }
  if (ts.isIdentifier(e)) {
    const b = resolveName(e, scope);
    if (!b) return false;
    if (ts.isParameter(b.decl) && hasBodyDecorator(b.decl)) return true;
    if (b.value) return isWholeBody(b.value.expr, b.value.scope, hops + 1);
    if (ts.isBindingElement(b.decl)) return bindingIsWholeBody(b.decl, scope, hops);
  }
  return false;
}

function hasBodyDecorator(p: ts.ParameterDeclaration): boolean {
  return (ts.getDecorators(p) ?? []).some((d) => {
    const call = d.expression;
    return ts.isCallExpression(call) && lastName(call.expression) === 'Body' && call.arguments.length === 0;
  });
}

/** `const { body } = req` and `const { id, ...rest } = req.body` stand for the whole body. */
function bindingIsWholeBody(el: ts.BindingElement, scope: Scope, hops: number): boolean {
  const variable = owningVariable(el);
  if (!variable?.initializer || el.parent !== variable.name) return false;
  const init = unwrap(variable.initializer);
  if (el.dotDotDotToken) return isWholeBody(init, scope, hops + 1);
  const key = el.propertyName ? propertyNameText(el.propertyName as ts.PropertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
  return key === 'body' && ts.isIdentifier(init) && REQUEST_OBJECT.test(init.text);
}

const DB_NAME = /^(db|database|prisma|knex|pool|client|conn|connection|sql|trx|tx|transaction|em|entityManager|manager|redis|cache|kv|supabase|firestore|firebase|dynamo|ddb|docClient|dynamodb|mongo|mongoose|sequelize|models?|repo|repository|collection|table|dataSource|drizzle|orm|pg|mysql|sqlite|storage|getRepository|getCollection|doc|from)$/i;
const DB_SUFFIX = /(Repository|Repo|Collection|Model|Db|DB|Store|Cache|Table|Dao|DAO|Client)$/;
/** Clients of other services and HTTP objects: their writes are not this API's storage. */
const NOT_DB = /^(fs|https?|api|axios|fetch|s3|e?mail|queue|bus|graphql|apollo|request|response|headers)(?![a-z])|(Https?|Api|API|Axios|Fetch|S3|Mail|Queue|Bus|GraphQL|Graphql|Apollo|Request|Response|Headers)(?![a-z])/;

function isDbName(name: string): boolean {
  return !NOT_DB.test(name) && (DB_NAME.test(name) || DB_SUFFIX.test(name));
}

/** Names read along a member chain, leftmost last: `db.collection('users').insertOne` gives insertOne, collection, db. */
export function chainNames(expr: ts.Expression): { names: string[]; root: ts.Expression } {
  const names: string[] = [];
  let e = unwrap(expr);
  for (let guard = 0; guard < 64; guard++) {
    if (ts.isPropertyAccessExpression(e)) {
      names.push(e.name.text);
      e = unwrap(e.expression);
    } else if (ts.isCallExpression(e)) {
      e = unwrap(e.expression);
    } else if (ts.isElementAccessExpression(e)) {
      e = unwrap(e.expression);
    } else {
      break;
    }
  }
  if (ts.isIdentifier(e)) names.push(e.text);
  return { names, root: e };
}

const BUILTIN_CAPITALS = new Set(['Object', 'Array', 'JSON', 'Math', 'Date', 'Promise', 'Number', 'String', 'Reflect', 'Buffer', 'URL',
  'Response', 'NextResponse', 'Request', 'Headers', 'Map', 'Set', 'Symbol', 'Boolean', 'Intl', 'Error', 'Proxy', 'Atomics', 'BigInt', 'Crypto', 'HttpStatus', 'StatusCodes']);

export type StoreKind = 'memory' | 'db' | 'model';

/**
 * Whether an expression denotes durable state: a module-level (or closure, or class-field) collection, a database
 * handle or ORM model. Locals made in the walked function are not stores, unless they alias one.
 */
export function storeKind(expr: ts.Expression, scope: Scope, hops = 0): StoreKind | undefined {
  // Several detectors ask about the same receiver in the same walk; only whole questions (hops 0) are remembered,
  // since an answer found part-way through a chain of hops was cut short by the hop limit.
  if (hops > 0) return computeStoreKind(expr, scope, hops);
  let memo = storeKinds.get(scope);
  if (!memo) {
    memo = new Map();
    storeKinds.set(scope, memo);
  }
  const known = memo.get(expr);
  if (known !== undefined) return known ?? undefined;
  const kind = computeStoreKind(expr, scope, 0);
  memo.set(expr, kind ?? null);
  return kind;
}

const storeKinds = new WeakMap<Scope, Map<ts.Expression, StoreKind | null>>();

function computeStoreKind(expr: ts.Expression, scope: Scope, hops: number): StoreKind | undefined {
  if (hops > MAX_HOPS) return undefined;
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const kind = classFieldKind(e);
    if (kind) return kind;
    return isDbName(e.name.text) ? 'db' : undefined;
  }
  const { names, root } = chainNames(e);
  if (ts.isIdentifier(root) && BUILTIN_CAPITALS.has(root.text)) return undefined;
  if (ts.isIdentifier(root)) {
    const b = resolveName(root, scope);
    if (b && !b.local) {
      if (b.value) {
        const viaValue = storeKind(b.value.expr, b.value.scope, hops + 1);
        if (viaValue) return viaValue;
        if (e === root && isCollectionLiteral(b.value.expr)) return 'memory';
      } else if (e === root && ts.isVariableDeclaration(b.decl) && b.decl.type && isCollectionType(b.decl.type)) {
        return 'memory';
      } else if (e === root && (ts.isImportSpecifier(b.decl) || ts.isImportClause(b.decl)) && isRelativeImport(b.decl)
        && !isDbName(root.text) && /^[a-z]/.test(root.text)) {
        return 'memory'; // `import { todos } from '../data'`: shared module state
      }
    } else if (b?.local && b.value) {
      // `const users = db.collection('users')` inside the handler is still the database
      const viaValue = storeKind(b.value.expr, b.value.scope, hops + 1);
      if (viaValue === 'db' || viaValue === 'model') return viaValue;
    }
  }
  if (names.some(isDbName)) return 'db';
  if (ts.isIdentifier(root) && /^[A-Z][a-z]\w*$/.test(root.text) && names.length <= 3 && isModelDeclaration(declarationOf(root))) return 'model';
  return undefined;
}

/**
 * A capitalised name is an ORM model only when it is made like one: imported from the project's own files,
 * `mongoose.model(...)`/`sequelize.define(...)`, or a class that extends something (Model, BaseEntity).
 */
function isModelDeclaration(decl: Declaration | undefined): boolean {
  if (!decl) return false;
  if (ts.isImportSpecifier(decl) || ts.isImportClause(decl)) return isRelativeImport(decl);
  if (ts.isClassDeclaration(decl)) return !!decl.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = unwrap(decl.initializer);
    return ts.isCallExpression(init) && ['model', 'define'].includes(lastName(init.expression) ?? '');
  }
  return false;
}

function isRelativeImport(decl: ts.ImportSpecifier | ts.ImportClause): boolean {
  let n: ts.Node = decl;
  while (!ts.isImportDeclaration(n)) n = n.parent;
  // `./x`, `../x`, and the usual project aliases `@/x`, `~/x`
  return ts.isStringLiteral(n.moduleSpecifier) && /^(\.\.?|@|~)\//.test(n.moduleSpecifier.text);
}

function isCollectionLiteral(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e)) return true;
  if (ts.isNewExpression(e)) return ['Map', 'Set', 'WeakMap'].includes(lastName(e.expression) ?? '');
  return false;
}

function isCollectionType(type: ts.TypeNode): boolean {
  if (ts.isArrayTypeNode(type) || ts.isTypeLiteralNode(type)) return true;
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && ['Map', 'Set', 'Record', 'Array'].includes(type.typeName.text);
}

/** `Repository<User>`, `Model<CatDocument>`, `PrismaClient`, `Collection<Order>`: a typed handle on stored data. */
function isStoreType(type: ts.TypeNode): boolean {
  if (!ts.isTypeReferenceNode(type)) return false;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  return !NOT_DB.test(name) && (DB_NAME.test(name) || DB_SUFFIX.test(name) || name === 'PrismaClient' || name === 'PrismaService');
}

function classFieldKind(access: ts.PropertyAccessExpression): StoreKind | undefined {
  let cls: ts.Node | undefined = access.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return undefined;
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && propertyNameText(m.name) === access.name.text) {
      if ((m.initializer && isCollectionLiteral(m.initializer)) || (m.type && isCollectionType(m.type))) return 'memory';
      if (m.type && isStoreType(m.type)) return 'db';
    }
    // Injected dependencies: `constructor(@InjectRepository(Article) private readonly articles: Repository<Article>)`
    if (ts.isConstructorDeclaration(m)) {
      const param = m.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === access.name.text);
      if (param?.type && isStoreType(param.type)) return 'db';
    }
    // plain JS classes: `constructor() { this.items = []; }`
    if (ts.isConstructorDeclaration(m) && m.body) {
      for (const s of m.body.statements) {
        const e = ts.isExpressionStatement(s) ? s.expression : undefined;
        if (e && ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(e.left)
          && e.left.expression.kind === ts.SyntaxKind.ThisKeyword && e.left.name.text === access.name.text && isCollectionLiteral(e.right)) {
          return 'memory';
        }
      }
    }
  }
  return undefined;
}

const LOOKUP_METHODS = new Set(['findById', 'findOne', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findByPk',
  'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'first', 'get', 'find', 'findIndex', 'doc']);

/** An item read from a store: `store.get(id)`, `users.find(...)`, `store[id]`, `await User.findById(id)`. */
export function isStoredItem(expr: ts.Expression, scope: Scope, hops = 0): boolean {
  if (hops > MAX_HOPS) return false;
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    const method = e.expression.name.text;
    if (!LOOKUP_METHODS.has(method) || method === 'findIndex') return false;
    const kind = storeKind(e.expression.expression, scope, hops + 1);
    // Model.find() and db.get() answer lists or raw rows; only an in-memory find/get hands back the stored item
    if (method === 'find' || method === 'get') return kind === 'memory';
    return kind !== undefined;
  }
  if (ts.isElementAccessExpression(e)) return storeKind(e.expression, scope, hops + 1) === 'memory';
  if (ts.isIdentifier(e)) {
    const b = resolveName(e, scope);
    return !!b?.value && isStoredItem(b.value.expr, b.value.scope, hops + 1);
  }
  return false;
}

/** The root a member chain stands on, when that root is an item read from a store (`todo.title`, `store[id].count`). */
export function storedItemRoot(target: ts.Expression, scope: Scope): ts.Expression | undefined {
  let e = unwrap(target);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const obj = unwrap(e.expression);
    if (isStoredItem(obj, scope)) return obj;
    e = obj;
  }
  return undefined;
}

const ID_KEY = /^(id|_id|uuid|slug|key)$/i;

/** An object literal that names its own id (`{ id: req.params.id, ... }`). */
export function hasIdKey(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ID_KEY.test(propertyNameText(p.name) ?? ''));
}

/** The object literal a payload is built from, following one local alias and `new Model({...})`. */
export function payloadObject(expr: ts.Expression, scope: Scope): ts.ObjectLiteralExpression | undefined {
  let e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const b = resolveName(e, scope);
    if (!b?.value) return undefined;
    e = unwrap(b.value.expr);
  }
  if (ts.isNewExpression(e) && e.arguments?.length) e = unwrap(e.arguments[0]);
  return ts.isObjectLiteralExpression(e) ? e : undefined;
}

/**
 * A payload that provably carries no id of its own: an object literal with no id key and nothing spread in that could
 * hold one. Request bodies and unknown values are not judged: precision first.
 */
export function lacksId(expr: ts.Expression, scope: Scope): boolean {
  const obj = payloadObject(expr, scope);
  if (!obj || hasIdKey(obj)) return false;
  return !obj.properties.some((p) => ts.isSpreadAssignment(p));
}

/** `{ ...existing, ...req.body }`, `Object.assign({}, existing, body)`, `merge(existing, body)`. */
export function isMergeOfExisting(expr: ts.Expression, scope: Scope): boolean {
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) {
    const spreads = e.properties.filter(ts.isSpreadAssignment);
    return spreads.length > 0 && spreads.some((s) => isStoredItem(s.expression, scope)) && e.properties.length > 1;
  }
  if (ts.isCallExpression(e)) {
    const name = lastName(e.expression);
    if (name === 'assign' || name === 'merge' || name === 'deepmerge' || name === 'mergeDeep') {
      return e.arguments.some((a) => isStoredItem(a, scope)) && e.arguments.length > 1;
    }
  }
  if (ts.isIdentifier(e)) {
    const b = resolveName(e, scope);
    return !!b?.value && b.local && isMergeOfExisting(b.value.expr, b.value.scope);
  }
  return false;
}

/** Fields written only when sent: `name: body.name ?? item.name`, `...(name && { name })`, `...(x !== undefined ? { x } : {})`. */
export function hasOptionalFields(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => {
    if (ts.isSpreadAssignment(p)) {
      const s = unwrap(p.expression);
      return ts.isConditionalExpression(s) || (ts.isBinaryExpression(s) && s.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken);
    }
    if (ts.isPropertyAssignment(p)) return isFallbackToStored(p.initializer);
    return false;
  });
}

/** `a ?? existing.a`, `a || item.a`, `a !== undefined ? a : item.a`: keep the stored value when the field is not sent. */
export function isFallbackToStored(value: ts.Expression): boolean {
  const v = unwrap(value);
  if (ts.isBinaryExpression(v)) {
    const op = v.operatorToken.kind;
    return (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) && ts.isPropertyAccessExpression(unwrap(v.right));
  }
  if (ts.isConditionalExpression(v)) return ts.isPropertyAccessExpression(unwrap(v.whenFalse)) && /undefined|null|in\b/.test(v.condition.getText());
  return false;
}

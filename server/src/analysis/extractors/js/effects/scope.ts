/**
 * Just enough name resolution to tell a module-level store from a local scratch variable, without a type checker:
 * walk the enclosing scopes of an identifier and find the node that declares its name. Per-container tables are
 * cached so repeated lookups in a big file stay linear.
 */
import ts = require('typescript');

export type FunctionLike =
  | ts.ArrowFunction
  | ts.FunctionExpression
  | ts.FunctionDeclaration
  | ts.MethodDeclaration;

export function isFunctionLike(node: ts.Node): node is FunctionLike {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
}

/** The node that introduces a name: a variable, binding element, parameter, function, class or import binding. */
export type Declaration = ts.Node;

let tables = new WeakMap<ts.Node, Map<string, Declaration>>();

function addBindingNames(name: ts.BindingName, decl: Declaration, into: Map<string, Declaration>): void {
  if (ts.isIdentifier(name)) {
    if (!into.has(name.text)) into.set(name.text, decl);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) addBindingNames(element.name, element, into);
  }
}

function addStatement(statement: ts.Statement, into: Map<string, Declaration>): void {
  if (ts.isVariableStatement(statement)) {
    for (const d of statement.declarationList.declarations) addBindingNames(d.name, d, into);
  } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
    if (!into.has(statement.name.text)) into.set(statement.name.text, statement);
  } else if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause;
    if (clause.name) into.set(clause.name.text, clause);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) into.set(bindings.name.text, bindings);
    if (bindings && ts.isNamedImports(bindings)) for (const s of bindings.elements) into.set(s.name.text, s);
  } else if (ts.isImportEqualsDeclaration(statement)) {
    into.set(statement.name.text, statement);
  }
}

function tableOf(container: ts.Node): Map<string, Declaration> {
  const cached = tables.get(container);
  if (cached) return cached;
  const table = new Map<string, Declaration>();
  if (ts.isSourceFile(container) || ts.isBlock(container) || ts.isModuleBlock(container) || ts.isCaseClause(container) || ts.isDefaultClause(container)) {
    for (const s of container.statements) addStatement(s, table);
  } else if (isFunctionLike(container)) {
    for (const p of container.parameters) addBindingNames(p.name, p, table);
    if (ts.isFunctionExpression(container) && container.name) table.set(container.name.text, container);
  } else if (ts.isForStatement(container) || ts.isForOfStatement(container) || ts.isForInStatement(container)) {
    const init = container.initializer;
    if (init && ts.isVariableDeclarationList(init)) for (const d of init.declarations) addBindingNames(d.name, d, table);
  } else if (ts.isCatchClause(container) && container.variableDeclaration) {
    addBindingNames(container.variableDeclaration.name, container.variableDeclaration, table);
  }
  tables.set(container, table);
  return table;
}

/**
 * Whether a node can hold declarations at all (tableOf gives others an empty table). Lookups walk every ancestor of
 * an identifier, so skipping the expressions and statements in between keeps them from touching the cache.
 */
const DECLARING_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.SourceFile, ts.SyntaxKind.Block, ts.SyntaxKind.ModuleBlock,
  ts.SyntaxKind.CaseClause, ts.SyntaxKind.DefaultClause, ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.MethodDeclaration, ts.SyntaxKind.ForStatement, ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement, ts.SyntaxKind.CatchClause]);

function mayDeclare(node: ts.Node): boolean {
  return DECLARING_KINDS.has(node.kind);
}

/** The declaration of `name` as seen from `from`, nearest scope first; undefined for globals and unknown names. */
export function findDeclaration(name: string, from: ts.Node): Declaration | undefined {
  for (let node: ts.Node | undefined = from; node; node = node.parent) {
    if (!mayDeclare(node)) continue;
    const found = tableOf(node).get(name);
    if (found) return found;
  }
  return undefined;
}

/** Per identifier: detectors ask about the same names over and over (`db` at each call of a chain). */
let declarations = new WeakMap<ts.Identifier, Declaration | null>();

/**
 * An incrementally re-parsed tree reuses the old tree's unchanged nodes: their cached answers may name declarations
 * that moved, changed or left the tree, so every such parse drops both caches.
 */
export function resetDeclarationCaches(): void {
  tables = new WeakMap();
  declarations = new WeakMap();
}

export function declarationOf(id: ts.Identifier): Declaration | undefined {
  const cached = declarations.get(id);
  if (cached !== undefined) return cached ?? undefined;
  const found = findDeclaration(id.text, id);
  declarations.set(id, found ?? null);
  return found;
}

export function isInside(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** The variable declaration a binding element belongs to (`const { a } = x` gives the declaration with `x`). */
export function owningVariable(decl: Declaration): ts.VariableDeclaration | undefined {
  let node: ts.Node = decl;
  while (ts.isBindingElement(node) || ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node)) node = node.parent;
  return ts.isVariableDeclaration(node) ? node : undefined;
}

/** Strips syntax that does not change a value: parentheses, `as`, `!`, `satisfies`, `await`, `<T>x`. */
const WRAPPERS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.ParenthesizedExpression, ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.NonNullExpression, ts.SyntaxKind.SatisfiesExpression, ts.SyntaxKind.AwaitExpression, ts.SyntaxKind.TypeAssertionExpression]);

type Wrapper = ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.SatisfiesExpression | ts.AwaitExpression | ts.TypeAssertion;

export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  // a kind lookup rather than six type tests: detectors unwrap on nearly every node they read
  while (WRAPPERS.has(e.kind)) e = (e as Wrapper).expression;
  return e;
}

/** The specifier of the module an import or `require` binding comes from. */
export function importSpecifierOf(decl: Declaration): { specifier: string; exportName: string } | undefined {
  if (ts.isImportSpecifier(decl)) {
    const spec = decl.parent.parent.parent.moduleSpecifier;
    if (ts.isStringLiteral(spec)) return { specifier: spec.text, exportName: (decl.propertyName ?? decl.name).text };
  } else if (ts.isImportClause(decl)) {
    const spec = decl.parent.moduleSpecifier;
    if (ts.isStringLiteral(spec)) return { specifier: spec.text, exportName: 'default' };
  } else if (ts.isNamespaceImport(decl)) {
    const spec = decl.parent.parent.moduleSpecifier;
    if (ts.isStringLiteral(spec)) return { specifier: spec.text, exportName: '*' };
  } else if (ts.isBindingElement(decl) || ts.isVariableDeclaration(decl)) {
    const variable = owningVariable(decl);
    const init = variable?.initializer && unwrap(variable.initializer);
    if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require'
      && init.arguments.length === 1 && ts.isStringLiteralLike(init.arguments[0])) {
      const specifier = init.arguments[0].text;
      if (ts.isVariableDeclaration(decl)) return { specifier, exportName: '*' };
      const key = decl.propertyName ?? decl.name;
      if (ts.isIdentifier(key)) return { specifier, exportName: key.text };
    }
  }
  return undefined;
}

export function propertyNameText(name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

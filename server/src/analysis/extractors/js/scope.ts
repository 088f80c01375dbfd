/**
 * Which declaration an identifier names, by lexical scope, without a type checker (a Program per file would cost
 * far more than the answer is worth). Handles imports, `const`/`let`/`var` (including destructuring), function and
 * class declarations, parameters and catch/for bindings. Tables are built lazily per scope and live only as long as
 * the file's analysis.
 */
import ts = require('typescript');

export type Declaration =
  | ts.VariableDeclaration
  | ts.BindingElement
  | ts.ParameterDeclaration
  | ts.FunctionDeclaration
  | ts.ClassDeclaration
  | ts.ImportClause
  | ts.ImportSpecifier
  | ts.NamespaceImport
  | ts.ImportEqualsDeclaration
  | ts.FunctionExpression
  | ts.ClassExpression;

export class Scopes {
  private readonly tables = new Map<ts.Node, Map<string, Declaration>>();

  lookup(id: ts.Identifier): Declaration | undefined {
    const name = id.text;
    for (let node: ts.Node | undefined = id.parent; node; node = node.parent) {
      // Most ancestors are expressions and statements that declare nothing: skip them rather than cache empty tables.
      if (!mayDeclare(node)) continue;
      const found = this.table(node).get(name);
      if (found) return found;
    }
    return undefined;
  }

  private table(node: ts.Node): Map<string, Declaration> {
    let table = this.tables.get(node);
    if (!table) {
      table = new Map();
      fillTable(node, table);
      this.tables.set(node, table);
    }
    return table;
  }
}

/** The nodes fillTable can find declarations in. */
const DECLARING_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.ClassExpression, ts.SyntaxKind.CatchClause, ts.SyntaxKind.ForStatement, ts.SyntaxKind.ForOfStatement, ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.SourceFile, ts.SyntaxKind.Block, ts.SyntaxKind.ModuleBlock, ts.SyntaxKind.CaseClause, ts.SyntaxKind.DefaultClause,
]);

function mayDeclare(node: ts.Node): boolean {
  return DECLARING_KINDS.has(node.kind) || ts.isFunctionLike(node);
}

function fillTable(node: ts.Node, table: Map<string, Declaration>): void {
  if (ts.isFunctionLike(node)) {
    for (const p of node.parameters) addBinding(p.name, p, table);
    if (ts.isFunctionExpression(node) && node.name) table.set(node.name.text, node);
    return;
  }
  if (ts.isClassExpression(node) && node.name) {
    table.set(node.name.text, node);
    return;
  }
  if (ts.isCatchClause(node) && node.variableDeclaration) {
    addBinding(node.variableDeclaration.name, node.variableDeclaration, table);
    return;
  }
  if ((ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node))
    && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
    for (const d of node.initializer.declarations) addBinding(d.name, d, table);
    return;
  }
  if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
    for (const s of node.statements) addStatement(s, table);
  }
}

function addStatement(s: ts.Statement, table: Map<string, Declaration>): void {
  if (ts.isVariableStatement(s)) {
    for (const d of s.declarationList.declarations) addBinding(d.name, d, table);
  } else if (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) {
    if (s.name && !table.has(s.name.text)) table.set(s.name.text, s);
  } else if (ts.isImportDeclaration(s) && s.importClause) {
    const clause = s.importClause;
    if (clause.name) table.set(clause.name.text, clause);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) table.set(bindings.name.text, bindings);
    else if (bindings) for (const el of bindings.elements) table.set(el.name.text, el);
  } else if (ts.isImportEqualsDeclaration(s)) {
    table.set(s.name.text, s);
  }
}

function addBinding(name: ts.BindingName, decl: ts.VariableDeclaration | ts.ParameterDeclaration, table: Map<string, Declaration>): void {
  if (ts.isIdentifier(name)) {
    table.set(name.text, decl);
    return;
  }
  for (const el of name.elements) {
    if (ts.isOmittedExpression(el)) continue;
    // Nested patterns are rare for routers and handlers; leaving them unbound is safer than binding them wrongly.
    if (ts.isIdentifier(el.name)) table.set(el.name.text, el);
  }
}

/**
 * From the handler as written at a route (an inline function, a name, `controller.update`, `asyncHandler(fn)`) to
 * the function that does the work, in this file or, one level deep, in a file it imports; then its effects.
 */
import ts = require('typescript');
import type { Effect } from '../../model';
import type { EffectCollector, ImportedNode } from './effects-adapter';
import type { FileScan } from './file-scan';
import { importOfDeclaration, importOfExpression, type ImportRef } from './imports';
import { candidatePaths } from './modules';
import { Scopes } from './scope';
import { unwrap } from './values';

export interface FileReader {
  readText(path: string): string | undefined;
}

interface Located extends ImportedNode {
  readonly scopes: Scopes;
}

const MAX_WRAP = 3;

export class HandlerResolver {
  /** Files read to resolve handlers, for cache invalidation. */
  readonly dependsOn = new Set<string>();
  private readonly parsed = new Map<string, { sf: ts.SourceFile; scopes: Scopes } | null>();

  constructor(private readonly reader: FileReader | undefined, private readonly collect: EffectCollector) {}

  /** `watch.imported` is set when another file was read for the effects (they depend on its text). */
  effects(handler: ts.Node, scan: FileScan, watch?: { imported: boolean }): Effect[] {
    const here: Located = { node: handler, sourceFile: scan.sf, filePath: scan.path, scopes: scan.scopes };
    const target = this.locate(here, 0, true) ?? here;
    if (watch && target.filePath !== scan.path) watch.imported = true;
    try {
      const found = this.collect(target.node, {
        sourceFile: target.sourceFile,
        filePath: target.filePath,
        resolveImported: (specifier, exportName) => {
          if (watch) watch.imported = true;
          return this.resolveExport(target.filePath, { specifier, exportName });
        },
      });
      if (target.filePath === scan.path) return found;
      return found.map((e) => (e.filePath ? e : { ...e, filePath: target.filePath }));
    } catch {
      return [];
    }
  }

  /** The function a handler expression names; `crossFile` allows one hop into an imported file. */
  private locate(at: Located, depth: number, crossFile: boolean): Located | undefined {
    const node = at.node;
    if (ts.isFunctionLike(node)) return at;
    if (!isExpressionNode(node) || depth > MAX_WRAP) return undefined;
    const e = unwrap(node);
    const with_ = (n: ts.Node): Located => ({ ...at, node: n });
    if (ts.isFunctionLike(e)) return with_(e);
    if (ts.isCallExpression(e)) {
      // `fn.bind(this)`, then wrappers such as asyncHandler(fn) or withAuth(fn): the wrapped function does the work.
      if (ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'bind') return this.locate(with_(e.expression.expression), depth + 1, crossFile);
      for (let i = e.arguments.length - 1; i >= 0; i--) {
        const found = this.locate(with_(e.arguments[i]), depth + 1, crossFile);
        if (found) return found;
      }
      return undefined;
    }
    if (ts.isIdentifier(e)) {
      const decl = at.scopes.lookup(e);
      if (!decl) return undefined;
      if (ts.isFunctionDeclaration(decl)) return with_(decl);
      if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isIdentifier(decl.name) && !importOfExpression(decl.initializer)) {
        return this.locate(with_(decl.initializer), depth + 1, crossFile);
      }
      const ref = importOfDeclaration(decl);
      return ref && crossFile ? this.resolveExport(at.filePath, ref) : undefined;
    }
    if (ts.isPropertyAccessExpression(e)) return this.locateMember(at, e, depth, crossFile);
    return undefined;
  }

  private locateMember(at: Located, e: ts.PropertyAccessExpression, depth: number, crossFile: boolean): Located | undefined {
    const member = e.name.text;
    const object = unwrap(e.expression);
    if (object.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(e);
      const m = cls && classMember(cls, member);
      return m ? { ...at, node: m } : undefined;
    }
    if (ts.isNewExpression(object) && ts.isIdentifier(object.expression)) {
      const cls = at.scopes.lookup(object.expression);
      const m = cls && ts.isClassDeclaration(cls) ? classMember(cls, member) : undefined;
      return m ? this.locate({ ...at, node: m }, depth + 1, crossFile) : undefined;
    }
    const direct = importOfExpression(object);
    if (direct) return crossFile ? this.resolveExport(at.filePath, { specifier: direct.specifier, exportName: member }) : undefined;
    if (!ts.isIdentifier(object)) return undefined;
    const decl = at.scopes.lookup(object);
    if (!decl) return undefined;
    const ref = importOfDeclaration(decl);
    if (ref) return crossFile ? this.resolveExport(at.filePath, { specifier: ref.specifier, exportName: ref.exportName === '*' || ref.exportName === 'default' ? member : ref.exportName }) : undefined;
    const inner = memberOfLocal(decl, member, at.scopes);
    return inner ? this.locate({ ...at, node: inner }, depth + 1, crossFile) : undefined;
  }

  /** The exported function `exportName` of the file `specifier` names, relative to `fromPath`. */
  resolveExport(fromPath: string, ref: ImportRef): Located | undefined {
    const file = this.load(fromPath, ref.specifier);
    if (!file) return undefined;
    const node = findExport(file.sf, file.scopes, ref.exportName);
    if (!node) return undefined;
    const at: Located = { node, sourceFile: file.sf, filePath: file.path, scopes: file.scopes };
    return this.locate(at, 0, false) ?? at;
  }

  private load(fromPath: string, specifier: string): { sf: ts.SourceFile; scopes: Scopes; path: string } | undefined {
    if (!this.reader) return undefined;
    for (const path of candidatePaths(fromPath, specifier)) {
      let entry = this.parsed.get(path);
      if (entry === undefined) {
        const text = this.reader.readText(path);
        entry = text === undefined ? null : { sf: parseSource(path, text), scopes: new Scopes() };
        this.parsed.set(path, entry);
      }
      if (entry) {
        this.dependsOn.add(path);
        return { ...entry, path };
      }
    }
    return undefined;
  }
}

function isExpressionNode(node: ts.Node): node is ts.Expression {
  return ts.isExpression(node) || ts.isIdentifier(node);
}

export function parseSource(path: string, text: string): ts.SourceFile {
  const lower = path.toLowerCase();
  const kind = lower.endsWith('.tsx') ? ts.ScriptKind.TSX
    : lower.endsWith('.jsx') ? ts.ScriptKind.JSX
      : /\.[cm]?js$/.test(lower) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) if (ts.isClassLike(n)) return n;
  return undefined;
}

function classMember(cls: ts.ClassLikeDeclaration, name: string): ts.Node | undefined {
  for (const m of cls.members) {
    if (!m.name || !ts.isIdentifier(m.name) || m.name.text !== name) continue;
    if (ts.isMethodDeclaration(m)) return m;
    if (ts.isPropertyDeclaration(m) && m.initializer) return m.initializer;
  }
  return undefined;
}

/** `handlers.update` where `handlers` is a local object literal or an instance of a local class. */
function memberOfLocal(decl: ts.Node, member: string, scopes: Scopes): ts.Node | undefined {
  if (ts.isClassDeclaration(decl)) return classMember(decl, member);
  if (!ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const init = unwrap(decl.initializer);
  if (ts.isObjectLiteralExpression(init)) return objectMember(init, member);
  if (ts.isNewExpression(init) && ts.isIdentifier(init.expression)) {
    const cls = scopes.lookup(init.expression);
    if (cls && ts.isClassDeclaration(cls)) return classMember(cls, member);
  }
  return undefined;
}

function objectMember(obj: ts.ObjectLiteralExpression, member: string): ts.Node | undefined {
  for (const p of obj.properties) {
    if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || p.name.text !== member) continue;
    if (ts.isMethodDeclaration(p)) return p;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
  }
  return undefined;
}

/** An export by name: named exports first, then a property of the default-exported object or class instance. */
export function findExport(sf: ts.SourceFile, scopes: Scopes, name: string): ts.Node | undefined {
  let defaultValue: ts.Expression | ts.Node | undefined;
  for (const s of sf.statements) {
    const exported = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && exported) {
      if (isDefault) defaultValue = s;
      if ((isDefault && name === 'default') || s.name?.text === name) return s;
    } else if (ts.isVariableStatement(s) && exported) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer;
    } else if (ts.isExportAssignment(s)) {
      defaultValue = s.expression;
      if (name === 'default') return s.expression;
    } else if (ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const el of s.exportClause.elements) if (el.name.text === name) return el.propertyName ?? el.name;
    } else if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = s.expression.left;
      const right = s.expression.right;
      if (isModuleExports(left)) {
        defaultValue = right;
        if (name === 'default') return right;
      } else if (ts.isPropertyAccessExpression(left) && left.name.text === name
        && (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports'))) return right;
    }
  }
  if (!defaultValue) return undefined;
  const value = ts.isExpression(defaultValue) ? unwrap(defaultValue) : defaultValue;
  if (ts.isObjectLiteralExpression(value)) return objectMember(value, name);
  if (ts.isClassLike(value)) return classMember(value, name);
  if (ts.isNewExpression(value) && ts.isIdentifier(value.expression)) {
    const decl = scopes.lookup(value.expression);
    if (decl && ts.isClassDeclaration(decl)) return classMember(decl, name);
  }
  if (ts.isIdentifier(value)) {
    const decl = scopes.lookup(value);
    if (decl) return memberOfLocal(decl, name, scopes);
  }
  return undefined;
}

export function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
}

/**
 * Where a binding comes from when it is imported: ESM imports, `require()` (plain, destructured, `.default`,
 * `.member`) and TypeScript's `import x = require()`. CommonJS `module.exports =` and ESM `export default` are both
 * the export named `default`; a namespace import is `*`.
 */
import ts = require('typescript');
import type { Declaration } from './scope';
import { unwrap } from './values';

export interface ImportRef {
  readonly specifier: string;
  /** `default`, `*` or a named export. */
  readonly exportName: string;
}

export function requireSpecifier(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require'
    && e.arguments.length === 1 && ts.isStringLiteralLike(e.arguments[0])) return e.arguments[0].text;
  // Dynamic `import('./x')`, as Fastify's register() accepts.
  if (ts.isCallExpression(e) && e.expression.kind === ts.SyntaxKind.ImportKeyword
    && e.arguments.length >= 1 && ts.isStringLiteralLike(e.arguments[0])) return e.arguments[0].text;
  return undefined;
}

/** `require('x')`, `require('x').default`, `require('x').member`, `await import('x')`. */
export function importOfExpression(expr: ts.Expression): ImportRef | undefined {
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  const direct = requireSpecifier(e);
  if (direct !== undefined) return { specifier: direct, exportName: 'default' };
  if (ts.isPropertyAccessExpression(e)) {
    const spec = requireSpecifier(ts.isAwaitExpression(e.expression) ? e.expression.expression : e.expression);
    if (spec !== undefined) return { specifier: spec, exportName: e.name.text };
  }
  return undefined;
}

export function importOfDeclaration(decl: Declaration): ImportRef | undefined {
  if (ts.isImportClause(decl)) return { specifier: moduleText(decl.parent.moduleSpecifier), exportName: 'default' };
  if (ts.isNamespaceImport(decl)) return { specifier: moduleText(decl.parent.parent.moduleSpecifier), exportName: '*' };
  if (ts.isImportSpecifier(decl)) {
    return { specifier: moduleText(decl.parent.parent.parent.moduleSpecifier), exportName: (decl.propertyName ?? decl.name).text };
  }
  if (ts.isImportEqualsDeclaration(decl)) {
    const ref = decl.moduleReference;
    if (ts.isExternalModuleReference(ref) && ts.isStringLiteralLike(ref.expression)) return { specifier: ref.expression.text, exportName: 'default' };
    return undefined;
  }
  if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isIdentifier(decl.name)) return importOfExpression(decl.initializer);
  if (ts.isBindingElement(decl)) {
    const declaration = decl.parent.parent;
    if (!ts.isVariableDeclaration(declaration) || !declaration.initializer || !ts.isObjectBindingPattern(decl.parent)) return undefined;
    const whole = importOfExpression(declaration.initializer);
    const key = decl.propertyName ?? decl.name;
    if (!whole || whole.exportName !== 'default' || !ts.isIdentifier(key)) return undefined;
    return { specifier: whole.specifier, exportName: key.text };
  }
  return undefined;
}

function moduleText(spec: ts.Expression): string {
  return ts.isStringLiteralLike(spec) ? spec.text : '';
}

/** A member of an imported module: `ns.name` of a namespace import or of a CommonJS object. */
export function memberOf(ref: ImportRef, member: string): ImportRef | undefined {
  if (ref.exportName === '*' || ref.exportName === 'default') return { specifier: ref.specifier, exportName: member };
  return undefined;
}

/**
 * What a file exports that other files may mount or register: routers, plugin/route-module functions (with the
 * parameters they use as routers), router factories, and re-exports. ESM and CommonJS forms both.
 */
import ts = require('typescript');
import type { ExportFact } from './facts';
import type { FileScan } from './file-scan';
import { paramRouterId } from './file-scan';
import { isModuleExports } from './handlers';
import type { Origins } from './origins';
import { unwrap } from './values';

export function collectExports(scan: FileScan, origins: Origins): void {
  const add = (name: string, expr: ts.Expression | ts.FunctionDeclaration): void => {
    const fact = exportFact(scan, origins, name, expr);
    if (fact) scan.exports.push(fact);
  };
  const addObjectOrValue = (name: string, expr: ts.Expression): void => {
    const value = unwrap(expr);
    if (ts.isObjectLiteralExpression(value)) {
      for (const p of value.properties) {
        if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) add(p.name.text, p.initializer);
        else if (ts.isShorthandPropertyAssignment(p)) add(p.name.text, p.name);
      }
    } else add(name, expr);
  };
  for (const s of scan.sf.statements) {
    const modifiers = ts.canHaveModifiers(s) ? ts.getModifiers(s) : undefined;
    const exported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    const isDefault = modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
    if (ts.isExportAssignment(s)) addObjectOrValue('default', s.expression);
    else if (ts.isFunctionDeclaration(s) && exported) {
      if (isDefault) add('default', s);
      if (s.name) add(s.name.text, s);
    } else if (ts.isVariableStatement(s) && exported) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) add(d.name.text, d.name);
    } else if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const el of s.exportClause.elements) {
        if (s.moduleSpecifier && ts.isStringLiteralLike(s.moduleSpecifier)) {
          scan.reexports.push({ name: el.name.text, specifier: s.moduleSpecifier.text, importName: (el.propertyName ?? el.name).text });
        } else if (!s.moduleSpecifier) add(el.name.text, el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName : el.name);
      }
    } else if (ts.isExportDeclaration(s) && !s.exportClause && s.moduleSpecifier && ts.isStringLiteralLike(s.moduleSpecifier)) {
      scan.reexports.push({ name: '*', specifier: s.moduleSpecifier.text, importName: '*' });
    } else if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression)
      && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { left, right } = s.expression;
      if (isModuleExports(left)) addObjectOrValue('default', right);
      else if (ts.isPropertyAccessExpression(left)
        && (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports'))) add(left.name.text, right);
    }
  }
}

function exportFact(scan: FileScan, origins: Origins, name: string, expr: ts.Expression | ts.FunctionDeclaration): ExportFact | undefined {
  const origin = ts.isFunctionDeclaration(expr) ? { kind: 'function' as const, node: expr } : origins.of(expr);
  if (!origin) return undefined;
  switch (origin.kind) {
    case 'router': return { name, routerId: origin.id };
    case 'import': return { name, from: { specifier: origin.ref.specifier, exportName: origin.ref.exportName }, ...(origin.ignorePrefix ? { ignorePrefix: true } : {}) };
    case 'function': {
      const fn = origin.node;
      const params = fn.parameters.map((_, i) => {
        const id = paramRouterId(fn, i, scan.sf);
        return scan.routers.has(id) ? id : null;
      });
      const returned = origins.returned(fn);
      const fact: ExportFact = {
        name,
        ...(params.some((p) => p) ? { params } : {}),
        ...(returned?.kind === 'router' ? { returns: returned.id } : {}),
        ...(origin.ignorePrefix ? { ignorePrefix: true } : {}),
      };
      return fact.params || fact.returns ? fact : undefined;
    }
    default: return undefined;
  }
}

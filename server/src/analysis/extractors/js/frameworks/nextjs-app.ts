/**
 * Next.js App Router: `app/**\/route.ts` files export one handler per method (`export async function PUT`,
 * `export const PUT = ...`, `export { handler as PUT }`); the path comes from the folders.
 */
import * as ts from 'typescript';
import type { FileScan } from '../file-scan';
import { appRouteSegments } from './nextjs-paths';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export function scanNextApp(scan: FileScan): void {
  const segments = appRouteSegments(scan.path);
  if (!segments) return;
  const add = (name: ts.Identifier, handler: ts.Node | undefined, span: ts.Node): void => {
    if (!METHODS.has(name.text)) return;
    scan.addRoute({
      method: name.text,
      methodText: name.text,
      methodSpan: scan.span(name),
      framework: 'nextjs-app',
      segments,
      span: scan.span(span),
      effects: scan.effects(handler),
    });
  };
  for (const s of scan.sf.statements) {
    const exported = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(s) && exported && s.name) add(s.name, s, s);
    else if (ts.isVariableStatement(s) && exported) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name, d.initializer, s);
    } else if (ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const el of s.exportClause.elements) if (ts.isIdentifier(el.name)) add(el.name, el.propertyName ?? el.name, el);
    }
  }
}

/**
 * Next.js App Router: `app/**\/route.ts` files export one handler per method (`export async function PUT`,
 * `export const PUT = ...`, `export { handler as PUT }`); the path comes from the folders.
 */
import ts = require('typescript');
import type { FileScan } from '../file-scan';
import { appRouteSegments } from './nextjs-paths';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export function scanNextApp(scan: FileScan): void {
  const segments = appRouteSegments(scan.path);
  if (!segments) return;
  const exports = exportedNames(scan.sf);
  // A file that already exports the target method cannot rename another export to it: two PUTs do not compile.
  const unavailable = exports.map(({ name }) => name.text).filter((n) => METHODS.has(n));
  for (const { name, handler, span, bare } of exports) {
    if (!METHODS.has(name.text)) continue;
    // `export { POST }` names a local: renaming the exported name means `export { POST as PUT }`.
    const tokenText = bare ? Object.fromEntries([...METHODS].map((m) => [m, `${name.text} as ${m}`])) : undefined;
    scan.addRoute({
      method: name.text,
      methodText: name.text,
      methodSpan: scan.span(name),
      framework: 'nextjs-app',
      segments,
      span: scan.span(span),
      effects: scan.effects(handler),
      methodChange: { unavailable, ...(tokenText ? { tokenText } : {}) },
    });
  }
}

interface ExportedName {
  readonly name: ts.Identifier;
  readonly handler: ts.Node | undefined;
  readonly span: ts.Node;
  readonly bare?: boolean;
}

function exportedNames(sf: ts.SourceFile): ExportedName[] {
  const out: ExportedName[] = [];
  for (const s of sf.statements) {
    const exported = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(s) && exported && s.name) out.push({ name: s.name, handler: s, span: s });
    else if (ts.isVariableStatement(s) && exported) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) out.push({ name: d.name, handler: d.initializer, span: s });
    } else if (ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const el of s.exportClause.elements) {
        if (ts.isIdentifier(el.name)) out.push({ name: el.name, handler: el.propertyName ?? el.name, span: el, ...(el.propertyName ? {} : { bare: true }) });
      }
    }
  }
  return out;
}

/**
 * NestJS: `@Controller('users')` (string, array, or `{ path }`) classes whose methods carry `@Get/@Post/@Put/
 * @Patch/@Delete/@All/@Head/@Options/@Search(path?)` imported from @nestjs/common (aliases followed), and
 * `app.setGlobalPrefix('api')` calls (applied at link time to the controllers of the same project).
 * Not read: RouterModule paths, URI versioning, setGlobalPrefix's `exclude` list.
 */
import ts = require('typescript');
import type { MethodChange, TextEdit } from '../../../model';
import type { PrefixFact } from '../facts';
import type { FileScan } from '../file-scan';
import { propertyValue } from '../route-calls';
import { evalString, pathSegments, prefixFact, unwrap } from '../values';

const NEST_METHODS: Readonly<Record<string, string>> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', All: 'ALL', Head: 'HEAD', Options: 'OPTIONS', Search: 'SEARCH',
};

export function scanNest(scan: FileScan): void {
  const text = scan.sf.text;
  if (text.includes('setGlobalPrefix') && text.includes('@nestjs/')) collectGlobalPrefixes(scan);
  if (!text.includes('@nestjs/common')) return;
  const names = nestImports(scan.sf);
  if (!names.size) return;
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) scanController(scan, node, names);
    ts.forEachChild(node, visit);
  };
  visit(scan.sf);
}

/** Local name → name exported by @nestjs/common. */
function nestImports(sf: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== '@nestjs/common') continue;
    const bindings = s.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.set(el.name.text, (el.propertyName ?? el.name).text);
  }
  return names;
}

function decoratorCall(d: ts.Decorator, names: Map<string, string>): { name: string; call: ts.CallExpression; id: ts.Identifier } | undefined {
  const e = d.expression;
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
  const name = names.get(e.expression.text);
  return name ? { name, call: e, id: e.expression } : undefined;
}

function scanController(scan: FileScan, cls: ts.ClassDeclaration, names: Map<string, string>): void {
  const decorators = ts.getDecorators(cls) ?? [];
  const controller = decorators.map((d) => decoratorCall(d, names)).find((d) => d?.name === 'Controller');
  if (!controller) return;
  const prefixes = controllerPrefixes(scan, controller.call);
  const routerIds = prefixes.map((prefix, i) => {
    const id = `nest${cls.getStart(scan.sf)}:${i}`;
    scan.router(id, 'created', cls, 'nestjs', true);
    if (prefix) scan.setOwnPrefix(id, prefix);
    return id;
  });
  const change = methodChange(scan.sf, names);
  for (const member of cls.members) {
    if (!ts.isMethodDeclaration(member)) continue;
    for (const d of ts.getDecorators(member) ?? []) {
      const dec = decoratorCall(d, names);
      const method = dec && NEST_METHODS[dec.name];
      if (!dec || !method) continue;
      addMethodRoutes(scan, member, dec.id, method, dec.call.arguments[0], routerIds, change);
    }
  }
}

/** Decorators a method quick fix may switch to. */
const FIX_TARGETS = ['Get', 'Post', 'Put', 'Patch', 'Delete'];

/**
 * Switching `@Post` to `@Put` writes the local name `Put` is imported under, and imports it from @nestjs/common when
 * the file does not yet; when the name is taken by something else, the switch is not offered.
 */
function methodChange(sf: ts.SourceFile, names: Map<string, string>): MethodChange {
  const tokenText: Record<string, string> = {};
  const extraEdits: Record<string, TextEdit[]> = {};
  const unavailable: string[] = [];
  const list = nestNamedImports(sf);
  for (const decorator of FIX_TARGETS) {
    const method = NEST_METHODS[decorator];
    const local = [...names].find(([, exported]) => exported === decorator)?.[0];
    if (local) {
      tokenText[method] = local;
    } else if (!list || new RegExp(`\\b${decorator}\\b`).test(sf.text)) {
      unavailable.push(method);
    } else {
      tokenText[method] = decorator;
      extraEdits[method] = [importEdit(sf, list, decorator)];
    }
  }
  return { tokenText, extraEdits, unavailable };
}

function nestNamedImports(sf: ts.SourceFile): ts.NamedImports | undefined {
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== '@nestjs/common') continue;
    if (s.importClause?.isTypeOnly) continue;
    const bindings = s.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0) return bindings;
  }
  return undefined;
}

/** `, Put` after the last name; on its own line, with the list's indentation, when the names are one per line. */
function importEdit(sf: ts.SourceFile, list: ts.NamedImports, name: string): TextEdit {
  const last = list.elements[list.elements.length - 1];
  const lastLine = sf.getLineAndCharacterOfPosition(last.getStart(sf)).line;
  const braceLine = sf.getLineAndCharacterOfPosition(list.getStart(sf)).line;
  if (lastLine === braceLine) return { span: { start: last.end, end: last.end }, newText: `, ${name}` };
  const lineStart = sf.getPositionOfLineAndCharacter(lastLine, 0);
  const indent = /^[ \t]*/.exec(sf.text.slice(lineStart, last.getStart(sf)))?.[0] ?? '';
  const eol = sf.text.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: last.end, end: last.end }, newText: `,${eol}${indent}${name}` };
}

function controllerPrefixes(scan: FileScan, call: ts.CallExpression): (PrefixFact | undefined)[] {
  let arg: ts.Expression | undefined = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if (arg && ts.isObjectLiteralExpression(arg)) {
    const path = propertyValue(arg, 'path');
    arg = path && !ts.isMethodDeclaration(path) ? unwrap(path) : undefined;
  }
  if (!arg) return [undefined];
  const list = ts.isArrayLiteralExpression(arg) ? arg.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e)) : [arg];
  const out = list.map((e) => prefixFact(e, scan.scopes, scan.sf)).filter((p): p is PrefixFact => p !== undefined);
  return out.length ? out : [undefined];
}

function addMethodRoutes(scan: FileScan, member: ts.MethodDeclaration, id: ts.Identifier, method: string,
  pathArg: ts.Expression | undefined, routerIds: readonly string[], methodChange: MethodChange): void {
  const arg = pathArg && unwrap(pathArg);
  const paths = !arg ? [undefined] : ts.isArrayLiteralExpression(arg) ? arg.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e)) : [arg];
  const effects = scan.effects(member);
  for (const p of paths) {
    const v = p ? evalString(p, scan.scopes, scan.sf) : undefined;
    if (p && !v) continue;
    for (const routerId of routerIds) {
      scan.addRoute({
        routerId,
        method,
        methodText: id.text,
        methodSpan: scan.span(id),
        framework: 'nestjs',
        segments: v ? pathSegments(v) : [],
        ...(v ? { pathSpan: v.span } : {}),
        span: { start: member.getStart(scan.sf), end: member.end },
        effects,
        methodChange,
      });
    }
  }
}

function collectGlobalPrefixes(scan: FileScan): void {
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)
      && node.expression.name.text === 'setGlobalPrefix' && node.arguments.length >= 1) {
      const prefix = prefixFact(node.arguments[0], scan.scopes, scan.sf)
        ?? { text: scan.text(node.arguments[0]), resolved: false, span: scan.span(node.arguments[0]) };
      scan.globalPrefixes.push(prefix);
    }
    ts.forEachChild(node, visit);
  };
  visit(scan.sf);
}

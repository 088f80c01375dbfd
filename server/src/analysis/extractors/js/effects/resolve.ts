/**
 * From "something that names a function" to the function itself: identifiers, `controller.update`,
 * `this.service.create`, `asyncHandler(fn)`, `fn.bind(this)`, and names imported into the route's file (through the
 * caller's resolver). Bounded by a hop count; anything unclear resolves to nothing.
 */
import ts = require('typescript');
import type { Unit } from './context';
import { declarationOf, findDeclaration, importSpecifierOf, isFunctionLike, propertyNameText, unwrap, type FunctionLike } from './scope';

export interface ResolvedFunction {
  readonly fn: FunctionLike;
  readonly unit: Unit;
}

const MAX_HOPS = 6;

export function resolveFunction(node: ts.Node, unit: Unit, hops = 0): ResolvedFunction | undefined {
  if (hops > MAX_HOPS) return undefined;
  if (isFunctionLike(node)) return node.body ? { fn: node, unit } : undefined;
  if (ts.isVariableDeclaration(node)) return node.initializer ? resolveFunction(node.initializer, unit, hops + 1) : undefined;
  if (ts.isExportAssignment(node)) return resolveFunction(node.expression, unit, hops + 1);
  if (ts.isPropertyAssignment(node)) return resolveFunction(node.initializer, unit, hops + 1);
  if (!ts.isExpression(node)) return undefined;
  const e = unwrap(node);
  if (isFunctionLike(e)) return resolveFunction(e, unit, hops + 1);
  if (ts.isCallExpression(e)) return resolveWrapped(e, unit, hops);
  if (ts.isIdentifier(e)) return resolveIdentifier(e, unit, hops);
  if (ts.isPropertyAccessExpression(e)) return resolveMember(e.expression, e.name.text, unit, hops);
  return undefined;
}

/** `fn.bind(this)`, `asyncHandler(async (req, res) => ...)`, `catchAsync(updateUser)`. */
function resolveWrapped(call: ts.CallExpression, unit: Unit, hops: number): ResolvedFunction | undefined {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') return resolveFunction(callee.expression, unit, hops + 1);
  for (let i = call.arguments.length - 1; i >= 0; i--) {
    const arg = unwrap(call.arguments[i]);
    if (isFunctionLike(arg)) return resolveFunction(arg, unit, hops + 1);
  }
  const last = call.arguments[call.arguments.length - 1];
  return last && ts.isIdentifier(unwrap(last)) ? resolveFunction(last, unit, hops + 1) : undefined;
}

function resolveIdentifier(id: ts.Identifier, unit: Unit, hops: number): ResolvedFunction | undefined {
  const decl = declarationOf(id);
  if (!decl) return undefined;
  if (ts.isFunctionDeclaration(decl) || ts.isVariableDeclaration(decl)) return resolveFunction(decl, unit, hops + 1);
  const imported = importSpecifierOf(decl);
  if (imported) return resolveImport(imported.specifier, imported.exportName === '*' ? 'default' : imported.exportName, unit, hops);
  return undefined;
}

function resolveImport(specifier: string, exportName: string, unit: Unit, hops: number): ResolvedFunction | undefined {
  const target = importTarget(specifier, exportName, unit);
  return target && resolveFunction(target.node, target.unit, hops + 1);
}

function importTarget(specifier: string, exportName: string, unit: Unit): { node: ts.Node; unit: Unit } | undefined {
  if (!unit.resolveImported) return undefined;
  let found;
  try {
    found = unit.resolveImported(specifier, exportName);
  } catch {
    return undefined; // the caller's resolver failing must not take the analysis down
  }
  // Imports of the other file are relative to it, and the resolver only knows the route's file: stop there.
  return found && { node: found.node, unit: { sourceFile: found.sourceFile, filePath: found.filePath } };
}

/** `obj.name` where obj is an object literal, a class, an instance of one, an import of either, or `this.service`. */
function resolveMember(objExpr: ts.Expression, name: string, unit: Unit, hops: number): ResolvedFunction | undefined {
  const obj = unwrap(objExpr);
  if (obj.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(obj);
    return cls && memberOf(cls, name, unit, hops);
  }
  if (ts.isPropertyAccessExpression(obj) && obj.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(obj);
    const owner = cls && injectedClass(cls, obj.name.text, unit);
    return owner && memberOf(owner.node, name, owner.unit, hops);
  }
  if (!ts.isIdentifier(obj)) return undefined;
  const decl = declarationOf(obj);
  if (!decl) return undefined;
  const imported = importSpecifierOf(decl);
  if (imported) {
    if (imported.exportName === '*') return resolveImport(imported.specifier, name, unit, hops);
    const target = importTarget(imported.specifier, imported.exportName, unit);
    return target && memberOf(target.node, name, target.unit, hops);
  }
  return memberOf(decl, name, unit, hops);
}

function memberOf(container: ts.Node, name: string, unit: Unit, hops: number): ResolvedFunction | undefined {
  if (hops > MAX_HOPS) return undefined;
  let c: ts.Node = container;
  if (ts.isVariableDeclaration(c)) {
    if (!c.initializer) return undefined;
    c = c.initializer;
  }
  if (ts.isExportAssignment(c)) c = c.expression;
  if (ts.isExpression(c)) c = unwrap(c);
  if (ts.isNewExpression(c) && ts.isIdentifier(c.expression)) {
    const cls = classNamed(c.expression.text, c, unit);
    return cls && memberOf(cls.node, name, cls.unit, hops + 1);
  }
  if (ts.isIdentifier(c)) {
    const decl = declarationOf(c);
    return decl && decl !== container ? memberOf(decl, name, unit, hops + 1) : undefined;
  }
  if (ts.isObjectLiteralExpression(c)) {
    for (const p of c.properties) {
      if (propertyNameText(p.name) !== name) continue;
      if (ts.isMethodDeclaration(p)) return resolveFunction(p, unit, hops + 1);
      if (ts.isPropertyAssignment(p)) return resolveFunction(p.initializer, unit, hops + 1);
      if (ts.isShorthandPropertyAssignment(p)) return resolveFunction(p.name, unit, hops + 1);
    }
    return undefined;
  }
  if (ts.isClassLike(c)) {
    for (const m of c.members) {
      if (propertyNameText(m.name) !== name) continue;
      if (ts.isMethodDeclaration(m)) return resolveFunction(m, unit, hops + 1);
      if (ts.isPropertyDeclaration(m) && m.initializer) return resolveFunction(m.initializer, unit, hops + 1);
    }
  }
  return undefined;
}

export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) if (ts.isClassLike(n)) return n;
  return undefined;
}

/** The class of `this.<field>`: a constructor parameter property or a field, typed or initialised with `new X()`. */
function injectedClass(cls: ts.ClassLikeDeclaration, field: string, unit: Unit): { node: ts.Node; unit: Unit } | undefined {
  let typeName: string | undefined;
  for (const m of cls.members) {
    if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) {
        if (ts.isIdentifier(p.name) && p.name.text === field && p.type && ts.isTypeReferenceNode(p.type) && ts.isIdentifier(p.type.typeName)) {
          typeName = p.type.typeName.text;
        }
      }
    } else if (ts.isPropertyDeclaration(m) && propertyNameText(m.name) === field) {
      if (m.type && ts.isTypeReferenceNode(m.type) && ts.isIdentifier(m.type.typeName)) typeName = m.type.typeName.text;
      else if (m.initializer && ts.isNewExpression(m.initializer) && ts.isIdentifier(m.initializer.expression)) typeName = m.initializer.expression.text;
    }
  }
  return typeName ? classNamed(typeName, cls, unit) : undefined;
}

function classNamed(name: string, from: ts.Node, unit: Unit): { node: ts.Node; unit: Unit } | undefined {
  const decl = findDeclaration(name, from);
  if (!decl) return undefined;
  if (ts.isClassDeclaration(decl)) return { node: decl, unit };
  const imported = importSpecifierOf(decl);
  return imported ? importTarget(imported.specifier, imported.exportName, unit) : undefined;
}

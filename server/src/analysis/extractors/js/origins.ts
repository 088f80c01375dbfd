/**
 * Origin evaluation: follows a receiver expression back to what created it (a framework factory, a parameter, an
 * import), registering routers in the file scan as they are found. Memoised per node and cycle-safe.
 */
import ts = require('typescript');
import type { Framework } from '../../model';
import { createdRouterId, type FileScan, paramRouterId } from './file-scan';
import { chainOf, callFrameworks } from './frameworks';
import { koaConstructorPrefix } from './frameworks/koa';
import { importOfDeclaration, importOfExpression, memberOf, type ImportRef } from './imports';
import { isRelative } from './modules';
import type { Origin, OriginResolver } from './origin-types';
import { prefixFact, unwrap } from './values';

const FASTIFY_PLUGIN_MODULE = 'fastify-plugin';
const MAX_RETURNS = 16;
const ROUTER_MIDDLEWARE = new Set(['routes', 'middleware']);

export class Origins implements OriginResolver {
  private readonly cache = new Map<ts.Node, Origin | null>();
  private readonly active = new Set<ts.Node>();

  constructor(private readonly scan: FileScan) {}

  of(expr: ts.Expression): Origin | undefined {
    let e = unwrap(expr);
    if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
    const cached = this.cache.get(e);
    if (cached !== undefined) return cached ?? undefined;
    if (this.active.has(e)) return undefined;
    this.active.add(e);
    let result: Origin | undefined;
    try {
      result = this.compute(e);
    } finally {
      this.active.delete(e);
    }
    this.cache.set(e, result ?? null);
    return result;
  }

  paramRouter(fn: ts.SignatureDeclaration, index: number): string {
    const id = paramRouterId(fn, index, this.scan.sf);
    const param = fn.parameters[index];
    const framework = (param && this.typeFramework(param.type)) ?? (index === 0 ? this.pluginFramework(fn) : undefined);
    this.scan.router(id, 'param', param ?? fn, framework, framework !== undefined);
    return id;
  }

  private compute(e: ts.Expression): Origin | undefined {
    if (ts.isIdentifier(e)) return this.fromIdentifier(e);
    if (ts.isPropertyAccessExpression(e)) return this.fromMember(e);
    if (ts.isCallExpression(e)) return this.fromCall(e);
    if (ts.isNewExpression(e)) {
      const callee = this.of(e.expression);
      return callee?.kind === 'package' ? this.create(e, callee, 'new', e.arguments ?? []) : undefined;
    }
    if (ts.isFunctionExpression(e) || ts.isArrowFunction(e)) return { kind: 'function', node: e };
    return undefined;
  }

  private fromIdentifier(id: ts.Identifier): Origin | undefined {
    const decl = this.scan.scopes.lookup(id);
    if (!decl) return undefined;
    if (ts.isFunctionDeclaration(decl)) return decl.body ? { kind: 'function', node: decl } : undefined;
    if (ts.isParameter(decl)) {
      const fn = decl.parent;
      if (!ts.isIdentifier(decl.name) || !('body' in fn) || !fn.body) return undefined;
      const id = this.paramRouter(fn, fn.parameters.indexOf(decl));
      return { kind: 'router', id, ...this.frameworkOf(id) };
    }
    if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) {
      if (!decl.initializer) return undefined;
      const ref = importOfExpression(decl.initializer);
      return ref ? importOrigin(ref) : this.of(decl.initializer);
    }
    const ref = importOfDeclaration(decl);
    return ref ? importOrigin(ref) : undefined;
  }

  private fromMember(e: ts.PropertyAccessExpression): Origin | undefined {
    const name = e.name.text;
    const object = unwrap(e.expression);
    if (object.kind === ts.SyntaxKind.ThisKeyword) return this.fromThisMember(e, name);
    const direct = importOfExpression(e);
    if (direct) return importOrigin(direct);
    const o = this.of(object);
    if (o?.kind === 'package') return { kind: 'package', module: o.module, path: [...o.path, name] };
    if (o?.kind === 'import') {
      const ref = memberOf(o.ref, name);
      return ref ? { kind: 'import', ref } : undefined;
    }
    return undefined;
  }

  /** `this.router` in a class: the property's initializer or a constructor assignment. */
  private fromThisMember(e: ts.PropertyAccessExpression, name: string): Origin | undefined {
    let cls: ts.Node | undefined = e.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls || !ts.isClassLike(cls)) return undefined;
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.initializer && ts.isIdentifier(m.name) && m.name.text === name) return this.of(m.initializer);
      if (ts.isConstructorDeclaration(m) && m.body) {
        for (const s of m.body.statements) {
          if (!ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression)) continue;
          const { left, operatorToken, right } = s.expression;
          if (operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(left)
            && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) return this.of(right);
        }
      }
    }
    return undefined;
  }

  private fromCall(call: ts.CallExpression): Origin | undefined {
    const direct = importOfExpression(call);
    if (direct) return importOrigin(direct);
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = this.of(callee.expression);
      if (receiver?.kind === 'router') return this.chained(call, callee.name.text, receiver);
      if (receiver?.kind === 'route-holder') return receiver;
      // Koa's `users.routes()` on a router imported from another file: the router itself is what gets mounted.
      if (receiver?.kind === 'import' && ROUTER_MIDDLEWARE.has(callee.name.text) && call.arguments.length === 0) return receiver;
    }
    const co = this.of(callee);
    if (!co) return undefined;
    if (co.kind === 'package') {
      if (co.module === FASTIFY_PLUGIN_MODULE && co.path.length <= 1 && call.arguments.length > 0) {
        const inner = this.of(call.arguments[0]);
        if (inner?.kind === 'function' || inner?.kind === 'import') return { ...inner, ignorePrefix: true };
        return undefined;
      }
      return this.create(call, co, 'call', call.arguments);
    }
    if (co.kind === 'function') return this.returned(co.node);
    if (co.kind === 'import') return { kind: 'import-call', ref: co.ref };
    return undefined;
  }

  private chained(call: ts.CallExpression, name: string, receiver: Extract<Origin, { kind: 'router' }>): Origin | undefined {
    const framework = receiver.framework;
    const chain = chainOf(framework, name, call.arguments.length);
    if (chain === 'same') return receiver;
    if (chain === 'holder' && call.arguments.length >= 1) {
      return { kind: 'route-holder', routerId: receiver.id, path: call.arguments[0], ...(framework ? { framework } : {}) };
    }
    if (chain === 'child' && call.arguments.length >= 1) {
      const parent = this.scan.routers.get(receiver.id);
      const id = createdRouterId(call, this.scan.sf);
      this.scan.router(id, 'created', call, framework, parent?.confirmed ?? false);
      const prefix = prefixFact(call.arguments[0], this.scan.scopes, this.scan.sf);
      this.scan.addMount({ parentId: receiver.id, ...(prefix ? { prefix } : {}), target: { kind: 'router', routerId: id }, span: this.scan.span(call) });
      return { kind: 'router', id, ...(framework ? { framework } : {}) };
    }
    return undefined;
  }

  private create(node: ts.CallExpression | ts.NewExpression, callee: Extract<Origin, { kind: 'package' }>, how: 'call' | 'new',
    args: readonly ts.Expression[]): Origin | undefined {
    const path = callee.path.join('.');
    for (const spec of callFrameworks) {
      const factory = spec.factories.find((f) => f.module === callee.module && f.path === path && (f.how === 'either' || f.how === how));
      if (!factory) continue;
      const id = createdRouterId(node, this.scan.sf);
      this.scan.router(id, 'created', node, spec.framework, true);
      if (factory.creates === 'mount-only') this.scan.mountOnly.add(id);
      else if (spec.framework === 'koa') {
        const prefix = koaConstructorPrefix({ scan: this.scan }, args);
        if (prefix) this.scan.setOwnPrefix(id, prefix);
      }
      return { kind: 'router', id, framework: spec.framework };
    }
    return undefined;
  }

  /** The router a local factory function returns (`function createUsersRouter() { ...; return router; }`). */
  returned(fn: ts.SignatureDeclaration): Origin | undefined {
    const body = 'body' in fn ? fn.body : undefined;
    if (!body) return undefined;
    if (!ts.isBlock(body)) {
      const o = this.of(body as ts.Expression);
      return o?.kind === 'router' || o?.kind === 'import' || o?.kind === 'import-call' ? o : undefined;
    }
    const returns: ts.Expression[] = [];
    const visit = (n: ts.Node): void => {
      if (returns.length >= MAX_RETURNS || ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      if (ts.isReturnStatement(n) && n.expression) returns.push(n.expression);
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(body, visit);
    for (const r of returns) {
      const o = this.of(r);
      if (o?.kind === 'router') return o;
    }
    return undefined;
  }

  private frameworkOf(id: string): { framework?: Framework } {
    const f = this.scan.routers.get(id)?.framework;
    return f ? { framework: f } : {};
  }

  /** A parameter typed as a router (`app: Express`, `fastify: FastifyInstance`, `router: Router`). */
  private typeFramework(type: ts.TypeNode | undefined): Framework | undefined {
    if (!type || !ts.isTypeReferenceNode(type)) return undefined;
    const name = type.typeName;
    let ref: ImportRef | undefined;
    if (ts.isIdentifier(name)) {
      const decl = this.scan.scopes.lookup(name);
      ref = decl && importOfDeclaration(decl);
    } else if (ts.isIdentifier(name.left)) {
      const decl = this.scan.scopes.lookup(name.left);
      const base = decl && importOfDeclaration(decl);
      ref = base && memberOf(base, name.right.text);
    }
    if (!ref || isRelative(ref.specifier)) return undefined;
    const imported = ref.exportName === 'default' || ref.exportName === '*' ? '' : ref.exportName;
    return callFrameworks.find((s) => s.routerTypes.some((t) => t.module === ref.specifier && t.name === imported))?.framework;
  }

  /** A function that is a Fastify plugin by its wrapper (`fp(fn)`) or its declared type (`FastifyPluginAsync`). */
  private pluginFramework(fn: ts.SignatureDeclaration): Framework | undefined {
    const parent = fn.parent;
    if (parent && ts.isCallExpression(parent) && parent.arguments[0] === fn) {
      const callee = this.of(parent.expression);
      if (callee?.kind === 'package' && callee.module === FASTIFY_PLUGIN_MODULE) return 'fastify';
    }
    if (parent && ts.isVariableDeclaration(parent) && parent.type && ts.isTypeReferenceNode(parent.type)) {
      const typeName = parent.type.typeName;
      if (ts.isIdentifier(typeName) && typeName.text.startsWith('FastifyPlugin')) {
        const decl = this.scan.scopes.lookup(typeName);
        const ref = decl && importOfDeclaration(decl);
        if (ref?.specifier === 'fastify') return 'fastify';
      }
    }
    return undefined;
  }
}

function importOrigin(ref: ImportRef): Origin {
  if (isRelative(ref.specifier)) return { kind: 'import', ref };
  const path = ref.exportName === 'default' || ref.exportName === '*' ? [] : [ref.exportName];
  return { kind: 'package', module: ref.specifier, path };
}

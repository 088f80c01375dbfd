/**
 * Walks a handler and, a bounded distance, the functions it calls (same-file helpers, sibling and injected class
 * methods, names imported into the route's file), running every detector on every node. Each function is walked
 * once; depth, function count and node count are capped so no input can make it loop or crawl.
 */
import ts = require('typescript');
import type { Effect } from '../../../model';
import type { Detector, Found, Scope, Unit } from './context';
import { detectIds } from './detect-ids';
import { detectMemory } from './detect-memory';
import { detectOrm } from './detect-orm';
import { decoratorEffects, detectResponse } from './detect-response';
import { detectSql } from './detect-sql';
import { detectUpsert } from './detect-upsert';
import { branchScope } from './branch';
import { resolveFunction } from './resolve';
import { isInside, type FunctionLike } from './scope';

/** The handler is depth 0; helpers it calls are 1; what those call is 2 (controller -> service -> repository helper). */
const MAX_DEPTH = 2;
const MAX_FUNCTIONS = 32;
const MAX_NODES = 200_000;

const K = ts.SyntaxKind;
/**
 * Each detector with the node kinds it can answer on (its own first test); every other node would get `[]`, so the
 * walker does not ask. Order matters: it is the order observations are kept in.
 */
const DETECTORS: readonly { readonly detect: Detector; readonly kinds: ReadonlySet<ts.SyntaxKind> }[] = [
  { detect: detectIds, kinds: new Set([K.CallExpression, K.NewExpression, K.PostfixUnaryExpression, K.PrefixUnaryExpression, K.BinaryExpression]) },
  { detect: detectResponse, kinds: new Set([K.CallExpression, K.NewExpression, K.BinaryExpression]) },
  { detect: detectOrm, kinds: new Set([K.CallExpression]) },
  { detect: detectSql, kinds: new Set([K.TaggedTemplateExpression, K.CallExpression]) },
  { detect: detectMemory, kinds: new Set([K.BinaryExpression, K.DeleteExpression, K.CallExpression]) },
  { detect: detectUpsert, kinds: new Set([K.IfStatement]) },
];

interface Observation {
  readonly found: Found;
  readonly unit: Unit;
}

interface WalkState {
  readonly visited: Set<FunctionLike>;
  readonly observations: Observation[];
  nodes: number;
}

/** `handler` names a function, or is one branch of a function (a method's `if`/`case` in a Next.js Pages API handler). */
export function collectFromHandler(handler: ts.Node, unit: Unit): Effect[] {
  const branch = branchScope(handler);
  const root = branch ? { fn: branch.fn, unit } : resolveFunction(handler, unit);
  if (!root) return [];
  const state: WalkState = { visited: new Set(), observations: [], nodes: 0 };
  if (ts.isMethodDeclaration(root.fn)) {
    for (const found of safely(() => decoratorEffects(root.fn as ts.MethodDeclaration))) state.observations.push({ found, unit: root.unit });
  }
  walk(root.fn, root.unit, state, 0, new Map(), undefined, branch?.skip);
  return toEffects(state.observations, unit.filePath);
}

function walk(fn: FunctionLike, unit: Unit, state: WalkState, depth: number, bindings: Scope['bindings'], caller?: Scope,
  skip?: ReadonlySet<ts.Node>): void {
  if (!fn.body || state.visited.has(fn) || state.visited.size >= MAX_FUNCTIONS) return;
  state.visited.add(fn);
  const scope: Scope = { unit, fn, bindings, caller };
  const visit = (node: ts.Node): void => {
    if (++state.nodes > MAX_NODES || skip?.has(node)) return;
    for (const { detect, kinds } of DETECTORS) {
      if (!kinds.has(node.kind)) continue;
      let found: readonly Found[];
      try {
        found = detect(node, scope);
      } catch (error) {
        internalErrorSink?.(error);
        continue;
      }
      for (const f of found) state.observations.push({ found: f, unit });
    }
    if (ts.isCallExpression(node) && depth < MAX_DEPTH) follow(node, scope, state, depth);
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
}

/** Walks the function a call lands in, binding its parameters to the call's arguments. */
function follow(call: ts.CallExpression, scope: Scope, state: WalkState, depth: number): void {
  const target = safely(() => {
    const r = resolveFunction(call.expression, scope.unit);
    return r ? [r] : [];
  })[0];
  if (!target || state.visited.has(target.fn)) return;
  // functions nested in the one being walked are reached by the walk itself
  if (target.unit.sourceFile === scope.unit.sourceFile && isInside(target.fn, scope.fn)) return;
  const bindings = new Map<ts.ParameterDeclaration, ts.Expression>();
  target.fn.parameters.forEach((p, i) => {
    const arg = call.arguments[i];
    if (arg && !ts.isSpreadElement(arg)) bindings.set(p, arg);
  });
  walk(target.fn, target.unit, state, depth + 1, bindings, scope);
}

let internalErrorSink: ((error: unknown) => void) | undefined;

/** Tests listen here so a detector that throws is a failure, not silently fewer effects. */
export function onInternalError(sink: ((error: unknown) => void) | undefined): void {
  internalErrorSink = sink;
}

/** A detector that trips over half-typed code loses its own results for that node, nothing more. */
function safely<T>(run: () => readonly T[]): readonly T[] {
  try {
    return run();
  } catch (error) {
    internalErrorSink?.(error);
    return [];
  }
}

function toEffects(observations: readonly Observation[], routeFile: string): Effect[] {
  const seen = new Set<string>();
  const effects: Effect[] = [];
  for (const { found, unit } of observations) {
    const start = found.node.getStart(unit.sourceFile);
    const end = found.node.getEnd();
    const filePath = unit.filePath === routeFile ? undefined : unit.filePath;
    const key = found.group ? `${filePath ?? ''}|group|${found.group}` : `${filePath ?? ''}|${found.kind}|${start}|${end}|${found.status ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    effects.push({
      kind: found.kind,
      span: { start, end },
      ...(filePath !== undefined ? { filePath } : {}),
      description: found.description,
      ...(found.status !== undefined ? { status: found.status } : {}),
    });
  }
  return effects.sort((a, b) => (a.filePath ?? '').localeCompare(b.filePath ?? '') || a.span.start - b.span.start || a.span.end - b.span.end);
}

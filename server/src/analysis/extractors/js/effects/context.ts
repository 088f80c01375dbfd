/**
 * The state a detector sees while one function is walked: which file it is in, which function owns the locals, and
 * what the caller passed for each parameter (so a helper's `store.set(id, body)` is judged by the caller's
 * arguments).
 */
import type * as ts from 'typescript';
import type { EffectKind } from '../../../model';
import type { FunctionLike } from './scope';

export interface ImportedFunction {
  readonly node: ts.Node;
  readonly sourceFile: ts.SourceFile;
  readonly filePath: string;
}

export type ImportResolver = (specifier: string, exportName: string) => ImportedFunction | undefined;

/** One file taking part in the walk. Imports resolve only from the route's own file: the resolver's specifiers are relative to it. */
export interface Unit {
  readonly sourceFile: ts.SourceFile;
  readonly filePath: string;
  readonly resolveImported?: ImportResolver;
}

export interface Scope {
  readonly unit: Unit;
  /** The function being walked: declarations inside it are locals, outside it are module or closure state. */
  readonly fn: FunctionLike;
  /** Argument expressions bound to `fn`'s parameters by the call that led here, read in `caller`'s scope. */
  readonly bindings: ReadonlyMap<ts.ParameterDeclaration, ts.Expression>;
  readonly caller?: Scope;
}

export interface Found {
  readonly kind: EffectKind;
  /** The exact call or expression the effect is seen at. */
  readonly node: ts.Node;
  readonly description: string;
  readonly status?: number;
  /** Findings sharing a group are one observation (several field assignments onto one item): the first is kept. */
  readonly group?: string;
}

export type Detector = (node: ts.Node, scope: Scope) => readonly Found[];

/** Short, one-line label for a callee as a person reads it: `prisma.user.update()`, `db.collection('users').insertOne()`. */
export function calleeLabel(expr: ts.Expression, sourceFile: ts.SourceFile): string {
  const text = expr.getText(sourceFile).replace(/\s+/g, ' ');
  if (text.length <= 48) return `${text}()`;
  const tail = text.slice(text.length - 40);
  const dot = tail.indexOf('.');
  return `…${dot >= 0 ? tail.slice(dot) : tail}()`;
}

/** Source text of a node on one line, shortened for a hover. */
export function shortText(node: ts.Node, sourceFile: ts.SourceFile, max = 48): string {
  const text = node.getText(sourceFile).replace(/\s+/g, ' ');
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

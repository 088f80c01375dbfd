/**
 * Handler evidence for JS/TS route code: what a route handler does (mints ids, replaces or merges items, inserts,
 * deletes, answers 201, sets Location...), each with the exact place it is seen. The route extractors call this
 * with the handler they found; rules read the effects. Never throws: unreadable code yields fewer effects.
 */
import type * as ts from 'typescript';
import type { Effect } from '../../../model';
import { collectFromHandler } from './walker';

export interface EffectContext {
  sourceFile: ts.SourceFile;
  filePath: string;
  /** Resolve a function referenced by name that is imported from another file (one level deep at least). */
  resolveImported?: (specifier: string, exportName: string) => { node: ts.Node; sourceFile: ts.SourceFile; filePath: string } | undefined;
}

/**
 * `handler` is a function-like node, or an identifier / property access naming one (`updateUser`,
 * `controller.update`, `asyncHandler(fn)`); names declared in the same file are resolved here, imported ones
 * through `ctx.resolveImported`.
 */
export function collectEffects(handler: ts.Node, ctx: EffectContext): Effect[] {
  try {
    return collectFromHandler(handler, { sourceFile: ctx.sourceFile, filePath: ctx.filePath, resolveImported: ctx.resolveImported });
  } catch {
    return [];
  }
}

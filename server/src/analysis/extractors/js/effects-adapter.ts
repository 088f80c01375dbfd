/**
 * The seam to handler-evidence collection (effects/, written separately). Route extraction only decides WHICH node
 * is the handler; what the handler does is the effects module's business. Tests inject their own collector here.
 */
import type * as ts from 'typescript';
import type { Effect } from '../../model';
import { collectEffects } from './effects';

export interface ImportedNode {
  readonly node: ts.Node;
  readonly sourceFile: ts.SourceFile;
  readonly filePath: string;
}

/** Same shape as effects/index.ts's EffectContext. */
export interface EffectContext {
  readonly sourceFile: ts.SourceFile;
  readonly filePath: string;
  readonly resolveImported?: (specifier: string, exportName: string) => ImportedNode | undefined;
}

export type EffectCollector = (handler: ts.Node, ctx: EffectContext) => Effect[];

export const defaultEffectCollector: EffectCollector = collectEffects;

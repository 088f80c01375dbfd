/**
 * Shared by the effect tests: parse a fixture the way the route extractors do, find the handler the way a route
 * registration names it, and print effects as `kind: source text` so expectations read like the code.
 */
import * as ts from 'typescript';
import type { Effect } from '../../../model';
import { collectEffects, type EffectContext } from './index';
import { propertyNameText } from './scope';

export function parse(text: string, path = '/app/src/routes.ts'): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/**
 * The handler called `name`: the last argument of a route registration `x.name('/path', ...)`, else a function,
 * method or variable declared with that name.
 */
export function findHandler(sf: ts.SourceFile, name: string): ts.Node {
  let registration: ts.Node | undefined;
  let declaration: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (!registration && ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === name
      && n.arguments.length >= 2 && ts.isStringLiteralLike(n.arguments[0])) {
      registration = n.arguments[n.arguments.length - 1];
    }
    if (!declaration && (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && propertyNameText(n.name) === name) declaration = n;
    if (!declaration && ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name) declaration = n.initializer;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const found = registration ?? declaration;
  if (!found) throw new Error(`fixture has no handler named ${name}`);
  return found;
}

export interface Run {
  readonly effects: Effect[];
  /** `kind: text` (or `status 201: text`) for each effect, in order; other files' effects are prefixed with their path. */
  readonly lines: string[];
}

export function run(text: string, handlerName: string, extra: Partial<EffectContext> = {}, others: Record<string, ts.SourceFile> = {}): Run {
  const sf = parse(text);
  const effects = collectEffects(findHandler(sf, handlerName), { sourceFile: sf, filePath: sf.fileName, ...extra });
  const lines = effects.map((e) => {
    const source = e.filePath ? others[e.filePath]?.text ?? '' : text;
    const head = e.kind === 'status' ? `status ${e.status}` : e.kind;
    return `${e.filePath ? `${e.filePath} ` : ''}${head}: ${source.slice(e.span.start, e.span.end)}`;
  });
  return { effects, lines };
}

export function describeOf(r: Run, kind: Effect['kind']): string | undefined {
  return r.effects.find((e) => e.kind === kind)?.description;
}

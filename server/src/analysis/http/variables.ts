/**
 * `{{...}}` references and file variables. A reference is whatever sits between `{{` and the next `}}`, as the
 * three tools match it; an unterminated `{{` is plain text. File variables resolve recursively
 * (`@base = {{host}}/api`) up to a fixed depth and size, so cycles and blow-ups stop instead of hanging.
 */
import type { Span } from '../model';
import { isExpression } from '../knowledge/system-variables';
import type { FileVariable } from './types';

export interface VariableRef {
  /** Text between the braces, trimmed. */
  readonly expression: string;
  /** Offset range of the whole `{{...}}`, relative to the scanned text plus `base`. */
  readonly span: Span;
}

export function findVariableRefs(text: string, base = 0): VariableRef[] {
  const refs: VariableRef[] = [];
  let i = text.indexOf('{{');
  while (i >= 0) {
    const close = text.indexOf('}}', i + 2);
    if (close < 0) break;
    refs.push({ expression: text.slice(i + 2, close).trim(), span: { start: base + i, end: base + close + 2 } });
    i = text.indexOf('{{', close + 2);
  }
  return refs;
}

/** `{{login.response.body.$.id}}`, `{{login.request.headers.X}}`: a value the client got from an earlier exchange. */
export function isRequestVariable(expression: string): boolean {
  return /^[A-Za-z_][\w-]*\.(?:response|request)\./.test(expression);
}

/** What a reference in a URL segment stands for: an identifier the client chose, or a value computed at send time. */
export function referenceKind(expression: string): 'param' | 'dynamic' {
  if (isRequestVariable(expression)) return 'param';
  return isExpression(expression) ? 'dynamic' : 'param';
}

/**
 * File variables by name. REST Client makes every file variable visible in the whole file; httpYac reads them in
 * order. The definition nearest before the use wins; a name defined only later still resolves (REST Client).
 */
export class FileVariableTable {
  private readonly byName = new Map<string, FileVariable[]>();
  /** References inside each definition's value, read once per file rather than once per request that uses it. */
  private readonly refsByDefinition = new Map<FileVariable, readonly VariableRef[]>();

  constructor(definitions: readonly FileVariable[]) {
    for (const def of definitions) {
      const list = this.byName.get(def.name);
      if (list) list.push(def);
      else this.byName.set(def.name, [def]);
    }
  }

  lookup(name: string, at: number): FileVariable | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].span.start <= at) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return list[best >= 0 ? best : 0];
  }

  /** `{{...}}` references in the definition's value, with spans relative to the value. */
  valueRefs(definition: FileVariable): readonly VariableRef[] {
    let refs = this.refsByDefinition.get(definition);
    if (!refs) {
      refs = findVariableRefs(definition.value);
      this.refsByDefinition.set(definition, refs);
    }
    return refs;
  }
}

export const MAX_RESOLVE_DEPTH = 8;
/** Characters a single URL may grow by through substitution; beyond it references stay unresolved. */
export const MAX_EXPANSION = 4096;

/**
 * The rule contract. A rule is metadata plus a check from routes to findings; it never parses text. Its docs page
 * lives at `docs/rules/<id>.md` and is derived from the id, as typescript-eslint derives its URLs.
 */
import type { Evidence, Fix, Framework, Route, Severity, SourceFile, Span } from '../model';

export interface RuleMeta {
  readonly id: string;
  /** One line for the rules table, the README and the CLI. */
  readonly description: string;
  readonly type: 'problem' | 'suggestion';
  readonly defaultSeverity: Severity;
  /** The route sources the rule reads; request files and code routes may differ in what they can show. */
  readonly appliesTo: readonly Framework[] | 'all';
  /** RFC sections the rule rests on, e.g. "RFC 9110 §9.3.4". */
  readonly rfc: readonly string[];
  /** Title of the "explain" action: "Explain PUT vs POST". */
  readonly explainTitle: string;
}

export interface Report {
  readonly message: string;
  readonly span: Span;
  readonly evidence?: readonly Evidence[];
  readonly fixes?: readonly Fix[];
}

export interface RuleContext {
  readonly file: SourceFile;
  /** Every route of the file, so a rule can use the file's other requests as corroboration. */
  readonly routes: readonly Route[];
  /** The file's line break, for fixes that insert lines. */
  readonly eol: string;
  report(route: Route, report: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(route: Route, context: RuleContext): void;
}

/** Route code, as opposed to request files: what handler-evidence rules apply to. */
export const CODE_FRAMEWORKS: readonly Framework[] = ['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs-app', 'nextjs-pages'];

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

export function appliesTo(rule: Rule, framework: Framework): boolean {
  return rule.meta.appliesTo === 'all' || rule.meta.appliesTo.includes(framework);
}

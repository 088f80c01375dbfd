/**
 * The analysis core's front: text in, routes and findings out. No editor or protocol types cross this line; the
 * language server and the CLI are thin callers. It never throws: a failing extractor or rule drops only its own
 * results and is reported in `errors`.
 */
import type { AnalysisError, AnalysisResult, Finding, Route, SeveritySetting, SourceFile } from './model';
import { extractors } from './extractors';
import type { WorkspaceView } from './extractors/extractor';
import { appliesTo, type Report } from './rules/rule';
import { rules } from './rules';
import { applySuppressions, suppressionFix } from './suppressions';
import { LineIndex } from './text/lines';

export interface AnalyzeOptions {
  /** Per-rule severity; rules not listed keep their default. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly workspace?: WorkspaceView;
}

export function extractRoutes(file: SourceFile, lines: LineIndex, options: AnalyzeOptions, errors: AnalysisError[]): Route[] {
  const routes: Route[] = [];
  for (const extractor of extractors) {
    try {
      if (extractor.accepts(file)) routes.push(...extractor.extract(file, { lines, workspace: options.workspace }));
    } catch (e) {
      errors.push({ where: `extractor ${extractor.id}`, filePath: file.path, message: errorText(e) });
    }
  }
  return routes;
}

export function lintRoutes(
  file: SourceFile, routes: readonly Route[], lines: LineIndex, options: AnalyzeOptions, errors: AnalysisError[],
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    const report = (route: Route, r: Report) => {
      findings.push({
        ruleId: rule.meta.id,
        severity: setting,
        message: r.message,
        span: r.span,
        filePath: file.path,
        evidence: r.evidence ?? [],
        fixes: [...(r.fixes ?? []), suppressionFix(rule.meta.id, r.span, file.languageId, lines)],
        routeIndex: routes.indexOf(route),
      });
    };
    for (const route of routes) {
      if (!appliesTo(rule, route.framework)) continue;
      try {
        rule.check(route, { file, routes, eol: lines.eol, report });
      } catch (e) {
        errors.push({ where: `rule ${rule.meta.id}`, filePath: file.path, message: errorText(e) });
      }
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return applySuppressions(findings, file.text, file.languageId, lines);
}

export function analyze(file: SourceFile, options: AnalyzeOptions = {}): AnalysisResult {
  const errors: AnalysisError[] = [];
  const lines = new LineIndex(file.text);
  const routes = extractRoutes(file, lines, options, errors);
  const findings = lintRoutes(file, routes, lines, options, errors);
  return { routes, findings, errors };
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.message}${e.stack ? `\n${e.stack}` : ''}` : String(e);
}

export type * from './model';
export { LineIndex } from './text/lines';

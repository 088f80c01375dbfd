/**
 * Findings as the CLI reports them: per file, 1-based lines and columns (UTF-16 columns, as ESLint counts them), and
 * the two-level severity ESLint's formats know (information and hint count as warnings).
 */
import { LineIndex } from '../analysis/text/lines';
import type { Finding, Severity } from '../analysis/model';

export interface LintMessage {
  readonly ruleId: string;
  /** The level as configured, for people. */
  readonly severity: Severity;
  /** ESLint's level: 2 error, 1 everything else. */
  readonly level: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface FileReport {
  /** Absolute. */
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
}

export interface Totals {
  readonly errorCount: number;
  readonly warningCount: number;
}

/** `quiet` drops everything below error, as ESLint's --quiet does, so it neither prints nor counts. */
export function fileReport(filePath: string, text: string, findings: readonly Finding[], quiet: boolean): FileReport {
  const lines = new LineIndex(text);
  const messages: LintMessage[] = [];
  for (const f of findings) {
    if (quiet && f.severity !== 'error') continue;
    const start = lines.positionAt(f.span.start);
    const end = lines.positionAt(f.span.end);
    messages.push({
      ruleId: f.ruleId,
      severity: f.severity,
      level: f.severity === 'error' ? 2 : 1,
      message: f.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
    });
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const errorCount = messages.filter((m) => m.level === 2).length;
  return { filePath, messages, errorCount, warningCount: messages.length - errorCount };
}

export function totals(reports: readonly FileReport[]): Totals {
  let errorCount = 0;
  let warningCount = 0;
  for (const r of reports) {
    errorCount += r.errorCount;
    warningCount += r.warningCount;
  }
  return { errorCount, warningCount };
}

/** ESLint's rule: any error fails; warnings fail only past an explicit --max-warnings. */
export function lintExitCode(t: Totals, maxWarnings: number): 0 | 1 {
  if (t.errorCount > 0) return 1;
  return maxWarnings >= 0 && t.warningCount > maxWarnings ? 1 : 0;
}

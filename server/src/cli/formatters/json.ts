/**
 * ESLint's `json` format, field for field, so tools that read ESLint results (CI annotators, SARIF converters)
 * read ours: one entry per linted file, absolute paths, 1-based positions, severity 2 error and 1 warning.
 */
import type { FileReport } from '../report';

interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: never[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
}

export function formatJson(reports: readonly FileReport[]): string {
  const results: EslintResult[] = reports.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId, severity: m.level, message: m.message,
      line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn,
    })),
    suppressedMessages: [],
    errorCount: r.errorCount,
    fatalErrorCount: 0,
    warningCount: r.warningCount,
    // Our fixes change an API's contract; none is applied unattended, so none counts as fixable in ESLint's sense.
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  }));
  return JSON.stringify(results) + '\n';
}

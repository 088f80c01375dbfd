/**
 * The human format: one line per finding, `file:line:col  severity  message  rule-id`, so terminals and editors can
 * jump to the place, then ESLint's summary line. Nothing at all when there is nothing to report.
 */
import * as path from 'node:path';
import type { Severity } from '../../analysis/model';
import type { FileReport } from '../report';
import { totals } from '../report';
import { paint, type Style } from './colors';

export interface StylishOptions {
  readonly color: boolean;
  /** Paths are printed relative to this folder. */
  readonly cwd: string;
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', information: 'cyan', hint: 'dim' };

export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  const paintIf = (style: Style, text: string) => (options.color ? paint(style, text) : text);
  const out: string[] = [];
  for (const report of reports) {
    const file = displayPath(report.filePath, options.cwd);
    for (const m of report.messages) {
      out.push(`${file}:${m.line}:${m.column}  ${paintIf(SEVERITY_STYLE[m.severity], m.severity)}  ${m.message}  ${paintIf('dim', m.ruleId)}`);
    }
  }
  if (out.length === 0) return '';
  const t = totals(reports);
  const problems = t.errorCount + t.warningCount;
  // ESLint has two levels; information and hint findings count as warnings (as in the json format) but are named.
  const lower = reports.flatMap((r) => r.messages).filter((m) => m.severity === 'information' || m.severity === 'hint').length;
  const warnings = t.warningCount - lower;
  const summary = `✖ ${problems} ${plural(problems, 'problem')} (${t.errorCount} ${plural(t.errorCount, 'error')}, ${warnings} ${plural(warnings, 'warning')}`
    + `${lower > 0 ? `, ${lower} ${plural(lower, 'suggestion')}` : ''})`;
  out.push('', paintIf(t.errorCount > 0 ? 'red-bold' : 'yellow-bold', summary));
  return out.join('\n') + '\n';
}

/** Relative to the working folder when inside it, else absolute (a run of `../..` helps no one). */
export function displayPath(filePath: string, cwd: string): string {
  const rel = path.relative(cwd, filePath);
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return rel && !outside ? rel : filePath;
}

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

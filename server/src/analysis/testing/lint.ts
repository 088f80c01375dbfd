/** Test helpers: lint a fixture text and read findings back as the text they cover, so assertions stay readable. */
import { analyze, type AnalyzeOptions } from '../index';
import type { AnalysisResult, Finding, Fix, LanguageId } from '../model';
import { languageOfPath } from '../languages';

export function lint(text: string, path = 'requests.http', options: AnalyzeOptions = {}): AnalysisResult {
  const languageId: LanguageId = languageOfPath(path) ?? 'plaintext';
  return analyze({ path, languageId, text }, options);
}

export function findingsOf(text: string, ruleId: string, path = 'requests.http'): Finding[] {
  const result = lint(text, path);
  if (result.errors.length > 0) throw new Error(`analysis errors: ${result.errors.map((e) => e.message).join('\n')}`);
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** The text a finding (or any span) covers, with its 1-based line, e.g. "4:PUT". */
export function at(text: string, span: { start: number; end: number }): string {
  const line = text.slice(0, span.start).split(/\r\n|\r|\n/).length;
  return `${line}:${text.slice(span.start, span.end)}`;
}

/** Apply a fix's edits (back to front) and return the new text. */
export function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

/** Dedent a template literal fixture so tests can indent their request files. */
export function http(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

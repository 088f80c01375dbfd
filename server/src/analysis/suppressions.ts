/**
 * Inline disable comments, handled in one place for every language (as ESLint's apply-disable-directives does):
 *   # http-method-lint-disable-next-line put-nondeterministic-uri -- the test server ignores the id
 *   // http-method-lint-disable-line post-full-replacement
 *   // http-method-lint-disable            (whole file; rule ids optional)
 * "next line" is the next line that is neither blank nor a comment, so the directive may sit among a request's
 * `# @name` lines or above a decorator stack.
 */
import type { Finding, Fix, LanguageId, Span } from './model';
import { LineIndex } from './text/lines';

export const DIRECTIVE_PREFIX = 'http-method-lint-';

interface Directive {
  readonly kind: 'next-line' | 'line' | 'file';
  /** Empty means every rule. */
  readonly ruleIds: readonly string[];
  /** The line the directive covers (for next-line and line). */
  readonly targetLine: number;
}

export interface CommentSyntax {
  readonly line: readonly string[];
  readonly block: boolean;
}

export function commentSyntax(languageId: LanguageId): CommentSyntax {
  return languageId === 'http' ? { line: ['#', '//'], block: false } : { line: ['//'], block: true };
}

// Linear: fixed literals and one bounded character class, no nested quantifiers.
const DIRECTIVE = /(?:#|\/\/|\/\*)[ \t]*http-method-lint-(disable-next-line|disable-line|disable)(?![\w-])([^\r\n]*)/;

function isCommentLine(trimmed: string, syntax: CommentSyntax): boolean {
  if (syntax.line.some((p) => trimmed.startsWith(p))) return true;
  return syntax.block && (trimmed.startsWith('/*') || trimmed.startsWith('*'));
}

function parseRuleIds(rest: string): string[] {
  const withoutReason = rest.split('--')[0].replace(/\*\/.*$/, '');
  return withoutReason.split(/[\s,]+/).filter((id) => /^[a-z][a-z0-9-]*$/.test(id));
}

export function findDirectives(text: string, languageId: LanguageId, lines: LineIndex): Directive[] {
  if (!text.includes(DIRECTIVE_PREFIX)) return [];
  const syntax = commentSyntax(languageId);
  const directives: Directive[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (!content.includes(DIRECTIVE_PREFIX)) continue;
    const m = DIRECTIVE.exec(content);
    if (!m) continue;
    const ruleIds = parseRuleIds(m[2]);
    if (m[1] === 'disable') directives.push({ kind: 'file', ruleIds, targetLine: -1 });
    else if (m[1] === 'disable-line') directives.push({ kind: 'line', ruleIds, targetLine: line });
    else {
      let target = line + 1;
      while (target < lines.lineCount) {
        const trimmed = lines.lineText(target).trim();
        if (trimmed !== '' && !isCommentLine(trimmed, syntax)) break;
        target++;
      }
      directives.push({ kind: 'next-line', ruleIds, targetLine: target });
    }
  }
  return directives;
}

function covers(directive: Directive, ruleId: string, line: number): boolean {
  if (directive.ruleIds.length > 0 && !directive.ruleIds.includes(ruleId)) return false;
  return directive.kind === 'file' || directive.targetLine === line;
}

/** Drop the findings an inline directive covers. Findings in other files (evidence elsewhere) are matched on their own line. */
export function applySuppressions(
  findings: readonly Finding[], text: string, languageId: LanguageId, lines: LineIndex,
): Finding[] {
  const directives = findDirectives(text, languageId, lines);
  if (directives.length === 0) return [...findings];
  return findings.filter((f) => {
    const line = lines.positionAt(f.span.start).line;
    return !directives.some((d) => covers(d, f.ruleId, line));
  });
}

/** "Suppress <rule> for this line": a directive above the finding's line, with the line's indentation. */
export function suppressionFix(ruleId: string, span: Span, languageId: LanguageId, lines: LineIndex): Fix {
  const line = lines.positionAt(span.start).line;
  const lineStart = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  const prefix = commentSyntax(languageId).line[0];
  return {
    id: `suppress:${ruleId}`,
    title: languageId === 'http' ? `Suppress ${ruleId} for this request` : `Suppress ${ruleId} for this line`,
    edits: [{ span: { start: lineStart, end: lineStart }, newText: `${indent}${prefix} ${DIRECTIVE_PREFIX}disable-next-line ${ruleId}${lines.eol}` }],
    isPreferred: false,
  };
}

/**
 * Code actions, rebuilt from the analysis of the document's current version (the diagnostics' `data` names the rule
 * and fixes; nothing is kept in a server-side map). Per finding, in order: the core's fixes (the rule's own, then
 * the suppression), then "Explain ..." which the server runs itself. All are `quickfix`: a method change alters an
 * API contract, so nothing is ever offered as `source.fixAll`.
 */
import {
  CodeActionKind, TextDocumentEdit, TextEdit, type CodeAction, type CodeActionParams, type Command, type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult, Finding, Fix } from '../analysis/model';
import { ruleById } from '../analysis/rules';
import { DIAGNOSTIC_SOURCE, ExplainRuleCommand } from '../protocol';
import { rangeOf } from './diagnostics';

export interface CodeActionFeatures {
  /** The client understands CodeAction literals (else only Commands may be returned). */
  readonly literals: boolean;
  /** The client accepts versioned `documentChanges` in a WorkspaceEdit. */
  readonly documentChanges: boolean;
}

/** True when the request's `only` filter lets quick fixes through. */
export function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((kind) => kind === '' || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`));
}

export function explainTitle(ruleId: string): string {
  const title = ruleById(ruleId)?.meta.explainTitle ?? ruleId;
  return /^explain\b/i.test(title) ? title : `Explain ${title}`;
}

export function codeActionsFor(
  params: CodeActionParams, document: TextDocument, result: AnalysisResult, features: CodeActionFeatures,
): (CodeAction | Command)[] {
  if (!wantsQuickFixes(params.context.only)) return [];
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const findings = result.findings.filter((f) => f.span.start <= end && f.span.end >= start);
  if (findings.length === 0) return [];

  const actions: (CodeAction | Command)[] = [];
  const explained = new Set<string>();
  for (const finding of findings) {
    const diagnostics = matchingDiagnostics(finding, document, params.context.diagnostics);
    if (features.literals) {
      for (const fix of finding.fixes) actions.push(fixAction(fix, document, diagnostics, features));
    }
    if (explained.has(finding.ruleId)) continue;
    explained.add(finding.ruleId);
    const command: Command = { title: explainTitle(finding.ruleId), command: ExplainRuleCommand, arguments: [finding.ruleId] };
    actions.push(features.literals ? { title: command.title, kind: CodeActionKind.QuickFix, diagnostics, command } : command);
  }
  return actions;
}

function fixAction(fix: Fix, document: TextDocument, diagnostics: Diagnostic[], features: CodeActionFeatures): CodeAction {
  const edits = fix.edits.map((e) => TextEdit.replace(rangeOf(document, e.span), e.newText));
  const edit: WorkspaceEdit = features.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] }
    : { changes: { [document.uri]: edits } };
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, edit };
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}

/** The client's diagnostics this finding produced: ours, same rule, same range. */
function matchingDiagnostics(finding: Finding, document: TextDocument, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const range = rangeOf(document, finding.span);
  return diagnostics.filter((d) =>
    d.source === DIAGNOSTIC_SOURCE && d.code === finding.ruleId &&
    d.range.start.line === range.start.line && d.range.start.character === range.start.character &&
    d.range.end.line === range.end.line && d.range.end.character === range.end.character);
}

/**
 * Finding -> LSP Diagnostic. The core speaks UTF-16 offsets; this is where they become lines and columns. A
 * diagnostic carries enough in `data` (rule id, fix ids, document version) for code actions to be rebuilt from the
 * analysis of that version, with no server-side map of fixes.
 */
import * as path from 'node:path';
import {
  DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Location, type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from '../analysis/model';
import { docsPath } from '../analysis/rules/rule';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { fileUri } from './paths';

export interface DiagnosticData {
  readonly ruleId: string;
  readonly fixes: readonly string[];
  /** The document version the finding was computed for; null for files that are not open. */
  readonly version: number | null;
}

/** What the client can show, from its initialize capabilities. */
export interface DiagnosticFeatures {
  readonly relatedInformation: boolean;
  readonly codeDescription: boolean;
}

export interface ConversionContext {
  readonly document: TextDocument;
  /** The path the core saw for this document (findings and evidence name it). */
  readonly documentPath: string;
  readonly version: number | null;
  readonly extensionRoot: string;
  readonly features: DiagnosticFeatures;
  /** Where evidence in another file is; undefined when that file cannot be read. */
  readonly locateElsewhere?: (filePath: string, span: Span) => Location | undefined;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity] ?? DiagnosticSeverity.Warning;
}

export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** The rule's page bundled with the extension, as a file URI: it opens offline and in any editor. */
export function docsUri(extensionRoot: string, ruleId: string): string {
  return fileUri(path.join(extensionRoot, docsPath(ruleId)));
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return typeof d.ruleId === 'string' && Array.isArray(d.fixes) && (d.version === null || typeof d.version === 'number');
}

export function toDiagnostic(finding: Finding, context: ConversionContext): Diagnostic {
  const { document, features } = context;
  const diagnostic: Diagnostic = {
    range: rangeOf(document, finding.span),
    severity: toSeverity(finding.severity),
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { ruleId: finding.ruleId, fixes: finding.fixes.map((f) => f.id), version: context.version } satisfies DiagnosticData,
  };
  if (features.codeDescription) diagnostic.codeDescription = { href: docsUri(context.extensionRoot, finding.ruleId) };
  if (features.relatedInformation && finding.evidence.length > 0) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const evidence of finding.evidence) {
      const location = evidence.filePath === undefined || evidence.filePath === context.documentPath
        ? { uri: document.uri, range: rangeOf(document, evidence.span) }
        : context.locateElsewhere?.(evidence.filePath, evidence.span);
      if (location) related.push({ location, message: evidence.message });
    }
    if (related.length > 0) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}

export function toDiagnostics(findings: readonly Finding[], context: ConversionContext): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, context));
}

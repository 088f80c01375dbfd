/**
 * The custom protocol between the VS Code client and the language server, in one place (as rust-analyzer keeps its
 * `lsp_ext.ts`). The client imports only this file from server/, so it must stay free of server code: names, shapes
 * and request types, nothing else.
 *
 * - `httpMethodLint/checkWorkspace` (client -> server request): lint every request/route file of the workspace
 *   folders, publish diagnostics for files that are not open, answer a summary. Accepts a `workDoneToken`; without
 *   one the server creates its own progress when the client supports it. Cancellable.
 * - `httpMethodLint/explainMethod` (client -> server request): markdown describing an HTTP method (RFC 9110 facts).
 * - `httpMethodLint/status` (server -> client notification): the outcome of the last lint of a document, for the
 *   language status item.
 * - `httpMethodLint.explainRule` (workspace/executeCommand, run by the server): opens the rule's bundled docs page
 *   through window/showDocument, so it works in any LSP editor.
 */
import { NotificationType, ProtocolRequestType, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';

/** The settings section the server pulls per document (`httpMethodLint.enable`, `httpMethodLint.rules`...). */
export const SETTINGS_SECTION = 'httpMethodLint';

/** Language ids the server lints. The core returns nothing for code languages today; keeping one list means adding route-code support needs no client change. */
export const LANGUAGE_IDS: readonly string[] = ['http', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact'];

/** URI schemes of documents the server lints. */
export const DOCUMENT_SCHEMES: readonly string[] = ['file', 'untitled'];

export const DIAGNOSTIC_SOURCE = 'http-method-lint';

export const ExplainRuleCommand = 'httpMethodLint.explainRule';

export type CheckWorkspaceParams = WorkDoneProgressParams;

export interface CheckWorkspaceResult {
  /** Files analysed (open or not). */
  readonly files: number;
  readonly findings: number;
  /** Findings per rule id. */
  readonly byRule: Readonly<Record<string, number>>;
  /** Files found but not analysed: too large, unreadable, or disabled by settings. */
  readonly skipped: number;
  /** Failures of the analysis itself (logged in the output channel). */
  readonly errors: number;
  /** True when the check stopped early; the counts cover the files done so far. */
  readonly cancelled: boolean;
}

export const CheckWorkspaceRequest = new ProtocolRequestType<CheckWorkspaceParams, CheckWorkspaceResult, never, void, void>(
  'httpMethodLint/checkWorkspace',
);

export interface ExplainMethodParams {
  /** Case-sensitive method name (RFC 9110 §9.1): `PUT`, not `put`. */
  readonly method: string;
}

export interface ExplainMethodResult {
  /** False when the method is not one of the known methods; `markdown` then says so. */
  readonly known: boolean;
  readonly markdown: string;
}

/** The methods offered in the client's "Explain HTTP Method..." pick list (the server knows their facts). */
export const EXPLAINABLE_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'];

export const ExplainMethodRequest = new ProtocolRequestType<ExplainMethodParams, ExplainMethodResult, never, void, void>(
  'httpMethodLint/explainMethod',
);

export type LintState =
  /** Linted; `findings` is the number of diagnostics published. */
  | 'ok'
  /** `httpMethodLint.enable` is false for this document. */
  | 'disabled'
  /** Matched by `httpMethodLint.exclude`. */
  | 'excluded'
  /** Larger than `httpMethodLint.maxFileSize`. */
  | 'too-large'
  /** The analysis failed; details are in the output channel. */
  | 'failed';

export interface LintStatusParams {
  readonly uri: string;
  readonly state: LintState;
  readonly findings: number;
  /** Time spent in the analysis, in milliseconds. */
  readonly durationMs: number;
}

export const LintStatusNotification = new NotificationType<LintStatusParams>('httpMethodLint/status');

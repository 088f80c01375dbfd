/**
 * Wires a connection to the server's parts. Handlers only convert between LSP and the parts; none throws to the
 * client (a failure is logged and answered with an empty result), and requests about unknown or closed documents get
 * empty answers.
 */
import {
  DidChangeConfigurationNotification, TextDocuments, type CancellationToken, type CodeAction, type Command,
  type Connection, type Hover, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckWorkspaceRequest, ExplainMethodRequest, LintStatusNotification, SETTINGS_SECTION, type CheckWorkspaceResult } from '../protocol';
import { DocumentAnalyses } from './analyses';
import { readClientFeatures, serverCapabilities, type ClientFeatures } from './capabilities';
import { codeActionsFor } from './code-actions';
import { executeCommand } from './commands';
import { hoverAt } from './hover';
import { Log } from './log';
import { explainMethodMarkdown } from './markdown';
import { WorkspaceFolders } from './paths';
import { SettingsStore, type Settings } from './settings';
import { isLintedLanguage, skipReason, Validator } from './validation';
import { WorkspaceChecker, type Progress } from './workspace-check';

export interface StartOptions {
  /** Folder holding docs/rules/<id>.md (the extension root). */
  readonly extensionRoot: string;
}

const EMPTY_CHECK: CheckWorkspaceResult = { files: 0, findings: 0, byRule: {}, skipped: 0, errors: 0, cancelled: false };

export function startServer(connection: Connection, options: StartOptions): void {
  const log = new Log(connection.console);
  redirectConsole(log);
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
  const analyses = new DocumentAnalyses(log);
  let features: ClientFeatures = readClientFeatures({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: null });

  const settings = new SettingsStore({
    pull: (scopeUri) => features.configuration
      ? connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })
      : undefined,
    onProblem: (message) => log.warn(`Settings: ${message}`),
  });
  const diagnosticFeatures = () => ({ relatedInformation: features.relatedInformation, codeDescription: features.codeDescription });
  const publish = (params: Parameters<Connection['sendDiagnostics']>[0]) => {
    void connection.sendDiagnostics(params).catch((e: unknown) => log.caught('publishDiagnostics', e));
  };
  const validator = new Validator({
    documents, settings, analyses, folders, log, extensionRoot: options.extensionRoot, features: diagnosticFeatures, publish,
    status: (params) => void connection.sendNotification(LintStatusNotification, params).catch(() => undefined),
  });
  const checker = new WorkspaceChecker({
    folders, settings, documents, analyses, log, extensionRoot: options.extensionRoot, features: diagnosticFeatures, publish,
  });

  connection.onInitialize((params): InitializeResult => {
    features = readClientFeatures(params);
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []));
    return { capabilities: serverCapabilities(features), serverInfo: { name: 'http-method-lint' } };
  });

  connection.onInitialized(() => {
    if (features.configurationChangeRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch((e: unknown) => log.caught('register', e));
    }
    if (features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders.add(e.added, e.removed);
        settings.changed(undefined);
        validator.scheduleAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    settings.changed(pushed);
    validator.scheduleAll();
  });

  // TextDocuments fires "change" right after "open": the first one is validated at once, later ones debounced.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    validator.schedule(uri, justOpened.delete(uri) ? 0 : undefined);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    validator.closed(e.document.uri, isLintedLanguage(e.document.languageId));
    settings.forget(e.document.uri);
  });

  /** The open document and its settings when it is linted; undefined for unknown, closed, skipped documents. */
  async function lintable(uri: string): Promise<{ document: TextDocument; settings: Settings } | undefined> {
    const document = documents.get(uri);
    if (!document || !isLintedLanguage(document.languageId)) return undefined;
    const current = await settings.get(uri);
    const latest = documents.get(uri);
    if (!latest || skipReason(latest, current, folders)) return undefined;
    return { document: latest, settings: current };
  }

  connection.onHover(async (params): Promise<Hover | null> => {
    try {
      const target = await lintable(params.textDocument.uri);
      if (!target) return null;
      const { result } = analyses.get(target.document, target.settings);
      return hoverAt(result, target.document, target.document.offsetAt(params.position), features.hoverKind);
    } catch (e) {
      log.caught('hover', e);
      return null;
    }
  });

  connection.onCodeAction(async (params): Promise<(CodeAction | Command)[]> => {
    try {
      const target = await lintable(params.textDocument.uri);
      if (!target) return [];
      const { result } = analyses.get(target.document, target.settings);
      return codeActionsFor(params, target.document, result, {
        literals: features.codeActionLiterals, documentChanges: features.documentChanges,
      });
    } catch (e) {
      log.caught('codeAction', e);
      return [];
    }
  });

  connection.onExecuteCommand((params) => executeCommand(params, {
    extensionRoot: options.extensionRoot,
    log,
    showDocument: features.showDocument ? (p) => connection.window.showDocument(p) : undefined,
  }));

  connection.onRequest(CheckWorkspaceRequest, async (params, token: CancellationToken): Promise<CheckWorkspaceResult> => {
    try {
      let progress: Progress;
      if (params?.workDoneToken !== undefined) progress = { reporter: connection.window.attachWorkDoneProgress(params.workDoneToken) };
      else {
        const reporter = await connection.window.createWorkDoneProgress();
        progress = { reporter, token: reporter.token };
      }
      return await checker.run(token, progress);
    } catch (e) {
      log.caught('checkWorkspace', e);
      return { ...EMPTY_CHECK, errors: 1 };
    }
  });

  connection.onRequest(ExplainMethodRequest, (params) => {
    const method = typeof params?.method === 'string' ? params.method.trim() : '';
    return explainMethodMarkdown(method);
  });

  documents.listen(connection);
  connection.listen();
}

/** Over stdio, anything written to stdout corrupts the protocol stream: send console output to the client's log. */
function redirectConsole(log: Log): void {
  console.log = (...args: unknown[]) => log.info(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => log.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => log.error(args.map(String).join(' '));
}

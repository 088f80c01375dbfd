/**
 * Wires a connection to the server's parts. Handlers only convert between LSP and the parts; none throws to the
 * client (a failure is logged and answered with an empty result), and requests about unknown or closed documents get
 * empty answers.
 */
import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments, type CancellationToken, type CodeAction, type Command,
  type Connection, type Hover, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckWorkspaceRequest, ExplainMethodRequest, LintStatusNotification, SETTINGS_SECTION, type CheckWorkspaceResult } from '../protocol';
import { isCodeLanguage } from '../analysis/languages';
import { normalizePath } from '../workspace/workspace-index';
import { DocumentAnalyses, locateInFile } from './analyses';
import { readClientFeatures, serverCapabilities, type ClientFeatures } from './capabilities';
import { codeActionsFor } from './code-actions';
import { executeCommand } from './commands';
import { hoverAt, type HoverContext } from './hover';
import { IndexService, WATCHED_CODE_FILES } from './index-service';
import { Log } from './log';
import { explainMethodMarkdown } from './markdown';
import { documentPath, WorkspaceFolders } from './paths';
import { SettingsStore, type Settings } from './settings';
import { isLintedLanguage, skipReason, Validator } from './validation';
import { WorkspaceChecker, type Progress } from './workspace-check';

export interface StartOptions {
  /** Folder holding docs/rules/<id>.md (the extension root). */
  readonly extensionRoot: string;
}

/** An edit this recent means the user is typing: background indexing waits. */
const TYPING_PAUSE_MS = 150;

const EMPTY_CHECK: CheckWorkspaceResult = { files: 0, findings: 0, byRule: {}, skipped: 0, errors: 0, cancelled: false };

export function startServer(connection: Connection, options: StartOptions): void {
  const log = new Log(connection.console);
  redirectConsole(log);
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
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
  let lastEdit = -Infinity;
  // Built after `initialized`; until then (and while it builds) open documents are linted with what it knows.
  const indexService: IndexService = new IndexService({
    folders, settings, log,
    onDependentsChanged: (paths) => {
      for (const document of documents.all()) {
        if (paths.has(normalizePath(documentPath(document.uri))) && isLintedLanguage(document.languageId)) validator.schedule(document.uri);
      }
    },
    // Request files do not link with other files: only code documents can read differently after a build.
    busy: () => validator.pending > 0 || performance.now() - lastEdit < TYPING_PAUSE_MS,
    onBuilt: () => {
      for (const document of documents.all()) if (isCodeLanguage(document.languageId)) validator.schedule(document.uri, 0);
    },
  });
  const analyses = new DocumentAnalyses(log, indexService.index);
  const validator: Validator = new Validator({
    documents, settings, analyses, folders, log, extensionRoot: options.extensionRoot, features: diagnosticFeatures, publish,
    status: (params) => void connection.sendNotification(LintStatusNotification, params).catch(() => undefined),
  });
  const checker = new WorkspaceChecker({
    folders, settings, documents, analyses, indexService, log, extensionRoot: options.extensionRoot, features: diagnosticFeatures, publish,
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
    if (features.watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_CODE_FILES }] })
        .catch((e: unknown) => log.caught('register', e));
    }
    if (features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders.add(e.added, e.removed);
        settings.changed(undefined);
        validator.scheduleAll();
        indexService.build();
      });
    }
    indexService.build();
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    settings.changed(pushed);
    validator.scheduleAll();
    // Exclusions and size limits decide which files the index holds; unchanged files keep their facts.
    if (indexService.ready) indexService.build();
  });

  connection.onDidChangeWatchedFiles((params) => indexService.filesChanged(params.changes));

  // TextDocuments fires "change" right after "open": the first one is validated at once, later ones debounced.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    lastEdit = performance.now();
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
      const context: HoverContext = {
        lineIn: (filePath, offset) => {
          const location = locateInFile(filePath, { start: offset, end: offset }, (u) => documents.get(u), target.settings.maxFileSize);
          return location ? location.range.start.line + 1 : undefined;
        },
        displayPath: (filePath) => folders.relativePath(filePath) ?? filePath,
      };
      return hoverAt(result, target.document, target.document.offsetAt(params.position), features.hoverKind, context);
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

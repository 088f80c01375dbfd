/**
 * What the client can do (read once from `initialize`) and what the server therefore offers. The server enables only
 * what the client supports, as lsp-sample does, so it behaves in VS Code, Neovim or any other LSP editor.
 */
import {
  CodeActionKind, MarkupKind, TextDocumentSyncKind, type InitializeParams, type ServerCapabilities,
} from 'vscode-languageserver';
import { SERVER_COMMANDS } from './commands';

export interface ClientFeatures {
  readonly configuration: boolean;
  readonly workspaceFolders: boolean;
  readonly configurationChangeRegistration: boolean;
  readonly relatedInformation: boolean;
  readonly codeDescription: boolean;
  readonly hoverKind: MarkupKind;
  readonly codeActionLiterals: boolean;
  readonly documentChanges: boolean;
  readonly showDocument: boolean;
  readonly workDoneProgress: boolean;
  /** The client watches files for us when asked at run time (workspace/didChangeWatchedFiles). */
  readonly watchedFilesRegistration: boolean;
}

export function readClientFeatures(params: InitializeParams): ClientFeatures {
  const c = params.capabilities ?? {};
  const hoverFormats = c.textDocument?.hover?.contentFormat ?? [];
  return {
    configuration: c.workspace?.configuration === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
    configurationChangeRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    relatedInformation: c.textDocument?.publishDiagnostics?.relatedInformation === true,
    codeDescription: c.textDocument?.publishDiagnostics?.codeDescriptionSupport === true,
    hoverKind: hoverFormats.length === 0 || hoverFormats.includes(MarkupKind.Markdown) ? MarkupKind.Markdown : MarkupKind.PlainText,
    codeActionLiterals: c.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    showDocument: c.window?.showDocument?.support === true,
    workDoneProgress: c.window?.workDoneProgress === true,
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  };
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    codeActionProvider: features.codeActionLiterals
      ? { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false }
      : true,
    executeCommandProvider: { commands: [...SERVER_COMMANDS] },
  };
  if (features.workspaceFolders) {
    capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
  }
  return capabilities;
}

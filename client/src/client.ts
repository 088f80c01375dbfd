/**
 * Creates the language client: the bundled server (dist/server.js) over node IPC, the documents it lints, settings
 * synchronisation and the output channel, which never opens by itself.
 */
import * as vscode from 'vscode';
import {
  LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { CLIENT_ID, DISPLAY_NAME, documentSelector } from './config';
import { SETTINGS_SECTION } from '../../server/src/protocol';

export function createClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: 'http-method-lint',
  };
  return new LanguageClient(CLIENT_ID, DISPLAY_NAME, serverOptions, clientOptions);
}

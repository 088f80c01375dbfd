/**
 * The VS Code extension: a thin client. It starts the language server, registers the commands and the status item;
 * everything else (diagnostics, hovers, quick fixes, the explain command) comes from the server.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';
import { DISPLAY_NAME } from './config';
import { LintStatus } from './status';

let client: LanguageClient | undefined;

export interface HttpMethodLintApi {
  /** Settles once the language server has started (or failed to). */
  readonly ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): HttpMethodLintApi {
  const outputChannel = vscode.window.createOutputChannel(DISPLAY_NAME);
  client = createClient(context, outputChannel);
  const status = new LintStatus(client);
  context.subscriptions.push(outputChannel, status, ...registerCommands({ client, outputChannel }));
  const ready = client.start().catch((e: unknown) => {
    outputChannel.appendLine(`[client] the language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
  });
  return { ready };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

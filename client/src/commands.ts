/**
 * The command table. Each command checks that the server is running and, when it is not, says why and offers a
 * way out, so no command fails silently.
 */
import * as vscode from 'vscode';
import { State, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  CheckWorkspaceRequest, EXPLAINABLE_METHODS, ExplainMethodRequest, type CheckWorkspaceResult,
} from '../../server/src/protocol';
import { COMMANDS, DISPLAY_NAME } from './config';

export interface CommandContext {
  readonly client: LanguageClient;
  readonly outputChannel: vscode.OutputChannel;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, () => whenRunning(ctx, () => checkWorkspace(ctx.client))),
    vscode.commands.registerCommand(COMMANDS.explainMethod, (method?: unknown) =>
      whenRunning(ctx, () => explainMethod(ctx.client, typeof method === 'string' ? method : undefined))),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => ctx.outputChannel.show(true)),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => restart(ctx)),
  ];
}

/** Resolves true once the client runs; a command invoked during start-up (it may have activated us) waits for it. */
function started(client: LanguageClient, timeoutMs = 15_000): Promise<boolean> {
  if (client.state === State.Running) return Promise.resolve(true);
  if (client.state !== State.Starting) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => { listener.dispose(); resolve(false); }, timeoutMs);
    const listener = client.onDidChangeState((e) => {
      if (e.newState === State.Starting) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(e.newState === State.Running);
    });
  });
}

async function whenRunning<T>(ctx: CommandContext, run: () => Promise<T>): Promise<T | undefined> {
  if (!(await started(ctx.client))) {
    const why = ctx.client.state === State.Starting ? 'is still starting' : 'is not running';
    const choice = await vscode.window.showWarningMessage(`${DISPLAY_NAME}: the language server ${why}.`, 'Restart Server', 'Show Output');
    if (choice === 'Restart Server') await restart(ctx);
    if (choice === 'Show Output') ctx.outputChannel.show(true);
    return undefined;
  }
  try {
    return await run();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    ctx.outputChannel.appendLine(`[client] ${message}`);
    void vscode.window.showErrorMessage(`${DISPLAY_NAME}: ${message}`, 'Show Output').then((c) => c && ctx.outputChannel.show(true));
    return undefined;
  }
}

async function restart(ctx: CommandContext): Promise<void> {
  try {
    if (ctx.client.state === State.Running) await ctx.client.restart();
    else await ctx.client.start();
  } catch (e) {
    ctx.outputChannel.appendLine(`[client] restart failed: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(`${DISPLAY_NAME}: the language server could not start.`, 'Show Output')
      .then((c) => c && ctx.outputChannel.show(true));
  }
}

let checkCounter = 0;

/** Resolves with the summary as soon as the check ends, so scripts and tests can await it; the message is not awaited. */
async function checkWorkspace(client: LanguageClient): Promise<CheckWorkspaceResult> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `${DISPLAY_NAME}: checking the workspace`, cancellable: true },
    async (progress, token) => {
      const workDoneToken = `httpMethodLint/checkWorkspace/${Date.now()}/${++checkCounter}`;
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? reported;
        progress.report({ message: value.message, increment: Math.max(0, percentage - reported) });
        reported = Math.max(reported, percentage);
      });
      try {
        return await client.sendRequest(CheckWorkspaceRequest, { workDoneToken }, token);
      } finally {
        listener.dispose();
      }
    },
  );
  void vscode.window.showInformationMessage(summaryText(result), 'Show Problems').then((choice) => {
    if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}

export function summaryText(r: CheckWorkspaceResult): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const rules = Object.entries(r.byRule).sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id}: ${n}`).join(', ');
  const parts = [
    `${r.cancelled ? 'Check cancelled after' : 'Checked'} ${plural(r.files, 'file')}: ${plural(r.findings, 'finding')}${rules ? ` (${rules})` : ''}.`,
  ];
  if (r.skipped > 0) parts.push(`${plural(r.skipped, 'file')} skipped.`);
  if (r.errors > 0) parts.push(`${plural(r.errors, 'analysis error')}; see the output.`);
  return `${DISPLAY_NAME}: ${parts.join(' ')}`;
}

async function explainMethod(client: LanguageClient, given: string | undefined): Promise<void> {
  const method = given ?? (await vscode.window.showQuickPick([...EXPLAINABLE_METHODS], {
    title: `${DISPLAY_NAME}: Explain HTTP Method`,
    placeHolder: 'Pick a method to see what RFC 9110 promises for it',
  }));
  if (!method) return;
  const { markdown } = await client.sendRequest(ExplainMethodRequest, { method });
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  } catch {
    // The built-in markdown extension is disabled: the source is still readable.
    await vscode.window.showTextDocument(document, { preview: true });
  }
}

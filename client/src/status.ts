/**
 * The language status item for request files: whether the server runs, and what happened to the active document
 * (linted with N findings in M ms, disabled, excluded, too large, failed). Clicking it shows the output channel.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { LintStatusNotification, type LintStatusParams } from '../../server/src/protocol';
import { COMMANDS, DISPLAY_NAME, REQUEST_FILE_SELECTOR } from './config';

const STATE_TEXT: Readonly<Record<LintStatusParams['state'], string>> = {
  ok: 'linted',
  disabled: 'disabled by httpMethodLint.enable',
  excluded: 'excluded by httpMethodLint.exclude',
  'too-large': 'not linted: larger than httpMethodLint.maxFileSize',
  failed: 'the analysis failed; see the output',
};

export class LintStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('httpMethodLint.status', REQUEST_FILE_SELECTOR);
  private readonly byUri = new Map<string, LintStatusParams>();
  private readonly disposables: vscode.Disposable[] = [];
  private serverState: 'starting' | 'running' | 'stopped' = 'starting';

  constructor(client: LanguageClient) {
    this.item.name = DISPLAY_NAME;
    this.item.command = { title: 'Show Output', command: COMMANDS.showOutput };
    this.disposables.push(
      client.onDidChangeState((e) => {
        this.serverState = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
        this.render();
      }),
      client.onNotification(LintStatusNotification, (params) => {
        this.byUri.set(params.uri, params);
        if (params.uri === this.activeUri()) this.render();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    );
    this.render();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }

  private activeUri(): string | undefined {
    return vscode.window.activeTextEditor?.document.uri.toString();
  }

  private render(): void {
    const item = this.item;
    item.busy = this.serverState === 'starting';
    if (this.serverState !== 'running') {
      item.text = this.serverState === 'starting' ? 'HTTP Method Lint: starting' : 'HTTP Method Lint: stopped';
      item.detail = this.serverState === 'stopped' ? 'Run "HTTP Method Lint: Restart Server"' : undefined;
      item.severity = this.serverState === 'stopped' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
      return;
    }
    const uri = this.activeUri();
    const status = uri ? this.byUri.get(uri) : undefined;
    item.text = 'HTTP Method Lint';
    if (!status) {
      item.detail = 'running';
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    item.detail = status.state === 'ok'
      ? `${status.findings} finding${status.findings === 1 ? '' : 's'} in ${status.durationMs} ms`
      : STATE_TEXT[status.state];
    item.severity = status.state === 'failed' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }
}

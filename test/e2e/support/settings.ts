/** Changing httpMethodLint.* at workspace level, the way a user edits .vscode/settings.json. */
import * as vscode from 'vscode';

const KEYS = ['enable', 'rules', 'exclude', 'maxFileSize'] as const;
type Key = (typeof KEYS)[number];

export async function setSetting(key: Key, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('httpMethodLint').update(key, value, vscode.ConfigurationTarget.Workspace);
}

export async function resetSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration('httpMethodLint');
  for (const key of KEYS) {
    if (config.inspect(key)?.workspaceValue !== undefined) await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

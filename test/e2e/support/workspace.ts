/** The test workspace (a fresh copy of test/e2e/fixtures/workspace per run) and files made by tests. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test instance opened no workspace folder');
  return folder.uri;
}

export function fixture(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

let counter = 0;

/** Writes a new file under scratch/ (unique name, so tests never share state) and returns its URI. */
export async function scratchFile(name: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const uri = fixture(`scratch/${Date.now()}-${++counter}-${name}`);
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  return uri;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Closes every editor, first saving or reverting edits so no "save changes?" dialog can block the run. */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    if (!document.isUntitled) {
      await document.save();
      continue;
    }
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Replaces the whole text of a document through a WorkspaceEdit, as another extension or a refactoring would. */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');
}

/** The 0-based line of the first line starting with `prefix`. */
export function lineOf(document: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starts with ${JSON.stringify(prefix)} in ${document.uri.path}`);
}

/** The range of the first occurrence of `needle` on `line`. */
export function rangeOn(document: vscode.TextDocument, line: number, needle: string): vscode.Range {
  const at = document.lineAt(line).text.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} not on line ${line}: ${document.lineAt(line).text}`);
  return new vscode.Range(line, at, line, at + needle.length);
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

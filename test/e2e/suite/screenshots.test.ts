/**
 * Screenshots for the README, taken only by `npm run screenshots` (E2E_SCREENSHOT_DIR set, code-server runner).
 * They check nothing beyond what the other suites check; they skip on normal runs.
 */
import * as vscode from 'vscode';
import { press, screenshot, screenshotsWanted } from '../support/browser';
import { waitForDiagnostics } from '../support/diagnostics';
import { closeAll, fixture, lineOf, open, rangeOn } from '../support/workspace';

describe('screenshots', () => {
  before(function () {
    if (!screenshotsWanted()) this.skip();
  });
  after(closeAll);

  it('a .http file with a finding, its hover and the quick-fix menu', async () => {
    const uri = fixture('requests/users.http');
    const editor = await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length === 2, 'two findings');
    const post = rangeOn(editor.document, lineOf(editor.document, 'POST '), 'POST');
    editor.selection = new vscode.Selection(post.start.translate(0, 1), post.start.translate(0, 1));
    editor.revealRange(post, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('http-finding-hover');
    await press('Escape');
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('http-quick-fix');
    await press('Escape');
  });
});

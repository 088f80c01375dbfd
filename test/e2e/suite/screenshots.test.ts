/**
 * Screenshots for the README, taken only by `npm run screenshots` (E2E_SCREENSHOT_DIR set, code-server runner).
 * They check nothing beyond what the other suites check; they skip on normal runs.
 */
import * as vscode from 'vscode';
import { press, screenshot, screenshotsWanted, textOf } from '../support/browser';
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

  it('a route file with a finding and its hover (full path from the mount in app.ts, the evidence)', async function () {
    // The first route file of a run waits for the TypeScript extension and the workspace index.
    this.timeout(120_000);
    const started = Date.now();
    // The fixture project has no node_modules: keep TypeScript's "cannot find module 'express'" out of the picture.
    // (User settings, so no .vscode folder appears in the explorer.)
    await vscode.workspace.getConfiguration('typescript.validate').update('enable', false, vscode.ConfigurationTarget.Global);
    const uri = fixture('api/src/routes/users.ts');
    const editor = await open(uri);
    // The mount in app.ts is known once the workspace index is built: show the finding with its full path.
    await waitForDiagnostics(uri, (ds) => ds.length === 3 && ds.some((d) => d.message.includes('/api/users/{id}')),
      'three findings, with the prefix from app.ts', 60_000);
    const post = rangeOn(editor.document, lineOf(editor.document, "usersRouter.post('/users/:id'"), 'post');
    editor.selection = new vscode.Selection(post.start.translate(0, 1), post.start.translate(0, 1));
    // Near the top, so the hover has the room below the line.
    editor.revealRange(post, vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    await textOf('.monaco-hover:has-text("This route")', 20_000);
    // A code route's hover starts with the route itself (full path, mount, evidence), so no scrolling is needed.
    console.log(`route screenshot: findings with full paths after ${Date.now() - started} ms`);
    await screenshot('route-finding-hover', 2000);
    await press('Escape');
    await vscode.workspace.getConfiguration('typescript.validate').update('enable', undefined, vscode.ConfigurationTarget.Global);
  });
});

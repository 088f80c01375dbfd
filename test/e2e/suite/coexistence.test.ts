import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hasBrowser, press, textOf } from '../support/browser';
import { waitForDiagnostics } from '../support/diagnostics';
import { EXTENSION_ID } from '../support/extension';
import { closeAll, fixture, lineOf, open, rangeOn } from '../support/workspace';

const STANDIN_ID = 'hml-test.standin-http';

interface GrammarContribution {
  readonly language?: string;
  readonly scopeName: string;
  readonly injectTo?: readonly string[];
}

function grammarsOf(extension: vscode.Extension<unknown>): GrammarContribution[] {
  return (extension.packageJSON?.contributes?.grammars ?? []) as GrammarContribution[];
}

describe('beside an HTTP client extension (stand-in for REST Client / httpYac)', () => {
  after(closeAll);

  it('the stand-in is installed and activates', async () => {
    const standin = vscode.extensions.getExtension(STANDIN_ID);
    assert.ok(standin, 'stand-in extension not installed in the test instance');
    await standin.activate();
    assert.equal(standin.isActive, true);
    assert.ok((await vscode.languages.getLanguages()).includes('http'));
  });

  it('only the stand-in contributes the source.http grammar; ours only injects into it', () => {
    const owners = vscode.extensions.all.filter((e) => grammarsOf(e).some((g) => g.scopeName === 'source.http'));
    assert.deepEqual(owners.map((e) => e.id), [STANDIN_ID]);
    const ours = grammarsOf(vscode.extensions.getExtension(EXTENSION_ID)!);
    for (const g of ours) assert.ok(!g.language && g.injectTo?.includes('source.http'), JSON.stringify(g));
  });

  it('our diagnostics appear in a file the stand-in owns', async () => {
    const uri = fixture('requests/projects.http');
    const { document } = await open(uri);
    assert.equal(document.languageId, 'http');
    await waitForDiagnostics(uri, (ds) => ds.length === 1, 'the PUT-to-collection finding');
  });

  it('the editor tokenizes with the stand-in grammar (scopes from the token inspector)', async function () {
    if (!hasBrowser()) this.skip();
    const uri = fixture('requests/projects.http');
    const editor = await open(uri);
    const put = rangeOn(editor.document, lineOf(editor.document, 'PUT '), 'PUT');
    editor.selection = new vscode.Selection(put.start.translate(0, 1), put.start.translate(0, 1));
    await vscode.commands.executeCommand('editor.action.inspectTMScopes');
    try {
      const text = await textOf('.token-inspect-widget', 15_000);
      assert.match(text, /keyword\.control\.method\.http/);
      assert.match(text, /meta\.request-line\.standin\.http/, 'scope unique to the stand-in grammar is missing');
      assert.match(text, /source\.http/);
    } finally {
      await press('Escape');
    }
  });
});

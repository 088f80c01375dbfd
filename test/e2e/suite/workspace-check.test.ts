import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { click, hasBrowser, textOf } from '../support/browser';
import { label, ours, ruleOf, waitForDiagnostics } from '../support/diagnostics';
import { resetSettings, setSetting } from '../support/settings';
import { closeAll, fixture, workspaceRoot } from '../support/workspace';

const CHECK = 'httpMethodLint.checkWorkspace';
/** Files no other suite opens, so only Check Workspace can have produced their diagnostics. */
const NEVER_OPENED: Readonly<Record<string, readonly string[]>> = {
  'requests/orders.rest': ['put-nondeterministic-uri'],
  'requests/billing.http': ['post-full-replacement', 'put-nondeterministic-uri'],
  'legacy/old-client.http': ['post-full-replacement'],
};

function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
}

interface Summary { files: number; findings: number; cancelled: boolean }

/**
 * Runs the command the way the palette does and waits for `until`. The command resolves with its summary as soon as
 * the check ends: the summary notification is shown, never awaited, so scripts are not blocked on a click.
 */
async function runCheck(until: () => Promise<unknown>): Promise<Summary> {
  const command = Promise.resolve(vscode.commands.executeCommand<Summary>(CHECK));
  await until();
  return withTimeout(command, 20_000, 'Check Workspace did not resolve with its summary');
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

describe('Check Workspace', function () {
  this.timeout(60_000);
  before(closeAll);
  after(resetSettings);

  it('publishes diagnostics for request files that are not open', async () => {
    const uris = Object.keys(NEVER_OPENED).map(fixture);
    for (const uri of uris) assert.equal(isOpen(uri), false, `${uri.path} is open`);
    await runCheck(() => Promise.all(uris.map((uri) => waitForDiagnostics(uri,
      (ds) => ds.map(ruleOf).sort().join() === NEVER_OPENED[vscode.workspace.asRelativePath(uri)].join(),
      'the findings of Check Workspace'))));
    for (const uri of uris) {
      assert.equal(isOpen(uri), false, `Check Workspace opened ${uri.path}`);
      for (const d of ours(uri)) assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith('.md'), label(d));
    }
    assert.deepEqual(ours(fixture('requests/health.http')), []);
  });

  it('resolves with its summary without waiting for anyone to close the notification', async () => {
    const summary = await runCheck(async () => undefined);
    assert.equal(summary.cancelled, false);
    assert.ok(summary.files >= Object.keys(NEVER_OPENED).length, `checked ${summary.files} files`);
    assert.ok(summary.findings >= 4, `found ${summary.findings}`);
  });

  it('honours httpMethodLint.exclude: an excluded folder loses its findings on the next check', async () => {
    const legacy = fixture('legacy/old-client.http');
    await runCheck(() => waitForDiagnostics(legacy, (ds) => ds.length === 1, 'the legacy finding'));
    await setSetting('exclude', ['legacy/**']);
    await runCheck(() => waitForDiagnostics(legacy, (ds) => ds.length === 0, 'no findings once excluded'));
    assert.equal(ours(fixture('requests/orders.rest')).length, 1, 'other files keep theirs');
  });

  describe('progress and cancellation (needs the browser bridge)', () => {
    const generated = () => path.join(workspaceRoot().fsPath, 'generated');
    const COUNT = 10_000;

    before(function () {
      if (!hasBrowser()) this.skip();
      // Enough files that the check is still running when we click Cancel.
      fs.mkdirSync(generated(), { recursive: true });
      for (let i = 0; i < COUNT; i++) {
        fs.writeFileSync(path.join(generated(), `seed-${i}.http`), [
          `### Seed ${i}`, 'PUT https://api.example.com/items/{{$guid}}', 'Content-Type: application/json', '', `{ "n": ${i} }`, '',
          `### Read ${i}`, `GET https://api.example.com/items/${i}?expand=owner`, 'Accept: application/json', '',
          `### Rename ${i}`, `PATCH https://api.example.com/items/${i}`, 'Content-Type: application/json', '', '{ "name": "renamed" }', '',
        ].join('\n'));
      }
    });
    after(() => fs.rmSync(generated(), { recursive: true, force: true }));

    it('shows progress in a notification and stops when Cancel is clicked', async () => {
      const toast = '.notification-toast:has-text("checking the workspace")';
      await runCheck(async () => {
        const progress = await textOf(`${toast}:has(:text-matches("[0-9]+/[0-9]+ files"))`, 20_000);
        await click(`${toast} .monaco-button:has-text("Cancel")`);
        const summary = await textOf('.notification-toast:has-text("Check cancelled after")', 20_000).catch(async (e: Error) => {
          const shown = await textOf('.notification-toast', 1_000).catch(() => 'no notification');
          throw new Error(`${e.message}\n  notification shown: ${shown}`);
        });
        assert.match(progress, /checking the workspace[\s\S]*\d+\/\d+ files/);
        assert.match(summary, /Check cancelled after \d+ files?/);
      });
      const linted = fs.readdirSync(generated()).filter((f) => ours(vscode.Uri.file(path.join(generated(), f))).length > 0);
      assert.ok(linted.length < COUNT, `all ${COUNT} files were checked despite Cancel`);
    });
  });
});

/**
 * What may wake the extension up. Runs first (mocha loads suite files in name order) because it needs a host in which
 * nothing relevant has been opened yet: once any suite opens a request or route file, the extension stays active.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ourExtension } from '../support/extension';
import { closeAll, fixture, open, scratchFile } from '../support/workspace';

const LANGUAGE_EVENTS = ['onLanguage:http', 'onLanguage:javascript', 'onLanguage:typescript', 'onLanguage:javascriptreact', 'onLanguage:typescriptreact'];

/**
 * Waits until `witness` (a built-in extension that does activate on the language just opened) is active: the host
 * has then handled that language's activation event, and every event sent before it, so ours would have started too.
 */
async function activationEventHandled(witnessId: string, timeoutMs = 15_000): Promise<void> {
  const witness = vscode.extensions.getExtension(witnessId);
  const deadline = Date.now() + timeoutMs;
  // No event announces another extension's activation; check every 100 ms.
  while (witness && !witness.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  // Without the witness (a trimmed build) or after it, leave our activate() time to run, had it been triggered.
  await new Promise((r) => setTimeout(r, witness?.isActive ? 500 : 3000));
}

describe('activation scope', () => {
  after(closeAll);

  it('the manifest activates on the linted languages only: no "*", no workspaceContains, no start-up event', () => {
    const events = (ourExtension().packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.deepEqual([...events].sort(), [...LANGUAGE_EVENTS].sort());
  });

  it('a workspace full of request and route files does not activate it by being open', () => {
    // The fixture workspace holds .http, .rest and .ts route files; none has been opened yet.
    assert.equal(ourExtension().isActive, false, 'active before any request or route file was opened');
  });

  it('opening plain text, Markdown and JSON files does not activate it', async function () {
    this.timeout(60_000);
    await open(await scratchFile('todo.txt', 'Move the PUT /api/orders clients to POST before the v2 release.\n'));
    await open(fixture('api/package.json'));
    await activationEventHandled('vscode.json-language-features');
    await open(await scratchFile('CHANGELOG.md', '# Changelog\n\n## 1.4.0\n\n- `POST /api/users/{id}` is deprecated; use `PUT`.\n'));
    await activationEventHandled('vscode.markdown-language-features');
    const languages = vscode.workspace.textDocuments.map((d) => d.languageId);
    for (const language of ['plaintext', 'json', 'markdown']) assert.ok(languages.includes(language), `no ${language} document is open`);
    assert.equal(ourExtension().isActive, false, `activated by one of: ${languages.join(', ')}`);
  });
});

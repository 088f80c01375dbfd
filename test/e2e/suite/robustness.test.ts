import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ourExtension } from '../support/extension';
import { waitForDiagnostics } from '../support/diagnostics';
import { resetSettings, setSetting } from '../support/settings';
import { closeAll, fixture, lineOf, open, rangeOn, scratchFile, setText } from '../support/workspace';
import { withTimeout } from '../support/wait';

/** About `bytes` of realistic requests, one in five of them a finding. */
function bigRequestFile(bytes: number): string {
  const parts: string[] = ['@host = https://api.example.com\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const request = i % 5 === 0
      ? `\n### Seed ${i}\nPUT {{host}}/api/items/{{$guid}}\nContent-Type: application/json\n\n{ "name": "item ${i}", "tags": ["a", "b"] }\n`
      : `\n### Fetch ${i}\nGET {{host}}/api/items/${i}?expand=owner,tags\nAccept: application/json\nX-Request-Id: req-${i}\n`;
    parts.push(request);
    size += request.length;
  }
  return parts.join('');
}

/** Random bytes with NULs and invalid UTF-8, as a mislabelled image or archive would be. */
function binaryBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let seed = 12345;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed & 0xff;
  }
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]); // a PNG signature
  return bytes;
}

/** The extension host and our server still answer: a hover and a fresh diagnostic on a small file. */
async function assertStillResponsive(): Promise<void> {
  assert.equal(ourExtension().isActive, true);
  const uri = fixture('requests/users.http');
  const { document } = await open(uri);
  const post = rangeOn(document, lineOf(document, 'POST '), 'POST');
  const hovers = await withTimeout(
    vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, post.start), 'a hover after bad input');
  assert.ok(hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('**POST**'))), 'no hover');
  await waitForDiagnostics(uri, (ds) => ds.length === 2, 'findings of a small file after bad input');
}

describe('bad input leaves the extension host alive and responsive', function () {
  this.timeout(90_000);
  afterEach(async () => {
    await resetSettings();
    await closeAll();
  });

  it('a 5 MB .http file (skipped by the default maxFileSize)', async () => {
    const uri = await scratchFile('huge.http', bigRequestFile(5 * 1024 * 1024));
    await open(uri);
    await assertStillResponsive();
  });

  it('a 5 MB .http file, linted when maxFileSize allows it', async () => {
    await setSetting('maxFileSize', 8 * 1024 * 1024);
    const uri = await scratchFile('huge-linted.http', bigRequestFile(5 * 1024 * 1024));
    await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length > 1000, 'thousands of findings in the large file', 60_000);
    await assertStillResponsive();
  });

  it('a binary file named .http, on disk and as an editor buffer', async () => {
    const uri = await scratchFile('image.http', binaryBytes(64 * 1024));
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch {
      // VS Code may refuse to open binary files as text; the buffer below still reaches the server.
    }
    const latin1 = Buffer.from(binaryBytes(64 * 1024)).toString('latin1');
    const document = await vscode.workspace.openTextDocument({ language: 'http', content: latin1 });
    await vscode.window.showTextDocument(document);
    await setText(document, `${latin1}\nPUT https://x/api/users/{{$guid}}\n`);
    await assertStillResponsive();
  });
});

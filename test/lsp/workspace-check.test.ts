import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { TestClient } from './support/lsp-client';
import { CLEAN_HTTP, GUID_PUT_HTTP, ORDERS_HTTP, POST_REPLACE_HTTP } from './support/fixtures';
import { rangeOf } from './support/text';

interface Summary { files: number; findings: number; byRule: Record<string, number>; skipped: number; errors: number; cancelled: boolean }

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

describe('LSP: Check Workspace', () => {
  let root: string;
  let client: TestClient;
  const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).href;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hml-check-'));
    writeTree(root, {
      'requests/orders.http': ORDERS_HTTP,
      'requests/users.rest': POST_REPLACE_HTTP,
      'requests/clean.http': CLEAN_HTTP,
      'requests/open-in-editor.http': GUID_PUT_HTTP,
      'generated/seed.http': GUID_PUT_HTTP,
      'node_modules/some-package/api.http': GUID_PUT_HTTP,
      'big/huge.http': `${GUID_PUT_HTTP}\n${'# padding\n'.repeat(300)}`,
      'src/server.ts': "export const port = 8080;\n",
    });
    client = await TestClient.start({ workspaceFolders: [root], settings: { exclude: ['generated/**'], maxFileSize: 2000 } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes for unopened files, counts open ones from the editor, reports progress and returns the summary', async () => {
    const openUri = uriOf('requests/open-in-editor.http');
    const opened = client.nextDiagnostics(openUri);
    await client.open(openUri, CLEAN_HTTP); // the editor's text is clean; the file on disk is not
    await opened;

    const orders = client.nextDiagnostics(uriOf('requests/orders.http'));
    const users = client.nextDiagnostics(uriOf('requests/users.rest'));
    const clean = client.nextDiagnostics(uriOf('requests/clean.http'));
    const done = client.nextProgress((p) => p.token === 'check-1' && p.value.kind === 'end');
    const summary = await client.connection.sendRequest('httpMethodLint/checkWorkspace', { workDoneToken: 'check-1' }) as Summary;

    assert.deepEqual(summary, {
      files: 5, // orders, users, clean, src/server.ts, and the open document
      findings: 3,
      byRule: { 'put-nondeterministic-uri': 1, 'post-full-replacement': 2 },
      skipped: 1, // big/huge.http is over maxFileSize; generated/ is excluded and node_modules never walked
      errors: 0,
      cancelled: false,
    });

    const ordersPublished = await orders;
    assert.equal(ordersPublished.version, undefined);
    assert.deepEqual(ordersPublished.diagnostics.map((d) => [d.code, d.range]), [
      ['put-nondeterministic-uri', rangeOf(ORDERS_HTTP, '{{$guid}}')],
      ['post-full-replacement', rangeOf(ORDERS_HTTP, 'POST', 0, '\nPOST')],
    ]);
    assert.deepEqual((await users).diagnostics.map((d) => d.code), ['post-full-replacement']);
    assert.deepEqual((await clean).diagnostics, []);
    for (const rel of ['generated/seed.http', 'node_modules/some-package/api.http', 'big/huge.http']) {
      assert.deepEqual(client.publishesFor(uriOf(rel)), [], rel);
    }
    assert.ok(client.publishesFor(openUri).every((p) => p.version === 1), 'the open document keeps its live diagnostics');

    await done;
    const kinds = client.progress.filter((p) => p.token === 'check-1').map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.includes('report'));
  });

  it('clears files from the Problems panel that a later check no longer covers', async () => {
    const usersUri = uriOf('requests/users.rest');
    client.settings = { exclude: ['generated/**', 'requests/users.rest'], maxFileSize: 2000 };
    await client.configurationChanged();
    const cleared = client.nextDiagnostics(usersUri);
    const summary = await client.connection.sendRequest('httpMethodLint/checkWorkspace', {}) as Summary;
    assert.equal(summary.files, 4);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  describe('cancellation', () => {
    let many: string;
    let manyClient: TestClient;
    before(async () => {
      many = fs.mkdtempSync(path.join(os.tmpdir(), 'hml-check-many-'));
      const files: Record<string, string> = {};
      for (let i = 0; i < 400; i++) files[`requests/r${String(i).padStart(3, '0')}.http`] = ORDERS_HTTP;
      writeTree(many, files);
      manyClient = await TestClient.start({ workspaceFolders: [many], settings: {} });
    });
    after(async () => {
      await manyClient.stop();
      fs.rmSync(many, { recursive: true, force: true });
    });

    it('stops when the request is cancelled and returns the partial summary', async () => {
      const source = new CancellationTokenSource();
      const firstReport = manyClient.nextProgress((p) => p.token === 'cancel-me' && p.value.kind === 'report');
      const request = manyClient.connection.sendRequest('httpMethodLint/checkWorkspace', { workDoneToken: 'cancel-me' }, source.token) as Promise<Summary>;
      await firstReport;
      source.cancel();
      const summary = await request;
      assert.equal(summary.cancelled, true);
      assert.ok(summary.files < 400, `stopped early (${summary.files} files)`);
      assert.equal(summary.findings, summary.files * 2);
    });

    it('without a token the server creates its progress, and its cancel button stops the check', async () => {
      const begin = manyClient.nextProgress((p) => p.value.kind === 'begin' && manyClient.progressCreated.some((c) => c.token === p.token));
      const request = manyClient.connection.sendRequest('httpMethodLint/checkWorkspace', {}) as Promise<Summary>;
      const { token } = await begin;
      await manyClient.connection.sendNotification('window/workDoneProgress/cancel', { token });
      const summary = await request;
      assert.equal(summary.cancelled, true);
      assert.ok(summary.files < 400);
      // The server keeps serving.
      const done = await manyClient.connection.sendRequest('httpMethodLint/checkWorkspace', { workDoneToken: 'after' }) as Summary;
      assert.deepEqual([done.files, done.cancelled], [400, false]);
    });
  });
});

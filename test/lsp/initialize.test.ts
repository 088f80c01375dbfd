import * as assert from 'node:assert/strict';
import { TestClient } from './support/lsp-client';
import { GUID_PUT_HTTP } from './support/fixtures';

describe('LSP: initialize', () => {
  describe('with a full-featured client', () => {
    let client: TestClient;
    before(async () => { client = await TestClient.start(); });
    after(async () => { await client.stop(); });

    it('announces incremental sync, hover, quick fixes only, the explain command and workspace folders', () => {
      const caps = client.initializeResult.capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
      assert.equal(caps.hoverProvider, true);
      assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'], resolveProvider: false });
      assert.deepEqual(caps.executeCommandProvider, { commands: ['httpMethodLint.explainRule'] });
      assert.deepEqual(caps.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
      assert.equal(client.initializeResult.serverInfo?.name, 'http-method-lint');
    });

    it('offers no pull diagnostics and nothing it does not implement', () => {
      const caps = client.initializeResult.capabilities;
      assert.equal(caps.diagnosticProvider, undefined);
      assert.equal(caps.completionProvider, undefined);
      assert.equal(caps.documentFormattingProvider, undefined);
    });
  });

  describe('with a minimal client (no configuration pull, no code action literals, no folders)', () => {
    let client: TestClient;
    before(async () => { client = await TestClient.start({ capabilities: {} }); });
    after(async () => { await client.stop(); });

    it('enables only what that client supports', () => {
      const caps = client.initializeResult.capabilities;
      assert.equal(caps.codeActionProvider, true);
      assert.equal(caps.workspace, undefined);
    });

    it('lints with defaults, then takes pushed settings from didChangeConfiguration', async () => {
      const uri = 'file:///minimal/seed.http';
      const first = client.nextDiagnostics(uri);
      await client.open(uri, GUID_PUT_HTTP);
      const published = await first;
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['put-nondeterministic-uri']);
      // Without the capabilities, no codeDescription / relatedInformation are sent.
      assert.equal(published.diagnostics[0].codeDescription, undefined);
      assert.equal(published.diagnostics[0].relatedInformation, undefined);
      assert.equal(client.configurationRequests.length, 0);

      const silenced = client.nextDiagnostics(uri);
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { httpMethodLint: { rules: { 'put-nondeterministic-uri': 'off' } } },
      });
      assert.deepEqual((await silenced).diagnostics, []);
    });

    it('answers code actions with commands only', async () => {
      const uri = 'file:///minimal/seed2.http';
      const published = client.nextDiagnostics(uri);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { httpMethodLint: {} } });
      await client.open(uri, GUID_PUT_HTTP);
      const diagnostic = (await published).diagnostics[0];
      const actions = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
      }) as { title: string; command: string; arguments: unknown[] }[];
      assert.deepEqual(actions, [{ title: 'Explain PUT vs POST', command: 'httpMethodLint.explainRule', arguments: ['put-nondeterministic-uri'] }]);
    });
  });
});

import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUri, TestClient } from './support/lsp-client';
import { GUID_PUT_HTTP, POST_REPLACE_HTTP } from './support/fixtures';

describe('LSP: code actions and the explain command', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start(); });
  after(async () => { await client.stop(); });

  async function openWithDiagnostics(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    const published = client.nextDiagnostics(uri, (p) => p.version === version);
    if (version === 1) await client.open(uri, text);
    else await client.replaceText(uri, version, text);
    return (await published).diagnostics;
  }

  function codeActions(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;
  }

  /** Applies a quick fix the way an editor does: checks it targets this version, then applies its edits. */
  function apply(action: CodeAction, uri: string, text: string, version: number): string {
    const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
    assert.ok(changes && changes.length === 1, `${action.title} has one versioned document edit`);
    assert.deepEqual(changes[0].textDocument, { uri, version });
    return TextDocument.applyEdits(TextDocument.create(uri, 'http', version, text), changes[0].edits);
  }

  it('offers the fixes of a POST that replaces an item, then the suppression, then Explain', async () => {
    const uri = 'file:///project/users.http';
    const [diagnostic] = await openWithDiagnostics(uri, POST_REPLACE_HTTP);
    const actions = await codeActions(uri, diagnostic);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [
      ['Change POST to PUT: replacing the item at its own URI is idempotent', 'quickfix'],
      ['Suppress post-full-replacement for this request', 'quickfix'],
      ['Explain POST vs PUT', 'quickfix'],
    ]);
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
    assert.equal(actions[0].isPreferred, undefined, 'a method change is never the preferred (auto-applied) fix');
    assert.deepEqual(actions[2].command, { title: 'Explain POST vs PUT', command: 'httpMethodLint.explainRule', arguments: ['post-full-replacement'] });

    assert.equal(apply(actions[0], uri, POST_REPLACE_HTTP, 1), POST_REPLACE_HTTP.replace('POST {{host}}', 'PUT {{host}}'));
    assert.equal(apply(actions[1], uri, POST_REPLACE_HTTP, 1), POST_REPLACE_HTTP.replace(
      'POST {{host}}', '# http-method-lint-disable-next-line post-full-replacement\nPOST {{host}}'));
  });

  it('applying the suppression clears the diagnostic', async () => {
    const uri = 'file:///project/users-suppress.http';
    const [diagnostic] = await openWithDiagnostics(uri, POST_REPLACE_HTTP);
    const actions = await codeActions(uri, diagnostic);
    const suppressed = apply(actions[1], uri, POST_REPLACE_HTTP, 1);
    assert.deepEqual(await openWithDiagnostics(uri, suppressed, 2), []);
  });

  it('rewrites a PUT under {{$guid}}: a stable id variable (declared once) or a POST to the collection', async () => {
    const uri = 'file:///project/seed.http';
    const [diagnostic] = await openWithDiagnostics(uri, GUID_PUT_HTTP);
    const actions = await codeActions(uri, diagnostic);
    assert.deepEqual(actions.map((a) => a.title), [
      'Replace {{$guid}} with a client-chosen id variable {{userId}}',
      "Change PUT to POST: the server assigns the new item's URI (POST to the collection, without {{$guid}})",
      'Suppress put-nondeterministic-uri for this request',
      'Explain PUT vs POST',
    ]);
    const stable = apply(actions[0], uri, GUID_PUT_HTTP, 1);
    assert.ok(stable.includes('PUT {{baseUrl}}/users/{{userId}}\n'), stable);
    assert.ok(/^@userId = .+$/m.test(stable), stable);
    assert.ok(apply(actions[1], uri, GUID_PUT_HTTP, 1).includes('\nPOST {{baseUrl}}/users\n'));

    // The edit is versioned: after a change, actions carry the new version.
    const edited = GUID_PUT_HTTP.replace('Test User', 'Second User');
    const [again] = await openWithDiagnostics(uri, edited, 2);
    const later = await codeActions(uri, again);
    assert.equal((later[0].edit?.documentChanges?.[0] as TextDocumentEdit).textDocument.version, 2);
  });

  it('never offers method changes as source.fixAll, and nothing away from findings', async () => {
    const uri = 'file:///project/users-fixall.http';
    const [diagnostic] = await openWithDiagnostics(uri, POST_REPLACE_HTTP);
    assert.deepEqual(await codeActions(uri, diagnostic, ['source.fixAll']), []);
    assert.deepEqual(await codeActions(uri, diagnostic, ['source']), []);
    assert.equal((await codeActions(uri, diagnostic, ['quickfix'])).length, 3);
    const header = { ...diagnostic, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } } };
    assert.deepEqual(await codeActions(uri, header), []);
    assert.deepEqual(await codeActions('file:///project/closed.http', diagnostic), []);
  });

  it('explainRule opens the bundled docs page through window/showDocument', async () => {
    const before = client.showDocuments.length;
    const ok = await client.connection.sendRequest('workspace/executeCommand', {
      command: 'httpMethodLint.explainRule', arguments: ['put-nondeterministic-uri'],
    });
    assert.equal(ok, true);
    assert.deepEqual(client.showDocuments.slice(before), [{ uri: docsUri('put-nondeterministic-uri'), external: false, takeFocus: true }]);
  });

  it('explainRule with an unknown rule answers false and opens nothing', async () => {
    const before = client.showDocuments.length;
    for (const args of [['no-such-rule'], [], [42]]) {
      assert.equal(await client.connection.sendRequest('workspace/executeCommand', { command: 'httpMethodLint.explainRule', arguments: args }), false);
    }
    assert.equal(client.showDocuments.length, before);
  });
});

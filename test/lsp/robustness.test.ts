import * as assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver/node';
import { TestClient } from './support/lsp-client';
import { GUID_PUT_HTTP } from './support/fixtures';
import { positionIn } from './support/text';

/** Deterministic pseudo-random bytes (xorshift), decoded as the editor would: a mess of control and replacement characters. */
function garbage(bytes: number, seed: number): string {
  const buffer = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    buffer[i] = x & 0xff;
  }
  return buffer.toString('utf8');
}

describe('LSP: hostile input', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ settings: {} }); });
  after(async () => { await client.stop(); });

  async function stillServing(tag: string): Promise<void> {
    const uri = `file:///project/after-${tag}.http`;
    const published = client.nextDiagnostics(uri);
    await client.open(uri, GUID_PUT_HTTP);
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['put-nondeterministic-uri']);
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri }, position: positionIn(GUID_PUT_HTTP, 'PUT', 1),
    }) as Hover | null;
    assert.ok(hover, 'hover still answers');
  }

  it('a 3 MB binary document gets an (empty) answer and one log line; the server keeps serving', async () => {
    const uri = 'file:///project/dump.http';
    const text = garbage(3 * 1024 * 1024, 0x2545f491);
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text);
    assert.deepEqual((await published).diagnostics, []);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } });
    assert.equal(hover, null);
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    assert.equal(client.logs.filter((l) => l.message.includes('dump.http')).length, 1);
    await stillServing('huge');
    assert.equal(client.exited, false);
  });

  it('a 1 MB binary document under the size limit is analysed without breaking anything', async () => {
    const uri = 'file:///project/garbage.http';
    const text = garbage(1024 * 1024, 0x9e3779b9);
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text);
    const result = await published;
    assert.equal(result.version, 1);
    assert.ok(Array.isArray(result.diagnostics));
    await stillServing('garbage');
  });

  it('half-typed and odd request files never break the server', async () => {
    const uri = 'file:///project/half.http';
    const texts = [
      'PUT', 'PUT {{', 'PUT https://x/{{$guid', 'POST {{host}}/users/{{id}}\n\n{ "id": ', '###\n###\n###', '\r\n\r\n\uFEFF\u0000',
      `PUT ${'/a'.repeat(20000)}/{{$guid}}`, `${'{{'.repeat(50000)}`, `# @name x\nPUT /items/{{$random.uuid}}\n> {%\n client.log(1)\n`,
    ];
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, texts[0]);
    await opened;
    for (let i = 1; i < texts.length; i++) {
      const version = i + 1;
      const next = client.nextDiagnostics(uri, (p) => p.version === version);
      await client.replaceText(uri, version, texts[i]);
      await next;
    }
    await stillServing('half');
  });

  it('answers empty results for malformed and unknown requests', async () => {
    const missing = 'file:///project/missing.http';
    const position = { line: 0, character: 0 };
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: missing }, position }), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: missing }, range: { start: position, end: position }, context: { diagnostics: [] },
    }), []);
    assert.equal(await client.connection.sendRequest('workspace/executeCommand', { command: 'httpMethodLint.nothing', arguments: [] }), false);
    const explained = await client.connection.sendRequest('httpMethodLint/explainMethod', { method: 42 }) as { known: boolean };
    assert.equal(explained.known, false);
    const summary = await client.connection.sendRequest('httpMethodLint/checkWorkspace', {});
    assert.deepEqual(summary, { files: 0, findings: 0, byRule: {}, skipped: 0, errors: 0, cancelled: false });
    await stillServing('malformed');
  });
});

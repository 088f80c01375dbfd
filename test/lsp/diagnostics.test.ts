import * as assert from 'node:assert/strict';
import { docsUri, TestClient } from './support/lsp-client';
import { CLEAN_HTTP, ORDERS_HTTP } from './support/fixtures';
import { rangeOf } from './support/text';

describe('LSP: diagnostics as you type', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start(); });
  after(async () => { await client.stop(); });

  it('publishes each finding on open with its range, code, severity, source, docs link, evidence and data', async () => {
    const uri = 'file:///project/api/orders.http';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, ORDERS_HTTP);
    const { version, diagnostics } = await published;
    assert.equal(version, 1);
    assert.equal(diagnostics.length, 2);

    const [put, post] = diagnostics;
    assert.deepEqual(put.range, rangeOf(ORDERS_HTTP, '{{$guid}}'));
    assert.equal(put.code, 'put-nondeterministic-uri');
    assert.equal(put.severity, 2);
    assert.equal(put.source, 'http-method-lint');
    assert.deepEqual(put.codeDescription, { href: docsUri('put-nondeterministic-uri') });
    assert.equal(put.message,
      'PUT URL contains {{$guid}}: REST Client generates a new GUID on every send, so each send targets a different URI and repeating the request is not idempotent.');
    assert.deepEqual(put.relatedInformation, [
      { location: { uri, range: rangeOf(ORDERS_HTTP, '{{$guid}}') }, message: '{{$guid}} is random' },
    ]);
    assert.deepEqual(put.data, {
      ruleId: 'put-nondeterministic-uri',
      fixes: ['replace-dynamic-variable', 'change-method:POST-collection', 'suppress:put-nondeterministic-uri'],
      version: 1,
    });

    assert.deepEqual(post.range, rangeOf(ORDERS_HTTP, 'POST', 0, '\nPOST'));
    assert.equal(post.code, 'post-full-replacement');
    assert.deepEqual(post.codeDescription, { href: docsUri('post-full-replacement') });
    assert.equal(post.message, 'POST to the item /orders/{{orderId}} sends a full representation of it: the body is a complete ' +
      'object (sku, quantity, note), not a command; replacing the item at its own URI is what PUT means, and PUT makes retries safe.');
    assert.equal(post.relatedInformation?.length, 1);
    assert.equal(post.relatedInformation?.[0].message, 'a representation with 3 fields');
    assert.deepEqual(post.relatedInformation?.[0].location.range.start, rangeOf(ORDERS_HTTP, '{\n  "sku"').start);
  });

  it('updates on change and clears when the problem is fixed', async () => {
    const uri = 'file:///project/api/orders-edit.http';
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, ORDERS_HTTP);
    assert.equal((await opened).diagnostics.length, 2);

    // Fix the PUT by hand: replace {{$guid}} with the stable {{orderId}} (an incremental change).
    const afterFix = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ range: rangeOf(ORDERS_HTTP, '{{$guid}}'), text: '{{orderId}}' }]);
    assert.deepEqual((await afterFix).diagnostics.map((d) => d.code), ['post-full-replacement']);

    const clean = client.nextDiagnostics(uri, (p) => p.version === 3);
    await client.replaceText(uri, 3, CLEAN_HTTP);
    assert.deepEqual((await clean).diagnostics, []);

    // Reintroduce a problem: the diagnostic comes back at the new position.
    const broken = CLEAN_HTTP.replace('POST {{host}}/orders\n', 'PUT {{host}}/orders/{{$timestamp}}\n');
    const again = client.nextDiagnostics(uri, (p) => p.version === 4);
    await client.replaceText(uri, 4, broken);
    const diagnostics = (await again).diagnostics;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['put-nondeterministic-uri', rangeOf(broken, '{{$timestamp}}')]]);
  });

  it('coalesces a burst of changes and publishes only for the latest version', async () => {
    const uri = 'file:///project/api/burst.http';
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, CLEAN_HTTP);
    await opened;
    const before = client.publishesFor(uri).length;

    const last = client.nextDiagnostics(uri, (p) => p.version === 6);
    let text = CLEAN_HTTP;
    for (let version = 2; version <= 6; version++) {
      text = `${text}\n### Seed ${version}\nPUT https://api.example.com/items/{{$uuid}}\n`;
      await client.replaceText(uri, version, text);
    }
    const published = await last;
    assert.equal(published.diagnostics.length, 5);
    const during = client.publishesFor(uri).slice(before);
    assert.deepEqual(during.map((p) => p.version), [6], 'intermediate versions were never published');
  });

  it('never publishes a result computed for a version that changed while settings were being fetched', async () => {
    const uri = 'file:///project/api/stale.http';
    let release!: () => void;
    client.holdConfiguration = new Promise<void>((resolve) => { release = resolve; });
    try {
      const requested = client.configurationRequests.length;
      const published = client.nextDiagnostics(uri);
      await client.open(uri, ORDERS_HTTP);
      await waitUntil(() => client.configurationRequests.length > requested);
      await client.replaceText(uri, 2, CLEAN_HTTP);
      release();
      const first = await published;
      assert.equal(first.version, 2);
      assert.deepEqual(first.diagnostics, []);
    } finally {
      client.holdConfiguration = undefined;
      release();
    }
  });

  it('clears diagnostics when the document closes', async () => {
    const uri = 'file:///project/api/closing.http';
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, ORDERS_HTTP);
    assert.equal((await opened).diagnostics.length, 2);
    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('lints untitled http documents and ignores languages it does not lint', async () => {
    const plain = 'file:///project/notes.txt';
    const untitled = 'untitled:Untitled-1';
    await client.open(plain, ORDERS_HTTP, 'plaintext');
    const published = client.nextDiagnostics(untitled);
    await client.open(untitled, ORDERS_HTTP, 'http');
    assert.equal((await published).diagnostics.length, 2);
    assert.deepEqual(client.publishesFor(plain), []);
  });

  it('accepts JavaScript and TypeScript documents (no findings from request-file rules)', async () => {
    const uri = 'file:///project/src/routes.ts';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, "import express from 'express';\nconst app = express();\napp.get('/health', (_req, res) => res.send('ok'));\n", 'typescript');
    assert.deepEqual((await published).diagnostics, []);
  });
});

/** Polls a condition the test cannot await directly (a request the server sent), with a deadline. */
async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

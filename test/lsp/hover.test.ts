import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { TestClient } from './support/lsp-client';
import { ORDERS_HTTP } from './support/fixtures';
import { positionIn, rangeOf } from './support/text';

describe('LSP: hover', () => {
  const uri = 'file:///project/api/hover.http';
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    const published = client.nextDiagnostics(uri);
    await client.open(uri, ORDERS_HTTP);
    await published;
  });
  after(async () => { await client.stop(); });

  const hover = (position: { line: number; character: number }, target = uri) =>
    client.connection.sendRequest('textDocument/hover', { textDocument: { uri: target }, position }) as Promise<Hover | null>;

  it('explains the method token: properties, RFC link, this request, its findings and expected statuses', async () => {
    const result = await hover(positionIn(ORDERS_HTTP, 'PUT', 1));
    assert.ok(result);
    assert.deepEqual(result.range, rangeOf(ORDERS_HTTP, 'PUT'));
    const { kind, value } = result.contents as MarkupContent;
    assert.equal(kind, 'markdown');
    assert.match(value, /^\*\*PUT\*\* \(\[RFC 9110 §9\.3\.4\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110#section-9\.3\.4\)\): Create or replace/);
    assert.match(value, /\| safe \| idempotent \| cacheable \|\n\|---\|---\|---\|\n\| no \| yes \| no \|/);
    assert.ok(value.includes('**This request** `Place an order under a random id`: `PUT /orders/{{$guid}}` targets one item'), value);
    assert.ok(value.includes('The path holds a value the client generates at send time: `{{$guid}}`'), value);
    assert.ok(value.includes('Body: a JSON object with 2 top-level fields (`sku`, `quantity`).'), value);
    assert.ok(value.includes('- `put-nondeterministic-uri` (warning): PUT URL contains {{$guid}}: REST Client generates'), value);
    assert.ok(value.includes('**Expected status codes**\n\n- 201 Created when it creates the resource'), value);
  });

  it('describes a clean request too, with no findings section', async () => {
    const result = await hover(positionIn(ORDERS_HTTP, 'GET', 0));
    const value = (result?.contents as MarkupContent).value;
    assert.match(value, /^\*\*GET\*\* /);
    assert.ok(value.includes('`GET /orders` targets a collection'), value);
    assert.ok(!value.includes('**Findings**'), value);
  });

  it('explains why {{$guid}} in a URL makes the URI non-deterministic', async () => {
    const result = await hover(positionIn(ORDERS_HTTP, '{{$guid}}', 4));
    assert.ok(result);
    assert.deepEqual(result.range, rangeOf(ORDERS_HTTP, '{{$guid}}'));
    const value = (result.contents as MarkupContent).value;
    assert.match(value, /^`\{\{\$guid\}\}` is a random value: REST Client generates a new GUID on every send\./);
    assert.ok(value.includes('non-deterministic'), value);
    assert.ok(value.includes('[RFC 9110 §9.3.4](https://www.rfc-editor.org/rfc/rfc9110#section-9.3.4)'), value);
  });

  it('has nothing to say elsewhere: stable variables, headers, bodies, separators', async () => {
    for (const [needle, delta, after] of [
      ['{{orderId}}', 3, 'POST'], ['Content-Type', 2, undefined], ['"sku"', 2, undefined], ['###', 1, undefined], ['{{host}}', 3, 'PUT'],
    ] as const) {
      assert.equal(await hover(positionIn(ORDERS_HTTP, needle, delta, after)), null, needle);
    }
  });

  it('answers null for documents it does not know', async () => {
    assert.equal(await hover({ line: 0, character: 0 }, 'file:///never/opened.http'), null);
  });
});

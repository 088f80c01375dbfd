import * as assert from 'node:assert/strict';
import { TestClient } from './support/lsp-client';

describe('LSP: httpMethodLint/explainMethod', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start(); });
  after(async () => { await client.stop(); });

  const explain = (method: string) =>
    client.connection.sendRequest('httpMethodLint/explainMethod', { method }) as Promise<{ known: boolean; markdown: string }>;

  it('describes a method from the RFC facts: definition, properties, expected statuses, notes', async () => {
    const { known, markdown } = await explain('PATCH');
    assert.equal(known, true);
    assert.match(markdown, /^# PATCH\n\n\*\*PATCH\*\* \(\[RFC 5789 §2\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc5789#section-2\)\): Apply a set of changes/);
    assert.ok(markdown.includes('| no | no | only with explicit freshness information'), markdown);
    assert.ok(markdown.includes('- 204 No Content (the example in RFC 5789 §2.1)'), markdown);
  });

  it('is case-sensitive like RFC 9110 §9.1, and suggests the method meant', async () => {
    const { known, markdown } = await explain('put');
    assert.equal(known, false);
    assert.ok(markdown.includes('did you mean `PUT`?'), markdown);
  });

  it('says so for a method it does not know', async () => {
    const { known, markdown } = await explain('BREW');
    assert.equal(known, false);
    assert.match(markdown, /Known methods: `GET`, `HEAD`, `POST`, `PUT`/);
  });
});

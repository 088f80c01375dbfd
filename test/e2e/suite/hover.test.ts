import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForDiagnostics } from '../support/diagnostics';
import { closeAll, fixture, lineOf, open, rangeOn } from '../support/workspace';

function markdownOf(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
}

describe('hover', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    uri = fixture('requests/users.http');
    document = (await open(uri)).document;
    await waitForDiagnostics(uri, (ds) => ds.length === 2, 'two findings');
  });
  after(closeAll);

  it('on a flagged method token: what the method promises, what this request does, and the finding', async () => {
    const post = rangeOn(document, lineOf(document, 'POST '), 'POST');
    const hovers = await hoverAt(uri, post.start.translate(0, 2));
    const text = markdownOf(hovers);
    assert.match(text, /\*\*POST\*\*/);
    assert.match(text, /RFC 9110 §9\.3\.3/);
    assert.match(text, /post-full-replacement/);
    assert.match(text, /replaceUser/, 'names the request');
    const ours = hovers.find((h) => markdownOf([h]).includes('**POST**'));
    assert.ok(ours?.range?.isEqual(post), `hover range ${JSON.stringify(ours?.range)} is not the method token`);
  });

  it('on a correct method token: the method facts, no findings', async () => {
    const get = rangeOn(document, lineOf(document, 'GET '), 'GET');
    const text = markdownOf(await hoverAt(uri, get.start));
    assert.match(text, /\*\*GET\*\*/);
    assert.match(text, /safe/);
    assert.doesNotMatch(text, /\*\*Findings\*\*/);
  });

  it('on a random system variable in the URL: why it makes the URI non-deterministic', async () => {
    const guid = rangeOn(document, lineOf(document, 'PUT '), '{{$guid}}');
    const hovers = await hoverAt(uri, guid.start.translate(0, 4));
    const text = markdownOf(hovers);
    assert.match(text, /`\{\{\$guid\}\}` is a random value/);
    assert.match(text, /idempotent/);
    assert.ok(hovers.some((h) => h.range?.isEqual(guid)), 'hover range is not the variable');
  });

  it('nowhere else: headers, bodies and plain variables get no hover from us', async () => {
    const positions = [
      rangeOn(document, lineOf(document, 'Content-Type'), 'Content-Type').start,
      rangeOn(document, lineOf(document, '  "name"'), 'name').start,
      rangeOn(document, lineOf(document, 'PUT '), '{{host}}').start.translate(0, 3),
    ];
    for (const position of positions) {
      const text = markdownOf(await hoverAt(uri, position));
      assert.doesNotMatch(text, /RFC 9110/, `unexpected hover at ${position.line}:${position.character}: ${text}`);
    }
  });
});

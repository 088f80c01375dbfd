import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { FULL_CAPABILITIES, TestClient } from './support/lsp-client';
import { positionIn } from './support/text';

const APP = `import express from 'express';
import users from './routes/users';

const app = express();
app.use(express.json());

app.use('/api', users);

app.listen(3000);
`;

const USERS = `import { Router } from 'express';

const router = Router();
const users = new Map<string, { id: string; name: string; email: string }>();

router.get('/users/:id', (req, res) => {
  const user = users.get(req.params.id);
  if (!user) return res.status(404).end();
  res.json(user);
});

router.put('/users/:id', (req, res) => {
  const existing = users.get(req.params.id);
  if (!existing) return res.status(404).end();
  Object.assign(existing, req.body);
  res.json(existing);
});

export default router;
`;

const WATCHING = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } };

describe('LSP: workspace index (routes linked across files)', function () {
  this.timeout(20_000);
  let dir: string;
  let client: TestClient;
  let usersUri: string;
  let appUri: string;

  before(async () => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'hml-lsp-index-')));
    mkdirSync(path.join(dir, 'src', 'routes'), { recursive: true });
    writeFileSync(path.join(dir, 'src', 'app.ts'), APP);
    writeFileSync(path.join(dir, 'src', 'routes', 'users.ts'), USERS);
    usersUri = pathToFileURL(path.join(dir, 'src', 'routes', 'users.ts')).href;
    appUri = pathToFileURL(path.join(dir, 'src', 'app.ts')).href;
    client = await TestClient.start({ workspaceFolders: [dir], settings: {}, capabilities: WATCHING });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const hover = async (uri: string, text: string, needle: string, after?: string): Promise<string> => {
    const result = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionIn(text, needle, 1, after) }) as Hover | null;
    return result ? (result.contents as MarkupContent).value : '';
  };
  const withMessage = (pattern: RegExp) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => pattern.test(d.message));

  it('asks the client to watch code files', async () => {
    // Registration follows `initialized`, which the client does not wait on.
    for (let i = 0; i < 100 && client.registrations.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const watchers = client.registrations.flatMap((r) => r.registrations).filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.equal(watchers.length, 1);
    assert.deepEqual(watchers[0].registerOptions, { watchers: [{ globPattern: '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}' }] });
  });

  it('publishes diagnostics of a router file with the prefix app.ts mounts it at', async () => {
    const full = client.nextDiagnostics(usersUri, withMessage(/^PUT \/api\/users\/\{id\} merges only the fields sent/));
    await client.open(usersUri, USERS, 'typescript');
    const published = await full;
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['put-partial-update']);
  });

  it('hovers the method token with the full path, the mount chain, the framework and the evidence lines', async () => {
    const value = await hover(usersUri, USERS, 'put');
    // The route's own story first, so a default-height hover shows it; the method's definition follows.
    assert.ok(value.startsWith('**This route** (Express): `PUT /api/users/{id}` targets one item'), value);
    assert.match(value, /\n---\n\n\*\*PUT\*\* \(\[RFC 9110 §9\.3\.4\]/);
    assert.ok(value.includes('Full path from the mounts, outermost first:\n\n1. `/api` (src/app.ts:7)'), value);
    assert.ok(value.includes('- line 15: Object.assign() merges the sent fields into the stored item'), value);
    assert.ok(value.includes('- `put-partial-update` (warning): PUT /api/users/{id} merges only the fields sent'), value);
    const get = await hover(usersUri, USERS, 'get', "router.get('/users");
    assert.ok(get.includes('`GET /api/users/{id}`'), get);
    assert.ok(get.includes('- line 8: res.status() answers 404'), get);
  });

  it('follows an unsaved edit of the mount prefix in app.ts, and the disk again when app.ts closes', async () => {
    await client.open(appUri, APP, 'typescript');
    const moved = client.nextDiagnostics(usersUri, withMessage(/^PUT \/v2\/users\/\{id\} /));
    await client.change(appUri, 2, [{ range: rangeOfText(APP, "'/api'"), text: "'/v2'" }]);
    await moved;
    const value = await hover(usersUri, USERS, 'put');
    assert.ok(value.includes('`PUT /v2/users/{id}`'), value);
    assert.ok(value.includes('1. `/v2` (src/app.ts:7)'), value);

    const back = client.nextDiagnostics(usersUri, withMessage(/^PUT \/api\/users\/\{id\} /));
    await client.close(appUri);
    await back;
  });

  it('updates from file watcher events: a changed prefix on disk, then a deleted app.ts', async () => {
    writeFileSync(path.join(dir, 'src', 'app.ts'), APP.replace("'/api'", "'/internal'"));
    const changed = client.nextDiagnostics(usersUri, withMessage(/^PUT \/internal\/users\/\{id\} /));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: appUri, type: 2 }] });
    await changed;

    rmSync(path.join(dir, 'src', 'app.ts'));
    const deleted = client.nextDiagnostics(usersUri, withMessage(/^PUT \/users\/\{id\} /));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: appUri, type: 3 }] });
    await deleted;
    const value = await hover(usersUri, USERS, 'put');
    assert.ok(value.includes('`PUT /users/{id}`') && !value.includes('Full path from the mounts'), value);
  });

  it('keeps a request file hover as it was (no mount chain, no framework line)', async () => {
    const uri = pathToFileURL(path.join(dir, 'api.http')).href;
    const text = 'PUT https://api.example.com/users/42\nContent-Type: application/json\n\n{ "name": "Ada" }\n';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text);
    await published;
    const value = await hover(uri, text, 'PUT', undefined);
    assert.ok(value.includes('**This request**: `PUT /users/42` targets one item'), value);
    assert.ok(!value.includes('**This route**'), value);
  });
});

function rangeOfText(text: string, needle: string) {
  const index = text.indexOf(needle);
  const before = text.slice(0, index).split('\n');
  const start = { line: before.length - 1, character: before[before.length - 1].length };
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

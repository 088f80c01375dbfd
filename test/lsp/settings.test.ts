import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './support/lsp-client';
import { GUID_PUT_HTTP, ORDERS_HTTP } from './support/fixtures';

describe('LSP: settings pulled per document', () => {
  const folder = path.join(os.tmpdir(), 'hml-settings-workspace');
  const uriOf = (rel: string) => pathToFileURL(path.join(folder, rel)).href;
  let client: TestClient;
  let settings: Record<string, unknown>;

  before(async () => {
    settings = {};
    client = await TestClient.start({ workspaceFolders: [folder], settings: () => settings });
  });
  after(async () => { await client.stop(); });

  async function reconfigure(next: Record<string, unknown>, uri: string) {
    settings = next;
    const published = client.nextDiagnostics(uri);
    await client.configurationChanged();
    return (await published).diagnostics;
  }

  it('asks for the httpMethodLint section scoped to the document', async () => {
    const uri = uriOf('requests/orders.http');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, ORDERS_HTTP);
    await published;
    const items = client.configurationRequests.flatMap((r) => r.items);
    assert.ok(items.some((i) => i.scopeUri === uri && i.section === 'httpMethodLint'), JSON.stringify(items));
  });

  it('re-publishes open documents when the configuration changes: rule off, then severity changed', async () => {
    const uri = uriOf('requests/orders.http');
    const off = await reconfigure({ rules: { 'post-full-replacement': 'off' } }, uri);
    assert.deepEqual(off.map((d) => d.code), ['put-nondeterministic-uri']);

    const severities = await reconfigure({ rules: { 'post-full-replacement': 'error', 'put-nondeterministic-uri': 'hint' } }, uri);
    assert.deepEqual(severities.map((d) => [d.code, d.severity]), [['put-nondeterministic-uri', 4], ['post-full-replacement', 1]]);

    const information = await reconfigure({ rules: { 'put-nondeterministic-uri': 'information' } }, uri);
    assert.deepEqual(information.map((d) => [d.code, d.severity]), [['put-nondeterministic-uri', 3], ['post-full-replacement', 2]]);
  });

  it('publishes nothing for excluded documents, matched on the workspace-relative path', async () => {
    const excludedUri = uriOf('generated/seed.http');
    const keptUri = uriOf('requests/seed.http');
    settings = { exclude: ['generated/**'] };
    await client.configurationChanged();
    const excluded = client.nextDiagnostics(excludedUri);
    const kept = client.nextDiagnostics(keptUri);
    await client.open(excludedUri, GUID_PUT_HTTP);
    await client.open(keptUri, GUID_PUT_HTTP);
    assert.deepEqual((await excluded).diagnostics, []);
    assert.equal((await kept).diagnostics.length, 1);

    // A glob without a slash matches a file name at any depth.
    assert.deepEqual(await reconfigure({ exclude: ['seed.http'] }, keptUri), []);
    assert.equal((await reconfigure({}, keptUri)).length, 1);
  });

  it('publishes nothing when disabled, and lints again when re-enabled', async () => {
    const uri = uriOf('requests/toggle.http');
    settings = {};
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, GUID_PUT_HTTP);
    assert.equal((await opened).diagnostics.length, 1);
    assert.deepEqual(await reconfigure({ enable: false }, uri), []);
    assert.equal((await reconfigure({ enable: true }, uri)).length, 1);
  });

  it('skips documents over maxFileSize with one log line, however often they change', async () => {
    const uri = uriOf('requests/large.http');
    settings = { maxFileSize: 100 };
    await client.configurationChanged();
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, GUID_PUT_HTTP);
    assert.deepEqual((await opened).diagnostics, []);
    for (let version = 2; version <= 4; version++) {
      const changed = client.nextDiagnostics(uri, (p) => p.version === version);
      await client.replaceText(uri, version, `${GUID_PUT_HTTP}\n# edit ${version}\n`);
      assert.deepEqual((await changed).diagnostics, []);
    }
    const lines = client.logs.filter((l) => l.message.includes('large.http') && l.message.includes('maxFileSize'));
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.equal(lines[0].type, 3);

    assert.equal((await reconfigure({}, uri)).length, 1, 'under the default limit it is linted again');
  });

  it('falls back to defaults for invalid values and says so in the log', async () => {
    const uri = uriOf('requests/orders.http');
    const diagnostics = await reconfigure({ enable: 'yes', rules: { 'put-nondeterministic-uri': 'loud' }, exclude: 'x', maxFileSize: -1 }, uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['put-nondeterministic-uri', 2], ['post-full-replacement', 2]]);
    const warnings = client.logs.filter((l) => l.message.startsWith('Settings: ')).map((l) => l.message);
    for (const key of ['enable', 'rules.put-nondeterministic-uri', 'exclude', 'maxFileSize']) {
      assert.ok(warnings.some((w) => w.includes(`httpMethodLint.${key}`)), `${key} in ${JSON.stringify(warnings)}`);
    }
  });
});

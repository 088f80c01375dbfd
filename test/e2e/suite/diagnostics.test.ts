import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { label, ours, ruleOf, waitForDiagnostics, waitForExactly } from '../support/diagnostics';
import { closeAll, fixture, lineOf, open, rangeOn, rangeText, scratchFile, setText } from '../support/workspace';

const PUT_URI = 'put-nondeterministic-uri';
const POST_REPLACE = 'post-full-replacement';

async function read(relativePath: string): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(fixture(relativePath))).toString('utf8');
}

describe('diagnostics', () => {
  afterEach(closeAll);

  it('reports each finding with its rule code, range, severity, source and docs link', async () => {
    const uri = fixture('requests/users.http');
    const { document } = await open(uri);
    const guid = rangeOn(document, lineOf(document, 'PUT '), '{{$guid}}');
    const post = rangeOn(document, lineOf(document, 'POST '), 'POST');
    const ds = await waitForExactly(uri, [`${PUT_URI}@${rangeText(guid)}`, `${POST_REPLACE}@${rangeText(post)}`]);

    for (const d of ds) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, label(d));
      assert.equal(d.source, 'http-method-lint');
      assert.ok(typeof d.code === 'object' && d.code.target, `${label(d)} has no docs link`);
      const target = d.code.target;
      assert.equal(target.scheme, 'file');
      assert.ok(target.path.endsWith(`/docs/rules/${ruleOf(d)}.md`), target.toString());
      await vscode.workspace.fs.stat(target); // the linked page ships with the extension
    }
    const guidFinding = ds.find((d) => ruleOf(d) === PUT_URI);
    assert.match(guidFinding?.message ?? '', /\{\{\$guid\}\}/);
  });

  it('flags PUT to a collection with a single-object body on the PUT token, and not PUT to an item', async () => {
    const uri = fixture('requests/projects.http');
    const { document } = await open(uri);
    const put = rangeOn(document, lineOf(document, 'PUT {{host}}/api/v1/projects'), 'PUT');
    assert.equal(document.lineAt(put.start.line).text, 'PUT {{host}}/api/v1/projects', 'fixture changed');
    await waitForExactly(uri, [`${PUT_URI}@${rangeText(put)}`]);
  });

  it('lints .rest files as request files too', async () => {
    const uri = await scratchFile('orders.rest', await read('requests/orders.rest'));
    const { document } = await open(uri);
    assert.equal(document.languageId, 'http');
    const timestamp = rangeOn(document, lineOf(document, 'PUT '), '{{$timestamp}}');
    await waitForExactly(uri, [`${PUT_URI}@${rangeText(timestamp)}`]);
  });

  it('reports nothing for correct requests (a singleton PUT, a login POST, a GET)', async () => {
    // "No diagnostics" is also what a server that never answered looks like, so add one known finding at the end
    // and require it to be the only one.
    const uri = await scratchFile('health.http', await read('requests/health.http'));
    const { document } = await open(uri);
    await setText(document, `${document.getText()}\n### Seed\nPUT http://localhost:8080/users/{{$randomInt 1 1000}}\n`);
    const seeded = rangeOn(document, lineOf(document, 'PUT http://localhost:8080/users/'), '{{$randomInt 1 1000}}');
    await waitForExactly(uri, [`${PUT_URI}@${rangeText(seeded)}`]);
  });

  it('follows edits: ranges move, a fixed request loses its finding, a new problem appears', async () => {
    const uri = await scratchFile('users.http', await read('requests/users.http'));
    const { document } = await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length === 2, 'two findings');

    // Three lines above everything: both findings move down by three lines.
    await setText(document, `# Moved down\n# by three\n# lines\n${document.getText()}`);
    const guid = rangeOn(document, lineOf(document, 'PUT '), '{{$guid}}');
    const post = rangeOn(document, lineOf(document, 'POST '), 'POST');
    await waitForExactly(uri, [`${PUT_URI}@${rangeText(guid)}`, `${POST_REPLACE}@${rangeText(post)}`]);

    // The client now chooses the id: the PUT finding goes, the POST one stays where it is.
    await setText(document, document.getText().replace('{{$guid}}', '{{userId}}').replace('@host =', '@userId = 1001\n@host ='));
    const postAfter = rangeOn(document, lineOf(document, 'POST '), 'POST');
    await waitForExactly(uri, [`${POST_REPLACE}@${rangeText(postAfter)}`]);

    // Replacing user 42 with PUT is what the rule asks for: no findings left.
    await setText(document, document.getText().replace('POST {{host}}/api/users/42', 'PUT {{host}}/api/users/42'));
    await waitForExactly(uri, []);

    // Typing a new problem brings a finding back.
    await setText(document, `${document.getText()}\n### Import\nPUT {{host}}/api/users/{{$uuid}}\n`);
    const uuid = rangeOn(document, lineOf(document, 'PUT {{host}}/api/users/{{$uuid}}'), '{{$uuid}}');
    await waitForExactly(uri, [`${PUT_URI}@${rangeText(uuid)}`]);
  });

  it('an inline suppression comment silences exactly the next request, for the named rule only', async () => {
    const text = [
      '@host = https://api.example.com',
      '',
      '### Seed one',
      'PUT {{host}}/api/users/{{$guid}}',
      '',
      '### Seed two',
      'PUT {{host}}/api/users/{{$guid}}',
      '',
    ].join('\n');
    const uri = await scratchFile('suppress.http', text);
    const { document } = await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length === 2, 'two findings');

    // A directive for another rule changes nothing.
    await setText(document, text.replace('### Seed one\n', `### Seed one\n# http-method-lint-disable-next-line ${POST_REPLACE}\n`));
    const first = rangeOn(document, lineOf(document, 'PUT '), '{{$guid}}');
    const second = rangeOn(document, lineOf(document, 'PUT ') + 3, '{{$guid}}');
    await waitForExactly(uri, [`${PUT_URI}@${rangeText(first)}`, `${PUT_URI}@${rangeText(second)}`]);

    await setText(document, text.replace('### Seed one\n', `### Seed one\n# http-method-lint-disable-next-line ${PUT_URI} -- seeding\n`));
    const remaining = rangeOn(document, lineOf(document, '### Seed two') + 1, '{{$guid}}');
    const ds = await waitForExactly(uri, [`${PUT_URI}@${rangeText(remaining)}`]);
    assert.equal(ours(uri).length, ds.length);
  });
});

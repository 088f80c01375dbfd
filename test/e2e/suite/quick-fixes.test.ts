import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ours, ruleOf, waitForDiagnostics, waitForExactly } from '../support/diagnostics';
import { waitFor } from '../support/wait';
import { closeAll, lineOf, open, rangeOn, scratchFile } from '../support/workspace';

const PUT_GUID = [
  '@host = https://api.example.com',
  '',
  '### Create a user',
  'PUT {{host}}/api/users/{{$guid}}',
  'Content-Type: application/json',
  '',
  '{ "name": "Ada" }',
  '',
].join('\n');

const POST_ITEM = [
  '@host = https://api.example.com',
  '',
  '### Replace user 42',
  'POST {{host}}/api/users/42',
  'Content-Type: application/json',
  '',
  '{ "id": 42, "name": "Ada", "email": "ada@example.com" }',
  '',
].join('\n');

const PUT_COLLECTION = [
  '@host = https://api.example.com',
  '',
  '### Create a project',
  'PUT {{host}}/api/v1/projects',
  'Content-Type: application/json',
  '',
  '{ "name": "Apollo", "owner": "ada@example.com" }',
  '',
].join('\n');

async function actionsFor(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range);
  // Plain Commands (a string `command`) would be a regression: this client understands CodeAction literals.
  return all.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Opens `text` as a new file, waits for its single finding of `rule` and returns the quick fixes offered there. */
async function setUp(name: string, text: string, rule: string) {
  const uri = await scratchFile(name, text);
  const { document } = await open(uri);
  const [finding] = await waitForDiagnostics(uri, (ds) => ds.length === 1 && ruleOf(ds[0]) === rule, `one ${rule} finding`);
  const actions = await actionsFor(uri, finding.range);
  return { uri, document, finding, actions };
}

function pick(actions: vscode.CodeAction[], title: RegExp): vscode.CodeAction {
  const found = actions.find((a) => title.test(a.title));
  assert.ok(found, `no action matching ${title}; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  return found;
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `${action.title} has no edit`);
  assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit refused ${action.title}`);
}

describe('quick fixes', () => {
  afterEach(closeAll);

  it('offers the PUT {{$guid}} fixes on the variable, in order, plus Explain', async () => {
    const { actions } = await setUp('guid.http', PUT_GUID, 'put-nondeterministic-uri');
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles.map((t) => t.split(':')[0].split(' with ')[0]), [
      'Replace {{$guid}}', 'Change PUT to POST', 'Suppress put-nondeterministic-uri for this request', 'Explain PUT vs POST',
    ], JSON.stringify(titles));
    for (const action of actions) assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value, action.title);
  });

  it('"Replace {{$guid}} with a client-chosen id variable" defines the variable and uses it', async () => {
    const { uri, document, actions } = await setUp('guid-replace.http', PUT_GUID, 'put-nondeterministic-uri');
    await apply(pick(actions, /^Replace \{\{\$guid\}\} with a client-chosen id variable \{\{userId\}\}$/));
    // The definition goes to the top of the file, where it cannot split a request from its `# @name` line.
    assert.equal(document.getText(), '@userId = choose-a-stable-id\n\n' + PUT_GUID.replace(
      'PUT {{host}}/api/users/{{$guid}}', 'PUT {{host}}/api/users/{{userId}}'));
    await waitForExactly(uri, []);
  });

  it('"Change PUT to POST" posts to the collection instead', async () => {
    const { uri, document, actions } = await setUp('guid-post.http', PUT_GUID, 'put-nondeterministic-uri');
    await apply(pick(actions, /^Change PUT to POST: /));
    assert.equal(document.getText(), PUT_GUID.replace('PUT {{host}}/api/users/{{$guid}}', 'POST {{host}}/api/users'));
    await waitForExactly(uri, []);
  });

  it('"Suppress ... for this request" inserts a disable comment above the request line', async () => {
    const { uri, document, actions } = await setUp('guid-suppress.http', PUT_GUID, 'put-nondeterministic-uri');
    await apply(pick(actions, /^Suppress put-nondeterministic-uri for this request$/));
    assert.equal(document.getText(), PUT_GUID.replace(
      'PUT {{host}}', '# http-method-lint-disable-next-line put-nondeterministic-uri\nPUT {{host}}'));
    await waitForExactly(uri, []);
  });

  it('"Change POST to PUT" on a POST that replaces an item', async () => {
    const { uri, document, actions } = await setUp('post.http', POST_ITEM, 'post-full-replacement');
    assert.deepEqual(actions.map((a) => a.title.split(':')[0]), [
      'Change POST to PUT', 'Suppress post-full-replacement for this request', 'Explain POST vs PUT',
    ]);
    await apply(pick(actions, /^Change POST to PUT: /));
    assert.equal(document.getText(), POST_ITEM.replace('POST {{host}}', 'PUT {{host}}'));
    await waitForExactly(uri, []);
  });

  it('"Suppress post-full-replacement for this request"', async () => {
    const { uri, document, actions } = await setUp('post-suppress.http', POST_ITEM, 'post-full-replacement');
    await apply(pick(actions, /^Suppress post-full-replacement for this request$/));
    assert.equal(document.getText(), POST_ITEM.replace(
      'POST {{host}}', '# http-method-lint-disable-next-line post-full-replacement\nPOST {{host}}'));
    await waitForExactly(uri, []);
  });

  it('"Change PUT to POST" on a PUT to a collection', async () => {
    const { uri, document, actions } = await setUp('collection.http', PUT_COLLECTION, 'put-nondeterministic-uri');
    await apply(pick(actions, /^Change PUT to POST: /));
    assert.equal(document.getText(), PUT_COLLECTION.replace('PUT {{host}}', 'POST {{host}}'));
    await waitForExactly(uri, []);
  });

  it('nothing is offered on a correct request', async () => {
    const uri = await scratchFile('mixed.http', `${POST_ITEM}\n### Fetch\nGET {{host}}/api/users/42\n`);
    const { document } = await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length === 1, 'one finding');
    const get = rangeOn(document, lineOf(document, 'GET '), 'GET');
    assert.deepEqual((await actionsFor(uri, get)).map((a) => a.title), []);
    assert.equal(ours(uri).length, 1);
  });

  it('"Explain ..." opens the rule\'s documentation page', async () => {
    const { actions } = await setUp('explain.http', PUT_GUID, 'put-nondeterministic-uri');
    const explain = pick(actions, /^Explain /);
    assert.equal(explain.edit, undefined);
    assert.ok(explain.command, 'Explain has no command');
    const isDocsPage = (d: vscode.TextDocument) => d.uri.path.endsWith('/docs/rules/put-nondeterministic-uri.md');
    const opened = waitFor(vscode.window.onDidChangeActiveTextEditor,
      () => (vscode.window.activeTextEditor && isDocsPage(vscode.window.activeTextEditor.document) ? true : undefined),
      'the rule page in the active editor');
    await vscode.commands.executeCommand(explain.command.command, ...(explain.command.arguments ?? []));
    await opened;
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^# put-nondeterministic-uri/);
  });
});

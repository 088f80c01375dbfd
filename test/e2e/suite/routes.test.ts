/**
 * Route code (the Express + NestJS project in fixtures/workspace/api): findings on method tokens with the full path
 * from the mounts in other files, hovers, quick fixes, suppressions, Check Workspace, and look-alikes left alone.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { label, ours, ruleOf, waitForDiagnostics, waitForExactly } from '../support/diagnostics';
import { closeAll, fixture, lineOf, open, rangeOn, rangeText, scratchFile, setText } from '../support/workspace';

const POST_REPLACE = 'post-full-replacement';
const PUT_PARTIAL = 'put-partial-update';
const PUT_URI = 'put-nondeterministic-uri';
const UNSAFE_GET = 'unsafe-get';
const POST_STATUS = 'post-create-status';

const USERS = 'api/src/routes/users.ts';
const APP = 'api/src/app.ts';
const ORDERS = 'api/src/routes/orders.ts';
const CONTROLLER = 'api/src/projects/projects.controller.ts';
const SERVICE = 'api/src/projects/projects.service.ts';
const LOOKALIKES = 'api/src/clients/billing-client.ts';

interface Summary { files: number; findings: number; cancelled: boolean; byRule: Record<string, number> }

async function read(relativePath: string): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(fixture(relativePath))).toString('utf8');
}

/** 0-based line of the first line of `text` starting with `prefix` (for files the test must not open). */
function lineIn(text: string, prefix: string): number {
  const line = text.split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(line >= 0, `no line starts with ${JSON.stringify(prefix)}`);
  return line;
}

/** `line:col-line:col` of `needle` on the line starting with `prefix`, in a file's text. */
function spanIn(text: string, prefix: string, needle: string): string {
  const line = lineIn(text, prefix);
  const at = text.split('\n')[line].indexOf(needle);
  assert.ok(at >= 0, `${needle} not on line ${line}`);
  return `${line}:${at}-${line}:${at + needle.length}`;
}

/** The three findings of users.ts, as `rule@range`, for the document as it is now. */
function usersFindings(document: vscode.TextDocument): Record<string, string> {
  const on = (prefix: string, token: string) => rangeText(rangeOn(document, lineOf(document, prefix), token));
  return {
    [POST_REPLACE]: `${POST_REPLACE}@${on("usersRouter.post('/users/:id'", 'post')}`,
    [PUT_PARTIAL]: `${PUT_PARTIAL}@${on("usersRouter.put('/users/:id/preferences'", 'put')}`,
    [UNSAFE_GET]: `${UNSAFE_GET}@${on("usersRouter.get('/users/:id/logout'", 'get')}`,
  };
}

function markdownOf(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

/** Our hover at a position (the TypeScript extension answers there too; ours is the one about the route). */
async function routeHover(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; hover: vscode.Hover | undefined }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const hover = hovers.find((h) => markdownOf([h]).includes('**This route**'));
  return { text: hover ? markdownOf([hover]) : '', hover };
}

async function actionsFor(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  // TypeScript's refactorings and its fixes for its own errors show up on route code too; only ours matter here.
  return all.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string')
    .filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value)
    .filter((a) => (a.diagnostics ?? []).length === 0 || a.diagnostics!.some((d) => d.source === 'http-method-lint'));
}

async function apply(actions: vscode.CodeAction[], title: RegExp): Promise<void> {
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action?.edit, `no action with an edit matching ${title}; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit refused ${action.title}`);
}

describe('route code', function () {
  // The first route file wakes the TypeScript extension as well; on a busy machine that takes a while.
  this.timeout(60_000);
  afterEach(closeAll);

  // First, while no other suite of this file has opened them.
  it('Check Workspace lints route files nobody opened, with full paths, severities and docs links', async () => {
    const orders = await read(ORDERS);
    const controller = await read(CONTROLLER);
    const expected: Record<string, string[]> = {
      [ORDERS]: [`${PUT_URI}@${spanIn(orders, "ordersRouter.put('/'", 'put')}`, `${POST_STATUS}@${spanIn(orders, "ordersRouter.post('/'", 'post')}`],
      [CONTROLLER]: [`${POST_REPLACE}@${spanIn(controller, "  @Post(':id')", 'Post')}`],
    };
    for (const path of Object.keys(expected)) {
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === fixture(path).toString()), `${path} is open`);
    }

    const command = Promise.resolve(vscode.commands.executeCommand<Summary>('httpMethodLint.checkWorkspace'));
    const [ordersDs, controllerDs] = await Promise.all([ORDERS, CONTROLLER].map((path) => waitForExactly(fixture(path), expected[path], 45_000)));
    const summary = await command;
    assert.equal(summary.cancelled, false);
    assert.ok((summary.byRule[UNSAFE_GET] ?? 0) >= 1 && (summary.byRule[PUT_PARTIAL] ?? 0) >= 1, `users.ts not counted: ${JSON.stringify(summary.byRule)}`);

    const severity = (ds: vscode.Diagnostic[], rule: string) => ds.find((d) => ruleOf(d) === rule)?.severity;
    assert.equal(severity(ordersDs, PUT_URI), vscode.DiagnosticSeverity.Warning);
    assert.equal(severity(ordersDs, POST_STATUS), vscode.DiagnosticSeverity.Information);
    assert.equal(severity(controllerDs, POST_REPLACE), vscode.DiagnosticSeverity.Warning);
    // The mount in app.ts reaches orders.ts although neither file is open.
    assert.match(ordersDs.find((d) => ruleOf(d) === PUT_URI)?.message ?? '', /PUT targets the collection \/api\/orders[;,]/);
    for (const d of [...ordersDs, ...controllerDs]) {
      assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith(`/docs/rules/${ruleOf(d)}.md`), label(d));
    }
  });

  it('reports findings on the method token, with rule codes, severities and the path mounted in app.ts', async () => {
    const uri = fixture(USERS);
    const { document } = await open(uri);
    const want = usersFindings(document);
    const ds = await waitForExactly(uri, Object.values(want), 30_000);
    for (const d of ds) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, label(d));
      assert.equal(d.source, 'http-method-lint');
      assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith(`/docs/rules/${ruleOf(d)}.md`), label(d));
    }
    const message = (rule: string) => ds.find((d) => ruleOf(d) === rule)?.message ?? '';
    assert.match(message(POST_REPLACE), /^POST to the item \/api\/users\/\{id\} replaces the item \(User\.findOneAndReplace\(\)/);
    assert.match(message(PUT_PARTIAL), /^PUT \/api\/users\/\{id\}\/preferences merges only the fields sent .*Object\.assign\(\)/);
    assert.match(message(UNSAFE_GET), /^GET \/api\/users\/\{id\}\/logout changes server state \(Session\.deleteMany\(\)/);
    assert.deepEqual(ds.find((d) => ruleOf(d) === POST_REPLACE)?.relatedInformation?.map((r) => r.location.range.start.line),
      [lineOf(document, '  const user = await User.findOneAndReplace(')], 'the evidence is the replacing call');
  });

  it('hover on a flagged method token: the full path, the mount it comes from, the evidence and the finding', async () => {
    const uri = fixture(USERS);
    const { document } = await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length === 3, 'three findings', 30_000);
    const post = rangeOn(document, lineOf(document, "usersRouter.post('/users/:id'"), 'post');
    const { text, hover } = await routeHover(uri, post.start.translate(0, 2));
    const mountLine = lineIn(await read(APP), "app.use('/api', usersRouter)") + 1;
    const evidenceLine = lineOf(document, '  const user = await User.findOneAndReplace(') + 1;
    assert.match(text, /\*\*POST\*\*/);
    assert.match(text, /\*\*This route\*\* \(Express\): `POST \/api\/users\/\{id\}` targets one item/);
    assert.ok(text.includes(`1. \`/api\` (api/src/app.ts:${mountLine})`), `no mount step for app.ts:${mountLine} in\n${text}`);
    assert.ok(text.includes(`- line ${evidenceLine}: User.findOneAndReplace() replaces the whole stored item`), text);
    assert.match(text, new RegExp(`- \`${POST_REPLACE}\` \\(warning\\): POST to the item /api/users/\\{id\\}`));
    assert.ok(hover?.range?.isEqual(post), `hover range ${JSON.stringify(hover?.range)} is not the method token`);

    const list = rangeOn(document, lineOf(document, "usersRouter.get('/users'"), 'get');
    const correct = await routeHover(uri, list.start);
    assert.match(correct.text, /`GET \/api\/users` targets a collection/);
    assert.doesNotMatch(correct.text, /\*\*Findings\*\*/);
  });

  it('hover names evidence found in another file (a NestJS controller calling its service)', async () => {
    const uri = fixture(CONTROLLER);
    const { document } = await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length === 1 && ruleOf(ds[0]) === POST_REPLACE, 'the controller finding', 30_000);
    const post = rangeOn(document, lineOf(document, "  @Post(':id')"), 'Post');
    const { text } = await routeHover(uri, post.start.translate(0, 1));
    const serviceLine = lineIn(await read(SERVICE), '    const project = await this.projects.findOneAndReplace(') + 1;
    assert.match(text, /\*\*This route\*\* \(NestJS\): `POST \/projects\/\{id\}`/);
    assert.ok(text.includes(`(api/src/projects/projects.service.ts:${serviceLine})`), `no evidence in the service at line ${serviceLine}:\n${text}`);
  });

  it('"Change POST to PUT" turns usersRouter.post( into usersRouter.put( and clears the finding', async () => {
    const original = await read(USERS);
    const uri = await scratchFile('users.ts', original);
    const { document } = await open(uri);
    const before = usersFindings(document);
    await waitForExactly(uri, Object.values(before), 30_000);
    const post = rangeOn(document, lineOf(document, "usersRouter.post('/users/:id'"), 'post');
    const actions = await actionsFor(uri, post);
    assert.deepEqual(actions.map((a) => a.title.split(':')[0]), [
      'Change POST to PUT', `Suppress ${POST_REPLACE} for this line`, 'Explain POST vs PUT',
    ]);
    await apply(actions, /^Change POST to PUT: /);
    assert.equal(document.getText(), original.replace("usersRouter.post('/users/:id'", "usersRouter.put('/users/:id'"));
    await waitForExactly(uri, [before[PUT_PARTIAL], before[UNSAFE_GET]]);
  });

  it('"Change POST to PUT" on a NestJS @Post also imports Put from @nestjs/common', async () => {
    const original = [
      "import { Body, Controller, Param, Post } from '@nestjs/common';",
      "import { InjectModel } from '@nestjs/mongoose';",
      "import type { Model } from 'mongoose';",
      "import type { ProjectDto } from './project.dto';",
      "import { Project } from './project.schema';",
      '',
      "@Controller('projects')",
      'export class ProjectsController {',
      '  constructor(@InjectModel(Project.name) private readonly projects: Model<Project>) {}',
      '',
      "  @Post(':id')",
      "  replace(@Param('id') id: string, @Body() dto: ProjectDto) {",
      '    return this.projects.findOneAndReplace({ _id: id }, dto, { new: true });',
      '  }',
      '}',
      '',
    ].join('\n');
    const uri = await scratchFile('projects.controller.ts', original);
    const { document } = await open(uri);
    const [finding] = await waitForDiagnostics(uri, (ds) => ds.length === 1 && ruleOf(ds[0]) === POST_REPLACE, 'the @Post finding', 30_000);
    await apply(await actionsFor(uri, finding.range), /^Change POST to PUT: /);
    assert.equal(document.getText(), original
      .replace("{ Body, Controller, Param, Post }", '{ Body, Controller, Param, Post, Put }')
      .replace("  @Post(':id')", "  @Put(':id')"));
    await waitForExactly(uri, []);
  });

  it('a disable-next-line comment silences that finding and no other', async () => {
    const uri = await scratchFile('users.ts', await read(USERS));
    const { document } = await open(uri);
    const before = usersFindings(document);
    await waitForExactly(uri, Object.values(before), 30_000);
    const line = lineOf(document, "usersRouter.get('/users/:id/logout'");
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(line, 0), `// http-method-lint-disable-next-line ${UNSAFE_GET} -- logout links in old emails still use GET\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForExactly(uri, [before[POST_REPLACE], before[PUT_PARTIAL]]);
  });

  it('a file with HTTP clients and maps (axios.put, billing.get, cache.get) has no findings', async () => {
    const clientText = await read(LOOKALIKES);
    const lookalikes = await scratchFile('billing-client.ts', clientText);
    await open(lookalikes);
    // "No diagnostics" also describes a server that never answered: a file opened after it must get its findings first.
    const control = await scratchFile('users.ts', await read(USERS));
    await open(control);
    await waitForDiagnostics(control, (ds) => ds.length === 3, 'the findings of a file opened after the look-alikes', 30_000);
    assert.deepEqual(ours(lookalikes).map(label), []);

    // Still none once the same file also defines real routes: only the route is reported.
    const { document } = await open(lookalikes);
    const seeded = [
      "import { Router } from 'express';",
      "import { Customer } from '../models/customer';",
      clientText,
      'export const billingAdmin = Router();',
      '',
      "billingAdmin.get('/billing/customers/:customerId/close', async (req, res) => {",
      '  await Customer.deleteOne({ _id: req.params.customerId });',
      "  res.redirect('/billing');",
      '});',
      '',
    ].join('\n');
    await setText(document, seeded);
    const get = rangeOn(document, lineOf(document, "billingAdmin.get('/billing/customers/"), 'get');
    await waitForExactly(lookalikes, [`${UNSAFE_GET}@${rangeText(get)}`]);
  });
});

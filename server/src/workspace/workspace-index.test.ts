import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeIndexed } from './indexed-analysis';
import { buildIndex } from './index-build';
import { WorkspaceIndex, type IndexChange } from './workspace-index';

const APP = `import express from 'express';
import users from './routes/users';
import { getSettings } from './controllers/settings';

const app = express();
app.use(express.json());
app.use('/api', users);
app.get('/settings', getSettings);

app.listen(3000);
`;

const USERS = `import { Router } from 'express';
import { updateUser } from '../controllers/users';

const router = Router();
const users = new Map<string, { id: string; name: string }>();

router.get('/users/:id', (req, res) => {
  const user = users.get(req.params.id);
  if (!user) return res.status(404).end();
  res.json(user);
});

router.put('/users/:id', updateUser);

export default router;
`;

const CONTROLLER_PARTIAL = `const store = new Map<string, { id: string; name: string }>();

export function updateUser(req, res) {
  const existing = store.get(req.params.id);
  if (!existing) return res.status(404).end();
  Object.assign(existing, req.body);
  res.json(existing);
}
`;

const CONTROLLER_FULL = `const store = new Map<string, { id: string; name: string }>();

export function updateUser(req, res) {
  store.set(req.params.id, { ...req.body, id: req.params.id });
  res.json(store.get(req.params.id));
}
`;

const SETTINGS = `export function getSettings(_req, res) {
  res.json({ theme: 'dark' });
}
`;

const README_JS = `// Build helpers: nothing here serves requests.
export const answer = 42;
`;

const ROOT = '/ws/shop/src';
const p = (rel: string) => `${ROOT}/${rel}`;

/** An index over an in-memory disk, so tests can change, add and delete files at will. */
function setup(files: Record<string, string>): { index: WorkspaceIndex; disk: Map<string, string>; changes: IndexChange[] } {
  const disk = new Map(Object.entries(files).map(([rel, text]) => [p(rel), text]));
  const index = new WorkspaceIndex({ readDisk: (path) => disk.get(path) });
  for (const [path, text] of disk) index.setDisk(path, text);
  const changes: IndexChange[] = [];
  index.onDidChange((c) => changes.push(c));
  return { index, disk, changes };
}

const paths = (index: WorkspaceIndex, rel: string) => index.routesFor(p(rel)).map((r) => `${r.method} ${r.path.display}`);

describe('WorkspaceIndex', () => {
  const workspace = { 'app.ts': APP, 'routes/users.ts': USERS, 'controllers/users.ts': CONTROLLER_PARTIAL, 'controllers/settings.ts': SETTINGS, 'util/answer.js': README_JS };

  it('links a router file with the prefix another file mounts it at, and records the mount chain', () => {
    const { index } = setup(workspace);
    assert.deepEqual(paths(index, 'routes/users.ts'), ['GET /api/users/{id}', 'PUT /api/users/{id}']);
    const put = index.routesFor(p('routes/users.ts'))[1];
    assert.deepEqual(put.path.mountChain.map((s) => [s.prefix, s.filePath]), [['/api', p('app.ts')]]);
    assert.deepEqual(paths(index, 'app.ts'), ['GET /settings']);
    assert.deepEqual(paths(index, 'util/answer.js'), []);
  });

  it('names the files below a changed mount as dependents, and only when the mount itself changed', () => {
    const { index } = setup(workspace);
    const moved = index.setOverlay(p('app.ts'), APP.replace("'/api'", "'/v2'"));
    assert.deepEqual([...moved.dependents], [p('routes/users.ts')]);
    assert.deepEqual(paths(index, 'routes/users.ts'), ['GET /v2/users/{id}', 'PUT /v2/users/{id}']);
    // Typing elsewhere in app.ts moves spans but no mount: nothing else needs a refresh.
    const typed = index.setOverlay(p('app.ts'), APP.replace("'/api'", "'/v2'").replace('3000', '8080'));
    assert.deepEqual([...typed.dependents], []);
    // A route file's own edit concerns only itself.
    const own = index.setOverlay(p('routes/users.ts'), USERS.replace("'/users/:id', (req", "'/people/:id', (req"));
    assert.deepEqual([...own.dependents], []);
    assert.deepEqual(paths(index, 'routes/users.ts'), ['GET /v2/people/{id}', 'PUT /v2/users/{id}']);
  });

  it('reuses facts by content key: unchanged text, a rebuild and an open document equal to the disk parse nothing', async () => {
    const { index, changes } = setup(workspace);
    // Route files come before the handler files they import: a handler file appearing with the content already read
    // for the route file must not re-extract it.
    assert.equal(index.extractions, Object.keys(workspace).length, 'one extraction per file');
    const before = index.extractions;
    index.setDisk(p('app.ts'), APP);
    index.setOverlay(p('routes/users.ts'), USERS);
    index.closeOverlay(p('routes/users.ts'));
    assert.equal(index.extractions, before);
    assert.deepEqual(changes, []);
    const generation = index.generation;
    index.setDisk(p('util/answer.js'), README_JS.replace('42', '43'));
    assert.equal(index.extractions, before + 1, 'one changed file, one extraction');
    // A changed handler file also re-reads the route file that imports from it, and nothing else.
    const handlers = index.setDisk(p('controllers/settings.ts'), SETTINGS.replace('dark', 'light'));
    assert.equal(index.extractions, before + 3);
    assert.deepEqual([...handlers.dependents], [p('app.ts')]);
    assert.ok(index.generation > generation);
  });

  it('lets the open text win over the disk until the document closes', () => {
    const { index, disk } = setup(workspace);
    index.setOverlay(p('app.ts'), APP.replace("'/api'", "'/internal'"));
    // The disk changing under an open document does not matter while it is open...
    disk.set(p('app.ts'), APP.replace("'/api'", "'/public'"));
    const ignored = index.setDisk(p('app.ts'), disk.get(p('app.ts')));
    assert.deepEqual([...ignored.dependents], []);
    assert.deepEqual(paths(index, 'routes/users.ts'), ['GET /internal/users/{id}', 'PUT /internal/users/{id}']);
    assert.equal(index.view().readText(p('app.ts')), APP.replace("'/api'", "'/internal'"));
    // ...and is what counts once it closes.
    const closed = index.closeOverlay(p('app.ts'));
    assert.deepEqual([...closed.dependents], [p('routes/users.ts')]);
    assert.deepEqual(paths(index, 'routes/users.ts'), ['GET /public/users/{id}', 'PUT /public/users/{id}']);
  });

  it('drops a deleted file and tells the files it mounted; a file that appears is linked again', () => {
    const { index } = setup(workspace);
    const gone = index.setDisk(p('app.ts'), undefined);
    assert.equal(index.has(p('app.ts')), false);
    assert.deepEqual([...gone.dependents], [p('routes/users.ts')]);
    assert.deepEqual(paths(index, 'routes/users.ts'), ['GET /users/{id}', 'PUT /users/{id}']);
    const back = index.setDisk(p('app.ts'), APP);
    assert.deepEqual([...back.dependents], [p('routes/users.ts')]);
    assert.deepEqual(paths(index, 'routes/users.ts'), ['GET /api/users/{id}', 'PUT /api/users/{id}']);
    // A router file that appears under a specifier someone already mounts is picked up too.
    const { index: partial } = setup({ 'app.ts': APP });
    const added = partial.setDisk(p('routes/users.ts'), USERS);
    assert.deepEqual(partial.routesFor(p('routes/users.ts')).map((r) => r.path.display), ['/api/users/{id}', '/api/users/{id}']);
    assert.deepEqual([...added.dependents], []);
  });

  it('re-reads the route files whose imported handlers changed, and names them as dependents', () => {
    const { index } = setup(workspace);
    const put = () => index.routesFor(p('routes/users.ts')).find((r) => r.method === 'PUT')!;
    assert.ok(put().effects.some((e) => e.kind === 'partial-update' && e.filePath === p('controllers/users.ts')), JSON.stringify(put().effects));
    const change = index.setOverlay(p('controllers/users.ts'), CONTROLLER_FULL);
    assert.deepEqual([...change.dependents], [p('routes/users.ts')]);
    assert.ok(put().effects.some((e) => e.kind === 'full-replace'), JSON.stringify(put().effects));
    assert.ok(!put().effects.some((e) => e.kind === 'partial-update'));
  });

  it('gives findings the full path through analyzeIndexed, and the text asked about wins over stale index content', () => {
    const { index } = setup({ ...workspace, 'routes/users.ts': USERS.replace("router.put('/users/:id', updateUser);", INLINE_PUT) });
    const text = USERS.replace("router.put('/users/:id', updateUser);", INLINE_PUT);
    const result = analyzeIndexed({ path: p('routes/users.ts'), languageId: 'typescript', text }, index);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['put-partial-update']);
    assert.match(result.findings[0].message, /^PUT \/api\/users\/\{id\} merges only the fields sent/);
    const unsaved = analyzeIndexed({ path: p('routes/users.ts'), languageId: 'typescript', text: text.replace("'/users/:id', (req, res) => {\n  const existing", "'/members/:id', (req, res) => {\n  const existing") }, index);
    assert.match(unsaved.findings[0].message, /^PUT \/api\/members\/\{id\} /);
    assert.deepEqual(paths(index, 'routes/users.ts'), ['GET /api/users/{id}', 'PUT /api/users/{id}'], 'the index itself is unchanged');
  });
});

const INLINE_PUT = `router.put('/users/:id', (req, res) => {
  const existing = users.get(req.params.id);
  if (!existing) return res.status(404).end();
  Object.assign(existing, req.body);
  res.json(existing);
});`;

describe('buildIndex', () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'hml-index-')));
    mkdirSync(path.join(dir, 'routes'));
    writeFileSync(path.join(dir, 'app.ts'), APP);
    writeFileSync(path.join(dir, 'routes', 'users.ts'), `\ufeff${USERS}`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads code files from disk (byte-order mark dropped), skips request files, and drops vanished files on replace', async () => {
    const index = new WorkspaceIndex();
    const files = [
      { path: path.join(dir, 'app.ts'), languageId: 'typescript' },
      { path: path.join(dir, 'routes', 'users.ts'), languageId: 'typescript' },
      { path: path.join(dir, 'api.http'), languageId: 'http' },
    ];
    const built = await buildIndex(index, files);
    assert.deepEqual(built, { files: 2, unreadable: 0, cancelled: false });
    const users = index.routesFor(path.join(dir, 'routes', 'users.ts'));
    assert.deepEqual(users.map((r) => r.path.display), ['/api/users/{id}', '/api/users/{id}']);
    assert.equal(USERS.slice(users[0].methodSpan.start, users[0].methodSpan.end), 'get');
    const extractions = index.extractions;
    await buildIndex(index, files.slice(1), { replace: true });
    assert.equal(index.extractions, extractions, 'the unchanged file is not extracted again');
    assert.equal(index.has(path.join(dir, 'app.ts')), false);
    assert.deepEqual(index.routesFor(path.join(dir, 'routes', 'users.ts')).map((r) => r.path.display), ['/users/{id}', '/users/{id}']);
  });

  it('reads imported handlers from the open document, not the disk, when a build brings facts from a scan task', async () => {
    mkdirSync(path.join(dir, 'controllers'));
    const controller = path.join(dir, 'controllers', 'users.ts');
    writeFileSync(controller, CONTROLLER_PARTIAL);
    const index = new WorkspaceIndex();
    index.setOverlay(controller, CONTROLLER_FULL);
    const users = path.join(dir, 'routes', 'users.ts');
    await buildIndex(index, [{ path: path.join(dir, 'app.ts'), languageId: 'typescript' }, { path: users, languageId: 'typescript' }, { path: controller, languageId: 'typescript' }]);
    const put = index.routesFor(users).find((r) => r.method === 'PUT')!;
    assert.ok(put.effects.some((e) => e.kind === 'full-replace'), JSON.stringify(put.effects));
    assert.ok(!put.effects.some((e) => e.kind === 'partial-update'));
    // Closing the document brings the disk text back, and with it the route file's disk-based effects.
    const closed = index.closeOverlay(controller);
    assert.deepEqual([...closed.dependents], [users]);
    assert.ok(index.routesFor(users).find((r) => r.method === 'PUT')!.effects.some((e) => e.kind === 'partial-update'));
  });
});

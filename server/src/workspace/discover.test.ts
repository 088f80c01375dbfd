import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { discoverFiles } from './discover';
import { excludeMatcher } from './ignore-rules';
import { longestLine } from './minified';

const REQUEST = `### Replace a user
PUT https://api.example.com/users/42
Content-Type: application/json

{ "name": "Ada", "email": "ada@example.com" }
`;
const ROUTES = `import express from 'express';
const app = express();
app.put('/users/:id', (req, res) => { res.json(req.body); });
`;

describe('discoverFiles', () => {
  let root: string;

  /** Writes `files` (relative path → content) under a fresh temp folder. */
  function tree(files: Record<string, string>): string {
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(root, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
    return root;
  }
  const rel = (paths: readonly { path: string }[]) => paths.map((p) => path.relative(root, p.path).split(path.sep).join('/'));

  beforeEach(() => {
    // realpath: on macOS tmpdir is itself a symlink, and results keep the path as reached
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'hml-discover-')));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds request files and code, with language ids and sizes, sorted by path', async () => {
    tree({ 'api/users.http': REQUEST, 'api/orders.rest': REQUEST, 'src/routes.ts': ROUTES, 'src/app.mjs': ROUTES, 'README.md': '# hi', 'types.d.ts': 'export {};' });
    const { files, skipped } = await discoverFiles([root]);
    assert.deepEqual(rel(files), ['api/orders.rest', 'api/users.http', 'src/app.mjs', 'src/routes.ts']);
    assert.deepEqual(files.map((f) => f.languageId), ['http', 'http', 'javascript', 'typescript']);
    assert.equal(files[1].size, Buffer.byteLength(REQUEST));
    assert.ok(path.isAbsolute(files[0].path));
    assert.deepEqual(skipped, []);
  });

  it('always skips dependency and build folders', async () => {
    tree({
      'node_modules/lib/index.js': ROUTES, 'packages/a/node_modules/x/a.js': ROUTES, 'dist/cli.js': ROUTES, 'build/x.js': ROUTES,
      'out/y.js': ROUTES, 'coverage/z.js': ROUTES, '.next/s.js': ROUTES, '.vscode-test/t.js': ROUTES, '.git/hooks/h.js': ROUTES,
      'packages/a/src/keep.ts': ROUTES,
    });
    const { files } = await discoverFiles([root]);
    assert.deepEqual(rel(files), ['packages/a/src/keep.ts']);
  });

  it('honours root and nested .gitignore files, including a nested re-include', async () => {
    tree({
      '.gitignore': 'generated/\n*.local.http\n',
      'generated/api.http': REQUEST,
      'requests/dev.local.http': REQUEST,
      'requests/prod.http': REQUEST,
      'services/.gitignore': 'scratch.http\n!keep.local.http\n',
      'services/scratch.http': REQUEST,
      'services/keep.local.http': REQUEST,
      'services/deep/scratch.http': REQUEST,
      'other/scratch.http': REQUEST,
    });
    const { files } = await discoverFiles([root]);
    assert.deepEqual(rel(files), ['other/scratch.http', 'requests/prod.http', 'services/keep.local.http']);
  });

  it('applies the repository .gitignore when the root is a sub-folder of the repository', async () => {
    tree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'secret.http\n', 'api/secret.http': REQUEST, 'api/public.http': REQUEST });
    const { files } = await discoverFiles([path.join(root, 'api')]);
    assert.deepEqual(rel(files), ['api/public.http']);
  });

  it('walks a folder named on purpose even when the repository ignores it, with its own .gitignore in force', async () => {
    tree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'generated/\n', 'generated/.gitignore': 'tmp.http\n', 'generated/api.http': REQUEST, 'generated/tmp.http': REQUEST });
    assert.deepEqual(rel((await discoverFiles([root])).files), []);
    assert.deepEqual(rel((await discoverFiles([path.join(root, 'generated')])).files), ['generated/api.http']);
  });

  it('includes an explicit file even when it is ignored, but not an unsupported one', async () => {
    tree({ '.gitignore': '*.http\n', 'a.http': REQUEST, 'notes.txt': 'x' });
    const { files } = await discoverFiles([path.join(root, 'a.http'), path.join(root, 'notes.txt')], { exclude: ['a.http'] });
    assert.deepEqual(rel(files), ['a.http']);
    assert.deepEqual((await discoverFiles([root])).files, []);
  });

  it('applies exclude globs relative to the root, at any depth when the pattern has no slash', async () => {
    tree({ 'test/fixtures/bad.http': REQUEST, 'api/x.gen.http': REQUEST, 'api/users.http': REQUEST, 'legacy/old.http': REQUEST });
    const { files } = await discoverFiles([root], { exclude: ['**/fixtures/**', '*.gen.http', 'legacy/'] });
    assert.deepEqual(rel(files), ['api/users.http']);
  });

  it('reports files over the size limit as too large', async () => {
    tree({ 'big.http': REQUEST + '#'.repeat(5000), 'small.http': REQUEST });
    const { files, skipped } = await discoverFiles([root], { maxFileSize: 2000 });
    assert.deepEqual(rel(files), ['small.http']);
    assert.deepEqual(skipped.map((s) => [path.basename(s.path), s.reason]), [['big.http', 'too-large']]);
  });

  it('skips minified code by name and by a very long first line, but not request files with long bodies', async () => {
    const bundle = `!function(){${'var a=1;'.repeat(800)}}();\n`;
    const longBody = `POST https://api.example.com/items\nContent-Type: application/json\n\n{${'"k":"v",'.repeat(300)}"end":1}\n`;
    tree({ 'vendor/lib.min.js': ROUTES, 'public/bundle.js': bundle, 'api/items.http': longBody, 'src/app.ts': ROUTES });
    const { files, skipped } = await discoverFiles([root]);
    assert.deepEqual(rel(files), ['api/items.http', 'src/app.ts']);
    assert.deepEqual(skipped.map((s) => [rel([s])[0], s.reason]), [['public/bundle.js', 'minified'], ['vendor/lib.min.js', 'minified']]);
    // A caller that reads every file anyway (the batch scan) takes the content test over: only the name test is left.
    const deferred = await discoverFiles([root], { minifiedContentCheck: false });
    assert.deepEqual(rel(deferred.files), ['api/items.http', 'public/bundle.js', 'src/app.ts']);
    assert.deepEqual(deferred.skipped.map((s) => [rel([s])[0], s.reason]), [['vendor/lib.min.js', 'minified']]);
  });

  it('survives a symlink loop and lints a file reached twice only once, under its own path', async () => {
    tree({ 'api/users.http': REQUEST });
    symlinkSync(root, path.join(root, 'api', 'loop'), 'dir');
    symlinkSync(path.join(root, 'api', 'users.http'), path.join(root, 'alias.http'));
    symlinkSync(path.join(root, 'missing.http'), path.join(root, 'dangling.http'));
    const { files, skipped } = await discoverFiles([root, path.join(root, 'api')]);
    assert.deepEqual(rel(files), ['api/users.http']);
    assert.deepEqual(skipped, []);
  });

  it('reports a missing root as unreadable instead of throwing', async () => {
    const missing = path.join(root, 'nope');
    const { files, skipped } = await discoverFiles([missing]);
    assert.deepEqual(files, []);
    assert.deepEqual(skipped, [{ path: missing, reason: 'unreadable' }]);
  });

  it('stops reading folders once cancelled and says so', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`d${String(i).padStart(2, '0')}/r.http`] = REQUEST;
    tree(many);
    let reads = 0;
    const { files, cancelled } = await discoverFiles([root], { concurrency: 1, isCancelled: () => ++reads > 3 });
    assert.equal(cancelled, true);
    assert.ok(files.length < 30, `expected a partial result, got ${files.length}`);
    const full = await discoverFiles([root]);
    assert.equal(full.cancelled, false);
    assert.equal(full.files.length, 30);
  });
});

describe('excludeMatcher', () => {
  it('matches slashless patterns at any depth and anchors patterns with a slash', () => {
    const m = excludeMatcher(['*.gen.http', 'api/legacy/**', './tmp/']);
    assert.equal(m('x.gen.http'), true);
    assert.equal(m('a/b/x.gen.http'), true);
    assert.equal(m('api/legacy/a.http'), true);
    assert.equal(m('other/api/legacy/a.http'), false);
    assert.equal(m('tmp/a.http'), true);
    assert.equal(m('api/users.http'), false);
  });
});

describe('longestLine', () => {
  it('counts across \\n, \\r\\n and a last line without a break', () => {
    assert.equal(longestLine('ab\r\nabcd\nabc'), 4);
    assert.equal(longestLine('abcdef'), 6);
  });
});

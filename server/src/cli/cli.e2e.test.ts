/**
 * Runs the real bundle as a child process, as a user or CI would. The CLI is bundled here with esbuild's API into a
 * temp folder (same options as esbuild.mjs), not taken from dist/: dist/ may be stale or being rebuilt by someone
 * else, and this also proves the bundle carries its own version (package.json inlined) and runs from anywhere.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../analysis/testing/repo';

describe('CLI (bundled, child process)', function () {
  this.timeout(20_000);
  const root = repoRoot();
  const fixtures = path.join(root, 'test/fixtures/cli');
  let outDir: string;
  let cli: string;

  before(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'hml-cli-'));
    cli = path.join(outDir, 'cli.js');
    await esbuild.build({
      entryPoints: [path.join(root, 'server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20',
      format: 'cjs', banner: { js: '#!/usr/bin/env node' }, logLevel: 'silent',
    });
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  function run(args: string[], cwd = fixtures, env: NodeJS.ProcessEnv = {}) {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('lints the current folder by default: stylish lines, relative paths, summary, warnings exit 0', () => {
    const r = run([]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^api\/users\.http:8:1 {2}warning {2}POST to the item .* {2}post-full-replacement$/);
    assert.match(lines[1], /^api\/users\.http:18:20 {2}warning {2}PUT URL contains \{\{\$guid\}\}.* {2}put-nondeterministic-uri$/);
    assert.deepEqual(lines.slice(2), ['', '✖ 2 problems (0 errors, 2 warnings)']);
    assert.ok(!r.stdout.includes('\u001b'), 'no colour when stdout is not a terminal');
    assert.equal(r.stderr, '');
  });

  it('exits 1 on an error-level finding and past --max-warnings; --quiet hides warnings', () => {
    const asError = run(['--rule', 'put-nondeterministic-uri:error', '.']);
    assert.equal(asError.code, 1);
    assert.match(asError.stdout, /✖ 2 problems \(1 error, 1 warning\)/);
    const tooMany = run(['--max-warnings', '1']);
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.stderr, /too many warnings \(maximum: 1\)/);
    assert.equal(run(['--max-warnings', '2']).code, 0);
    const quiet = run(['--quiet', '--max-warnings', '0']);
    assert.deepEqual([quiet.code, quiet.stdout], [0, '']);
  });

  it('writes ESLint json on stdout only, one entry per linted file', () => {
    const r = run(['--format', 'json', 'api', 'health']);
    assert.equal(r.code, 0);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number }[]; warningCount: number }[];
    assert.deepEqual(results.map((x) => [path.relative(fixtures, x.filePath), x.warningCount]), [['api/users.http', 2], ['health/status.rest', 0]]);
    assert.ok(path.isAbsolute(results[0].filePath));
    assert.deepEqual(results[0].messages.map((m) => [m.ruleId, m.severity, m.line, m.column]), [['post-full-replacement', 1, 8, 1], ['put-nondeterministic-uri', 1, 18, 20]]);
  });

  it('prints the route table and route json', () => {
    const table = run(['routes', 'api']);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /^METHOD {2}PATH/);
    assert.match(table.stdout, /\nPUT +\/users\/\{\{\$guid\}\} +http-file +api\/users\.http:18:1\n/);
    const json = JSON.parse(run(['routes', '--format', 'json', 'api']).stdout) as { method: string; path: string; line: number }[];
    assert.deepEqual(json.map((r) => [r.method, r.path, r.line]), [['GET', '/users', 4], ['POST', '/users/{userId}', 8], ['PUT', '/users/{$guid}', 18]]);
  });

  it('gives code routes their full paths across files: prefixes mounted in app.ts, nested routers, unknown prefixes', () => {
    const app = path.join(root, 'test/fixtures/js/express-app');
    const r = run(['routes', '--format', 'json', '.'], app);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { method: string; path: string; filePath: string; line: number; prefixResolved: boolean }[];
    const at = (rel: string) => rows.filter((x) => path.relative(app, x.filePath) === rel).map((x) => `${x.method} ${x.path}${x.prefixResolved ? '' : ' *'}`);
    assert.deepEqual(at('src/routes/users.ts').slice(0, 4), ['GET /api/users', 'POST /api/users', 'GET /api/users/{id}', 'PUT /api/users/{id}']);
    assert.deepEqual(at('src/routes/orders.js'), ['PUT /api/orders/{orderId}/items/{itemId}', 'POST /api/orders/{orderId}/cancel']);
    assert.deepEqual(at('src/routes/admin/index.js'), ['DELETE /v2/admin/cache/{key}']);
    assert.deepEqual(at('src/routes/legacy.js'), ['POST /import *'], 'only the known part of a path with an unknown prefix');
    // The same paths when only the router folder is named, if the mounting file is given too.
    const two = JSON.parse(run(['routes', '--format', 'json', 'src/app.ts', 'src/routes'], app).stdout) as { path: string; filePath: string }[];
    assert.ok(two.some((x) => x.path === '/api/users/{id}' && x.filePath.endsWith('users.ts')), JSON.stringify(two));
  });

  it('prints the same with the scan on worker threads (the bundle is its own worker script)', () => {
    const app = path.join(root, 'test/fixtures/js/express-app');
    for (const args of [['routes', '--format', 'json', '.'], ['--format', 'json', '.']]) {
      const alone = run(args, app, { HTTP_METHOD_LINT_SCAN_WORKERS: '0' });
      const pooled = run(args, app, { HTTP_METHOD_LINT_SCAN_WORKERS: '2' });
      assert.equal(pooled.code, alone.code, pooled.stderr);
      assert.equal(pooled.stderr, alone.stderr);
      assert.equal(pooled.stdout, alone.stdout);
      assert.ok(JSON.parse(alone.stdout).length > 0);
    }
  });

  it('exits 2 with a message on stderr for bad arguments and missing paths', () => {
    for (const [args, message] of [
      [['--fromat', 'json'], /unknown option "--fromat"/],
      [['--format', 'xml'], /--format must be one of stylish, json/],
      [['--rule', 'no-such-rule:error'], /unknown rule "no-such-rule"/],
      [['missing-folder'], /no such file or folder: missing-folder/],
    ] as const) {
      const r = run([...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
    }
  });

  it('reports a file over --max-file-size on stderr and keeps stdout valid json', () => {
    const r = run(['--format', 'json', '--max-file-size', '300', '.']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /skipped api\/users\.http: larger than the size limit/);
    assert.deepEqual((JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.basename(x.filePath)), ['status.rest']);
  });

  it('honours --ignore-pattern, prints --version from package.json and --help', () => {
    assert.equal(run(['--ignore-pattern', 'api/**']).stdout, '');
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(run(['--version'], tmpdir()).stdout, `${version}\n`);
    assert.match(run(['--help']).stdout, /^Usage: http-method-lint/);
  });

  it('leaves minified bundles out, found by the text the scan reads, and says so only for one named explicitly', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hml-cli-min-'));
    try {
      const bundle = `!function(){${"var r=require('express').Router();r.put('/x',function(a,b){b.end()});".repeat(30)}}();\n`;
      writeFileSync(path.join(dir, 'bundle.js'), bundle);
      writeFileSync(path.join(dir, 'app.js'), "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.end());\n");
      const walked = run(['--format', 'json', '.'], dir);
      assert.equal(walked.stderr, '');
      assert.deepEqual((JSON.parse(walked.stdout) as { filePath: string }[]).map((x) => path.basename(x.filePath)), ['app.js']);
      const named = run(['--format', 'json', 'bundle.js'], dir);
      assert.match(named.stderr, /skipped bundle\.js: looks minified/);
      assert.equal(named.stdout, '[]\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('survives a binary file with a request extension', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hml-cli-bin-'));
    try {
      writeFileSync(path.join(dir, 'blob.http'), Buffer.from([0, 255, 254, 10, 80, 85, 84, 32, 0, 1, 2, 3]));
      const r = run(['.'], dir);
      assert.equal(r.code, 0, r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

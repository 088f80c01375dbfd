#!/usr/bin/env node
// End-to-end tests in a real VS Code (code-server + headless Chromium), offline. Installs code-server on first use.
// Usage: node scripts/e2e-code-server.mjs [--grep <regex>] [--screenshots] [--timeout <seconds>]
//          [--tests <entry.js>] [--extension <dir>] [--workspace <dir>]
//   --screenshots  lets the suite save PNGs into docs/images/ (normal runs take none)
// Exit code 0 only when tests ran and all passed. With TEST_COUNTS_FILE set, writes {passed, failed} there.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '../test/e2e/runner/run-tests.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    extension: { type: 'string', default: repoRoot },
    tests: { type: 'string', default: join(repoRoot, 'out', 'test', 'e2e', 'index.js') },
    workspace: { type: 'string', default: join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace') },
    grep: { type: 'string' },
    screenshots: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.E2E_TIMEOUT_S ?? '600' },
  },
});

function writeCounts(counts) {
  if (process.env.TEST_COUNTS_FILE) {
    writeFileSync(process.env.TEST_COUNTS_FILE, JSON.stringify({ passed: counts.passed, failed: counts.failed }));
  }
}

function fail(message, counts = { passed: 0, failed: 1 }) {
  console.error(`e2e: ${message}`);
  writeCounts({ passed: counts.passed, failed: Math.max(counts.failed, 1) });
  process.exit(1);
}

const testsEntry = resolve(args.tests);
const extension = resolve(args.extension);
const { main } = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
if (main && !existsSync(join(extension, main))) fail(`${main} is missing: run \`npm run build\` first`);
if (!existsSync(testsEntry)) fail(`${testsEntry} is missing: run \`npm run compile\` first`);

// Tests change settings and files, so every run gets a fresh copy of the workspace fixture.
const scratch = mkdtempSync(join(tmpdir(), 'hml-e2e-ws-'));
const workspace = join(scratch, 'workspace');
cpSync(resolve(args.workspace), workspace, { recursive: true });

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
let counts;
let failure;
try {
  counts = await runTests({
    extensionDevelopmentPath: extension,
    extensionTestsPath: testsEntry,
    launchArgs: [workspace],
    extensionsToInstall: [join(repoRoot, 'test', 'e2e', 'fixtures', 'standin-http-extension')],
    extensionTestsEnv: args.grep ? { E2E_GREP: args.grep } : {},
    timeoutMs: Number(args.timeout) * 1000,
    screenshotOutDir: args.screenshots ? join(repoRoot, 'docs', 'images') : undefined,
  });
} catch (error) {
  failure = error;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failure) {
  const partial = failure.result ?? { passed: 0, failed: 0 };
  console.error(`\n${partial.passed} passed, ${partial.failed} failed (${seconds()} s)`);
  fail(failure.message, partial);
}
console.log(`\n${counts.passed} passed, ${counts.failed} failed (${seconds()} s)`);
writeCounts(counts);

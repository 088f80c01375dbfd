#!/usr/bin/env node
// Runs every test suite in turn and ends with one summary line over all of them: "N passed, N failed".
// A suite that crashes before reporting counts as one failure, so a broken runner can never look green.
// Usage: node scripts/test-all.mjs [suite...]   (default: every suite; suites: unit, lsp, e2e, e2e-activation, nvim)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const suites = {
  unit: ['npx', ['mocha', '--reporter', './test/support/counting-reporter.js', 'out/server/src/**/*.test.js']],
  lsp: ['npx', ['mocha', '--reporter', './test/support/counting-reporter.js', '--timeout', '20000', 'out/test/lsp/**/*.test.js']],
  // A real VS Code (code-server + headless Chromium); installs code-server on first use. Writes its own counts.
  e2e: ['node', ['scripts/e2e-code-server.mjs']],
  // Activation shows only on the first relevant file of a host: the full run opens a route file first, so the
  // request-file case gets a host of its own.
  'e2e-activation': ['node', ['scripts/e2e-code-server.mjs', '--grep', 'activates when the first .http']],
  // Headless Neovim as a second LSP client of dist/server.js. Writes its own counts.
  nvim: ['bash', ['scripts/nvim-smoke.sh']],
};

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(suites);
const dir = mkdtempSync(join(tmpdir(), 'hml-tests-'));
let passed = 0;
let failed = 0;
const lines = [];
for (const name of chosen) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown suite "${name}"; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  const countsFile = join(dir, `${name}.json`);
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(suite[0], suite[1], { stdio: 'inherit', env: { ...process.env, TEST_COUNTS_FILE: countsFile } });
  let counts = { passed: 0, failed: 0 };
  if (existsSync(countsFile)) counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1; // crashed, or failed before its first test
  if (counts.passed + counts.failed === 0) counts.failed = 1; // ran no test: that is a failure, not a pass
  passed += counts.passed;
  failed += counts.failed;
  lines.push(`${name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
rmSync(dir, { recursive: true, force: true });
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

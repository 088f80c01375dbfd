/**
 * The end-to-end test entry, loaded by VS Code's extension host (under code-server via scripts/e2e-code-server.mjs,
 * or under Electron via test/e2e/runTest.ts). Runs every suite/*.test.js with mocha and, when the runner asks for it
 * (E2E_OUT_DIR), leaves the counts in result.json: the runner trusts that file rather than an exit code, because an
 * extension host that dies mid-run can still report success.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Failure {
  readonly title: string;
  readonly error: string;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: Number(process.env.E2E_TEST_TIMEOUT_MS ?? 30_000),
    slow: 5_000,
    color: false,
    grep: process.env.E2E_GREP || undefined,
  });
  const suiteDir = path.join(__dirname, 'suite');
  for (const file of fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(suiteDir, file));
  }

  const failures: Failure[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: failures.length } as Mocha.Stats));
      runner.on('fail', (test, error: Error) => failures.push({ title: test.fullTitle(), error: error?.stack ?? String(error) }));
    } catch (error) {
      reject(error);
    }
  });

  const result = { passed: stats.passes, failed: stats.failures, failures };
  const outDir = process.env.E2E_OUT_DIR;
  if (outDir) fs.writeFileSync(path.join(outDir, 'result.json'), JSON.stringify(result, null, 2));
  console.log(`${result.passed} passed, ${result.failed} failed`);
  if (result.failed > 0) throw new Error(`${result.failed} end-to-end test(s) failed`);
  if (result.passed === 0) throw new Error('no end-to-end test ran');
}

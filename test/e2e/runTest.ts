/**
 * The same end-to-end entry under @vscode/test-electron: downloads VS Code (needs internet) and runs
 * out/test/e2e/index.js in its Electron extension host. Offline, use scripts/e2e-code-server.mjs instead.
 * Environment: E2E_VSCODE_VERSION (default 1.100.3, the version the offline runner serves), or
 * E2E_VSCODE_EXECUTABLE to use an installed VS Code.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const fixtures = path.join(repoRoot, 'test', 'e2e', 'fixtures');
  // Tests change settings and files: each run gets fresh copies, and its own profile and extensions folder.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hml-electron-'));
  const workspace = path.join(scratch, 'workspace');
  const extensionsDir = path.join(scratch, 'extensions');
  try {
    fs.cpSync(path.join(fixtures, 'workspace'), workspace, { recursive: true });
    fs.cpSync(path.join(fixtures, 'standin-http-extension'), path.join(extensionsDir, 'hml-test.standin-http-0.0.1'), { recursive: true });
    await runTests({
      version: process.env.E2E_VSCODE_VERSION ?? '1.100.3',
      vscodeExecutablePath: process.env.E2E_VSCODE_EXECUTABLE,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index'),
      launchArgs: [
        workspace,
        '--extensions-dir', extensionsDir,
        '--user-data-dir', path.join(scratch, 'user-data'),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// Runs an extension test entry inside a real VS Code extension host without downloading VS Code: code-server serves
// the workbench, headless Chromium opens it with the extension-test payload, and the workbench reports the result
// through the same automation hooks VS Code's own web tests use.
//
// The options mirror @vscode/test-electron's runTests (extensionDevelopmentPath, extensionTestsPath, launchArgs[0] =
// folder to open, extensionTestsEnv), so one test entry serves both runners.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { serveBrowserRequests } from './browser-bridge.mjs';
import { ensureCodeServer, startCodeServer, tail } from './code-server.mjs';

const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const WORKBENCH_CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|ChatSessionStore:)/;

export class TestRunError extends Error {
  constructor(message, code, result) {
    super(message);
    this.code = code;
    this.result = result;
  }
}

/**
 * @param {object} options
 * @param {string} options.extensionDevelopmentPath the extension under test
 * @param {string} options.extensionTestsPath the compiled test entry (exports `run(): Promise<void>`)
 * @param {string[]} [options.launchArgs] launchArgs[0] is the folder to open; the rest are ignored here
 * @param {Record<string,string>} [options.extensionTestsEnv]
 * @param {string[]} [options.extensionsToInstall] unpacked extension folders to copy into the extensions dir
 * @param {number} [options.timeoutMs] from opening the workbench to the test entry's end (start-up steps have their own caps)
 * @param {string} [options.screenshotOutDir] when set, tests save screenshots there (E2E_SCREENSHOT_DIR)
 * @returns {Promise<{passed:number, failed:number, failures:{title:string,error:string}[]}>}
 */
export async function runTests(options) {
  const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
  const timeoutMs = options.timeoutMs ?? 240_000;
  const codeServerDir = ensureCodeServer(repoRoot);
  const executablePath = process.env.CHROMIUM_PATH || CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) throw new TestRunError('Chromium not found; run `npm run e2e:install` or set CHROMIUM_PATH', 1);

  const root = mkdtempSync(join(tmpdir(), 'hml-e2e-'));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    out: join(root, 'out'),
    bridge: join(root, 'browser'),
  };
  const xdg = {
    XDG_CONFIG_HOME: join(root, 'xdg', 'config'),
    XDG_DATA_HOME: join(root, 'xdg', 'data'),
    XDG_CACHE_HOME: join(root, 'xdg', 'cache'),
    XDG_STATE_HOME: join(root, 'xdg', 'state'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.out, dirs.bridge, ...Object.values(xdg)]) mkdirSync(d, { recursive: true });
  for (const ext of options.extensionsToInstall ?? []) installUnpacked(ext, dirs.extensions);

  const env = {
    ...process.env,
    ...xdg,
    ...(options.extensionTestsEnv ?? {}),
    EXTENSIONS_GALLERY: '{}',
    E2E_OUT_DIR: dirs.out,
    E2E_BROWSER_DIR: dirs.bridge,
  };
  // Set inside a VS Code terminal; code-server would then hand the folder to that outer editor instead of serving it.
  delete env.VSCODE_IPC_HOOK_CLI;
  // Counts for scripts/test-all.mjs are written by our caller, never from inside the extension host.
  delete env.TEST_COUNTS_FILE;
  // Screenshots are taken only when asked for (they are for the docs, not for checking anything).
  if (options.screenshotOutDir) env.E2E_SCREENSHOT_DIR = resolve(options.screenshotOutDir);
  else delete env.E2E_SCREENSHOT_DIR;

  const logFile = join(root, 'code-server.log');
  let server;
  let browser;
  let stopBridge = () => {};
  const settled = new AbortController();
  try {
    server = await startCodeServer({ codeServerDir, dirs, env, logFile });
    browser = await chromium.launch({
      executablePath,
      env: { ...process.env, ...xdg },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let reportExit;
    const exited = new Promise((r) => { reportExit = r; });
    // The extension host's console (mocha's reporter included) arrives here as an argument list, mixed with the
    // workbench's own start-up chatter, which only E2E_DEBUG shows.
    await page.exposeFunction('codeAutomationLog', (_level, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (process.env.E2E_DEBUG || !WORKBENCH_CHATTER.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit({ kind: 'exit', code }));
    if (process.env.E2E_DEBUG) page.on('console', (m) => console.log(`[browser] ${m.text()}`));
    stopBridge = serveBrowserRequests(page, dirs.bridge);

    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${resolve(p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const folder = resolve(options.launchArgs?.[0] ?? options.extensionDevelopmentPath);
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

    const outcome = await Promise.race([
      exited,
      delay(timeoutMs, { kind: 'timeout' }, { signal: settled.signal }).catch(() => undefined),
      watchServer(server, settled.signal).then(() => ({ kind: 'server-exit' })),
    ]);
    return judge(outcome, join(dirs.out, 'result.json'), logFile, timeoutMs);
  } finally {
    settled.abort();
    stopBridge();
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!process.env.E2E_KEEP_TEMP) rmSync(root, { recursive: true, force: true });
    else console.log(`kept ${root}`);
  }
}

/** Decides pass or fail. A run passes only when the workbench exited 0 AND the test entry reported tests, none failed. */
function judge(outcome, resultFile, logFile, timeoutMs) {
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  const counts = result ?? { passed: 0, failed: 0, failures: [] };
  if (outcome.kind === 'timeout') {
    throw new TestRunError(`test run timed out after ${timeoutMs / 1000} s (a hang, or the extension host never started)\n${tail(logFile)}`, 1, counts);
  }
  if (outcome.kind === 'server-exit') throw new TestRunError(`code-server exited during the run\n${tail(logFile)}`, 1, counts);
  if (!result) {
    // The workbench reports the extension host's exit code; a crash or process.exit() before the entry finished lands here.
    throw new TestRunError(`the extension host exited (code ${outcome.code}) before the test entry reported a result: crashed?\n${tail(logFile)}`, outcome.code || 1, counts);
  }
  if (result.failed > 0) {
    const details = result.failures.map((f) => `  ✗ ${f.title}\n    ${f.error.split('\n').join('\n    ')}`).join('\n');
    throw new TestRunError(`${result.failed} test(s) failed\n${details}`, outcome.code || 1, counts);
  }
  if (result.passed === 0) throw new TestRunError('no test ran', 1, counts);
  if (outcome.code !== 0) throw new TestRunError(`tests passed but the workbench exited with code ${outcome.code}`, outcome.code || 1, counts);
  return counts;
}

async function watchServer(server, signal) {
  while (!server.exited && !signal.aborted) await delay(250);
  if (signal.aborted) await new Promise(() => {}); // the run ended some other way: never win the race
}

/** Copies an unpacked extension into the extensions dir under the folder name VS Code would give it. */
function installUnpacked(extensionDir, extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
  cpSync(extensionDir, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
}

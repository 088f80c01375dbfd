/**
 * Asks the e2e runner to act on the workbench page (see test/e2e/runner/browser-bridge.mjs): read UI text, click,
 * take screenshots. Only the code-server runner offers this; under @vscode/test-electron the tests that need it skip.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const bridgeDir = process.env.E2E_BROWSER_DIR;
let counter = 0;

export function hasBrowser(): boolean {
  return !!bridgeDir && fs.existsSync(bridgeDir);
}

interface Answer {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
}

async function ask(request: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
  if (!bridgeDir) throw new Error('no browser bridge: run under scripts/e2e-code-server.mjs');
  const id = `${process.pid}-${++counter}`;
  const file = path.join(bridgeDir, `${id}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(request));
  fs.renameSync(`${file}.tmp`, file);
  const resultFile = path.join(bridgeDir, `${id}.result`);
  const deadline = Date.now() + timeoutMs;
  // The answer comes from another process, with no event to await here: check for it every 50 ms.
  while (!fs.existsSync(resultFile)) {
    if (Date.now() > deadline) throw new Error(`the runner did not answer ${JSON.stringify(request)} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const answer = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Answer;
  fs.rmSync(resultFile);
  if (!answer.ok) throw new Error(`browser ${String(request.action)} failed: ${answer.error}`);
  return answer.value;
}

/** The visible text of the first element matching a Playwright selector, waiting for it up to `timeoutMs`. */
export async function textOf(selector: string, timeoutMs = 10_000): Promise<string> {
  return String(await ask({ action: 'text', selector, timeoutMs }, timeoutMs + 5_000));
}

export async function click(selector: string, timeoutMs = 10_000): Promise<void> {
  await ask({ action: 'click', selector, timeoutMs }, timeoutMs + 5_000);
}

export async function press(key: string): Promise<void> {
  await ask({ action: 'press', key }, 5_000);
}

/** Screenshots are for the README; they are taken only when E2E_SCREENSHOT_DIR is set (`npm run screenshots`). */
export function screenshotsWanted(): boolean {
  return !!process.env.E2E_SCREENSHOT_DIR && hasBrowser();
}

export async function screenshot(name: string, settleMs = 1000): Promise<string> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) throw new Error('E2E_SCREENSHOT_DIR is not set');
  return String(await ask({ action: 'screenshot', path: path.join(dir, `${name}.png`), settleMs }, settleMs + 20_000));
}

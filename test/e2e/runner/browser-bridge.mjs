// Lets tests, which run in the extension host, act on the workbench page they cannot reach: read what the UI shows
// (a progress notification, a token-inspector widget), click a button (a notification's Cancel), take a screenshot.
//
// Protocol, through a directory both sides see (E2E_BROWSER_DIR): the test writes `<id>.json` (renamed into place,
// so it is never read half-written) holding {action, ...}; we do it and answer with `<id>.result` holding
// {ok: true, value} or {ok: false, error}. Actions:
//   {action: 'text', selector, timeoutMs}        the innerText of the first visible match
//   {action: 'click', selector, timeoutMs}
//   {action: 'press', key}                       a key or chord in the focused element ('Escape', 'Control+.')
//   {action: 'screenshot', path, settleMs}       a PNG of the page
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export function serveBrowserRequests(page, dir) {
  let stopped = false;
  (async () => {
    while (!stopped) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const id = file.slice(0, -'.json'.length);
        let answer;
        try {
          const request = JSON.parse(readFileSync(join(dir, file), 'utf8'));
          rmSync(join(dir, file));
          answer = { ok: true, value: await perform(page, request) };
        } catch (error) {
          answer = { ok: false, error: String(error?.message ?? error).split('\n')[0] };
        }
        if (stopped) return;
        writeFileSync(join(dir, `${id}.result.tmp`), JSON.stringify(answer));
        renameSync(join(dir, `${id}.result.tmp`), join(dir, `${id}.result`));
      }
      await delay(100);
    }
  })().catch((e) => console.error(`browser bridge stopped: ${e.message}`));
  return () => { stopped = true; };
}

async function perform(page, request) {
  const timeout = Math.min(request.timeoutMs ?? 10_000, 30_000);
  switch (request.action) {
    case 'text': {
      const element = page.locator(request.selector).first();
      await element.waitFor({ state: 'visible', timeout });
      return element.innerText();
    }
    case 'click':
      await page.locator(request.selector).first().click({ timeout });
      return true;
    case 'press':
      await page.keyboard.press(request.key);
      return true;
    case 'screenshot':
      // Hovers and menus fade in; give the workbench a moment to paint them.
      await delay(request.settleMs ?? 1000);
      mkdirSync(dirname(request.path), { recursive: true });
      await page.screenshot({ path: request.path });
      console.log(`screenshot: ${request.path}`);
      return request.path;
    default:
      throw new Error(`unknown browser action ${JSON.stringify(request.action)}`);
  }
}

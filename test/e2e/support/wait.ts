/**
 * Waiting without sleeping: every wait re-checks a condition when the relevant VS Code event fires, and gives up
 * with a message that says what was expected and what was there instead.
 */
import * as vscode from 'vscode';

export const DEFAULT_WAIT_MS = 15_000;

/** Resolves with `check()`'s first defined result, checking now and after every `event`. */
export function waitFor<T, E>(
  event: vscode.Event<E>, check: () => T | undefined, what: string, timeoutMs = DEFAULT_WAIT_MS, describeLast?: () => string,
): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describeLast ? `\n  last seen: ${describeLast()}` : ''}`));
    }, timeoutMs);
    const subscription = event(() => {
      let value: T | undefined;
      try {
        value = check();
      } catch (error) {
        clearTimeout(timer);
        subscription.dispose();
        reject(error);
        return;
      }
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

export function withTimeout<T>(promise: Thenable<T>, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}

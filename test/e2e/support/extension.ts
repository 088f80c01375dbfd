/** Our extension as the test instance sees it. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'http-method-lint.http-method-lint';

interface Api {
  readonly ready: Promise<void>;
}

export function ourExtension(): vscode.Extension<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in the test instance`);
  return extension;
}

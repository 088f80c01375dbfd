/** Reading and awaiting the diagnostics HTTP Method Lint publishes. */
import * as vscode from 'vscode';
import { DEFAULT_WAIT_MS, waitFor } from './wait';

export const SOURCE = 'http-method-lint';

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** `rule@line:col-line:col`, a compact form for assertions and failure messages. */
export function label(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${ruleOf(d)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function describeAll(uri: vscode.Uri): string {
  return JSON.stringify(ours(uri).map(label));
}

/** Waits until our diagnostics for `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = ours(uri);
      return accept(ds) ? ds : undefined;
    },
    `${what} in ${vscode.workspace.asRelativePath(uri)}`,
    timeoutMs,
    () => describeAll(uri),
  );
}

/** Waits until the set of rule@range strings is exactly `expected` (order ignored). */
export function waitForExactly(uri: vscode.Uri, expected: readonly string[], timeoutMs = DEFAULT_WAIT_MS): Promise<vscode.Diagnostic[]> {
  const want = [...expected].sort().join(' ');
  return waitForDiagnostics(uri, (ds) => ds.map(label).sort().join(' ') === want, `diagnostics [${expected.join(', ')}]`, timeoutMs);
}

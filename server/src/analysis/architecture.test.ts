/**
 * The analysis core is text in, routes and findings out: it must not import the editor, the protocol, or the front
 * doors (server/src/lsp, cli, workspace), or the CLI and every LSP editor would inherit them.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { repoRoot } from './testing/repo';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const IMPORT = /(?:from|require\()\s*'([^']+)'/g;
const EDITOR_OR_PROTOCOL = /^(?:vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(?:\/|$)/;

describe('architecture', () => {
  it('keeps the analysis core free of editor, protocol and front-door imports', () => {
    const root = repoRoot();
    const core = join(root, 'server', 'src', 'analysis');
    const files = sources(core);
    assert.ok(files.length > 50, `found only ${files.length} core files`);
    const offending: string[] = [];
    for (const file of files) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const outside = specifier.startsWith('.') && !resolve(dirname(file), specifier).startsWith(core + sep);
        if (outside || EDITOR_OR_PROTOCOL.test(specifier)) offending.push(`${relative(root, file)}: ${specifier}`);
      }
    }
    assert.deepEqual(offending, []);
  });
});

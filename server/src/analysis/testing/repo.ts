/** Tests that read the repository's own files (docs pages, sources, fixtures) find its root from wherever they run. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'http-method-lint') return dir;
    }
  }
  throw new Error('cannot find the repository root (package.json of http-method-lint)');
}

#!/usr/bin/env node
// The README's main job: lint the given folders or files with the built CLI, or the bundled examples/ when none are given.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// Flags whose value is the next argument (as in server/src/cli/args.ts): that value is not a path.
const valueFlags = new Set(['--format', '--max-warnings', '--rule', '--ignore-pattern', '--max-file-size']);
let hasPath = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--') {
    hasPath ||= i + 1 < args.length;
    break;
  }
  if (valueFlags.has(a)) i++;
  else if (!a.startsWith('-') && !(i === 0 && a === 'routes')) hasPath = true;
}
const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args, ...(hasPath ? [] : [join(root, 'examples')])], { stdio: 'inherit' });
process.exit(run.status ?? 1);

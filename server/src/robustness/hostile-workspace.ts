/**
 * Writes the hostile files into a folder together with the workspace-level traps: symlink loops (to an ancestor and
 * between two folders), a dangling link, and ordinary route files around them so the walk has real work to finish.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { hostileFiles, type HostileFile, type HostileScale } from './hostile-files';

export interface HostileWorkspace {
  readonly root: string;
  readonly files: readonly HostileFile[];
  /** Plain files written beside the hostile ones, relative to root. */
  readonly ordinary: readonly string[];
}

export async function writeHostileWorkspace(root: string, scale: HostileScale): Promise<HostileWorkspace> {
  const files = hostileFiles(scale);
  for (const f of files) {
    await fs.mkdir(path.dirname(path.join(root, f.fileName)), { recursive: true });
    await fs.writeFile(path.join(root, f.fileName), f.bytes);
  }
  const ordinary: string[] = [];
  for (let i = 0; i < 20; i++) {
    const rel = `src/services/ordinary-${String(i).padStart(2, '0')}.ts`;
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), `export function total${i}(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, ${i});\n}\n`);
    ordinary.push(rel);
  }
  await fs.mkdir(path.join(root, 'loops/a'), { recursive: true });
  await fs.mkdir(path.join(root, 'loops/b'), { recursive: true });
  await symlink('..', path.join(root, 'loops/a/up')); // to its own parent
  await symlink('../..', path.join(root, 'loops/a/root')); // to the workspace root
  await symlink('../b', path.join(root, 'loops/a/to-b'));
  await symlink('../a', path.join(root, 'loops/b/to-a')); // a <-> b
  await symlink('self', path.join(root, 'loops/self')); // a link to itself: ELOOP on stat
  await symlink('missing/target.ts', path.join(root, 'loops/dangling.ts'));
  return { root, files, ordinary };
}

async function symlink(target: string, at: string): Promise<void> {
  await fs.rm(at, { force: true });
  await fs.symlink(target, at);
}

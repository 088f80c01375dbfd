/**
 * What a folder walk leaves out: .gitignore files (stacked as git stacks them, deepest last), folders that never hold
 * sources worth linting, and the caller's exclude globs.
 */
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Folders skipped in every walk: dependencies, VCS data and build output would only add noise and time. */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.vscode-test',
]);

/** One .gitignore, with the folder its patterns are relative to. */
interface GitignoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

/** The .gitignore files in force for one folder, outermost first. Immutable: a child folder extends its parent's. */
export class GitignoreStack {
  private constructor(private readonly layers: readonly GitignoreLayer[]) {}

  static readonly empty = new GitignoreStack([]);

  /** The stack for `dir` once its own .gitignore (if readable) is added. */
  async enter(dir: string, hasGitignore: boolean): Promise<GitignoreStack> {
    if (!hasGitignore) return this;
    const rules = await readGitignore(path.join(dir, '.gitignore'));
    return rules ? new GitignoreStack([...this.layers, { dir, rules }]) : this;
  }

  /**
   * Git's precedence: the deepest file that says anything about the path wins, and a `!pattern` there re-includes.
   * Parents are never re-tested here because the walk does not enter ignored folders (git does not either).
   */
  ignores(absPath: string, isDir: boolean): boolean {
    let ignored = false;
    for (const layer of this.layers) {
      const rel = toPosix(path.relative(layer.dir, absPath));
      if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) continue;
      const result = layer.rules.test(isDir ? `${rel}/` : rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /**
   * The .gitignore files above a walk's root, up to the repository top (the nearest folder holding `.git`), so linting
   * a sub-folder of a repository honours the repository's ignores. Outside a repository nothing above the root applies.
   * The root itself is never tested: see the end.
   */
  static async forRoot(root: string): Promise<GitignoreStack> {
    const ancestors: string[] = [];
    let dir = path.dirname(root);
    let repoTop: string | undefined;
    if (await exists(path.join(root, '.git'))) return GitignoreStack.empty;
    for (let depth = 0; depth < 64 && dir !== path.dirname(dir); depth++) {
      ancestors.unshift(dir);
      if (await exists(path.join(dir, '.git'))) {
        repoTop = dir;
        break;
      }
      dir = path.dirname(dir);
    }
    if (!repoTop) return GitignoreStack.empty;
    let stack = GitignoreStack.empty;
    for (const ancestor of ancestors) stack = await stack.enter(ancestor, true);
    // A folder named on purpose is linted even when the repository ignores it (its own .gitignore files still apply);
    // the outer rules would otherwise ignore everything in it.
    return stack.ignores(root, true) ? GitignoreStack.empty : stack;
  }
}

async function readGitignore(file: string): Promise<Ignore | undefined> {
  try {
    const text = await fs.readFile(file, 'utf8');
    return ignore({ allowRelativePaths: true }).add(text);
  } catch {
    return undefined; // missing or unreadable: it simply ignores nothing
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * The caller's exclude globs as one test on root-relative posix paths. A pattern without a slash matches at any depth
 * (`*.gen.http`), as in .gitignore and ESLint; a trailing slash means "this folder and everything in it".
 */
export function excludeMatcher(patterns: readonly string[]): (relPath: string) => boolean {
  const cleaned = patterns
    .map((p) => p.trim().replace(/\\/g, '/').replace(/^\.\//, ''))
    .filter((p) => p.length > 0)
    .map((p) => (p.endsWith('/') ? `${p}**` : p))
    .map((p) => (p.includes('/') ? p.replace(/^\//, '') : `**/${p}`));
  if (cleaned.length === 0) return () => false;
  const isMatch = picomatch(cleaned, { dot: true });
  return (relPath) => relPath.length > 0 && isMatch(relPath);
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

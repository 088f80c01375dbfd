/**
 * Finds the files to lint under some folders or files, for the CLI and the language server's "Check Workspace".
 * Node fs only; the analysis core never touches the disk. A file that vanishes or cannot be read mid-walk is skipped,
 * never a crash, and the output is sorted so two runs over the same tree print the same thing.
 */
import { promises as fs, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { languageOfPath } from '../analysis/languages';
import type { LanguageId } from '../analysis/model';
import { ALWAYS_SKIPPED_DIRS, GitignoreStack, excludeMatcher, toPosix } from './ignore-rules';
import { hasMinifiedName, looksMinified } from './minified';

export interface DiscoverOptions {
  /** Globs (picomatch) on paths relative to each root, e.g. "**\/fixtures/**"; a pattern without "/" matches at any depth. */
  exclude?: readonly string[];
  /** Bytes; larger files are reported in `skipped`, not returned. Default 2_000_000. */
  maxFileSize?: number;
  /** Checked between directory reads; the walk stops early when true and returns what it found so far. */
  isCancelled?: () => boolean;
  /** Folders read at once. Default 16. */
  concurrency?: number;
  /**
   * Read the head of each code file for the minified test. Default true; false when the caller reads every file
   * anyway and applies the test itself (a batch scan), so no file is opened twice. The name test always applies.
   */
  minifiedContentCheck?: boolean;
}

/** `path` is absolute, as reached (through symlinks, not their targets). */
export interface DiscoveredFile { path: string; languageId: string; size: number }
export interface SkippedFile { path: string; reason: 'too-large' | 'minified' | 'unreadable' }

export interface DiscoverResult {
  files: DiscoveredFile[];
  skipped: SkippedFile[];
  /** True when `isCancelled` stopped the walk: the lists are then incomplete. */
  cancelled: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 2_000_000;
const DEFAULT_CONCURRENCY = 16;

interface DirTask {
  readonly dir: string;
  /** The folder's real path: with `dir` it gives the real path of a plain child for free. */
  readonly real: string;
  readonly root: string;
  readonly gitignore: GitignoreStack;
}

interface Candidate {
  readonly path: string;
  readonly real: string;
  readonly languageId: LanguageId;
  readonly size: number;
}

/**
 * Roots may be folders or files. An explicit file is included whenever its language is supported, even if a
 * .gitignore or exclude pattern would leave it out of a walk (the caller asked for it by name); the size and
 * minified checks still apply. A root that does not exist is reported as unreadable.
 */
export async function discoverFiles(roots: readonly string[], options: DiscoverOptions = {}): Promise<DiscoverResult> {
  const walker = new Walker(options);
  for (const root of roots) {
    if (walker.cancelled()) break;
    await walker.addRoot(path.resolve(root));
  }
  return await walker.result();
}

class Walker {
  /**
   * By real path, so a file reached twice (overlapping roots, symlinks) is linted once: under its own path when that
   * was reached without a link, else under the smallest path, so the choice never depends on walk timing.
   */
  private readonly candidates = new Map<string, Candidate>();
  private readonly skipped: SkippedFile[] = [];
  private readonly seenDirs = new Set<string>();
  private readonly maxFileSize: number;
  private readonly concurrency: number;
  private readonly excluded: (relPath: string) => boolean;
  private stopped = false;

  constructor(private readonly options: DiscoverOptions) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.excluded = excludeMatcher(options.exclude ?? []);
  }

  cancelled(): boolean {
    if (!this.stopped && this.options.isCancelled?.()) this.stopped = true;
    return this.stopped;
  }

  async result(): Promise<DiscoverResult> {
    const files: DiscoveredFile[] = [];
    await drain([...this.candidates.values()], this.concurrency, async (file) => {
      if (file.size > this.maxFileSize) this.skipped.push({ path: file.path, reason: 'too-large' });
      else if (await this.minified(file)) this.skipped.push({ path: file.path, reason: 'minified' });
      else files.push({ path: file.path, languageId: file.languageId, size: file.size });
    });
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    return { files: files.sort(byPath), skipped: this.skipped.sort(byPath), cancelled: this.stopped };
  }

  private async minified(file: Candidate): Promise<boolean> {
    if (this.options.minifiedContentCheck === false) return hasMinifiedName(file.path);
    return await looksMinified(file.path, file.languageId, file.size);
  }

  async addRoot(root: string): Promise<void> {
    const stats = await statOrUndefined(root);
    const real = stats && (await realpathOrUndefined(root));
    if (!stats || !real) {
      this.skipped.push({ path: root, reason: 'unreadable' });
      return;
    }
    if (stats.isFile()) {
      const languageId = languageOfPath(toPosix(root));
      if (languageId) this.keep({ path: root, real, languageId, size: stats.size });
      return;
    }
    if (!stats.isDirectory() || this.seenDirs.has(real)) return;
    this.seenDirs.add(real);
    const gitignore = await GitignoreStack.forRoot(root);
    await drain([{ dir: root, real, root, gitignore }], this.concurrency, (task, enqueue) => this.readDir(task, enqueue));
  }

  private async readDir(task: DirTask, enqueue: (t: DirTask) => void): Promise<void> {
    if (this.cancelled()) return;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(task.dir, { withFileTypes: true });
    } catch {
      this.skipped.push({ path: task.dir, reason: 'unreadable' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const hasGitignore = entries.some((e) => e.name === '.gitignore' && !e.isDirectory());
    const gitignore = await task.gitignore.enter(task.dir, hasGitignore);

    const fileChecks: Promise<Candidate | undefined>[] = [];
    for (const entry of entries) {
      const abs = path.join(task.dir, entry.name);
      const rel = toPosix(path.relative(task.root, abs));
      const linked = entry.isSymbolicLink() || (!entry.isFile() && !entry.isDirectory());
      const stats = linked ? await statOrUndefined(abs) : undefined;
      if (linked && !stats) continue; // a dangling link or a file gone since readdir
      const isDir = stats ? stats.isDirectory() : entry.isDirectory();
      const isFile = stats ? stats.isFile() : entry.isFile();
      if (isDir) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || this.excluded(rel) || gitignore.ignores(abs, true)) continue;
        const real = linked ? await realpathOrUndefined(abs) : path.join(task.real, entry.name);
        // The real-path set is what stops symlink loops (a link to an ancestor) and double walks of one folder.
        if (!real || this.seenDirs.has(real)) continue;
        this.seenDirs.add(real);
        enqueue({ dir: abs, real, root: task.root, gitignore });
      } else if (isFile) {
        const languageId = languageOfPath(toPosix(entry.name));
        if (!languageId || this.excluded(rel) || gitignore.ignores(abs, false)) continue;
        fileChecks.push(this.candidate(abs, linked ? undefined : path.join(task.real, entry.name), languageId, stats));
      }
    }
    for (const candidate of await Promise.all(fileChecks)) {
      if (candidate) this.keep(candidate);
    }
  }

  private async candidate(abs: string, real: string | undefined, languageId: LanguageId, known?: Stats): Promise<Candidate | undefined> {
    // A plain file's stat is one cheap call; the promise form costs several times more per file in a large walk.
    const stats = known ?? statSyncOrUndefined(abs);
    const realPath = real ?? (await realpathOrUndefined(abs));
    if (!stats || !realPath) {
      this.skipped.push({ path: abs, reason: 'unreadable' });
      return undefined;
    }
    return { path: abs, real: realPath, languageId, size: stats.size };
  }

  private keep(file: Candidate): void {
    const existing = this.candidates.get(file.real);
    const direct = (c: Candidate) => c.path === c.real;
    const better = !existing || (direct(file) !== direct(existing) ? direct(file) : file.path < existing.path);
    if (better) this.candidates.set(file.real, file);
  }
}

/** Runs `work` over a queue that grows as it goes, at most `limit` at a time; resolves when the queue is empty and idle. */
async function drain<T>(initial: T[], limit: number, work: (item: T, enqueue: (item: T) => void) => Promise<void>): Promise<void> {
  const queue = [...initial];
  let active = 0;
  await new Promise<void>((resolve) => {
    const enqueue = (item: T) => queue.push(item);
    const next = () => {
      while (active < limit && queue.length > 0) {
        const item = queue.shift() as T;
        active++;
        // work() handles its own failures; the catch only keeps a bug from hanging the walk.
        work(item, enqueue).catch(() => undefined).finally(() => {
          active--;
          next();
        });
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    next();
  });
}

function statSyncOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

async function statOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(p);
  } catch {
    return undefined;
  }
}

async function realpathOrUndefined(p: string): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch {
    return undefined;
  }
}

/**
 * Fills a workspace index from discovered files. Each code file is read once and turned into facts by a scan task
 * (on worker threads when the build is large, see scan-pool.ts); the index takes the results in input order, one at
 * a time, yielding to the event loop between files so a language server keeps answering while it builds. Unchanged
 * files cost a read and a hash: the task is told the key the index holds and extracts nothing when it matches.
 */
import { isCodeLanguage } from '../analysis/languages';
import type { LanguageId } from '../analysis/model';
import { scanInOrder, type ScanPoolOptions } from './scan-pool';
import type { ScanTask } from './scan-job';
import { normalizePath, type WorkspaceIndex } from './workspace-index';

export interface BuildOptions extends Pick<ScanPoolOptions, 'workers' | 'workerScript'> {
  readonly isCancelled?: () => boolean;
  /** Drop indexed disk files that are not in `files` (a rebuild of the same folders). Default false. */
  readonly replace?: boolean;
  /**
   * Awaited before each file: lets a language server hold the build back while the user types. With it, the
   * calling thread leaves the extraction to the workers when there are any.
   */
  readonly idle?: () => Promise<void>;
}

export interface BuildResult {
  readonly files: number;
  readonly unreadable: number;
  readonly cancelled: boolean;
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function buildIndex(
  index: WorkspaceIndex, files: readonly { readonly path: string; readonly languageId: string }[], options: BuildOptions = {},
): Promise<BuildResult> {
  const code = files.filter((f) => isCodeLanguage(f.languageId));
  const tasks: ScanTask[] = code.map((f) => {
    const knownKey = index.diskKey(f.path);
    return { path: f.path, languageId: f.languageId as LanguageId, analyzeRequests: false, minifiedCheck: false, ...(knownKey ? { knownKey } : {}) };
  });
  let done = 0;
  let unreadable = 0;
  const pool: ScanPoolOptions = {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
    callerWorks: options.idle === undefined,
  };
  for await (const { index: at, result } of scanInOrder(tasks, { maxFileSize: index.maxFileSize }, pool)) {
    await (options.idle ? options.idle() : breathe());
    if (result.kind === 'code') {
      index.acceptDisk(code[at].path, { key: result.key, ...(result.facts ? { facts: result.facts } : {}), depKeys: new Map(result.depKeys ?? []) });
    } else if (result.kind === 'unreadable') {
      unreadable++;
      index.acceptDisk(code[at].path, undefined);
    }
    done++;
  }
  if (done < code.length) return { files: done, unreadable, cancelled: true };
  if (options.replace) index.retainDisk(new Set(code.map((f) => normalizePath(f.path))));
  return { files: code.length, unreadable, cancelled: false };
}

/**
 * Fills a workspace index from discovered files: code files are read with bounded concurrency and handed to the
 * index one at a time (it keeps facts, never the text), yielding to the event loop between files so a language
 * server keeps answering while it builds. Unchanged files cost a read and a hash: their facts are reused by key.
 */
import { promises as fs } from 'node:fs';
import { isCodeLanguage } from '../analysis/languages';
import { normalizePath, type WorkspaceIndex } from './workspace-index';

export interface BuildOptions {
  /** Files read at once. Default 8. */
  readonly concurrency?: number;
  readonly isCancelled?: () => boolean;
  /** Drop indexed disk files that are not in `files` (a rebuild of the same folders). Default false. */
  readonly replace?: boolean;
  /** Awaited before each file: lets a language server hold the build back while the user types. */
  readonly idle?: () => Promise<void>;
}

export interface BuildResult {
  readonly files: number;
  readonly unreadable: number;
  readonly cancelled: boolean;
}

const DEFAULT_CONCURRENCY = 8;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function buildIndex(
  index: WorkspaceIndex, files: readonly { readonly path: string; readonly languageId: string }[], options: BuildOptions = {},
): Promise<BuildResult> {
  const code = files.filter((f) => isCodeLanguage(f.languageId));
  const ahead = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const reads: Promise<string | undefined>[] = [];
  const startRead = (i: number) => {
    if (i < code.length) reads[i] = readText(code[i].path);
  };
  for (let i = 0; i < ahead; i++) startRead(i);
  let unreadable = 0;
  for (let i = 0; i < code.length; i++) {
    if (options.isCancelled?.()) return { files: i, unreadable, cancelled: true };
    const text = await reads[i];
    delete reads[i];
    startRead(i + ahead);
    if (text === undefined) unreadable++;
    await (options.idle ? options.idle() : breathe());
    index.setDisk(code[i].path, text);
  }
  if (options.replace) index.retainDisk(new Set(code.map((f) => normalizePath(f.path))));
  return { files: code.length, unreadable, cancelled: false };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    const text = await fs.readFile(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

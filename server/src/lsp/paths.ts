/**
 * Document URIs, file paths and workspace folders: which folder a document is in, its workspace-relative path for
 * `exclude` globs, and whether its text is over the size limit. Matching uses the same exclude semantics as the
 * workspace walk, so a file the Check Workspace command skips is also skipped when opened.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { excludeMatcher, toPosix } from '../workspace/ignore-rules';

export interface WorkspaceFolderInfo {
  readonly uri: string;
  readonly path: string;
}

/** The file path of a `file:` URI; other schemes (untitled) keep the URI as their "path" so messages still name them. */
export function documentPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

export class WorkspaceFolders {
  private folders: WorkspaceFolderInfo[] = [];

  set(folders: readonly { uri: string }[]): void {
    this.folders = folders.filter((f) => isFileUri(f.uri)).map((f) => ({ uri: f.uri, path: documentPath(f.uri) }));
  }

  add(added: readonly { uri: string }[], removed: readonly { uri: string }[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    const kept = this.folders.filter((f) => !gone.has(f.uri));
    this.set([...kept, ...added]);
  }

  all(): readonly WorkspaceFolderInfo[] {
    return this.folders;
  }

  /** The innermost folder holding the file, for nested workspace folders. */
  folderOf(filePath: string): WorkspaceFolderInfo | undefined {
    let best: WorkspaceFolderInfo | undefined;
    for (const folder of this.folders) {
      const rel = path.relative(folder.path, filePath);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (!best || folder.path.length > best.path.length) best = folder;
    }
    return best;
  }

  /** `/`-separated path relative to the document's folder, or undefined for documents outside every folder. */
  relativePath(filePath: string): string | undefined {
    const folder = this.folderOf(filePath);
    return folder ? toPosix(path.relative(folder.path, filePath)) : undefined;
  }
}

/** Compiled exclude globs, reused while the settings object is the same. */
const matchers = new WeakMap<readonly string[], (rel: string) => boolean>();

export function isExcluded(relativePath: string | undefined, exclude: readonly string[]): boolean {
  if (relativePath === undefined || exclude.length === 0) return false;
  let matcher = matchers.get(exclude);
  if (!matcher) {
    matcher = excludeMatcher(exclude);
    matchers.set(exclude, matcher);
  }
  return matcher(relativePath);
}

/** UTF-8 size of the text, without encoding it when the length alone decides. */
export function exceedsSize(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, 'utf8') > maxBytes;
}

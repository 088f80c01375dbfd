/**
 * Minified or generated bundles hold no hand-written routes and can cost seconds to scan, so a walk leaves them out.
 * The name test is free; the content test reads only the first few kilobytes.
 */
import { promises as fs } from 'node:fs';
import { isCodeLanguage } from '../analysis/languages';
import type { LanguageId } from '../analysis/model';

const MINIFIED_NAME = /\.min\.[cm]?[jt]sx?$/i;
const HEAD_BYTES = 4096;
/** No hand-formatted source has a line this long in its first 4 KB; bundlers write whole files on one line. */
const LONG_LINE = 1000;

export function hasMinifiedName(filePath: string): boolean {
  return MINIFIED_NAME.test(filePath);
}

/** The head test applies to code only: request files legitimately carry long one-line JSON bodies. */
export async function looksMinified(filePath: string, languageId: LanguageId, size: number): Promise<boolean> {
  if (hasMinifiedName(filePath)) return true;
  if (!isCodeLanguage(languageId) || size < LONG_LINE) return false;
  const head = await readHead(filePath, Math.min(size, HEAD_BYTES));
  return head !== undefined && longestLine(head) >= LONG_LINE;
}

export function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  return longest;
}

async function readHead(filePath: string, bytes: number): Promise<string | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(filePath, 'r');
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined; // the caller finds out when it reads the whole file
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

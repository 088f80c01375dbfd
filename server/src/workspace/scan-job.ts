/**
 * One file's share of a batch scan, the same on a worker thread and on the main thread: read the file once, apply
 * the minified test to the text read, and turn it into plain data (route facts for a code file, the analysis of a
 * request file). Nothing here links across files or keeps a text: the caller decides which texts it still needs.
 */
import * as fs from 'node:fs';
import { analyze } from '../analysis/index';
import type { JsFileFacts } from '../analysis/extractors/js';
import { jsExtraction } from '../analysis/extractors/js-lazy';
import { isCodeLanguage } from '../analysis/languages';
import type { AnalysisResult, LanguageId, SeveritySetting } from '../analysis/model';
import { longestLine } from './minified';
import { contentKey, normalizePath, readDiskText } from './workspace-index';

/** What every file of one scan shares (sent to each worker once). */
export interface ScanSettings {
  /** Bytes; a file read for its handlers that is larger counts as missing, as in the index. */
  readonly maxFileSize: number;
  /** Per-rule severities for request files. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
}

export interface ScanTask {
  readonly path: string;
  readonly languageId: LanguageId;
  /** The content key the index already holds: an equal text is not extracted again. */
  readonly knownKey?: string;
  /** Analyse request files and hand back the texts the caller reports on; false: code facts only (an index build). */
  readonly analyzeRequests: boolean;
  /** Apply the minified content test (discovery left it to the reader). */
  readonly minifiedCheck: boolean;
}

export type ScanJobResult =
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'minified' }
  | { readonly kind: 'skipped' }
  | {
    readonly kind: 'code';
    readonly key: string;
    /** Absent when the key equals `knownKey`. */
    readonly facts?: JsFileFacts;
    readonly depKeys?: readonly (readonly [string, string | undefined])[];
    /** Only with `analyzeRequests`, and only when the facts hold routes (the caller lints those). */
    readonly text?: string;
  }
  | { readonly kind: 'request'; readonly result: AnalysisResult; readonly text?: string };

const HEAD_CHARS = 4096;
/** Same threshold as the discovery's head test (minified.ts). */
const LONG_LINE = 1000;

export function runScanTask(task: ScanTask, settings: ScanSettings): ScanJobResult {
  let text: string;
  try {
    text = fs.readFileSync(task.path, 'utf8');
  } catch (e) {
    return { kind: 'unreadable', message: e instanceof Error ? e.message : String(e) };
  }
  // A byte-order mark is not part of the text the user sees; leaving it would shift every offset on line 1.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const code = isCodeLanguage(task.languageId);
  if (task.minifiedCheck && code && text.length >= LONG_LINE && longestLine(text.slice(0, HEAD_CHARS)) >= LONG_LINE) {
    return { kind: 'minified' };
  }
  if (!code) {
    if (!task.analyzeRequests) return { kind: 'skipped' };
    const result = analyze({ path: task.path, languageId: task.languageId, text }, { rules: settings.rules });
    const keep = result.routes.length > 0 || result.findings.length > 0;
    return { kind: 'request', result, ...(keep ? { text } : {}) };
  }
  return codeFacts(task, text, settings);
}

function codeFacts(task: ScanTask, text: string, settings: ScanSettings): ScanJobResult {
  const key = contentKey(text);
  if (key === task.knownKey) return { kind: 'code', key };
  const path = normalizePath(task.path);
  // Files read for imported handlers: their keys tell the index when these facts go stale.
  const read = new Map<string, string | undefined>();
  const readText = (p: string): string | undefined => {
    const n = normalizePath(p);
    if (!read.has(n)) read.set(n, readDiskText(n, settings.maxFileSize));
    return read.get(n);
  };
  const facts = jsExtraction().extractFileFacts({ path, text }, { reader: { readText } });
  const depKeys: [string, string | undefined][] = [];
  for (const dep of facts.dependsOn) {
    const d = normalizePath(dep);
    if (d === path) continue;
    const depText = readText(d);
    depKeys.push([d, depText === undefined ? undefined : contentKey(depText)]);
  }
  const keep = task.analyzeRequests && facts.routes.length > 0;
  return { kind: 'code', key, facts, depKeys, ...(keep ? { text } : {}) };
}

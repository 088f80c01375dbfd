/**
 * A whole-workspace scan in one pass over the disk, for the CLI: every file is read once (on a worker thread when
 * the scan is large enough), code files become facts in the index, request files are analysed where they were read,
 * then the index links every route once and the code files that have routes go through the rules. Texts are kept
 * only for the files that have routes or findings (the report turns their offsets into lines); the rest is facts.
 */
import { lintRoutes, type AnalyzeOptions } from '../analysis/index';
import { isCodeLanguage } from '../analysis/languages';
import type { AnalysisError, AnalysisResult, LanguageId, Route, SeveritySetting } from '../analysis/model';
import { LineIndex } from '../analysis/text/lines';
import type { SkippedFile } from './discover';
import { DEFAULT_MAX_FILE_SIZE } from './discover';
import { scanInOrder, type ScanPoolOptions } from './scan-pool';
import type { ScanSettings, ScanTask } from './scan-job';
import { normalizePath, readDiskText, WorkspaceIndex } from './workspace-index';

export interface ScanFilesOptions extends Pick<ScanPoolOptions, 'workers' | 'workerScript' | 'isCancelled'> {
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly maxFileSize?: number;
  /** Apply the minified content test while reading (when discovery was told not to). Default false. */
  readonly minifiedCheck?: boolean;
  /** Default: a fresh index. */
  readonly index?: WorkspaceIndex;
}

export interface ScannedFile {
  readonly kind: 'analyzed';
  readonly path: string;
  readonly languageId: LanguageId;
  /** Present when the file has routes or findings: the text their spans point into. */
  readonly text?: string;
  readonly result: AnalysisResult;
}

export interface UnreadableScan {
  readonly kind: 'unreadable';
  readonly path: string;
  readonly languageId: LanguageId;
  readonly message: string;
}

export interface ScanFilesResult {
  /** In input order, without the files found minified. */
  readonly files: readonly (ScannedFile | UnreadableScan)[];
  /** Files the minified test left out while reading. */
  readonly skipped: readonly SkippedFile[];
  readonly cancelled: boolean;
}

interface PendingCode {
  readonly at: number;
  readonly path: string;
  readonly languageId: LanguageId;
  text?: string;
}

export async function scanFiles(
  files: readonly { readonly path: string; readonly languageId: LanguageId }[], options: ScanFilesOptions = {},
): Promise<ScanFilesResult> {
  const index = options.index ?? new WorkspaceIndex({ maxFileSize: options.maxFileSize });
  const settings: ScanSettings = { maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, ...(options.rules ? { rules: options.rules } : {}) };
  const tasks: ScanTask[] = files.map((f) => ({ path: f.path, languageId: f.languageId, analyzeRequests: true, minifiedCheck: options.minifiedCheck ?? false }));
  const out: (ScannedFile | UnreadableScan | undefined)[] = new Array(files.length);
  const skipped: SkippedFile[] = [];
  const code: PendingCode[] = [];

  for await (const { index: at, result } of scanInOrder(tasks, settings, options)) {
    const { path, languageId } = files[at];
    switch (result.kind) {
      case 'unreadable':
        out[at] = { kind: 'unreadable', path, languageId, message: result.message };
        if (isCodeLanguage(languageId)) index.acceptDisk(path, undefined);
        break;
      case 'minified':
        skipped.push({ path, reason: 'minified' });
        break;
      case 'request':
        out[at] = { kind: 'analyzed', path, languageId, result: result.result, ...(result.text !== undefined ? { text: result.text } : {}) };
        break;
      case 'code':
        index.acceptDisk(path, { key: result.key, ...(result.facts ? { facts: result.facts } : {}), depKeys: new Map(result.depKeys ?? []) });
        code.push({ at, path, languageId, ...(result.text !== undefined ? { text: result.text } : {}) });
        break;
      case 'skipped':
        break;
    }
  }
  const cancelled = options.isCancelled?.() === true;
  lintCode(code, index, { rules: options.rules }, settings.maxFileSize, out);
  return { files: out.filter((f): f is ScannedFile | UnreadableScan => f !== undefined), skipped, cancelled };
}

/** Links every route once, then runs the rules on the code files that have routes (the others have no findings). */
function lintCode(code: readonly PendingCode[], index: WorkspaceIndex, options: AnalyzeOptions, maxFileSize: number, out: (ScannedFile | UnreadableScan | undefined)[]): void {
  let linked: ReadonlyMap<string, readonly Route[]> = new Map();
  let linkError: string | undefined;
  try {
    linked = index.allRoutes();
  } catch (e) {
    linkError = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  }
  for (const file of code) {
    const errors: AnalysisError[] = [];
    const routes = linked.get(normalizePath(file.path)) ?? [];
    if (linkError && index.facts(file.path)?.routes.length) errors.push({ where: 'extractor js-routes', filePath: file.path, message: linkError });
    if (routes.length === 0) {
      out[file.at] = { kind: 'analyzed', path: file.path, languageId: file.languageId, result: { routes: [], findings: [], errors } };
      continue;
    }
    // The worker hands back the text of every file with routes; a file whose facts were reused is read here.
    const text = file.text ?? readDiskText(file.path, maxFileSize) ?? '';
    const source = { path: file.path, languageId: file.languageId, text };
    const findings = lintRoutes(source, routes, new LineIndex(text), options, errors);
    out[file.at] = { kind: 'analyzed', path: file.path, languageId: file.languageId, text, result: { routes, findings, errors } };
  }
}

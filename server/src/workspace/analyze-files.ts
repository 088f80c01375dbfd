/**
 * Reads discovered files and runs the core on each, for both front doors. Files come back one at a time, in the
 * order given, so the language server can report progress and stop when cancelled, and the CLI can print as it goes.
 * Reads run ahead of the analysis with bounded concurrency; analysis itself is synchronous and runs one file at a time.
 */
import { promises as fs } from 'node:fs';
import { analyze, type AnalyzeOptions } from '../analysis/index';
import type { AnalysisResult, LanguageId, SeveritySetting } from '../analysis/model';
import type { WorkspaceView } from '../analysis/extractors/extractor';
import { isCodeLanguage } from '../analysis/languages';
import { analyzeIndexed } from './indexed-analysis';
import type { WorkspaceIndex } from './workspace-index';

export interface AnalyzeFilesOptions {
  /** Per-rule severity overrides, as in `analyze()`. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly workspace?: WorkspaceView;
  /**
   * The workspace index, built over the same files beforehand: code files then get their full cross-file paths.
   * Each file's text as read here refreshes the index (a no-op when unchanged).
   */
  readonly index?: WorkspaceIndex;
  /** Files read ahead of the analysis. Default 8. */
  readonly concurrency?: number;
  /** Checked before each file; iteration ends early when true. */
  readonly isCancelled?: () => boolean;
}

export interface FileToAnalyze {
  readonly path: string;
  readonly languageId: LanguageId;
}

export interface AnalyzedFile {
  readonly kind: 'analyzed';
  readonly path: string;
  readonly languageId: LanguageId;
  /** The text the spans of `result` point into; front doors need it to turn offsets into lines and columns. */
  readonly text: string;
  readonly result: AnalysisResult;
}

export interface UnreadableFile {
  readonly kind: 'unreadable';
  readonly path: string;
  readonly languageId: LanguageId;
  readonly message: string;
}

export type FileOutcome = AnalyzedFile | UnreadableFile;

const DEFAULT_CONCURRENCY = 8;

/** One outcome per file, in input order. Never throws for a file: an unreadable one yields an `unreadable` outcome. */
export async function* analyzeFiles(files: readonly FileToAnalyze[], options: AnalyzeFilesOptions = {}): AsyncGenerator<FileOutcome> {
  const ahead = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const analyzeOptions: AnalyzeOptions = { rules: options.rules, workspace: options.workspace };
  const reads: Promise<string | Error>[] = [];
  const startRead = (i: number) => {
    if (i < files.length) reads[i] = readText(files[i].path);
  };
  for (let i = 0; i < ahead; i++) startRead(i);
  for (let i = 0; i < files.length; i++) {
    if (options.isCancelled?.()) return;
    const file = files[i];
    const text = await reads[i];
    delete reads[i]; // drop the text from the window once consumed so a large run does not hold every file
    startRead(i + ahead);
    if (text instanceof Error) {
      yield { kind: 'unreadable', path: file.path, languageId: file.languageId, message: text.message };
      continue;
    }
    const source = { path: file.path, languageId: file.languageId, text };
    if (options.index && isCodeLanguage(file.languageId)) options.index.setDisk(file.path, text);
    const result = options.index ? analyzeIndexed(source, options.index, analyzeOptions) : analyze(source, analyzeOptions);
    yield { kind: 'analyzed', path: file.path, languageId: file.languageId, text, result };
  }
}

/** The callback form, for callers that prefer it; returns how many files were analyzed and how many could not be read. */
export async function forEachAnalyzedFile(
  files: readonly FileToAnalyze[],
  onFile: (outcome: FileOutcome, index: number) => void | Promise<void>,
  options: AnalyzeFilesOptions = {},
): Promise<{ analyzed: number; unreadable: number }> {
  let index = 0;
  let analyzed = 0;
  let unreadable = 0;
  for await (const outcome of analyzeFiles(files, options)) {
    if (outcome.kind === 'analyzed') analyzed++;
    else unreadable++;
    await onFile(outcome, index++);
  }
  return { analyzed, unreadable };
}

async function readText(path: string): Promise<string | Error> {
  try {
    const text = await fs.readFile(path, 'utf8');
    // A byte-order mark is not part of the text the user sees; leaving it would shift every offset on line 1.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

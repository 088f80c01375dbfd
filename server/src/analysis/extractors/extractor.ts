/**
 * The extractor contract: text in, routes out. Extractors record what is written and what handlers do; they never
 * decide whether a method is right (that is the rules' job).
 */
import type { Route, SourceFile } from '../model';
import type { LineIndex } from '../text/lines';

export interface ExtractContext {
  readonly lines: LineIndex;
  /**
   * Facts about other files of the workspace (mount prefixes, imported handlers), when the caller has them.
   * Single-file callers leave it out and get routes with the prefixes this file alone shows.
   */
  readonly workspace?: WorkspaceView;
}

/** What an extractor may ask of the rest of the workspace. Implemented by the workspace index, never by rules. */
export interface WorkspaceView {
  /** The text of another file, when it is part of the workspace and readable; undefined otherwise. */
  readText(path: string): string | undefined;
  /**
   * Paths of the workspace's files, when the caller knows them. Lets code extractors find the files that mount
   * this file's routers (their prefixes); without it, only what this file and the files it imports show is used.
   */
  listFiles?(): readonly string[];
}

export interface Extractor {
  readonly id: string;
  /** Cheap test on path and language (and, for code, a marker in the text) before any parsing happens. */
  accepts(file: SourceFile): boolean;
  extract(file: SourceFile, context: ExtractContext): Route[];
}

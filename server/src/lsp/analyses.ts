/**
 * The one place the server calls the core for open documents. Code documents go through the workspace index (their
 * text becomes the index's overlay, their routes get the prefixes other files mount them at). Results are memoised
 * per URI for the current version, rule settings and index generation, so validation, hover and code actions on the
 * same version share one analysis; a new version, a settings change or a change elsewhere in the workspace that may
 * alter routes simply misses the memo.
 */
import * as fs from 'node:fs';
import type { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isCodeLanguage } from '../analysis/languages';
import type { AnalysisResult, Span } from '../analysis/model';
import { analyzeIndexed } from '../workspace/indexed-analysis';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import type { Log } from './log';
import { documentPath, exceedsSize, fileUri } from './paths';
import type { Settings } from './settings';

interface Memo {
  readonly version: number;
  readonly rulesKey: string;
  readonly generation: number;
  readonly result: AnalysisResult;
  readonly durationMs: number;
}

export interface DocumentAnalysis {
  readonly result: AnalysisResult;
  readonly path: string;
  readonly durationMs: number;
}

const EMPTY: AnalysisResult = { routes: [], findings: [], errors: [] };

export class DocumentAnalyses {
  private readonly memo = new Map<string, Memo>();

  constructor(private readonly log: Log, private readonly index: WorkspaceIndex) {}

  get(document: TextDocument, settings: Settings): DocumentAnalysis {
    const path = documentPath(document.uri);
    const rulesKey = JSON.stringify(settings.rules);
    const hit = this.memo.get(document.uri);
    if (hit && hit.version === document.version && hit.rulesKey === rulesKey && hit.generation === this.index.generation) {
      return { result: hit.result, path, durationMs: hit.durationMs };
    }
    const started = performance.now();
    let result: AnalysisResult;
    let generation = this.index.generation;
    try {
      const text = document.getText();
      // The open text wins over the disk for every file that links with this one.
      if (isCodeLanguage(document.languageId)) this.index.setOverlay(path, text);
      generation = this.index.generation;
      result = analyzeIndexed({ path, languageId: document.languageId, text }, this.index, { rules: settings.rules });
    } catch (e) {
      // The core promises never to throw; if it does anyway, the document gets no findings rather than a dead server.
      this.log.caught(`analysis of ${path}`, e);
      result = { ...EMPTY, errors: [{ where: 'analyze', filePath: path, message: String(e) }] };
    }
    const durationMs = performance.now() - started;
    this.log.analysisErrors(result.errors);
    this.memo.set(document.uri, { version: document.version, rulesKey, generation, result, durationMs });
    return { result, path, durationMs };
  }

  /** The document closed: its memo goes, and the disk text counts again in the index. */
  forget(uri: string): void {
    this.memo.delete(uri);
    this.index.closeOverlay(documentPath(uri));
  }
}

/**
 * Location of evidence in another file (a handler imported from elsewhere): the open document when there is one,
 * else the file on disk, read only when it is small enough to be worth it.
 */
export function locateInFile(
  filePath: string, span: Span, openDocument: (uri: string) => TextDocument | undefined, maxFileSize: number,
): Location | undefined {
  const uri = fileUri(filePath);
  let document = openDocument(uri);
  if (!document) {
    try {
      if (fs.statSync(filePath).size > maxFileSize) return undefined;
      const text = fs.readFileSync(filePath, 'utf8');
      if (exceedsSize(text, maxFileSize)) return undefined;
      document = TextDocument.create(uri, 'plaintext', 0, text);
    } catch {
      return undefined;
    }
  }
  return { uri, range: { start: document.positionAt(span.start), end: document.positionAt(span.end) } };
}

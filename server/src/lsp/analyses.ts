/**
 * The one place the server calls the core for open documents. Results are memoised per URI for the current version
 * and rule settings, so validation, hover and code actions on the same version share one analysis; a new version
 * or a settings change simply misses the memo.
 */
import * as fs from 'node:fs';
import type { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis/index';
import type { AnalysisResult, Span } from '../analysis/model';
import type { Log } from './log';
import { documentPath, exceedsSize, fileUri } from './paths';
import type { Settings } from './settings';

interface Memo {
  readonly version: number;
  readonly rulesKey: string;
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

  constructor(private readonly log: Log) {}

  get(document: TextDocument, settings: Settings): DocumentAnalysis {
    const path = documentPath(document.uri);
    const rulesKey = JSON.stringify(settings.rules);
    const hit = this.memo.get(document.uri);
    if (hit && hit.version === document.version && hit.rulesKey === rulesKey) {
      return { result: hit.result, path, durationMs: hit.durationMs };
    }
    const started = performance.now();
    let result: AnalysisResult;
    try {
      result = analyze({ path, languageId: document.languageId, text: document.getText() }, { rules: settings.rules });
    } catch (e) {
      // The core promises never to throw; if it does anyway, the document gets no findings rather than a dead server.
      this.log.caught(`analysis of ${path}`, e);
      result = { ...EMPTY, errors: [{ where: 'analyze', filePath: path, message: String(e) }] };
    }
    const durationMs = performance.now() - started;
    this.log.analysisErrors(result.errors);
    this.memo.set(document.uri, { version: document.version, rulesKey, result, durationMs });
    return { result, path, durationMs };
  }

  forget(uri: string): void {
    this.memo.delete(uri);
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

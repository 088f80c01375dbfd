/**
 * `analyze()` with the workspace index: code files take their routes from the index (full cross-file paths, facts
 * reused by content key) and go through the same rules; request files are analysed as always. Like the core, it
 * never throws: a failing link drops the file's routes and is reported in `errors`.
 */
import { analyze, lintRoutes, type AnalyzeOptions } from '../analysis/index';
import { isCodeLanguage } from '../analysis/languages';
import type { AnalysisError, AnalysisResult, Route, SourceFile } from '../analysis/model';
import { LineIndex } from '../analysis/text/lines';
import type { WorkspaceIndex } from './workspace-index';

export function analyzeIndexed(file: SourceFile, index: WorkspaceIndex, options: AnalyzeOptions = {}): AnalysisResult {
  if (!isCodeLanguage(file.languageId)) return analyze(file, options);
  const errors: AnalysisError[] = [];
  let routes: readonly Route[] = [];
  try {
    routes = index.routesForText(file.path, file.text);
  } catch (e) {
    errors.push({ where: 'extractor js-routes', filePath: file.path, message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
  }
  if (routes.length === 0) return { routes: [], findings: [], errors };
  const findings = lintRoutes(file, routes, new LineIndex(file.text), options, errors);
  return { routes, findings, errors };
}

/** Request files (.http/.rest) to routes: one route per request, with its path, URL variables and body. */
import type { Route, SourceFile } from '../model';
import type { Extractor } from '../extractors/extractor';
import { isRequestFileLanguage } from '../languages';
import type { ParsedRequest } from './types';
import { parseRequestFile } from './blocks';
import { analyzeUrl } from './url';
import { analyzeBody } from './body';
import { FileVariableTable } from './variables';

export function requestToRoute(
  request: ParsedRequest, text: string, filePath: string, variables: FileVariableTable, fileVariables: readonly string[] = [],
): Route {
  const { path, urlVariables } = analyzeUrl(text, request.url.pieces, variables, request.span.start);
  return {
    framework: 'http-file',
    filePath,
    name: request.name,
    method: request.method,
    methodText: request.methodText,
    methodSpan: request.methodSpan,
    path,
    pathSpan: request.url.span,
    urlVariables,
    fileVariables,
    body: analyzeBody(request.body, request.headers),
    effects: [],
    span: request.span,
  };
}

export function extractHttpRoutes(text: string, filePath: string): Route[] {
  const parsed = parseRequestFile(text);
  const variables = new FileVariableTable(parsed.variables);
  const names = [...new Set(parsed.variables.map((v) => v.name))];
  return parsed.requests.map((r) => requestToRoute(r, text, filePath, variables, names));
}

export const httpFileExtractor: Extractor = {
  id: 'http-file',
  accepts: (file: SourceFile) => isRequestFileLanguage(file.languageId),
  extract: (file: SourceFile) => extractHttpRoutes(file.text, file.path),
};

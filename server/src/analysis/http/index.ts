/**
 * The request-file (.http/.rest) reader: REST Client, httpYac and JetBrains HTTP Client dialects.
 * `parseRequestFile` gives the syntax (requests, headers, file variables with spans) for hovers and edits;
 * `extractHttpRoutes` / `httpFileExtractor` give the shared route model.
 */
export type { FileVariable, Header, Metadata, ParsedBody, ParsedRequest, ParsedRequestFile, RequestUrl, UrlPiece } from './types';
export { parseRequestFile } from './blocks';
export { analyzeUrl, type UrlAnalysis } from './url';
export { analyzeBody } from './body';
export { scanJsonObjectFields } from './json-fields';
export { FileVariableTable, findVariableRefs, isRequestVariable, referenceKind, type VariableRef } from './variables';
export { extractHttpRoutes, httpFileExtractor, requestToRoute } from './extractor';

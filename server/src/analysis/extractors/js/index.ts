/** Public entry points of route extraction from code. */
export { jsRouteExtractor } from './extractor';
export { extractWorkspaceRoutes, routesForFile, type WorkspaceFile } from './workspace';
export { extractFileFacts } from './file-facts';
export { linkRoutes } from './link';
export type { JsFileFacts } from './facts';

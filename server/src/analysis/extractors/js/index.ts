/**
 * Public entry points of route extraction from code.
 *
 * Modules of this extractor import TypeScript with `import ts = require('typescript')`: a namespace import is compiled
 * (by tsc and by the esbuild bundle) into an object whose every member is a getter, and the readers here call `ts.isX`
 * on nearly every node they look at: that indirection alone cost about a quarter of the analysis time.
 */
export { jsRouteExtractor } from './extractor';
export { extractWorkspaceRoutes, routesForFile, type WorkspaceFile } from './workspace';
export { extractFileFacts, type FactsOptions } from './file-facts';
export { forgetIncremental } from './incremental';
export { linkRoutes } from './link';
export { candidatePaths, resolveModule, toSlashes } from './modules';
export type { JsFileFacts } from './facts';

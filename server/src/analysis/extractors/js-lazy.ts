/**
 * Route code needs the TypeScript compiler, which takes about half a second to load. It is required on first use,
 * so the language server starts, and request files are linted, without paying for it. Only modules that need no
 * TypeScript (the prefilter, module resolution) may be imported from extractors/js directly outside this file.
 */
import type * as JsExtraction from './js';

let loaded: typeof JsExtraction | undefined;

export function jsExtraction(): typeof JsExtraction {
  // A plain require keeps esbuild from hoisting the module (and TypeScript) into the bundle's start-up code.
  loaded ??= require('./js') as typeof JsExtraction;
  return loaded;
}

/** The module when something has loaded it already; for clean-ups that have nothing to do otherwise. */
export function loadedJsExtraction(): typeof JsExtraction | undefined {
  return loaded;
}

/** The extractors, in the order they are tried. Each file is read by every extractor that accepts it. */
import type { Extractor } from './extractor';
import { httpFileExtractor } from '../http/extractor';
import { acceptsRouteCode } from './js/prefilter';
import { jsExtraction } from './js-lazy';

/** The route-code extractor behind a cheap prefilter; TypeScript loads only when a file passes it. */
const jsRouteExtractor: Extractor = {
  id: 'js-routes',
  accepts: acceptsRouteCode,
  extract: (file, context) => jsExtraction().jsRouteExtractor.extract(file, context),
};

export const extractors: readonly Extractor[] = [httpFileExtractor, jsRouteExtractor];

/** The extractors, in the order they are tried. Each file is read by every extractor that accepts it. */
import type { Extractor } from './extractor';
import { httpFileExtractor } from '../http/extractor';
import { jsRouteExtractor } from './js/extractor';

export const extractors: readonly Extractor[] = [httpFileExtractor, jsRouteExtractor];

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyze } from '../analysis/index';
import type { LanguageId } from '../analysis/model';
import { allViolations } from './invariants';
import { fuzzRuns, fuzzSeed, mutatedSeed } from './mutation';
import { REQUEST_FILE_SEEDS, REQUEST_FILE_TOKENS, ROUTE_CODE_SEEDS, ROUTE_CODE_TOKENS } from './seeds';

/** analyze() must not throw, must keep every span inside the text, and must give the same answer twice. */
function checkText(path: string, languageId: LanguageId, text: string): void {
  let first;
  try {
    first = analyze({ path, languageId, text });
  } catch (e) {
    assert.fail(`analyze threw on ${JSON.stringify(text.slice(0, 200))}: ${e instanceof Error ? e.stack : String(e)}`);
  }
  assert.deepEqual(allViolations(first, text.length, path), [], `input: ${JSON.stringify(text.slice(0, 300))}`);
  assert.deepEqual(analyze({ path, languageId, text }), first, 'a second analysis of the same text differs');
}

const property = (arb: fc.Arbitrary<string>, path: string, languageId: LanguageId, runs: number) => () =>
  fc.assert(fc.property(arb, (text) => checkText(path, languageId, text)), { numRuns: fuzzRuns(runs), seed: fuzzSeed() });

describe('fuzz: request-file parser through analyze()', function () {
  this.timeout(30_000); // bounded by run counts, not by time; the limit only catches a hang
  it('the seeds themselves are clean and give routes to damage', () => {
    for (const seed of REQUEST_FILE_SEEDS) {
      checkText('x.http', 'http', seed);
      assert.ok(analyze({ path: 'x.http', languageId: 'http', text: seed }).routes.length >= 2, seed.slice(0, 60));
    }
  });
  it('mutated request files', property(mutatedSeed(REQUEST_FILE_SEEDS, REQUEST_FILE_TOKENS), 'x.http', 'http', 400));
  it('arbitrary UTF-16 text', property(fc.string({ unit: 'binary', maxLength: 400 }), 'x.http', 'http', 200));
  it('lines built from request-file tokens', property(
    fc.array(fc.constantFrom(...REQUEST_FILE_TOKENS, 'https://h/a/{{id}}', ' ', 'Content-Type: application/json\n', '\n\n'), { maxLength: 60 }).map((parts) => parts.join('')),
    'x.rest', 'http', 300));
});

describe('fuzz: JS/TS route extractors through analyze()', function () {
  this.timeout(30_000);
  const kinds: readonly [string, LanguageId][] = [['routes.ts', 'typescript'], ['routes.js', 'javascript'], ['app/api/x/[id]/route.ts', 'typescript'], ['Page.tsx', 'typescriptreact']];
  it('the seeds themselves are clean', () => {
    for (const seed of ROUTE_CODE_SEEDS) for (const [path, languageId] of kinds) checkText(path, languageId, seed);
  });
  for (const [path, languageId] of kinds.slice(0, 3)) {
    it(`mutated route code as ${path}`, property(mutatedSeed(ROUTE_CODE_SEEDS, ROUTE_CODE_TOKENS), path, languageId, 120));
  }
  it('arbitrary UTF-16 text as TypeScript', property(fc.string({ unit: 'binary', maxLength: 400 }), 'routes.ts', 'typescript', 150));
  it('token soup as TSX', property(
    fc.array(fc.constantFrom(...ROUTE_CODE_TOKENS, 'x', ' ', '1', 'req', 'res'), { maxLength: 80 }).map((parts) => parts.join('')),
    'Page.tsx', 'typescriptreact', 150));
});

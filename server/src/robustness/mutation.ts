/** fast-check arbitraries that damage realistic text the way editing and bad tools do. */
import * as fc from 'fast-check';

export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number };

/** Applies mutations in order; positions are taken modulo the current length so every mutation lands. */
export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'duplicate') out = out.slice(0, at + m.length) + out.slice(at, at + m.length) + out.slice(at + m.length);
    else out = out.slice(0, at);
  }
  return out;
}

/** Inserted text: a meaningful token, arbitrary UTF-16 (lone surrogates included), or printable unicode. */
export function insertion(tokens: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...tokens) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\ud800', '\udfff', '\u0000', '\u200b', '\ufffd', '\u0085'), maxLength: 4 }) },
  );
}

export function mutation(tokens: readonly string[]): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 100_000 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: insertion(tokens) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 60 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
  );
}

/** A seed damaged by up to `max` mutations. */
export function mutatedSeed(seeds: readonly string[], tokens: readonly string[], max = 8): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation(tokens), { minLength: 1, maxLength: max }))
    .map(([seed, mutations]) => applyMutations(seed, mutations));
}

/** How many runs a property gets: small by default so the unit suite stays fast; FUZZ_RUNS raises it locally. */
export function fuzzRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

/** A fixed seed keeps CI reproducible; FUZZ_SEED explores further (a failure prints the seed and path to replay). */
export function fuzzSeed(): number {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fromEnv) ? fromEnv : 20260;
}

// Builds what the benchmark runs: dist/ through the project's own esbuild.mjs (what users get), and a small bundle of
// core modules (analyze, discovery, the hostile generator, the regex collector) for in-process measurements.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export function buildDist(repo) {
  const run = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

const CORE_ENTRY = `
export { analyze } from './server/src/analysis/index';
export { discoverFiles } from './server/src/workspace/discover';
export { hostileFiles, decodeAsFrontDoor } from './server/src/robustness/hostile-files';
export { writeHostileWorkspace } from './server/src/robustness/hostile-workspace';
export { collectRegexes } from './server/src/robustness/regex-collect';
export { regexProblems, starHeight } from './server/src/robustness/regex-shape';
`;

/** Bundles the core helpers (typescript included, as dist/ bundles it) to `<outDir>/core.cjs` and loads them. */
export async function loadCore(repo, outDir) {
  const esbuild = await import(join(repo, 'node_modules', 'esbuild', 'lib', 'main.js'));
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'core.cjs');
  await esbuild.build({
    stdin: { contents: CORE_ENTRY, resolveDir: repo, loader: 'ts', sourcefile: 'bench-core.ts' },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'error',
  });
  const require = createRequire(join(repo, 'package.json'));
  if (!existsSync(outfile)) throw new Error('core bundle was not written');
  return require(outfile);
}

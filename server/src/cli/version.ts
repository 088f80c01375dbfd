/**
 * The package version. The literal require lets esbuild inline package.json into dist/cli.js, so the bundle knows
 * its version wherever it is copied; unbundled (tsc output in a scratch folder) the lookup may fail, hence the fallback.
 */
export function packageVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

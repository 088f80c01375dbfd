// Bundles the extension client, the language server and the CLI into dist/. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// The TypeScript compiler is 9 MB of JavaScript: compiling it with the server would cost every start about a third
// of a second, even for request files. It gets a bundle of its own, which the server and the CLI require on the first
// route file (see server/src/analysis/extractors/js-lazy.ts).
const ownTypeScript = {
  name: 'own-typescript-bundle',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: './typescript.js', external: true }));
  },
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/server.ts' }, plugins: [ownTypeScript] },
  { entryPoints: { cli: 'server/src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' }, plugins: [ownTypeScript] },
  { entryPoints: { typescript: 'node_modules/typescript/lib/typescript.js' }, sourcemap: false },
];

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b, outdir: 'dist' })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

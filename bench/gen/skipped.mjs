// What a workspace scan must leave out: installed dependencies, build output, git-ignored generated code and a
// minified vendor bundle. All of it looks like route code on purpose, so a scan that fails to skip it shows up in
// the route counts as well as in the timings.
import { RESOURCES } from './random.mjs';

function fakeFrameworkSource(rng, lines) {
  const out = ["'use strict';", "const http = require('node:http');", ''];
  while (out.length < lines) {
    const [plural] = rng.pick(RESOURCES);
    out.push(`router.${rng.pick(['get', 'post', 'put', 'delete'])}('/${plural}/:id', function handle(req, res, next) {`);
    out.push('  var layer = this.stack[this.index++];', '  if (!layer) return next();', '  layer.handle(req, res, next);', '});', '');
  }
  return out.join('\n');
}

/** Files under node_modules, dist, build output and an ignored folder; `lines` is roughly how many to write in all. */
export function skippedFiles(rng, lines) {
  const files = [];
  let written = 0;
  const add = (path, text) => {
    files.push({ path, text });
    written += text.split('\n').length;
  };
  let n = 0;
  while (written < lines) {
    const pkg = rng.pick(['express', 'router', 'fastify', 'koa', 'hono', 'body-parser', 'lodash', 'debug', 'zod']);
    const scope = n % 3 === 0 ? 'node_modules' : `packages/svc-${n % 7}/node_modules`;
    add(`${scope}/${pkg}${n}/package.json`, JSON.stringify({ name: `${pkg}${n}`, version: `1.${n}.0`, main: 'index.js' }, null, 2));
    add(`${scope}/${pkg}${n}/index.js`, fakeFrameworkSource(rng, rng.int(200, 1200)));
    add(`${scope}/${pkg}${n}/lib/router.d.ts`, 'export declare function get(path: string, ...handlers: unknown[]): void;\n');
    n++;
  }
  add('dist/server.js', fakeFrameworkSource(rng, 3000));
  add('packages/svc-0/build/app.js', fakeFrameworkSource(rng, 800));
  add('generated/openapi-client.ts', fakeFrameworkSource(rng, 1500));
  const minified = [];
  for (let i = 0; i < 2000; i++) minified.push(`r.get("/v${i}/items/:id",function(e,t){t.json(e.params)});`);
  add('public/vendor.min.js', minified.join(''));
  add('public/app.bundle.js', minified.join(''));
  return files;
}

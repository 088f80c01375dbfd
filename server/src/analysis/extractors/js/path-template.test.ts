import * as assert from 'node:assert/strict';
import { displayOf, parseRoutePath, splitPath } from './path-template';

const show = (path: string, nextjs = false) => parseRoutePath(path, { nextjs }).map((s) => (s.kind === 'literal' ? s.text : s.kind === 'param' ? `${s.name}${s.catchAll ? '*' : ''}` : `~${s.raw}`));

describe('js routes: path templates', () => {
  it('reads the parameter syntaxes of each framework', () => {
    assert.deepEqual(show('/users/:id'), ['users', 'id']);
    assert.deepEqual(show('/users/:id?'), ['users', 'id']);
    assert.deepEqual(show('/posts/:id{[0-9]+}'), ['posts', 'id']);
    assert.deepEqual(show('/files/:path(.*)'), ['files', 'path']);
    assert.deepEqual(show('/files/:rest*'), ['files', 'rest*']);
    assert.deepEqual(show('/items/{itemId}'), ['items', 'itemId']);
    assert.deepEqual(show('/assets/*'), ['assets', '**']);
    assert.deepEqual(show('/assets/*splat'), ['assets', 'splat*']);
    assert.deepEqual(show('users/[id]/[...slug]/[[...opt]]', true), ['users', 'id', 'slug*', 'opt*']);
  });

  it('keeps what it cannot reduce as mixed, and regex braces whole', () => {
    assert.deepEqual(show('/flights/:from-:to'), ['flights', '~:from-:to']);
    assert.deepEqual(show('/v1/${version}/users'), ['v1', '~${version}', 'users']);
    assert.deepEqual(splitPath('/a/:x{\\d+/\\d+}/b').map((p) => p.text), ['a', ':x{\\d+/\\d+}', 'b']);
    assert.deepEqual(show('[id]'), ['~[id]'], 'brackets are Next.js syntax only in file paths');
  });

  it('gives segments spans from the base offset', () => {
    const [, id] = parseRoutePath('/users/:id', { base: 10 });
    assert.deepEqual(id.span, { start: 17, end: 20 });
  });

  it('displays parameters in braces and unresolved prefixes as {?}', () => {
    const segs = parseRoutePath('/users/:id');
    assert.equal(displayOf([{ segment: { kind: 'mixed', raw: 'process.env.BASE' }, unresolved: true }, ...segs.map((segment) => ({ segment }))]), '/{?}/users/{id}');
    assert.equal(displayOf([]), '/');
  });
});

import * as assert from 'node:assert/strict';
import { describeRoute, loadProject, routesIn } from './test-support';

describe('js routes: Koa', () => {
  const project = loadProject('koa-app');
  const all = project.routes();
  const ws = '/ws/koa-app/src';

  it('nests router.use(path, other.routes()) under new Router({ prefix })', () => {
    const text = project.text(`${ws}/users.js`);
    assert.deepEqual(routesIn(all, `${ws}/users.js`).map((r) => describeRoute(r, text)), [
      'GET /api/users [get] [/]',
      'PUT /api/users/{id} [put] [/:id]',
      'DELETE /api/users/{id} [del] [/:id]',
      'GET /api/users/{id}/profile [get] [/:id/profile]',
    ]);
    const del = routesIn(all, `${ws}/users.js`)[2];
    assert.equal(del.methodText, 'del');
    assert.equal(del.framework, 'koa');
    assert.deepEqual(del.path.mountChain.map((s) => [s.prefix, s.filePath]), [['/api', `${ws}/index.js`], ['/users', `${ws}/index.js`]]);
  });

  it('reads router.prefix() and routers mounted on the Koa app', () => {
    const text = project.text(`${ws}/admin.ts`);
    assert.deepEqual(routesIn(all, `${ws}/admin.ts`).map((r) => describeRoute(r, text)), ['POST /admin/reindex [post] [/reindex]']);
    assert.equal(routesIn(all, `${ws}/index.js`).length, 0);
  });
});

describe('js routes: Hono', () => {
  const project = loadProject('hono-app');
  const all = project.routes();
  const ws = '/ws/hono-app/src';

  it('reads chained routes of an imported app mounted with route() under basePath()', () => {
    const text = project.text(`${ws}/books.ts`);
    assert.deepEqual(routesIn(all, `${ws}/books.ts`).map((r) => describeRoute(r, text)), [
      'GET /api/books [get] [/]',
      'POST /api/books [post] [/]',
      'PUT /api/books/{id} [put] [/:id]',
    ]);
    const put = routesIn(all, `${ws}/books.ts`)[2];
    assert.equal(text.slice(put.span.start, put.span.end), "put('/:id', async (c) => c.body(null, 204))");
  });

  it('reads app.on(methods, path) with regex-constrained parameters', () => {
    const text = project.text(`${ws}/index.ts`);
    assert.deepEqual(routesIn(all, `${ws}/index.ts`).map((r) => describeRoute(r, text)), [
      'GET /api [get] [/]',
      'PUT /api/posts/{id} [PUT] [/posts/:id{[0-9]+}]',
      'DELETE /api/posts/{id} [DELETE] [/posts/:id{[0-9]+}]',
    ]);
    const put = routesIn(all, `${ws}/index.ts`)[1];
    const last = put.path.segments[put.path.segments.length - 1];
    assert.deepEqual(last.kind === 'param' && [last.name, last.raw], ['id', ':id{[0-9]+}']);
    assert.equal(put.framework, 'hono');
  });
});

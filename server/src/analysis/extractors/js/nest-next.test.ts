import * as assert from 'node:assert/strict';
import { describeRoute, loadProject, routesIn, slice } from './test-support';
import { extractWorkspaceRoutes } from './workspace';

describe('js routes: NestJS', () => {
  const project = loadProject('nest-app');
  const all = project.routes();
  const ws = '/ws/nest-app/src';

  it('joins setGlobalPrefix, the controller path and the method decorator path', () => {
    const text = project.text(`${ws}/users/users.controller.ts`);
    assert.deepEqual(routesIn(all, `${ws}/users/users.controller.ts`).map((r) => describeRoute(r, text)), [
      'GET /api/users [Get] [-]',
      'POST /api/users [Post] [-]',
      'GET /api/users/{id} [Get] [:id]',
      'PUT /api/users/{id} [Put] [:id]',
      'PATCH /api/users/{id} [Patch] [:id]',
      'DELETE /api/users/{id} [Delete] [:id]',
    ]);
    const put = routesIn(all, `${ws}/users/users.controller.ts`)[3];
    assert.equal(put.framework, 'nestjs');
    assert.deepEqual(put.path.mountChain.map((s) => [s.prefix, s.filePath]), [['api', `${ws}/main.ts`], ['users', `${ws}/users/users.controller.ts`]]);
    assert.equal(slice(text, put.path.segments[1].span), 'users', 'the controller path is written in this file');
    assert.ok(slice(text, put.span)!.startsWith("@Put(':id')"));
  });

  it('reads { path } controllers, aliased decorators, @Head/@Options/@All', () => {
    const text = project.text(`${ws}/orders/orders.controller.ts`);
    assert.deepEqual(routesIn(all, `${ws}/orders/orders.controller.ts`).map((r) => describeRoute(r, text)), [
      'PUT /api/orders/{orderId}/lines/{lineId} [Replace] [:orderId/lines/:lineId]',
      'HEAD /api/orders [Head] [-]',
      'OPTIONS /api/orders [Options] [-]',
      'ALL /api/orders/legacy/{*} [All] [legacy/*]',
    ]);
  });

  it('has no global prefix without the bootstrap file', () => {
    const only = project.files.filter((f) => f.path.endsWith('users.controller.ts'));
    const routes = [...extractWorkspaceRoutes(only).values()].flat();
    assert.equal(routes[0].path.display, '/users');
  });
});

describe('js routes: Next.js', () => {
  const project = loadProject('next-app');
  const all = project.routes();
  const ws = '/ws/next-app';

  it('App Router: methods exported as functions, consts and export { x as METHOD }', () => {
    const users = `${ws}/app/api/users/route.ts`;
    assert.deepEqual(routesIn(all, users).map((r) => describeRoute(r, project.text(users))), ['GET /api/users [GET] [-]', 'POST /api/users [POST] [-]']);
    const item = `${ws}/app/api/users/[id]/route.ts`;
    const routes = routesIn(all, item);
    assert.deepEqual(routes.map((r) => describeRoute(r, project.text(item))), ['PUT /api/users/{id} [PUT] [-]', 'DELETE /api/users/{id} [DELETE] [-]']);
    assert.ok(routes.every((r) => r.framework === 'nextjs-app' && r.path.prefixResolved && r.pathSpan === undefined));
    const cart = `${ws}/app/(shop)/api/cart/[...items]/route.ts`;
    assert.deepEqual(routesIn(all, cart).map((r) => describeRoute(r, project.text(cart))), ['PATCH /api/cart/{items} [PATCH] [-]', 'GET /api/cart/{items} [GET] [-]']);
    const last = routesIn(all, cart)[0].path.segments[2];
    assert.deepEqual(last.kind === 'param' && [last.name, last.catchAll], ['items', true]);
  });

  it('App Router: drops @slots, reads optional catch-alls', () => {
    const docs = `${ws}/app/docs/@modal/[[...slug]]/route.js`;
    const [route] = routesIn(all, docs);
    assert.equal(route.path.display, '/docs/{slug}');
    const last = route.path.segments[1];
    assert.deepEqual(last.kind === 'param' && [last.raw, last.catchAll], ['[[...slug]]', true]);
  });

  it('Pages API: one route per req.method branch (switch with fall-through, if/else, guard)', () => {
    const item = `${ws}/pages/api/items/[id].ts`;
    const text = project.text(item);
    assert.deepEqual(routesIn(all, item).map((r) => describeRoute(r, text)), [
      'GET /api/items/{id} [GET] [-]', 'PUT /api/items/{id} [PUT] [-]', 'PATCH /api/items/{id} [PATCH] [-]', 'DELETE /api/items/{id} [DELETE] [-]',
    ]);
    assert.ok(slice(text, routesIn(all, item)[1].span)!.startsWith("case 'PUT':\n    case 'PATCH': {"));
    const index = `${ws}/pages/api/items/index.ts`;
    assert.deepEqual(routesIn(all, index).map((r) => describeRoute(r, project.text(index))), ['GET /api/items [GET] [-]', 'POST /api/items [POST] [-]']);
    const upload = `${ws}/pages/api/upload.ts`;
    assert.deepEqual(routesIn(all, upload).map((r) => `${r.method} ${r.path.display} ${r.framework}`), ['POST /api/upload nextjs-pages']);
  });

  it('Pages API: a handler that never looks at the method yields no route', () => {
    assert.equal(routesIn(all, `${ws}/pages/api/hello.ts`).length, 0);
  });
});

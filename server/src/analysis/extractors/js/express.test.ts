import * as assert from 'node:assert/strict';
import { describeRoute, loadProject, routesIn, slice } from './test-support';

describe('js routes: Express', () => {
  const project = loadProject('express-app');
  const all = project.routes();
  const ws = '/ws/express-app/src';

  it('reads a Router file mounted from app.ts through a template-literal prefix', () => {
    const text = project.text(`${ws}/routes/users.ts`);
    assert.deepEqual(routesIn(all, `${ws}/routes/users.ts`).map((r) => describeRoute(r, text)), [
      'GET /api/users [get] [/]',
      'POST /api/users [post] [/]',
      'GET /api/users/{id} [get] [/:id]',
      'PUT /api/users/{id} [put] [/:id]',
      'PATCH /api/users/{id}/profile [patch] [/:id/profile]',
      'DELETE /api/users/{id} [delete] [/:id]',
      'GET /api/users/me [get] [/me]',
      'GET /api/users/self [get] [/self]',
    ]);
  });

  it('records the mount chain with the prefix value and where it is written', () => {
    const put = routesIn(all, `${ws}/routes/users.ts`).find((r) => r.method === 'PUT')!;
    assert.equal(put.framework, 'express');
    assert.equal(put.methodText, 'put');
    assert.equal(put.path.prefixResolved, true);
    assert.equal(put.path.mountChain.length, 1);
    const step = put.path.mountChain[0];
    assert.equal(step.prefix, '/api/users');
    assert.equal(step.resolved, true);
    assert.equal(step.filePath, `${ws}/app.ts`);
    assert.equal(slice(project.text(`${ws}/app.ts`), step.span), '`${API}/users`');
    const text = project.text(`${ws}/routes/users.ts`);
    assert.equal(slice(text, put.span), "router.put('/:id', requireAuth, users.update)");
    const param = put.path.segments[put.path.segments.length - 1];
    assert.equal(param.kind, 'param');
    assert.equal(slice(text, param.span), ':id');
    assert.equal(put.path.segments[0].span, undefined, 'prefix segments written in another file carry no span');
  });

  it('follows CommonJS named exports, index files, nested routers and `+` prefixes', () => {
    const orders = project.text(`${ws}/routes/orders.js`);
    assert.deepEqual(routesIn(all, `${ws}/routes/orders.js`).map((r) => describeRoute(r, orders)), [
      'PUT /api/orders/{orderId}/items/{itemId} [put] [/:orderId/items/:itemId]',
      'POST /api/orders/{orderId}/cancel [post] [/:orderId/cancel]',
    ]);
    const admin = routesIn(all, `${ws}/routes/admin/index.js`);
    assert.deepEqual(admin.map((r) => `${r.method} ${r.path.display}`), ['DELETE /v2/admin/cache/{key}']);
    assert.deepEqual(admin[0].path.mountChain.map((s) => [s.prefix, s.filePath]), [
      ['/v2', `${ws}/app.ts`], ['/admin', `${ws}/routes/index.ts`],
    ]);
  });

  it('reports a prefix from the environment as unresolved, never guessed', () => {
    const [route] = routesIn(all, `${ws}/routes/legacy.js`);
    assert.equal(route.path.display, '/{?}/import');
    assert.equal(route.path.prefixResolved, false);
    assert.deepEqual(route.path.mountChain.map((s) => [s.prefix, s.resolved]), [['process.env.LEGACY_BASE', false]]);
  });

  it('reads app routes, route() chains, all(), and a route module the app is passed into', () => {
    const text = project.text(`${ws}/app.ts`);
    assert.deepEqual(routesIn(all, `${ws}/app.ts`).map((r) => describeRoute(r, text)), [
      'GET /health [get] [/health]',
      'GET /settings [get] [/settings]',
      'PUT /settings [put] [/settings]',
      'ALL /ping [all] [/ping]',
    ]);
    const put = routesIn(all, `${ws}/app.ts`).find((r) => r.method === 'PUT')!;
    assert.equal(slice(text, put.span), 'put(saveSettings)');
    const legacy = routesIn(all, `${ws}/routes/register.js`);
    assert.deepEqual(legacy.map((r) => `${r.method} ${r.path.display} ${r.framework}`), ['GET /legacy/status express']);
  });

  it('does not read app.get(setting), router.param or HTTP clients as routes', () => {
    assert.equal(routesIn(all, `${ws}/client.ts`).length, 0);
    assert.equal(routesIn(all, '/ws/express-app/test/users.test.ts').length, 0);
    const everything = [...all.values()].flat();
    assert.ok(!everything.some((r) => r.path.display === '/env' || r.path.display.includes('json spaces')));
    assert.ok(!everything.some((r) => r.methodText === 'param'));
  });
});

import * as assert from 'node:assert/strict';
import { describeRoute, loadProject, routesIn, slice } from './test-support';
import { extractWorkspaceRoutes } from './workspace';

describe('js routes: Fastify', () => {
  const project = loadProject('fastify-app');
  const all = project.routes();
  const ws = '/ws/fastify-app/src';

  it('applies register() prefixes to an imported plugin typed FastifyPluginAsync', () => {
    const text = project.text(`${ws}/routes/users.ts`);
    assert.deepEqual(routesIn(all, `${ws}/routes/users.ts`).map((r) => describeRoute(r, text)), [
      'GET /api/users [get] [/]',
      'PUT /api/users/{id} [put] [/:id]',
      'POST /api/users [post] [/]',
      'DELETE /api/users/{id} [DELETE] [/:id]',
    ]);
    assert.ok(routesIn(all, `${ws}/routes/users.ts`).every((r) => r.framework === 'fastify' && r.path.prefixResolved));
  });

  it('reads route({ method: [...] }) as one route per method, spans on the string contents', () => {
    const text = project.text(`${ws}/server.ts`);
    const settings = routesIn(all, `${ws}/server.ts`).filter((r) => r.path.display === '/settings');
    assert.deepEqual(settings.map((r) => [r.method, r.methodText, slice(text, r.methodSpan), slice(text, r.pathSpan)]), [
      ['PUT', 'PUT', 'PUT', '/settings'], ['PATCH', 'PATCH', 'PATCH', '/settings'],
    ]);
    assert.ok(slice(text, settings[0].span)!.startsWith('app.route({'));
  });

  it('nests inline plugins and required plugins: prefixes compound', () => {
    assert.deepEqual(routesIn(all, `${ws}/server.ts`).map((r) => `${r.method} ${r.path.display}`), [
      'GET /v1/version', 'PUT /settings', 'PATCH /settings', 'GET /',
    ]);
    const [item] = routesIn(all, `${ws}/routes/items.js`);
    assert.equal(item.path.display, '/v1/items/{sku}');
    assert.deepEqual(item.path.mountChain.map((s) => s.prefix), ['/v1', '/items']);
  });

  it('ignores the prefix of a fastify-plugin wrapped plugin', () => {
    const routes = routesIn(all, `${ws}/plugins/health.ts`);
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path.display}`), ['GET /healthz']);
    assert.deepEqual(routes[0].path.mountChain, []);
  });

  it('keeps an untyped plugin parameter as a router because it is registered, with the config prefix unresolved', () => {
    const [route] = routesIn(all, `${ws}/routes/admin.ts`);
    assert.equal(route.method, 'DELETE');
    assert.equal(route.framework, 'fastify');
    assert.equal(route.path.display, '/{?}/cache');
    assert.equal(route.path.prefixResolved, false);
    assert.deepEqual(route.path.mountChain.map((s) => [s.prefix, s.resolved]), [['config.adminPrefix', false]]);
  });

  it('does not read an untyped plugin nobody registers', () => {
    const alone = loadProject('fastify-app').files.filter((f) => f.path.endsWith('/routes/admin.ts'));
    assert.equal(extractWorkspaceRoutes(alone).size, 0);
  });
});

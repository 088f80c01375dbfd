import * as assert from 'node:assert/strict';
import { extractWorkspaceRoutes } from './workspace';

function routes(files: Record<string, string>): string[] {
  const out = extractWorkspaceRoutes(Object.entries(files).map(([path, text]) => ({ path, text })));
  return [...out.entries()].flatMap(([path, rs]) => rs.map((r) => `${path} ${r.framework} ${r.method} ${r.path.display}`));
}

describe('js routes: more forms', () => {
  it('Express: export { r as name }, `export =`, require() inline, route() on a router, class properties', () => {
    assert.deepEqual(routes({
      '/w/app.ts': `import express from 'express'; import { apiRouter } from './api';
const app = express(); app.use('/api', apiRouter); app.use('/legacy', require('./legacy.js'));`,
      '/w/api.ts': `import { Router } from 'express'; const r = Router();
r.route('/items/:id').get(show).put(replace); export { r as apiRouter };`,
      '/w/legacy.ts': `import express from 'express'; const router = express.Router(); router.patch('/x', h); export = router;`,
      '/w/users.ts': `import { Router } from 'express';
class UsersRoute { public router = Router(); constructor() { this.router.put('/users/:id', this.update); } update(req, res) {} }`,
    }), [
      '/w/api.ts express GET /api/items/{id}', '/w/api.ts express PUT /api/items/{id}',
      '/w/legacy.ts express PATCH /legacy/x', '/w/users.ts express PUT /users/{id}',
    ]);
  });

  it('Express: router factories (imported) and local route-module functions', () => {
    assert.deepEqual(routes({
      '/e/app.js': `const express = require('express'); const { createUsersRouter } = require('./users');
const app = express(); app.use('/users', createUsersRouter(db)); mountAdmin(app);
function mountAdmin(a) { a.delete('/admin/cache', h); }`,
      '/e/users.js': `const { Router } = require('express');
exports.createUsersRouter = function (db) { const router = Router(); router.put('/:id', h); return router; };`,
    }), ['/e/app.js express DELETE /admin/cache', '/e/users.js express PUT /users/{id}']);
  });

  it('Koa through koa-mount; Fastify register(import()) and typed plugins registered nowhere', () => {
    assert.deepEqual(routes({
      '/k/index.js': `const Koa = require('koa'); const mount = require('koa-mount'); const Router = require('@koa/router');
const r = new Router(); r.put('/x/:id', h); const app = new Koa(); app.use(mount('/v1', r.routes()));`,
      '/f/app.ts': `import fastify from 'fastify'; const app = fastify(); app.register(import('./plugin'), { prefix: '/p' });`,
      '/f/plugin.ts': `import type { FastifyInstance } from 'fastify';
export default async function (app: FastifyInstance) { app.put('/items/:id', async () => ({})); }`,
      '/f/orphan.ts': `import type { FastifyInstance } from 'fastify';
export async function orphan(app: FastifyInstance) { app.delete('/orphans/:id', async () => ({})); }`,
    }), ['/k/index.js koa PUT /v1/x/{id}', '/f/plugin.ts fastify PUT /p/items/{id}', '/f/orphan.ts fastify DELETE /orphans/{id}']);
  });

  it('Hono basePath() on an existing app; Pages API `&&` guards', () => {
    assert.deepEqual(routes({
      '/h/index.ts': `import { Hono } from 'hono'; const app = new Hono(); const v1 = app.basePath('/v1');
v1.put('/items/:id', (c) => c.body(null)); const api = new Hono(); api.get('/x', (c) => c.text('')); app.route('/api', api);`,
      '/n/pages/api/things.ts': `export default function h(req, res) {
  if (req.method !== 'PUT' && req.method !== 'PATCH') { return res.status(405).end(); }
  res.end();
}`,
    }), ['/h/index.ts hono PUT /v1/items/{id}', '/h/index.ts hono GET /api/x', '/n/pages/api/things.ts nextjs-pages PUT /api/things',
      '/n/pages/api/things.ts nextjs-pages PATCH /api/things']);
  });

  it('resolves same-file constants in paths and keeps unknown parts as mixed segments', () => {
    const [route, other] = extractWorkspaceRoutes([{ path: '/c/app.ts', text: `import express from 'express';
const app = express(); const ITEMS = '/items'; const BASE = \`\${ITEMS}/:id\`;
app.put(BASE, h); app.post(\`/v\${apiVersion}/orders\`, h);` }]).get('/c/app.ts')!;
    assert.equal(route.path.display, '/items/{id}');
    assert.equal(route.pathSpan && route.pathSpan.end - route.pathSpan.start, 'BASE'.length);
    assert.equal(other.path.display, '/v${apiVersion}/orders');
    assert.equal(other.path.segments[0].kind, 'mixed');
  });
});

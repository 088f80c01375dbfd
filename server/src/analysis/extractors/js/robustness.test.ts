import * as assert from 'node:assert/strict';
import type { Route } from '../../model';
import { extractFileFacts } from './file-facts';
import { loadProject } from './test-support';
import { extractWorkspaceRoutes } from './workspace';

describe('js routes: hostile and half-typed input', () => {
  it('never throws on any prefix of every fixture file (typing in progress)', function () {
    this.timeout(20000);
    for (const name of ['express-app', 'fastify-app', 'koa-app', 'hono-app', 'nest-app', 'next-app']) {
      for (const file of loadProject(name).files) {
        const step = Math.max(1, Math.floor(file.text.length / 16));
        for (let n = 0; n <= file.text.length; n += step) {
          const cut = { path: file.path, text: file.text.slice(0, n) };
          const routes = [...extractWorkspaceRoutes([cut]).values()].flat();
          for (const r of routes) assertInside(r, cut.text.length);
        }
      }
    }
  });

  it('reads what it can from half-typed code', () => {
    const text = `import { Router } from 'express';
const router = Router();
router.put('/items/:id', (req, res) => {
  res.
router.get('/items', (req, res) => res.json([]));
router.post(
app.use('/api', `;
    const routes = [...extractWorkspaceRoutes([{ path: '/ws/r.ts', text }]).values()].flat();
    assert.ok(routes.some((r) => r.method === 'PUT' && r.path.display === '/items/{id}'));
  });

  it('returns nothing for binary, empty, huge or deeply nested text', () => {
    assert.equal(extractFileFacts({ path: '/ws/a.js', text: 'express\u0000\u0001\u0002' }).routes.length, 0);
    assert.equal(extractFileFacts({ path: '/ws/a.js', text: '' }).routes.length, 0);
    const deep = `import express from 'express'; const app = express(); app.get('/x', ${'('.repeat(20000)}1${')'.repeat(20000)});`;
    assert.doesNotThrow(() => extractFileFacts({ path: '/ws/deep.js', text: deep }));
    const huge = `import express from 'express';\n${'// filler line\n'.repeat(200_000)}`;
    assert.equal(extractFileFacts({ path: '/ws/huge.js', text: huge }).routes.length, 0);
  });

  it('survives mount cycles and self-imports', () => {
    const a = `import { Router } from 'express'; import b from './b'; const r = Router(); r.use('/b', b); r.get('/a', h); export default r;`;
    const b = `import { Router } from 'express'; import a from './a'; const r = Router(); r.use('/a', a); r.put('/b', h); export default r;`;
    const c = `import { Router } from 'express'; import c from './c.js'; const r = Router(); r.use('/c', c); r.delete('/c', h); export default r;`;
    const routes = extractWorkspaceRoutes([{ path: '/ws/a.ts', text: a }, { path: '/ws/b.ts', text: b }, { path: '/ws/c.ts', text: c }]);
    assert.deepEqual(routes.get('/ws/c.ts')?.map((r) => `${r.method} ${r.path.display}`), ['DELETE /c']);
    assert.deepEqual(routes.get('/ws/a.ts')?.map((r) => r.method), ['GET']);
    assert.deepEqual(routes.get('/ws/b.ts')?.map((r) => r.method), ['PUT']);
  });

  it('facts are plain data (serialisable round trip)', () => {
    const file = loadProject('express-app').files.find((f) => f.path.endsWith('routes/users.ts'))!;
    const facts = extractFileFacts(file);
    assert.deepEqual(JSON.parse(JSON.stringify(facts)), facts);
    assert.ok(facts.routes.length > 0 && facts.exports.some((e) => e.name === 'default' && e.routerId));
  });
});

function assertInside(r: Route, length: number): void {
  for (const span of [r.span, r.methodSpan, r.pathSpan]) {
    if (!span) continue;
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `span ${JSON.stringify(span)} outside 0..${length}`);
  }
}

import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import type { Effect } from '../../model';
import type { EffectCollector } from './effects-adapter';
import { loadProject, routesIn } from './test-support';

/** A collector that reports which node it was handed: the first line of the handler's text, and its file. */
const echo: EffectCollector = (handler, ctx) => {
  const text = handler.getText(ctx.sourceFile).split('\n')[0];
  const effect: Effect = { kind: 'state-change', span: { start: handler.getStart(ctx.sourceFile), end: handler.end }, description: `${ts.SyntaxKind[handler.kind]}: ${text}` };
  return [effect];
};

function handed(routes: ReturnType<ReturnType<typeof loadProject>['routes']>, path: string): string[] {
  return routesIn(routes, path).map((r) => `${r.method} ${r.effects[0]?.description ?? '(none)'}${r.effects[0]?.filePath ? ` @${r.effects[0].filePath.split('/').pop()}` : ''}`);
}

describe('js routes: which handler the effects collector is handed', () => {
  it('Express: inline functions, and controller functions imported from another file (one level)', () => {
    const routes = loadProject('express-app').routes(echo);
    const h = handed(routes, '/ws/express-app/src/routes/users.ts');
    assert.equal(h[3], 'PUT FunctionDeclaration: export async function update(req: Request, res: Response) { @users.ts');
    assert.equal(h[4], 'PATCH ArrowFunction: async (req, res) => {');
    assert.equal(h[5], 'DELETE ArrowFunction: async (req: Request, res: Response) => { @users.ts');
    const app = handed(routes, '/ws/express-app/src/app.ts');
    assert.equal(app[2], 'PUT FunctionDeclaration: export function saveSettings(req: Request, res: Response) { @settings.ts');
  });

  it('Fastify: the handler after options, a handler property, route({ handler })', () => {
    const h = handed(loadProject('fastify-app').routes(echo), '/ws/fastify-app/src/routes/users.ts');
    assert.deepEqual(h, [
      'GET ArrowFunction: async () => fastify.db.users.findMany()',
      'PUT ArrowFunction: async (request, reply) => {',
      'POST ArrowFunction: async (request, reply) => {',
      'DELETE ArrowFunction: async (request, reply) => reply.code(204)',
    ]);
  });

  it('NestJS: the decorated method; Next.js: the export and the method branch', () => {
    const nest = handed(loadProject('nest-app').routes(echo), '/ws/nest-app/src/users/users.controller.ts');
    assert.equal(nest[3], "PUT MethodDeclaration: @Put(':id')");
    const next = loadProject('next-app').routes(echo);
    assert.deepEqual(handed(next, '/ws/next-app/app/api/users/[id]/route.ts'), [
      'PUT ArrowFunction: async (request: Request, { params }: { params: Promise<{ id: string }> }) => {',
      'DELETE FunctionDeclaration: export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {',
    ]);
    assert.deepEqual(handed(next, '/ws/next-app/app/(shop)/api/cart/[...items]/route.ts')[0], 'PATCH FunctionDeclaration: async function handler(request: Request) {');
    const pages = handed(next, '/ws/next-app/pages/api/items/[id].ts');
    assert.deepEqual(pages.slice(1, 3), ["PUT CaseClause: case 'PATCH': {", "PATCH CaseClause: case 'PATCH': {"]);
    assert.equal(handed(next, '/ws/next-app/pages/api/items/index.ts')[1], 'POST Block: {');
  });
});

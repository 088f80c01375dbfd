import * as assert from 'node:assert/strict';
import { analyze } from '../../index';
import type { SourceFile } from '../../model';
import type { WorkspaceView } from '../extractor';
import { jsRouteExtractor } from './extractor';
import { LineIndex } from '../../text/lines';
import { loadProject, type Project } from './test-support';

function source(project: Project, path: string): SourceFile {
  return { path, languageId: path.endsWith('.js') ? 'javascript' : 'typescript', text: project.text(path) };
}

function view(project: Project, withList: boolean): WorkspaceView {
  const read = (p: string) => project.files.find((f) => f.path === p)?.text;
  return withList ? { readText: read, listFiles: () => project.files.map((f) => f.path) } : { readText: read };
}

function extract(file: SourceFile, workspace?: WorkspaceView) {
  return jsRouteExtractor.extract(file, { lines: new LineIndex(file.text), ...(workspace ? { workspace } : {}) })
    .map((r) => `${r.method} ${r.path.display}`);
}

describe('js routes: the single-file extractor', () => {
  const express = loadProject('express-app');
  const users = source(express, '/ws/express-app/src/routes/users.ts');

  it('accepts code files with a route marker, and only those', () => {
    assert.equal(jsRouteExtractor.accepts(users), true);
    assert.equal(jsRouteExtractor.accepts({ path: '/ws/util.ts', languageId: 'typescript', text: 'export const add = (a: number, b: number) => a + b;\n' }), false);
    assert.equal(jsRouteExtractor.accepts({ path: '/ws/api.http', languageId: 'http', text: 'PUT /users/1\n' }), false);
    assert.equal(jsRouteExtractor.accepts({ path: '/ws/app/api/x/route.ts', languageId: 'typescript', text: 'export const revalidate = 0;' }), true);
  });

  it('without a workspace: the prefixes the file shows itself', () => {
    assert.deepEqual(extract(users).slice(0, 4), ['GET /', 'POST /', 'GET /{id}', 'PUT /{id}']);
  });

  it('with listFiles: the mount prefixes from the files that import this one', () => {
    assert.deepEqual(extract(users, view(express, true)).slice(0, 4), ['GET /api/users', 'POST /api/users', 'GET /api/users/{id}', 'PUT /api/users/{id}']);
  });

  it('reads the open buffer, not the saved file, for the file itself', () => {
    const edited = { ...users, text: users.text.replace("router.put('/:id'", "router.post('/:id/replace'") };
    assert.ok(extract(edited, view(express, true)).includes('POST /api/users/{id}/replace'));
  });

  it('with readText only: a NestJS controller still finds setGlobalPrefix in main.ts above it', () => {
    const nest = loadProject('nest-app');
    const controller = source(nest, '/ws/nest-app/src/users/users.controller.ts');
    assert.deepEqual(extract(controller, view(nest, false))[0], 'GET /api/users');
    assert.deepEqual(extract(controller)[0], 'GET /users');
  });

  it('is registered with the analysis core', () => {
    const result = analyze(source(express, '/ws/express-app/src/routes/orders.js'));
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.routes.map((r) => `${r.method} ${r.path.display} ${r.framework}`), [
      'PUT /{orderId}/items/{itemId} express', 'POST /{orderId}/cancel express',
    ]);
  });
});

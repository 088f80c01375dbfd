import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PathSegment, Route, Span } from '../model';
import { LineIndex } from '../text/lines';
import { extractHttpRoutes, httpFileExtractor } from './extractor';

const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

/** Fixtures live in test/fixtures/http at the repository root; tests run from the root or from a build folder inside it. */
function fixture(name: string): string {
  for (const root of [process.cwd(), __dirname]) {
    for (let dir = root, i = 0; i < 8; i++, dir = dirname(dir)) {
      const file = join(dir, 'test', 'fixtures', 'http', name);
      if (existsSync(file)) return readFileSync(file, 'utf8');
    }
  }
  throw new Error(`fixture ${name} not found from ${process.cwd()}`);
}

function segment(s: PathSegment): string {
  switch (s.kind) {
    case 'literal': return s.text;
    case 'param': return `{param ${s.name}}`;
    case 'dynamic': return `{dynamic ${s.expression}}`;
    case 'mixed': return `{mixed ${s.raw}}`;
  }
}

function summary(r: Route): string {
  return `${r.methodText || '(GET)'} /${r.path.segments.map(segment).join('/')} body=${r.body?.kind}`;
}

/** Every span of a route lies inside the document and shows the text it claims. */
function assertSpansHonest(text: string, r: Route): void {
  const inside = (s: Span | undefined) => !s || (s.start >= 0 && s.start <= s.end && s.end <= text.length);
  assert.ok(inside(r.span) && inside(r.methodSpan) && inside(r.pathSpan) && inside(r.body?.span));
  assert.equal(at(text, r.methodSpan), r.methodText);
  for (const s of r.path.segments) {
    assert.ok(inside(s.span));
    if (s.kind !== 'literal') assert.equal(at(text, s.span), s.raw);
  }
  for (const v of r.urlVariables ?? []) assert.match(at(text, v.span) ?? '', /^\{\{[^]*\}\}$/);
  for (const f of r.body?.fields ?? []) assert.ok(at(text, f.span)?.includes(f.valueText));
}

describe('http/extractor: routes from request files', () => {
  it('accepts request files only', () => {
    assert.equal(httpFileExtractor.accepts({ path: 'a.http', languageId: 'http', text: '' }), true);
    assert.equal(httpFileExtractor.accepts({ path: 'a.ts', languageId: 'typescript', text: 'GET /x' }), false);
  });

  it('reads a REST Client file with file variables, $guid and request variables', () => {
    const text = fixture('rest-client.http');
    const routes = httpFileExtractor.extract({ path: 'api/rest-client.http', languageId: 'http', text }, { lines: new LineIndex(text) });
    assert.deepEqual(routes.map(summary), [
      'POST /auth/login body=json-object',
      'POST /api/v2/orders body=json-object',
      'PUT /api/v2/orders/{param createOrder.response.body.$.id} body=json-object',
      'GET /api/v2/orders body=none',
      'PUT /api/v2/sessions/{dynamic $guid} body=form',
      'POST /graphql body=graphql',
      'post /api/v2/imports body=file',
      '(GET) /health body=none',
    ]);
    assert.deepEqual(routes.map((r) => r.name), ['login', 'createOrder', undefined, undefined, undefined, undefined, undefined, undefined]);
    assert.equal(routes[0].path.display, '/auth/login');
    assert.equal(routes[1].path.display, '/api/v2/orders');
    assert.deepEqual(routes[1].body?.fields.map((f) => f.key), ['id', 'items', 'createdAt']);
    assert.deepEqual(routes[4].urlVariables?.map((v) => [v.expression, v.part]), [['apiBase', 'origin'], ['$guid', 'path']]);
    assert.equal(at(text, routes[3].span), 'GET {{apiBase}}/orders\n    ?page=2\n    &pageSize=50\nAccept: application/json');
    for (const r of routes) {
      assert.equal(r.framework, 'http-file');
      assert.equal(r.filePath, 'api/rest-client.http');
      assert.deepEqual(r.effects, []);
      assertSpansHonest(text, r);
    }
  });

  it('reads an httpYac file with script blocks and assertions', () => {
    const text = fixture('httpyac.http');
    const routes = extractHttpRoutes(text, 'pets.http');
    assert.deepEqual(routes.map(summary), [
      'POST /anything/pets body=json-object',
      'PUT /anything/pets/{dynamic Date.now()} body=json-object',
      'PUT /anything/pets/{param petId} body=json-object',
      'GET /anything body=none',
    ]);
    assert.deepEqual(routes.map((r) => r.name), ['create a pet', 'upsert by time', 'replace pet', 'query']);
    assert.equal(at(text, routes[1].body?.span), '{ "name": "Rex" }');
    assert.equal(at(text, routes[0].span)?.endsWith('"tags": ["httpyac"]\n}'), true);
    assert.deepEqual(routes[3].urlVariables?.map((v) => v.part), ['origin', 'query']);
    for (const r of routes) assertSpansHonest(text, r);
  });

  it('reads a JetBrains file with handlers, {{$random.uuid}} and continuation lines', () => {
    const text = fixture('jetbrains.http');
    const routes = extractHttpRoutes(text, 'users.http');
    assert.deepEqual(routes.map(summary), [
      'POST /api/users body=json-object',
      'PUT /api/users/{dynamic $random.uuid}/avatar body=file',
      'PUT /api/users/{param userId} body=json-object',
      'GET /api/users/{param userId} body=none',
      'DELETE /api/users/{param userId} body=none',
    ]);
    assert.deepEqual(routes.map((r) => r.name), ['Create user', 'Put avatar', 'Update user', 'Get user', 'Delete user']);
    assert.equal(at(text, routes[0].body?.span), '{\n  "email": "{{$random.email}}",\n  "name": "Ada"\n}');
    assert.equal(at(text, routes[2].pathSpan), 'http://localhost:8080');
    assert.equal(routes[2].path.display, '/api/users/{{userId}}');
    for (const r of routes) assertSpansHonest(text, r);
  });

  it('gives the same routes, at shifted offsets, for CRLF and BOM versions of each fixture', () => {
    for (const name of ['rest-client.http', 'httpyac.http', 'jetbrains.http']) {
      const lf = fixture(name);
      const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
      const a = extractHttpRoutes(lf, name);
      const b = extractHttpRoutes(crlf, name);
      assert.deepEqual(b.map(summary), a.map(summary), name);
      for (let i = 0; i < a.length; i++) {
        const norm = (s: string | undefined) => s?.replace(/\r\n/g, '\n');
        assert.equal(norm(at(crlf, b[i].span)), at(lf, a[i].span));
        assert.equal(norm(at(crlf, b[i].body?.span)), at(lf, a[i].body?.span));
        assert.deepEqual(b[i].body?.fields.map((f) => norm(at(crlf, f.span))), a[i].body?.fields.map((f) => at(lf, f.span)));
        assertSpansHonest(crlf, b[i]);
      }
    }
  });

  it('builds the full route for a PUT with file variables, version, query and a JSON body', () => {
    const text = [
      '@host = https://api.example.com', '@id = 42', '### Replace project', '# @name replaceProject',
      'PUT {{host}}/api/v1/projects/{{id}}?force=true HTTP/1.1', 'Content-Type: application/json', '',
      '{ "id": {{id}}, "name": "Apollo", "owner": "{{$guid}}" }', '',
    ].join('\n');
    const [r] = extractHttpRoutes(text, 'projects.http');
    const idRef = text.indexOf('{{id}}?');
    assert.equal(r.name, 'replaceProject');
    assert.equal(at(text, r.methodSpan), 'PUT');
    assert.equal(at(text, r.pathSpan), '{{host}}/api/v1/projects/{{id}}?force=true');
    assert.equal(r.path.display, '/api/v1/projects/{{id}}');
    assert.deepEqual(r.path.segments.map(segment), ['api', 'v1', 'projects', '42']);
    assert.deepEqual(r.path.segments[3].span, { start: idRef, end: idRef + 6 });
    assert.deepEqual(r.urlVariables?.map((v) => [v.expression, v.part, at(text, v.span)]), [['host', 'origin', '{{host}}'], ['id', 'path', '{{id}}']]);
    assert.equal(r.body?.kind, 'json-object');
    assert.deepEqual(r.body?.fields.map((f) => [f.key, f.valueText]), [['id', '{{id}}'], ['name', '"Apollo"'], ['owner', '"{{$guid}}"']]);
    assert.equal(at(text, r.span), text.slice(text.indexOf('PUT'), text.lastIndexOf('}') + 1));
  });
});

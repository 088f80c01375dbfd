import * as assert from 'node:assert/strict';
import type { PathSegment, Span } from '../model';
import { parseRequestFile } from './blocks';
import { analyzeUrl } from './url';
import { FileVariableTable } from './variables';

const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

function pathOf(text: string, index = 0) {
  const parsed = parseRequestFile(text);
  const r = parsed.requests[index];
  return analyzeUrl(text, r.url.pieces, new FileVariableTable(parsed.variables), r.span.start);
}

function shape(segments: readonly PathSegment[]): string[] {
  return segments.map((s) => {
    switch (s.kind) {
      case 'literal': return `literal:${s.text}`;
      case 'param': return `param:${s.name}`;
      case 'dynamic': return `dynamic:${s.expression}`;
      case 'mixed': return `mixed:${s.raw}`;
    }
  });
}

describe('http/url: path templates from request URLs', () => {
  it('strips every kind of origin', () => {
    const cases: [string, string][] = [
      ['GET https://api.example.com:8443/v1/users', '/v1/users'],
      ['GET http://localhost:3000/users', '/users'],
      ['GET localhost:3000/users', '/users'],
      ['GET api.example.com/users', '/users'],
      ['GET {{baseUrl}}/users', '/users'],
      ['GET {{host}}:{{port}}/api/users', '/api/users'],
      ['GET https://{{tenant}}.example.com/users', '/users'],
      ['GET /users', '/users'],
      ['GET https://example.com', ''],
      ['GET https://example.com?x=/y', ''],
    ];
    for (const [line, display] of cases) {
      const { path } = pathOf(line);
      assert.equal(path.display, display, line);
      assert.deepEqual(path.mountChain, []);
      assert.equal(path.prefixResolved, true);
    }
  });

  it('keeps the query out of the segments but reports its variables', () => {
    const text = 'GET {{host}}/users/{{id}}/orders?since={{$timestamp}}&limit=10';
    const { path, urlVariables } = pathOf(text);
    assert.deepEqual(shape(path.segments), ['literal:users', 'param:id', 'literal:orders']);
    assert.deepEqual(urlVariables.map((v) => [v.expression, v.part, at(text, v.span)]), [
      ['host', 'origin', '{{host}}'], ['id', 'path', '{{id}}'], ['$timestamp', 'query', '{{$timestamp}}'],
    ]);
  });

  it('classifies variables: client-chosen params, system variables and JS as dynamic, mixed text', () => {
    const text = 'PUT /a/{{userId}}/{{ projectUUID }}/{{$guid}}/{{Date.now()}}/{{login.response.body.$.id}}/v{{version}}/{{$random.uuid}}';
    const { path } = pathOf(text);
    assert.deepEqual(shape(path.segments), ['literal:a', 'param:userId', 'param:projectUUID', 'dynamic:$guid', 'dynamic:Date.now()',
      'param:login.response.body.$.id', 'mixed:v{{version}}', 'dynamic:$random.uuid']);
    for (const s of path.segments) {
      if (s.kind === 'param' || s.kind === 'dynamic' || s.kind === 'mixed') assert.equal(at(text, s.span), s.raw);
      else assert.equal(at(text, s.span), s.text);
    }
    assert.equal(path.display, '/a/{{userId}}/{{ projectUUID }}/{{$guid}}/{{Date.now()}}/{{login.response.body.$.id}}/v{{version}}/{{$random.uuid}}');
  });

  it('resolves file variables recursively into literal segments that point at the reference', () => {
    const text = '@host = https://api.example.com\n@base = {{host}}/api/v1\n@id = 42\n@section = reports/2024\nPUT {{base}}/projects/{{id}}/{{section}}';
    const { path, urlVariables } = pathOf(text);
    assert.deepEqual(shape(path.segments), ['literal:api', 'literal:v1', 'literal:projects', 'literal:42', 'literal:reports', 'literal:2024']);
    assert.deepEqual(path.segments.map((s) => at(text, s.span)), ['{{base}}', '{{base}}', 'projects', '{{id}}', '{{section}}', '{{section}}']);
    assert.equal(path.display, '/api/v1/projects/{{id}}/{{section}}');
    assert.deepEqual(urlVariables.map((v) => v.part), ['origin', 'path', 'path']);
  });

  it('shows a reference whose value spans several segments once, and reports where each use sits', () => {
    const text = '@seg = items/{{itemId}}\n@host = https://{{tenant}}.example.com\nPUT {{host}}/api/{{seg}}/x?y={{seg}}\n';
    const { path, urlVariables } = pathOf(text);
    assert.deepEqual(shape(path.segments), ['literal:api', 'literal:items', 'param:itemId', 'literal:x']);
    assert.deepEqual(path.segments.map((s) => at(text, s.span)), ['api', '{{seg}}', '{{seg}}', 'x']);
    assert.equal(path.display, '/api/{{seg}}/x');
    assert.deepEqual(urlVariables.map((v) => [v.expression, v.part, at(text, v.span)]),
      [['host', 'origin', '{{host}}'], ['seg', 'path', '{{seg}}'], ['seg', 'query', '{{seg}}']]);
  });

  it('carries a dynamic value through a file variable, keeping the written reference as raw', () => {
    const text = '@newId = {{$guid}}\n@userRef = {{userId}}\nPUT /items/{{newId}}\n\n###\nPUT /items/{{userRef}}';
    const items = text.indexOf('items');
    const ref = text.indexOf('{{newId}}');
    assert.deepEqual(pathOf(text, 0).path.segments, [
      { kind: 'literal', text: 'items', span: { start: items, end: items + 5 } },
      { kind: 'dynamic', expression: '$guid', raw: '{{newId}}', span: { start: ref, end: ref + 9 } },
    ]);
    assert.deepEqual(shape(pathOf(text, 1).path.segments), ['literal:items', 'param:userId']);
  });

  it('uses the definition nearest before the request, and stops on cycles', () => {
    const text = '@v = one\nGET /x/{{v}}\n\n###\n@v = two\nGET /x/{{v}}\n\n###\n@a = {{b}}\n@b = {{a}}\nGET /x/{{a}}';
    assert.deepEqual(shape(pathOf(text, 0).path.segments), ['literal:x', 'literal:one']);
    assert.deepEqual(shape(pathOf(text, 1).path.segments), ['literal:x', 'literal:two']);
    assert.deepEqual(shape(pathOf(text, 2).path.segments), ['literal:x', 'param:a']);
  });

  it('reads JetBrains continuation lines as path and query', () => {
    const text = 'PUT http://localhost:8080\n    /api\n    /users\n    /{{userId}}\n    ?notify=false';
    const { path, urlVariables } = pathOf(text);
    assert.deepEqual(shape(path.segments), ['literal:api', 'literal:users', 'param:userId']);
    assert.equal(at(text, path.segments[2].span), '{{userId}}');
    assert.equal(urlVariables[0].part, 'path');
  });

  it('treats an unterminated {{ as text, never as a literal name', () => {
    const text = 'PUT /users/{{userId';
    const { path, urlVariables } = pathOf(text);
    assert.deepEqual(shape(path.segments), ['literal:users', 'mixed:{{userId']);
    assert.deepEqual(urlVariables, []);
  });
});

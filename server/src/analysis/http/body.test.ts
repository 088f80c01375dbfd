import * as assert from 'node:assert/strict';
import type { RequestBody, Span } from '../model';
import { parseRequestFile } from './blocks';
import { analyzeBody } from './body';
import { scanJsonObjectFields } from './json-fields';

const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

function bodyOf(text: string): RequestBody {
  const [r] = parseRequestFile(text).requests;
  return analyzeBody(r.body, r.headers);
}

describe('http/body: request bodies', () => {
  it('finds top-level fields of a JSON object with {{variables}} in value position', () => {
    const text = 'PUT /projects/{{id}}\nContent-Type: application/json\n\n{ "id": {{id}}, "name": "Apollo",\n  "tags": ["a", {"b": 1}], "owner": "{{$guid}}" }';
    const body = bodyOf(text);
    assert.equal(body.kind, 'json-object');
    assert.deepEqual(body.fields.map((f) => [f.key, f.valueText, at(text, f.span)]), [
      ['id', '{{id}}', '"id": {{id}}'],
      ['name', '"Apollo"', '"name": "Apollo"'],
      ['tags', '["a", {"b": 1}]', '"tags": ["a", {"b": 1}]'],
      ['owner', '"{{$guid}}"', '"owner": "{{$guid}}"'],
    ]);
    assert.equal(at(text, body.span), text.slice(text.indexOf('{ "id"')));
  });

  it('tolerates half-typed JSON, comments, unquoted keys and braces inside strings', () => {
    const fields = (s: string) => scanJsonObjectFields(s, 0).map((f) => [f.key, f.valueText]);
    assert.deepEqual(fields('{ "name": "Ada", "email'), [['name', '"Ada"']]);
    assert.deepEqual(fields('{ "name": "Ad'), [['name', '"Ad']]);
    assert.deepEqual(fields('{\n  // who\n  name: "x}", /* note */ "n": {{count}}\n}'), [['name', '"x}"'], ['n', '{{count}}']]);
    assert.deepEqual(fields('{ "a": {{unterminated, "b": 2 }'), [['a', '{{unterminated'], ['b', '2']]);
    assert.deepEqual(fields('{ [1, 2], "c": 3 }'), [['c', '3']]);
    assert.deepEqual(fields('{'), []);
  });

  it('classifies the body kinds', () => {
    const kinds: [string, RequestBody['kind']][] = [
      ['GET /a\n', 'none'],
      ['POST /a\n\n[1, 2]', 'json-array'],
      ['POST /a\n\n< ./data.json', 'file'],
      ['POST /a\n\n<@utf8 ./data.json', 'file'],
      ['POST /graphql\nX-Request-Type: GraphQL\n\n{ viewer { login } }', 'graphql'],
      ['POST /graphql\n\nquery Viewer { viewer { login } }', 'graphql'],
      ['POST /graphql\n\nmutation { addStar(id: 1) { id } }', 'graphql'],
      ['POST /graphql\n\n{\n  viewer {\n    login\n  }\n}', 'graphql'],
      ['POST /a\n\n{ id: 1 }', 'json-object'],
      ['POST /a\n\n{{payload}}', 'text'],
      ['POST /a\nContent-Type: text/plain\n\nhello', 'text'],
      ['POST /a\n\n<?xml version="1.0"?><a/>', 'text'],
    ];
    for (const [text, kind] of kinds) assert.equal(bodyOf(text).kind, kind, text);
  });

  it('reads urlencoded form fields, also split over lines', () => {
    const text = 'POST /login\nContent-Type: application/x-www-form-urlencoded\n\nuser=ada&password={{pw}}\n&remember=true';
    const body = bodyOf(text);
    assert.equal(body.kind, 'form');
    assert.deepEqual(body.fields.map((f) => [f.key, f.valueText, at(text, f.span)]), [
      ['user', 'ada', 'user=ada'], ['password', '{{pw}}', 'password={{pw}}'], ['remember', 'true', 'remember=true'],
    ]);
  });
});

import * as assert from 'node:assert/strict';
import type { Span } from '../model';
import { parseRequestFile } from './blocks';

const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

describe('http/blocks: request file structure', () => {
  it('splits on ### lines and takes the text after them as the name, # @name overriding it', () => {
    const text = '### List users\nGET /users\n\n#### \n# @name createUser\nPOST /users\n\n### Ignored name\n// @name = delete\nDELETE /users/1\n';
    const { requests } = parseRequestFile(text);
    assert.deepEqual(requests.map((r) => [r.method, r.name, r.separatorName]), [
      ['GET', 'List users', 'List users'], ['POST', 'createUser', undefined], ['DELETE', 'delete', 'Ignored name'],
    ]);
  });

  it('reads the request line: method as written, URL without HTTP version, URL-only lines as GET', () => {
    const text = 'PUT https://x.io/a?b=1 HTTP/1.1\n\n###\nhttps://x.io/health\n\n###\npatch /items/7   HTTP/2  \n';
    const [put, bare, patch] = parseRequestFile(text).requests;
    assert.equal(at(text, put.methodSpan), 'PUT');
    assert.equal(at(text, put.url.span), 'https://x.io/a?b=1');
    assert.equal(at(text, put.httpVersion?.span), 'HTTP/1.1');
    assert.equal(bare.method, 'GET');
    assert.equal(bare.methodText, '');
    assert.deepEqual(bare.methodSpan, { start: bare.url.span.start, end: bare.url.span.start });
    assert.equal(at(text, bare.url.span), 'https://x.io/health');
    assert.equal(patch.method, 'PATCH');
    assert.equal(patch.methodText, 'patch');
    assert.equal(at(text, patch.url.span), '/items/7');
    assert.equal(patch.httpVersion?.text, 'HTTP/2');
  });

  it('does not read host names or unknown words as methods', () => {
    const { requests } = parseRequestFile('LOCK /files/1\n\n###\nlock.example.com/x\n\n###\nFETCH /x\n');
    assert.deepEqual(requests.map((r) => [r.method, r.methodText, r.url.text]),
      [['LOCK', 'LOCK', '/files/1'], ['GET', '', 'lock.example.com/x'], ['GET', '', 'FETCH /x']]);
  });

  it('joins ?/& continuation lines and JetBrains indented path lines into the URL', () => {
    const text = 'GET https://x.io/search\n  ?q=books\n  &page=2\nAccept: */*\n\n###\nGET http://localhost:8080\n    /api\n    /users\n    ?all=true\n';
    const [rest, jb] = parseRequestFile(text).requests;
    assert.equal(rest.url.text, 'https://x.io/search?q=books&page=2');
    assert.equal(at(text, rest.url.span), 'https://x.io/search');
    assert.deepEqual(rest.headers.map((h) => h.name), ['Accept']);
    assert.equal(jb.url.text, 'http://localhost:8080/api/users?all=true');
    for (const p of jb.url.pieces) assert.equal(text.slice(p.start, p.start + p.text.length), p.text);
  });

  it('reads headers up to the first blank line, skipping comments, then the body', () => {
    const text = 'POST /orders\nContent-Type: application/json\n# a comment among headers\nX-Trace :  abc \n\n{\n  "sku": "A-1"\n}\n\n\n';
    const [r] = parseRequestFile(text).requests;
    assert.deepEqual(r.headers.map((h) => [h.name, h.value, at(text, h.valueSpan)]),
      [['Content-Type', 'application/json', 'application/json'], ['X-Trace', 'abc', 'abc']]);
    assert.equal(r.body?.text, '{\n  "sku": "A-1"\n}');
    assert.equal(at(text, r.span), text.slice(0, text.indexOf('}') + 1));
  });

  it('records file variables anywhere at file level, and metadata', () => {
    const text = '@host = https://api.example.com\n\n### one\n# @no-redirect\n# @prompt otp Your one-time code\n@token := abc\nGET {{host}}/me\n\n###\n@late=1\n';
    const parsed = parseRequestFile(text);
    assert.deepEqual(parsed.variables.map((v) => [v.name, v.value, at(text, v.nameSpan), at(text, v.valueSpan)]), [
      ['host', 'https://api.example.com', 'host', 'https://api.example.com'], ['token', 'abc', 'token', 'abc'], ['late', '1', 'late', '1'],
    ]);
    assert.deepEqual(parsed.requests[0].metadata.map((m) => [m.key, m.value]), [['no-redirect', ''], ['prompt', 'otp Your one-time code']]);
  });

  it('skips JetBrains handlers and pre-request scripts, keeping them out of the body', () => {
    const text = '### a\n< {%\n  request.variables.set("x", 1);\n%}\nPOST /a\n\n{"x": 1}\n\n> {%\n  client.test("ok", () => {});\n%}\n\n### b\nGET /b\n> {% client.log(1) %}\n> ./check.js\n';
    const [a, b] = parseRequestFile(text).requests;
    assert.equal(a.method, 'POST');
    assert.equal(a.body?.text, '{"x": 1}');
    assert.equal(a.scripts.length, 2);
    assert.equal(at(text, a.scripts[0]), '< {%\n  request.variables.set("x", 1);\n%}');
    assert.equal(b.body, undefined);
    assert.deepEqual(b.scripts.map((s) => at(text, s)), ['> {% client.log(1) %}', '> ./check.js']);
    assert.equal(at(text, b.span), 'GET /b');
  });

  it('skips httpYac {{ }} script blocks and ?? assertions', () => {
    const text = '{{\n  exports.id = 1;\n}}\nPUT /pets/{{id}}\nContent-Type: application/json\n\n{ "name": "Rex" }\n\n?? status == 200\n{{@response\n  console.log(response);\n}}\n';
    const [r] = parseRequestFile(text).requests;
    assert.equal(r.method, 'PUT');
    assert.equal(r.body?.text, '{ "name": "Rex" }');
    assert.deepEqual(r.scripts.map((s) => at(text, s)?.split('\n')[0]), ['{{', '?? status == 200', '{{@response']);
  });

  it('ends an unterminated script block at the next ### so later requests survive', () => {
    const text = '### a\n> {%\n client.test(\n\n### b\nPOST /b\n\n### c\n{{\n  broken\n### d\nDELETE /d\n';
    assert.deepEqual(parseRequestFile(text).requests.map((r) => r.method), ['POST', 'DELETE']);
  });

  it('accepts CRLF, lone CR and a BOM with exact spans', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = '\ufeff' + ['@id = 1', '### Put it', 'PUT /items/{{id}} HTTP/1.1', 'Content-Type: application/json', '', '{"a": 1}', ''].join(eol);
      const [r] = parseRequestFile(text).requests;
      assert.equal(r.name, 'Put it');
      assert.equal(at(text, r.methodSpan), 'PUT');
      assert.equal(at(text, r.url.span), '/items/{{id}}');
      assert.equal(r.headers[0].value, 'application/json');
      assert.equal(r.body?.text, '{"a": 1}');
      assert.equal(at(text, r.span), text.slice(text.indexOf('PUT'), text.lastIndexOf('}') + 1));
    }
    const bom = '\ufeffPOST /x\n';
    assert.deepEqual(parseRequestFile(bom).requests[0].methodSpan, { start: 1, end: 5 });
  });

  it('handles half-typed input: a lone method, no URL', () => {
    const text = '###\nPUT\n';
    const [r] = parseRequestFile(text).requests;
    assert.equal(r.method, 'PUT');
    assert.equal(r.url.text, '');
    assert.deepEqual(r.url.span, { start: 7, end: 7 });
    assert.deepEqual(parseRequestFile('').requests, []);
    assert.deepEqual(parseRequestFile('### only a name\n# @name x\n').requests, []);
  });

  it('skips JetBrains import/run lines and response references', () => {
    const text = 'import ./auth.http\nrun #Login\n\n###\nGET /a\n\n<> ./2024-01-01T120000.200.json\n>> ./out.json\n';
    const parsed = parseRequestFile(text);
    assert.deepEqual(parsed.requests.map((r) => [r.method, r.url.text, r.body]), [['GET', '/a', undefined]]);
    assert.equal(parsed.requests[0].scripts.length, 2);
  });
});

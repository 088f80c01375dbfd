import * as assert from 'node:assert/strict';
import type { Route, Span } from '../model';
import { extractHttpRoutes } from './extractor';
import { parseRequestFile } from './blocks';

/** mulberry32: a small seeded PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [
  '@host = https://api.example.com\n@id = 42\n### Replace project\n# @name replaceProject\nPUT {{host}}/api/v1/projects/{{id}}?force=true HTTP/1.1\nContent-Type: application/json\n\n{ "id": {{id}}, "name": "Apollo", "owner": "{{$guid}}" }\n',
  '### Create\n< {%\n request.variables.set("a", 1);\n%}\nPOST http://localhost:8080\n    /api\n    /users\n    ?x=1\nContent-Type: application/json\n\n{"email": "{{$random.email}}"}\n\n> {%\n client.test("x", () => {});\n%}\n',
  '{{\n  exports.a = 1;\n}}\n### upsert\nPUT {{baseUrl}}/pets/{{Date.now()}}\n\n{ "name": "Rex" }\n\n?? status == 200\n\n### form\nPOST /login\nContent-Type: application/x-www-form-urlencoded\n\nuser=a&pw={{pw}}\n',
];

const PIECES = ['{{', '}}', '{%', '%}', '###', '\r', '\n', '\r\n', '?', '&', '"', '{', '}', '[', ':', '@', '#', '//', '/', ' ', '\ufeff',
  'PUT ', 'get ', '< ', '> ', '??', '\\', '=', 'HTTP/1.1', '\ud83d', '\ude00', '{{$guid}}'];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let e = 0; e < edits; e++) {
    const pos = Math.floor(random() * (out.length + 1));
    const op = random();
    if (op < 0.45) out = out.slice(0, pos) + PIECES[Math.floor(random() * PIECES.length)] + out.slice(pos);
    else if (op < 0.8) out = out.slice(0, pos) + out.slice(pos + 1 + Math.floor(random() * 8));
    else out = out.slice(0, pos);
  }
  return out;
}

function assertInside(text: string, span: Span | undefined, what: string): void {
  if (!span) return;
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), what);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${JSON.stringify(span)} in ${JSON.stringify(text)}`);
}

function check(text: string, routes: readonly Route[]): void {
  for (const r of routes) {
    assertInside(text, r.span, 'span');
    assertInside(text, r.methodSpan, 'methodSpan');
    assertInside(text, r.pathSpan, 'pathSpan');
    assertInside(text, r.body?.span, 'body');
    assert.equal(text.slice(r.methodSpan.start, r.methodSpan.end), r.methodText);
    assert.ok(r.span.start <= r.methodSpan.start && r.methodSpan.end <= r.span.end, 'method inside route');
    for (const s of r.path.segments) assertInside(text, s.span, 'segment');
    for (const v of r.urlVariables ?? []) assertInside(text, v.span, 'url variable');
    for (const f of r.body?.fields ?? []) assertInside(text, f.span, 'field');
  }
}

describe('http/robustness: never throws, spans stay in the document', () => {
  it('survives 600 mutated request files', () => {
    const random = prng(20260817);
    let routes = 0;
    for (let i = 0; i < 600; i++) {
      const text = mutate(SEEDS[i % SEEDS.length], random);
      const result = extractHttpRoutes(text, 'm.http');
      check(text, result);
      routes += result.length;
    }
    assert.ok(routes > 600, `mutations should still yield routes, got ${routes}`);
  });

  it('finishes and stays well-formed on pathological input', function () {
    this.timeout(30_000);
    const big = 200_000;
    const inputs = [
      'PUT /' + '{{'.repeat(big),
      'POST /x\n\n{' + '{{'.repeat(big),
      'POST /x\n\n{"a": ' + '['.repeat(big),
      'POST /x\n\n{' + '"a'.repeat(big),
      'GET /' + 'a/'.repeat(big),
      '###\n'.repeat(big),
      '> {%\n' + 'x\n'.repeat(big),
      '@a = {{b}}{{b}}{{b}}{{b}}\n@b = {{a}}{{a}}{{a}}{{a}}\nPUT /{{a}}/{{b}}\n',
      'GET /x' + ' '.repeat(big) + 'y HTTP/1.1',
      '# @' + 'a'.repeat(big) + '!',
      '{ ' + 'a'.repeat(big),
    ];
    // Speed is measured by `npm run bench` (hostile cases); here the inputs must finish (the test timeout catches a
    // hang or a quadratic blow-up at this size) and give well-formed results.
    for (const text of inputs) {
      check(text, extractHttpRoutes(text, 'big.http'));
      parseRequestFile(text);
    }
  });
});

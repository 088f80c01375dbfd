/**
 * Hostile and broken inputs, generated (never checked in) so the unit tests can run them small and the benchmark at
 * full size from one definition. Each case is bytes on disk plus what a correct tool does with them: nothing, or the
 * one finding planted in an otherwise broken file.
 */
import type { LanguageId } from '../analysis/model';

export interface HostileFile {
  readonly id: string;
  /** What makes it hostile, for test names and the benchmark table. */
  readonly description: string;
  /** File name in a workspace; the extension decides the language. */
  readonly fileName: string;
  readonly languageId: LanguageId;
  readonly bytes: Buffer;
  /**
   * A planted request whose finding must survive the damage around it: the 0-based line its finding starts on, once
   * the bytes are decoded as UTF-8 (BOM removed). Absent when no finding is expected or required.
   */
  readonly expectFindingOnLine?: number;
}

/** Sizes at scale 1 are the brief's: 10 MB bundle, 200k lines, 5,000-deep nesting, 1 MB line. */
export interface HostileScale {
  /** Multiplies the byte and line sizes; nesting depth stays at 5,000 because deep recursion is the point. */
  readonly size: number;
  readonly seed?: number;
}

/** A small seeded PRNG, so "random" bytes are the same on every machine and run. */
export function seededBytes(count: number, seed: number): Buffer {
  const out = Buffer.alloc(count);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

const ROUTE_BLOCK = (i: number) => [
  `router.put('/orders/:id', async (req, res) => {`,
  `  const order = await db.orders.findOne({ id: req.params.id, tenant: ${i} });`,
  `  if (!order) return res.status(404).json({ error: 'not found' });`,
  `  await db.orders.replaceOne({ id: req.params.id }, { ...req.body, id: req.params.id });`,
  `  res.status(204).end();`,
  `});`,
  ``,
];

/** A minified bundle: route-like calls packed on a handful of very long lines, as bundlers emit them. */
function minifiedBundle(bytes: number): Buffer {
  const parts: string[] = ['!function(e,t){"use strict";var r=e.Router();'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const chunk = `r.${['get', 'post', 'put', 'delete'][i % 4]}("/api/v${i % 9}/items/:id",function(n,o){var a=t.uuid();o.status(${i % 2 ? 201 : 200}).json({id:a,n:n.params.id,q:"${'x'.repeat(i % 17)}"})});` +
      (i % 5000 === 4999 ? '\n' : '');
    parts.push(chunk);
    size += chunk.length;
  }
  parts.push('}(require("express"),require("uuid"));\n');
  return Buffer.from(parts.join(''));
}

function hugeRouteFile(lines: number): Buffer {
  const out: string[] = ["import { Router } from 'express';", 'export const router = Router();', ''];
  for (let i = 0; out.length < lines; i++) out.push(...ROUTE_BLOCK(i));
  return Buffer.from(out.join('\n'));
}

const DEPTH = 5000;

function deepCode(): Buffer {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < DEPTH; i++) {
    open.push(`${' '.repeat(i % 40)}if (req.query.f${i}) {`);
    close.push(`${' '.repeat((DEPTH - 1 - i) % 40)}}`);
  }
  const text = ["app.post('/deep/:id', (req, res) => {", ...open, '  res.json([' + '['.repeat(DEPTH) + ']'.repeat(DEPTH) + ']);', ...close,
    '  res.json(' + '('.repeat(DEPTH) + '1' + ')'.repeat(DEPTH) + ');', '});', ''];
  return Buffer.from(text.join('\n'));
}

function deepJsonRequest(): Buffer {
  const body = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
  return Buffer.from(['@host = https://api.example.com', '', '### deep', 'PUT {{host}}/documents/{{$uuid}}', 'Content-Type: application/json', '', body, ''].join('\n'));
}

/** Valid request lines around invalid UTF-8 sequences and NUL bytes; the PUT to {{$guid}} must still be found. */
function invalidUtf8Request(): { bytes: Buffer; line: number } {
  const before = Buffer.from('# exported from a tool that wrote Latin-1: caf');
  const bad = Buffer.from([0xe9, 0x20, 0xc3, 0x28, 0xff, 0xfe, 0x00, 0x00, 0xed, 0xa0, 0x80, 0x0a]);
  const middle = Buffer.from('@host = https://api.example.com\n\n###\nGET {{host}}/users\x00\x00\n\n###\n');
  const put = Buffer.from('PUT {{host}}/users/{{$guid}}\nContent-Type: application/json\n\n{"name": "\x00 nul inside"}\n');
  const tail = Buffer.from([0xc0, 0xaf, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x0a]);
  // Lines: 0 comment+bad, 1 @host, 2 blank, 3 ###, 4 GET, 5 blank, 6 ###, 7 PUT.
  return { bytes: Buffer.concat([before, bad, middle, put, tail]), line: 7 };
}

function invalidUtf8Code(): Buffer {
  const head = Buffer.from("app.get('/caf");
  return Buffer.concat([head, Buffer.from([0xe9, 0xff, 0x00]), Buffer.from("/:id', (req, res) => res.json({ ok: '\u0000' }));\n\u0000\u0000\n")]);
}

function longLineRequest(bytes: number): Buffer {
  const fields: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const f = `"field${i}":"${'v'.repeat(i % 50)}"`;
    fields.push(f);
    size += f.length + 1;
  }
  return Buffer.from(`POST https://api.example.com/imports\nContent-Type: application/json\n\n{${fields.join(',')}}\n`);
}

function longLineCode(bytes: number): Buffer {
  return Buffer.from(`export const routes = [${"{ method: 'PUT', path: '/a/:id' },".repeat(Math.ceil(bytes / 34))}];\n`);
}

function unterminatedCode(): Buffer {
  return Buffer.from([
    "import express from 'express';",
    'const app = express();',
    "app.put('/users/:id, async (req, res) => {",
    '  const name = `hello ${req.body.name',
    "  res.json({ name: 'unterminated });",
    "app.post(\"/orders/:id\", (req, res) => { res.send(`${`${`",
    '/* never closed',
    "app.get('/x', (req, res) => res.send('/[unclosed regex literal",
    '',
  ].join('\n'));
}

function unterminatedRequest(): Buffer {
  return Buffer.from([
    '@host = https://api.example.com',
    '@name = {{host',
    '###',
    'PUT {{host}}/items/{{itemId',
    'Content-Type: application/json',
    '',
    '{"name": "unterminated',
    '',
    '###',
    'POST {{host}}/items/{{$guid',
    '> {%',
    '  client.global.set("id", response.body.id);',
    '',
    '### httpYac block never closed',
    '{{',
    '  exports.token = "abc";',
  ].join('\n'));
}

/** BOM, then CRLF, LF and lone CR line ends mixed; the PUT to {{$timestamp}} must be found on its line. */
function crlfBomRequest(): { bytes: Buffer; line: number } {
  const text = '\ufeff@host = https://api.example.com\r\n\r\n### list\nGET {{host}}/users\r\r\n### create\r\n' +
    'PUT {{host}}/users/{{$timestamp}}\r\nContent-Type: application/json\n\r\n{"name": "Ada"}\r\n';
  // After the BOM: 0 @host, 1 blank, 2 ### list, 3 GET, 4 (lone CR ends 3, CRLF ends 4), 5 ### create, 6 PUT.
  return { bytes: Buffer.from(text, 'utf8'), line: 6 };
}

function crlfBomCode(): Buffer {
  return Buffer.from("\ufeffimport { Router } from 'express';\r\nconst r = Router();\nr.put('/users/:id', (req, res) => {\r  res.status(204).end();\r\n});\r\n", 'utf8');
}

/** Every file case at the given scale, in a stable order. */
export function hostileFiles(scale: HostileScale = { size: 1 }): HostileFile[] {
  const seed = scale.seed ?? 1;
  const at = (n: number, min: number) => Math.max(min, Math.round(n * scale.size));
  const utf8 = invalidUtf8Request();
  const crlf = crlfBomRequest();
  return [
    { id: 'minified-bundle', description: `${(at(10_000_000, 20_000) / 1e6).toFixed(2)} MB minified bundle`, fileName: 'public/vendor.bundle.js', languageId: 'javascript', bytes: minifiedBundle(at(10_000_000, 20_000)) },
    { id: 'huge-file', description: `${at(200_000, 500)}-line route file`, fileName: 'src/routes/generated-orders.ts', languageId: 'typescript', bytes: hugeRouteFile(at(200_000, 500)) },
    { id: 'deep-nesting-code', description: `${DEPTH}-deep blocks, arrays and parentheses`, fileName: 'src/routes/deep.ts', languageId: 'typescript', bytes: deepCode() },
    { id: 'deep-nesting-json', description: `${DEPTH}-deep JSON request body`, fileName: 'requests/deep.http', languageId: 'http', bytes: deepJsonRequest() },
    { id: 'binary-as-ts', description: 'random bytes behind a PNG header, named .ts', fileName: 'src/logo.ts', languageId: 'typescript', bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), seededBytes(at(200_000, 4096), seed)]) },
    { id: 'invalid-utf8-http', description: 'invalid UTF-8 and NUL bytes around a request', fileName: 'requests/latin1.http', languageId: 'http', bytes: utf8.bytes, expectFindingOnLine: utf8.line },
    { id: 'invalid-utf8-code', description: 'invalid UTF-8 and NUL bytes in route code', fileName: 'src/routes/latin1.js', languageId: 'javascript', bytes: invalidUtf8Code() },
    { id: 'long-line-http', description: `${(at(1_000_000, 10_000) / 1e6).toFixed(2)} MB single-line JSON body`, fileName: 'requests/import.http', languageId: 'http', bytes: longLineRequest(at(1_000_000, 10_000)) },
    { id: 'long-line-code', description: `${(at(1_000_000, 10_000) / 1e6).toFixed(2)} MB single line of code`, fileName: 'src/routes/table.ts', languageId: 'typescript', bytes: longLineCode(at(1_000_000, 10_000)) },
    { id: 'unterminated-code', description: 'unterminated strings, templates, comment and regex', fileName: 'src/routes/half-typed.ts', languageId: 'typescript', bytes: unterminatedCode() },
    { id: 'unterminated-http', description: 'unterminated {{ }}, {% %} and JSON', fileName: 'requests/half-typed.http', languageId: 'http', bytes: unterminatedRequest() },
    { id: 'crlf-bom-http', description: 'BOM with CRLF, LF and CR line ends', fileName: 'requests/windows.http', languageId: 'http', bytes: crlf.bytes, expectFindingOnLine: crlf.line },
    { id: 'crlf-bom-code', description: 'BOM with CRLF, LF and CR line ends in code', fileName: 'src/routes/windows.ts', languageId: 'typescript', bytes: crlfBomCode() },
  ];
}

/** The text a front door hands the core: UTF-8 with replacement characters, BOM removed (as analyze-files does). */
export function decodeAsFrontDoor(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

import * as assert from 'node:assert/strict';
import { analyze } from '../analysis/index';
import type { PathSegment } from '../analysis/model';
import { formatRoutesJson, formatRoutesTable, placeholderPath, routeRows, type RouteRow } from './routes';

describe('placeholderPath', () => {
  it('writes literals as text, parameters as {name}, send-time expressions as {expression}, mixed with {x}', () => {
    const segments: PathSegment[] = [
      { kind: 'literal', text: 'api' },
      { kind: 'mixed', raw: 'v{{ version }}-beta' },
      { kind: 'param', name: 'userId', raw: '{{userId}}' },
      { kind: 'dynamic', expression: '$guid', raw: '{{$guid}}' },
    ];
    assert.equal(placeholderPath(segments), '/api/v{version}-beta/{userId}/{$guid}');
    assert.equal(placeholderPath([]), '/');
  });
});

describe('routeRows', () => {
  it('reads the routes of a request file with the 1-based position of the method', () => {
    const text = [
      '@host = https://api.example.com',
      '',
      '### Replace a user',
      'PUT {{host}}/users/{{userId}}',
      'Content-Type: application/json',
      '',
      '{ "name": "Ada" }',
      '',
      '###',
      '  DELETE {{host}}/users/{{userId}}',
      '',
    ].join('\n');
    const path = '/repo/api/users.http';
    const result = analyze({ path, languageId: 'http', text });
    const rows = routeRows(path, text, result.routes);
    assert.deepEqual(rows.map((r) => [r.method, r.path, r.framework, r.line, r.column, r.prefixResolved]), [
      ['PUT', '/users/{userId}', 'http-file', 4, 1, true],
      ['DELETE', '/users/{userId}', 'http-file', 10, 3, true],
    ]);
  });
});

describe('route formats', () => {
  const rows: RouteRow[] = [
    { method: 'GET', path: '/users', display: '/users', framework: 'http-file', filePath: '/repo/api/users.http', line: 3, column: 1, prefixResolved: true },
    { method: 'PUT', path: '/users/{id}', display: '/users/{id}', framework: 'express', filePath: '/repo/src/users.ts', line: 12, column: 8, prefixResolved: false },
  ];

  it('aligns the table and explains the unresolved-prefix marker', () => {
    assert.equal(formatRoutesTable(rows, '/repo'),
      'METHOD  PATH           FRAMEWORK  LOCATION\n' +
      'GET     /users         http-file  api/users.http:3:1\n' +
      'PUT     /users/{id} *  express    src/users.ts:12:8\n' +
      '\n' +
      '2 routes in 2 files\n' +
      '* mount prefix not determined statically: the full path may be longer\n');
    assert.equal(formatRoutesTable([], '/repo'), 'No routes found.\n');
  });

  it('writes json with exactly the documented fields', () => {
    assert.deepEqual(JSON.parse(formatRoutesJson(rows)), [
      { method: 'GET', path: '/users', framework: 'http-file', filePath: '/repo/api/users.http', line: 3, column: 1, prefixResolved: true },
      { method: 'PUT', path: '/users/{id}', framework: 'express', filePath: '/repo/src/users.ts', line: 12, column: 8, prefixResolved: false },
    ]);
  });
});

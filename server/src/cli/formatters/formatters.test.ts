import * as assert from 'node:assert/strict';
import type { Finding, Severity } from '../../analysis/model';
import { fileReport, lintExitCode, totals } from '../report';
import { useColor } from './colors';
import { formatJson } from './json';
import { displayPath, formatStylish } from './stylish';

const TEXT = `@host = https://api.example.com

### Seed a user
PUT {{host}}/users/{{$guid}}
Content-Type: application/json

{ "name": "Test User" }

### Update the user in place
POST {{host}}/users/42
`;

function finding(ruleId: string, severity: Severity, needle: string, message: string): Finding {
  const start = TEXT.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { ruleId, severity, message, span: { start, end: start + needle.length }, filePath: '/repo/api/users.http', evidence: [], fixes: [], routeIndex: 0 };
}

const put = finding('put-nondeterministic-uri', 'error', '{{$guid}}', 'PUT URL contains {{$guid}}.');
const post = finding('post-full-replacement', 'warning', 'POST', 'POST to the item /users/42 replaces it.');
const hint = finding('post-full-replacement', 'hint', 'users/42', 'A hint.');

describe('fileReport', () => {
  it('turns spans into 1-based line/column pairs, ordered by position, and counts hints as warnings', () => {
    const r = fileReport('/repo/api/users.http', TEXT, [hint, post, put], false);
    assert.deepEqual(r.messages.map((m) => [m.ruleId, m.level, m.line, m.column, m.endLine, m.endColumn]), [
      ['put-nondeterministic-uri', 2, 4, 20, 4, 29],
      ['post-full-replacement', 1, 10, 1, 10, 5],
      ['post-full-replacement', 1, 10, 15, 10, 23],
    ]);
    assert.equal(r.errorCount, 1);
    assert.equal(r.warningCount, 2);
  });

  it('drops everything below error when quiet', () => {
    const r = fileReport('/repo/api/users.http', TEXT, [put, post, hint], true);
    assert.deepEqual(r.messages.map((m) => m.ruleId), ['put-nondeterministic-uri']);
    assert.equal(r.warningCount, 0);
  });
});

describe('lintExitCode', () => {
  it('fails on any error, and on warnings only past an explicit limit', () => {
    assert.equal(lintExitCode({ errorCount: 1, warningCount: 0 }, -1), 1);
    assert.equal(lintExitCode({ errorCount: 0, warningCount: 9 }, -1), 0);
    assert.equal(lintExitCode({ errorCount: 0, warningCount: 2 }, 2), 0);
    assert.equal(lintExitCode({ errorCount: 0, warningCount: 3 }, 2), 1);
    assert.equal(lintExitCode({ errorCount: 0, warningCount: 1 }, 0), 1);
    assert.equal(lintExitCode({ errorCount: 0, warningCount: 0 }, 0), 0);
  });

  it('sums across files', () => {
    const a = fileReport('/a.http', TEXT, [put], false);
    const b = fileReport('/b.http', TEXT, [post, hint], false);
    assert.deepEqual(totals([a, b]), { errorCount: 1, warningCount: 2 });
  });
});

describe('formatStylish', () => {
  const reports = [
    fileReport('/repo/api/users.http', TEXT, [put, post], false),
    fileReport('/repo/api/clean.http', TEXT, [], false),
  ];

  it('prints one line per finding and the summary, paths relative to cwd', () => {
    assert.equal(formatStylish(reports, { color: false, cwd: '/repo' }),
      'api/users.http:4:20  error  PUT URL contains {{$guid}}.  put-nondeterministic-uri\n' +
      'api/users.http:10:1  warning  POST to the item /users/42 replaces it.  post-full-replacement\n' +
      '\n' +
      '✖ 2 problems (1 error, 1 warning)\n');
  });

  it('uses singular words for one problem and prints nothing when clean', () => {
    const one = [fileReport('/repo/a.http', TEXT, [post], false)];
    assert.equal(formatStylish(one, { color: false, cwd: '/repo' }).split('\n').at(-2), '✖ 1 problem (0 errors, 1 warning)');
    assert.equal(formatStylish([fileReport('/repo/a.http', TEXT, [], false)], { color: false, cwd: '/repo' }), '');
    assert.equal(formatStylish([], { color: false, cwd: '/repo' }), '');
  });

  it('names information and hint findings in the summary, counted among the problems', () => {
    const out = formatStylish([fileReport('/repo/b.http', TEXT, [post, hint], false)], { color: false, cwd: '/repo' });
    assert.equal(out.split('\n').at(-2), '✖ 2 problems (0 errors, 1 warning, 1 suggestion)');
  });

  it('colours the severity, rule id and summary only when asked', () => {
    const out = formatStylish(reports, { color: true, cwd: '/repo' });
    assert.ok(out.includes('\u001b[31merror\u001b[39m'));
    assert.ok(out.includes('\u001b[2mput-nondeterministic-uri\u001b[22m'));
    assert.ok(out.includes('\u001b[1m\u001b[31m✖ 2 problems'));
    assert.ok(!formatStylish(reports, { color: false, cwd: '/repo' }).includes('\u001b'));
  });

  it('keeps absolute paths for files outside the working folder', () => {
    assert.equal(displayPath('/other/x.http', '/repo'), '/other/x.http');
    assert.equal(displayPath('/repo/..x/y.http', '/repo'), '..x/y.http');
  });
});

describe('formatJson', () => {
  it('writes ESLint json: one entry per file, even a clean one, severities 2 and 1', () => {
    const reports = [
      fileReport('/repo/api/users.http', TEXT, [put, post], false),
      fileReport('/repo/api/clean.http', TEXT, [], false),
    ];
    const parsed: unknown = JSON.parse(formatJson(reports));
    assert.deepEqual(parsed, [
      {
        filePath: '/repo/api/users.http',
        messages: [
          { ruleId: 'put-nondeterministic-uri', severity: 2, message: 'PUT URL contains {{$guid}}.', line: 4, column: 20, endLine: 4, endColumn: 29 },
          { ruleId: 'post-full-replacement', severity: 1, message: 'POST to the item /users/42 replaces it.', line: 10, column: 1, endLine: 10, endColumn: 5 },
        ],
        suppressedMessages: [], errorCount: 1, fatalErrorCount: 0, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [],
      },
      {
        filePath: '/repo/api/clean.http', messages: [], suppressedMessages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0,
        fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [],
      },
    ]);
    assert.equal(formatJson([]), '[]\n');
  });
});

describe('useColor', () => {
  it('follows the flag, else the terminal and NO_COLOR', () => {
    assert.equal(useColor(undefined, true, {}), true);
    assert.equal(useColor(undefined, false, {}), false);
    assert.equal(useColor(undefined, true, { NO_COLOR: '1' }), false);
    assert.equal(useColor(true, false, { NO_COLOR: '1' }), true);
    assert.equal(useColor(false, true, {}), false);
  });
});

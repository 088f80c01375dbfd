import * as assert from 'node:assert/strict';
import { regexProblems, starHeight } from './regex-shape';
import { collectRegexes, findRepoRoot, regexesInSource } from './regex-collect';

const exponential = (source: string, flags = '') => regexProblems(source, flags).filter((p) => p.growth === 'exponential');

describe('regex shape check', () => {
  // The classics from ReDoS advisories: each hangs V8 for seconds on ~30 characters of the right input.
  for (const bad of ['(a+)+$', '(\\w+\\s?)*$', '(.*,)*x', '(?:[^\\s"]+|"[^"]*")+$', '([a-z]+)*!', '(a{1,30}){1,30}$']) {
    it(`flags nested repetition in /${bad}/`, () => {
      assert.deepEqual(exponential(bad).map((p) => p.kind), ['nested-quantifier']);
    });
  }
  for (const bad of ['(a|a)*$', '(?:\\\\.|[^"])*"', '(?:\\r\\n|\\n|\\r)*x', '(?:get|g\\w)+;']) {
    it(`flags overlapping alternatives under repetition in /${bad}/`, () => {
      assert.ok(exponential(bad).some((p) => p.kind === 'overlapping-alternation'), JSON.stringify(regexProblems(bad)));
    });
  }
  it('reads case-insensitive flags when deciding overlap', () => {
    assert.equal(exponential('(?:A|a)*$').length, 0);
    assert.equal(exponential('(?:A|a)*$', 'i').length, 1);
    assert.equal(exponential('(?:[A-C]|c)*$').length, 0);
    assert.equal(exponential('(?:[A-C]|c)*$', 'i').length, 1);
    assert.equal(exponential('(?:A|b)*$', 'i').length, 0);
  });
  // Linear patterns of the kind a request-file parser needs; a separator or disjoint alternatives pin each iteration.
  for (const good of [
    '^(\\w+)\\s*=\\s*(.*)$', '(?:\\s*,\\s*\\w+)*', '(?:\\\\.|[^"\\\\])*"', '(\\w+\\s)*$', '^(GET|POST|PUT|PATCH|DELETE)\\s+(\\S+)',
    '\\{\\{\\s*\\$guid\\s*\\}\\}', '^[ \\t]*###', '[\\s\\S]*?', '^\\s*(?:#|//)\\s*@name\\s+(\\S+)',
  ]) {
    it(`passes /${good}/`, () => {
      assert.deepEqual(exponential(good), []);
    });
  }
  it('marks trading repetitions as polynomial, not exponential', () => {
    const problems = regexProblems('^\\s*(.*?)\\s*$');
    assert.deepEqual(problems.map((p) => [p.kind, p.growth]), [['adjacent-overlapping-loops', 'polynomial']]);
  });
  it('measures star height', () => {
    assert.equal(starHeight('abc'), 0);
    assert.equal(starHeight('a*b+'), 1);
    assert.equal(starHeight('(?:a*b)*'), 2);
    assert.equal(starHeight('(?:a?b){2}'), 0);
  });
  it('never throws on malformed or odd patterns', () => {
    for (const odd of ['(', ')', '[', '[]', '[^]', '\\', 'a{', 'a{2,', '(?<name>x)\\k<name>', '\\u{1F600}+', '\\p{L}+', '(?=a)*', '[a-]', '[\\]]+']) {
      assert.doesNotThrow(() => regexProblems(odd, 'u'), odd);
    }
  });
});

describe('regex collection', () => {
  it('finds literals, RegExp calls, templates and dynamic patterns in source', () => {
    const source = [
      "const A = /^(?:PUT|POST)\\s/;",
      "const B = new RegExp('\\\\{\\\\{([^}]*)\\\\}\\\\}', 'g');",
      'const C = new RegExp(`^@${name}\\\\s*=`, "m");',
      'const D = RegExp(userPattern);',
      "const notRegex = 'a/b/c'.split('/');",
    ].join('\n');
    const found = regexesInSource('x.ts', source);
    assert.deepEqual(found.map((r) => [r.line, r.origin, r.source, r.flags]), [
      [1, 'literal', '^(?:PUT|POST)\\s', ''],
      [2, 'constructor', '\\{\\{([^}]*)\\}\\}', 'g'],
      [3, 'template', '^@x\\s*=', 'm'],
      [4, 'dynamic', 'userPattern', ''],
    ]);
  });
});

/**
 * Regexes reviewed by hand, with the reason: `file:/source/` for a shape flagged but linear, `file:RegExp(expr)` for a
 * pattern built from a value known to be escaped. Keep this short: the better fix is nearly always a rewrite.
 */
const REVIEWED: ReadonlyMap<string, string> = new Map([]);

describe('regexes of the analysis core', function () {
  this.timeout(20_000); // parses every core source file with TypeScript; the limit only catches a hang
  const root = findRepoRoot();
  const collected = root ? collectRegexes(root) : [];

  it('are found (the check is not vacuous)', () => {
    assert.ok(root, 'repository root with server/src/analysis not found from the test or the working directory');
    assert.ok(collected.length >= 10, `only ${collected.length} regexes found`);
  });

  it('have no exponential backtracking shape', () => {
    const bad = collected
      .filter((r) => r.origin !== 'dynamic' && !REVIEWED.has(`${r.file}:/${r.source}/`))
      .map((r) => ({ r, problems: exponential(r.source, r.flags) }))
      .filter((x) => x.problems.length > 0)
      .map((x) => `${x.r.file}:${x.r.line} /${x.r.source}/${x.r.flags}: ${x.problems.map((p) => p.detail).join('; ')}`);
    assert.deepEqual(bad, []);
  });

  it('build no pattern from a non-literal value', () => {
    const dynamic = collected
      .filter((r) => r.origin === 'dynamic' && !REVIEWED.has(`${r.file}:RegExp(${r.source})`))
      .map((r) => `${r.file}:${r.line} RegExp(${r.source})`);
    assert.deepEqual(dynamic, []);
  });
});

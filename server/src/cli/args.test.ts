import * as assert from 'node:assert/strict';
import { parseArgs, type CliOptions } from './args';

const RULES = ['put-nondeterministic-uri', 'post-full-replacement'];

function ok(argv: string[]): CliOptions {
  const r = parseArgs(argv, RULES);
  if (!r.ok) assert.fail(`expected ${JSON.stringify(argv)} to parse, got: ${r.error}`);
  return r.options;
}
function error(argv: string[]): string {
  const r = parseArgs(argv, RULES);
  if (r.ok) assert.fail(`expected ${JSON.stringify(argv)} to be rejected`);
  return r.error;
}

describe('parseArgs', () => {
  it('defaults: lint, stylish, no path, no warning limit', () => {
    const o = ok([]);
    assert.equal(o.command, 'lint');
    assert.equal(o.format, 'stylish');
    assert.deepEqual(o.paths, []);
    assert.equal(o.maxWarnings, -1);
    assert.equal(o.quiet, false);
    assert.equal(o.color, undefined);
  });

  it('keeps flag values apart from paths, in both spellings', () => {
    const o = ok(['api', '--format', 'json', '--max-warnings=0', 'requests/users.http', '--ignore-pattern', '**/fixtures/**', '--ignore-pattern=*.gen.http']);
    assert.deepEqual(o.paths, ['api', 'requests/users.http']);
    assert.equal(o.format, 'json');
    assert.equal(o.maxWarnings, 0);
    assert.deepEqual(o.ignorePatterns, ['**/fixtures/**', '*.gen.http']);
  });

  it('collects repeated --rule overrides, the last one winning', () => {
    const o = ok(['--rule', 'put-nondeterministic-uri:error', '--rule', 'post-full-replacement:off', '--rule=put-nondeterministic-uri:hint']);
    assert.deepEqual(o.rules, { 'put-nondeterministic-uri': 'hint', 'post-full-replacement': 'off' });
  });

  it('reads the routes command only in first position', () => {
    const r = ok(['routes', 'api', '--format', 'json']);
    assert.equal(r.command, 'routes');
    assert.deepEqual(r.paths, ['api']);
    assert.equal(ok(['routes']).format, 'table');
    const lintFolder = ok(['src', 'routes']);
    assert.equal(lintFolder.command, 'lint');
    assert.deepEqual(lintFolder.paths, ['src', 'routes']);
  });

  it('treats everything after -- as paths', () => {
    assert.deepEqual(ok(['--quiet', '--', '--weird-name.http', 'a']).paths, ['--weird-name.http', 'a']);
  });

  it('reads the boolean flags', () => {
    const o = ok(['--quiet', '--no-color', '--max-file-size', '500000', '-h', '-v']);
    assert.deepEqual([o.quiet, o.color, o.maxFileSize, o.help, o.version], [true, false, 500000, true, true]);
    assert.equal(ok(['--color']).color, true);
  });

  it('rejects unknown flags, missing values and bad values with a message naming the problem', () => {
    assert.match(error(['--fix']), /unknown option "--fix"/);
    assert.match(error(['--format']), /--format needs a value/);
    assert.match(error(['--format=']), /--format needs a value/);
    assert.match(error(['--format', 'table']), /--format must be one of stylish, json/);
    assert.match(error(['routes', '--format', 'stylish']), /table, json for routes/);
    assert.match(error(['--max-warnings', 'many']), /--max-warnings needs a whole number/);
    assert.match(error(['--max-warnings', '-2']), /--max-warnings/);
    assert.match(error(['--max-file-size', '0']), /--max-file-size needs a positive number/);
    assert.match(error(['--max-file-size', '1e6']), /--max-file-size/);
    assert.match(error(['--quiet=yes']), /--quiet takes no value/);
  });

  it('rejects --rule without a severity, with an unknown id or an unknown severity', () => {
    assert.match(error(['--rule', 'put-nondeterministic-uri']), /<rule-id>:<off\|hint\|information\|warning\|error>/);
    assert.match(error(['--rule', 'put-nondeterminstic-uri:error']), /unknown rule "put-nondeterminstic-uri".*known rules: put-nondeterministic-uri, post-full-replacement/);
    assert.match(error(['--rule', 'post-full-replacement:warn']), /severity must be one of off, hint, information, warning, error, not "warn"/);
  });

  it('accepts --max-warnings -1 as "no limit", as ESLint does', () => {
    assert.equal(ok(['--max-warnings', '-1']).maxWarnings, -1);
  });
});

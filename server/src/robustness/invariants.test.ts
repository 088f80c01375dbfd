import * as assert from 'node:assert/strict';
import { analyze } from '../analysis/index';
import type { AnalysisResult } from '../analysis/model';
import { allViolations } from './invariants';
import { applyMutations } from './mutation';

const TEXT = 'PUT https://api.example.com/users/{{$guid}}\nContent-Type: application/json\n\n{"name": "Ada"}\n';

describe('robustness helpers', () => {
  it('accept a real analysis and catch spans outside the text, bad route indexes and core errors', () => {
    const good = analyze({ path: 'a.http', languageId: 'http', text: TEXT });
    assert.ok(good.findings.length > 0, 'the fixture should produce a finding to tamper with');
    assert.deepEqual(allViolations(good, TEXT.length, 'a.http'), []);
    const finding = good.findings[0];
    const bad: AnalysisResult = {
      ...good,
      findings: [{ ...finding, span: { start: 5, end: TEXT.length + 1 }, routeIndex: 7 }],
      errors: [{ where: 'extractor x', filePath: 'a.http', message: 'boom\nstack' }],
    };
    const problems = allViolations(bad, TEXT.length, 'a.http');
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /span 5\.\.\d+ outside/);
    assert.match(problems[1], /routeIndex 7/);
    assert.equal(problems[2], 'extractor x threw: boom');
  });

  it('ignore spans that point into another file', () => {
    const good = analyze({ path: 'a.http', languageId: 'http', text: TEXT });
    const finding = good.findings[0];
    const elsewhere: AnalysisResult = { ...good, findings: [{ ...finding, evidence: [{ span: { start: 0, end: 10_000 }, filePath: 'b.ts', message: 'handler' }] }] };
    assert.deepEqual(allViolations(elsewhere, TEXT.length, 'a.http'), []);
  });

  it('mutations land anywhere in the text, even past its end', () => {
    assert.equal(applyMutations('abcdef', [{ kind: 'insert', at: 2, text: 'XY' }]), 'abXYcdef');
    assert.equal(applyMutations('abcdef', [{ kind: 'delete', at: 1, length: 2 }]), 'adef');
    assert.equal(applyMutations('abcdef', [{ kind: 'duplicate', at: 1, length: 2 }]), 'abcbcdef');
    assert.equal(applyMutations('abcdef', [{ kind: 'truncate', at: 10 }]), 'abc');
    assert.equal(applyMutations('', [{ kind: 'insert', at: 99, text: 'x' }]), 'x');
  });
});

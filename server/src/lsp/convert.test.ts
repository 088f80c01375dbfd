import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../analysis/model';
import { KNOWN_METHODS } from '../analysis/knowledge/methods';
import { EXPLAINABLE_METHODS } from '../protocol';
import { explainTitle, wantsQuickFixes } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { code, explainMethodMarkdown, plain, rfcLink } from './markdown';
import { exceedsSize, WorkspaceFolders } from './paths';

const TEXT = 'PUT https://x/items/{{$guid}}\n# caf\u00e9 \ud83d\ude00\nPOST https://x/items/1\n';

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'post-full-replacement', severity: 'hint', message: 'm', span: { start: 0, end: 3 }, filePath: '/w/a.http',
    evidence: [], fixes: [{ id: 'change-method:PUT', title: 't', edits: [], isPreferred: false }], routeIndex: 0, ...over,
  };
}

describe('lsp/diagnostics conversion', () => {
  const document = TextDocument.create('file:///w/a.http', 'http', 3, TEXT);
  const base = { document, documentPath: '/w/a.http', version: 3, extensionRoot: '/ext' };

  it('converts UTF-16 offsets after astral characters to the right line and column', () => {
    const start = TEXT.indexOf('POST');
    const d = toDiagnostic(finding({ span: { start, end: start + 4 } }), { ...base, features: { relatedInformation: true, codeDescription: true } });
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
    assert.equal(d.severity, 4);
    assert.deepEqual(d.codeDescription, { href: 'file:///ext/docs/rules/post-full-replacement.md' });
    assert.deepEqual(d.data, { ruleId: 'post-full-replacement', fixes: ['change-method:PUT'], version: 3 });
  });

  it('links evidence in this file, asks for other files, and drops evidence it cannot place', () => {
    const asked: string[] = [];
    const d = toDiagnostic(finding({
      evidence: [
        { span: { start: 20, end: 29 }, message: 'here' },
        { span: { start: 0, end: 1 }, filePath: '/w/other.ts', message: 'there' },
        { span: { start: 0, end: 1 }, filePath: '/w/gone.ts', message: 'lost' },
      ],
    }), {
      ...base,
      features: { relatedInformation: true, codeDescription: false },
      locateElsewhere: (p) => {
        asked.push(p);
        return p.endsWith('other.ts') ? { uri: 'file:///w/other.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } } : undefined;
      },
    });
    assert.deepEqual(d.relatedInformation?.map((r) => [r.location.uri, r.message]), [['file:///w/a.http', 'here'], ['file:///w/other.ts', 'there']]);
    assert.deepEqual(asked, ['/w/other.ts', '/w/gone.ts']);
    assert.equal(d.codeDescription, undefined);
  });
});

describe('lsp/code actions helpers', () => {
  it('lets quick fixes through only for quickfix-compatible filters', () => {
    assert.equal(wantsQuickFixes(undefined), true);
    assert.equal(wantsQuickFixes(['quickfix']), true);
    assert.equal(wantsQuickFixes(['']), true);
    assert.equal(wantsQuickFixes(['source.fixAll']), false);
    assert.equal(wantsQuickFixes(['source']), false);
    assert.equal(wantsQuickFixes(['refactor', 'quickfix.httpMethodLint']), false);
  });

  it('titles the explain action from the rule metadata without doubling "Explain"', () => {
    assert.equal(explainTitle('put-nondeterministic-uri'), 'Explain PUT vs POST');
    assert.equal(explainTitle('no-such-rule'), 'Explain no-such-rule');
  });
});

describe('lsp/markdown', () => {
  it('links RFC sections and leaves other references alone', () => {
    assert.equal(rfcLink('RFC 9110 §15.3.2'), '[RFC 9110 §15.3.2](https://www.rfc-editor.org/rfc/rfc9110#section-15.3.2)');
    assert.equal(rfcLink('draft-ietf-httpapi-idempotency-key-header'), 'draft-ietf-httpapi-idempotency-key-header');
  });

  it('keeps user text inert', () => {
    assert.equal(plain('[x](javascript:1) <img> *a*'), '\\[x\\](javascript:1) \\<img\\> \\*a\\*');
    assert.equal(code('a`b'), '`` a`b ``');
  });

  it('explains every method the client offers', () => {
    assert.deepEqual([...EXPLAINABLE_METHODS].sort(), [...KNOWN_METHODS].sort());
    for (const m of EXPLAINABLE_METHODS) assert.equal(explainMethodMarkdown(m).known, true, m);
  });
});

describe('lsp/paths', () => {
  it('measures size in UTF-8 bytes', () => {
    assert.equal(exceedsSize('abc', 3), false);
    assert.equal(exceedsSize('\u00e9\u00e9', 3), true);
    assert.equal(exceedsSize('x'.repeat(10), 9), true);
  });

  it('finds the innermost workspace folder for nested folders', () => {
    const folders = new WorkspaceFolders();
    folders.set([{ uri: 'file:///w' }, { uri: 'file:///w/api' }, { uri: 'untitled:x' }]);
    assert.equal(folders.relativePath('/w/api/requests/a.http'), 'requests/a.http');
    assert.equal(folders.relativePath('/w/b.http'), 'b.http');
    assert.equal(folders.relativePath('/elsewhere/c.http'), undefined);
    assert.equal(folders.relativePath('/wx/c.http'), undefined);
  });
});

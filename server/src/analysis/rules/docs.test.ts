/**
 * Each rule's docs page is part of the rule: it must exist, carry the required sections, and its examples must behave
 * as they say (every "Incorrect" block reports the rule, no "Correct" block does), as typescript-eslint checks its docs.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from './index';
import { docsPath } from './rule';
import { lint } from '../testing/lint';
import { repoRoot } from '../testing/repo';

interface Example { lang: string; code: string; path: string }

function examplesIn(markdown: string, heading: string): Example[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  if (!section) return [];
  const out: Example[] = [];
  const fence = /^```(\w+)\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(section); m; m = fence.exec(section)) {
    const [, lang, code] = m;
    // Code examples name their file on the first line (`// file: app/api/users/[id]/route.ts`): paths carry meaning.
    const named = /^\/\/ file: (\S+)/.exec(code);
    out.push({ lang, code, path: named ? named[1] : lang === 'http' ? 'example.http' : `example.${lang}` });
  }
  return out;
}

const REQUIRED = ['Why', 'Incorrect', 'Correct', 'Quick fixes', 'Options', 'When not to use it', 'Related rules'];

describe('rule docs', () => {
  const root = repoRoot();
  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      const file = join(root, docsPath(id));
      const markdown = existsSync(file) ? readFileSync(file, 'utf8') : '';

      it('has a page with the required sections', () => {
        assert.ok(markdown, `missing ${docsPath(id)}`);
        assert.ok(markdown.startsWith(`# ${id}\n`), 'the page starts with the rule id as its title');
        for (const h of REQUIRED) assert.match(markdown, new RegExp(`^## ${h}$`, 'm'), `section "## ${h}"`);
      });

      it('reports every incorrect example', () => {
        const examples = examplesIn(markdown, 'Incorrect');
        assert.ok(examples.length > 0, 'at least one incorrect example');
        for (const ex of examples) {
          const found = lint(ex.code, ex.path).findings.filter((f) => f.ruleId === id);
          assert.ok(found.length > 0, `expected ${id} on:\n${ex.code}`);
        }
      });

      it('reports no correct example', () => {
        const examples = examplesIn(markdown, 'Correct');
        assert.ok(examples.length > 0, 'at least one correct example');
        for (const ex of examples) {
          const found = lint(ex.code, ex.path).findings.filter((f) => f.ruleId === id);
          assert.deepEqual(found.map((f) => f.message), [], `expected no ${id} on:\n${ex.code}`);
        }
      });
    });
  }
});

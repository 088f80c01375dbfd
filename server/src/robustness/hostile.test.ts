import * as assert from 'node:assert/strict';
import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../analysis/index';
import { LineIndex } from '../analysis/text/lines';
import { discoverFiles } from '../workspace/discover';
import { forEachAnalyzedFile } from '../workspace/analyze-files';
import { allViolations } from './invariants';
import { decodeAsFrontDoor, hostileFiles } from './hostile-files';
import { writeHostileWorkspace } from './hostile-workspace';

// Sizes scaled down to keep the unit suite fast (the benchmark runs them at full size); nesting stays 5,000 deep.
const SCALE = { size: 0.01, seed: 7 };

describe('hostile file generator', () => {
  it('is deterministic for a seed and scales sizes but not nesting depth', () => {
    const a = hostileFiles(SCALE);
    const b = hostileFiles(SCALE);
    assert.deepEqual(a.map((f) => f.bytes.toString('base64')), b.map((f) => f.bytes.toString('base64')));
    const other = hostileFiles({ size: SCALE.size, seed: 8 });
    assert.notDeepEqual(a.find((f) => f.id === 'binary-as-ts')?.bytes, other.find((f) => f.id === 'binary-as-ts')?.bytes);
    const bigger = hostileFiles({ size: SCALE.size * 4, seed: 7 });
    const size = (files: typeof a, id: string) => files.find((f) => f.id === id)?.bytes.length ?? 0;
    assert.ok(size(bigger, 'minified-bundle') > 3 * size(a, 'minified-bundle'));
    assert.equal(size(bigger, 'deep-nesting-json'), size(a, 'deep-nesting-json'));
    assert.ok(decodeAsFrontDoor(a.find((f) => f.id === 'invalid-utf8-http')!.bytes).includes('\ufffd'), 'invalid bytes decode to U+FFFD');
  });
});

describe('hostile files through analyze()', function () {
  this.timeout(30_000); // a hang, not a slow run, is what this limit catches
  for (const file of hostileFiles(SCALE)) {
    it(`${file.id}: ${file.description}`, () => {
      const text = decodeAsFrontDoor(file.bytes);
      const result = analyze({ path: file.fileName, languageId: file.languageId, text });
      assert.deepEqual(allViolations(result, text.length, file.fileName), []);
      if (file.expectFindingOnLine !== undefined) {
        const lines = new LineIndex(text);
        const onLine = result.findings.filter((f) => lines.positionAt(f.span.start).line === file.expectFindingOnLine);
        assert.ok(onLine.length > 0, `expected a finding on line ${file.expectFindingOnLine}; got ${JSON.stringify(result.findings.map((f) => [f.ruleId, lines.positionAt(f.span.start).line]))}`);
      }
      // The raw text with its BOM (an editor may hand it over that way) must be just as safe.
      const raw = file.bytes.toString('utf8');
      assert.deepEqual(allViolations(analyze({ path: file.fileName, languageId: file.languageId, text: raw }), raw.length, file.fileName), []);
    });
  }
});

describe('hostile workspace through discovery and analysis', function () {
  this.timeout(60_000);
  let root = '';
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'hml-hostile-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks symlink loops once, skips the bundle, and analyses every file found', async () => {
    const ws = await writeHostileWorkspace(root, SCALE);
    const found = await discoverFiles([root]);
    const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
    const names = found.files.map((f) => rel(f.path));
    assert.equal(found.cancelled, false);
    assert.equal(new Set(names).size, names.length, 'a file was listed twice');
    for (const o of ws.ordinary) assert.ok(names.includes(o), `${o} not found`);
    assert.ok(!names.some((n) => n.startsWith('loops/')), `files reached through loops: ${names.filter((n) => n.startsWith('loops/'))}`);
    assert.ok(!names.includes('public/vendor.bundle.js'), 'the minified bundle should be skipped, not analysed');
    let analyzed = 0;
    const problems: string[] = [];
    await forEachAnalyzedFile(found.files, (outcome) => {
      if (outcome.kind !== 'analyzed') return void problems.push(`${rel(outcome.path)} unreadable: ${outcome.message}`);
      analyzed++;
      problems.push(...allViolations(outcome.result, outcome.text.length, outcome.path).map((v) => `${rel(outcome.path)}: ${v}`));
    });
    assert.deepEqual(problems, []);
    assert.equal(analyzed, found.files.length);
  });

  it('survives files deleted while the walk runs and before they are read', async () => {
    const dir = path.join(root, 'vanishing');
    const names: string[] = [];
    for (let d = 0; d < 6; d++) {
      for (let i = 0; i < 8; i++) {
        const rel = `d${d}/routes-${i}.http`;
        await fs.mkdir(path.join(dir, `d${d}`), { recursive: true });
        await fs.writeFile(path.join(dir, rel), `PUT https://api.example.com/items/{{$guid}}\nContent-Type: application/json\n\n{"n": ${i}}\n`);
        names.push(rel);
      }
    }
    // isCancelled runs between directory reads: use it to delete a whole folder mid-walk.
    let calls = 0;
    const found = await discoverFiles([dir], {
      concurrency: 1,
      isCancelled: () => {
        if (++calls === 3) rmSync(path.join(dir, 'd4'), { recursive: true, force: true });
        return false;
      },
    });
    assert.ok(calls >= 3, 'the walk never checked for cancellation, so nothing was deleted mid-walk');
    assert.ok(found.files.length > 0 && found.files.length < names.length, `found ${found.files.length} of ${names.length}`);
    // Now delete files after discovery listed them: each must come back unreadable, the rest analysed.
    const doomed = found.files.filter((_, i) => i % 5 === 0).map((f) => f.path);
    for (const p of doomed) await fs.rm(p);
    const unreadable: string[] = [];
    let withFindings = 0;
    const counts = await forEachAnalyzedFile(found.files, (outcome) => {
      if (outcome.kind === 'unreadable') unreadable.push(outcome.path);
      else if (outcome.result.findings.length > 0) withFindings++;
    });
    assert.deepEqual(unreadable.sort(), doomed.sort());
    assert.equal(counts.analyzed, found.files.length - doomed.length);
    assert.equal(withFindings, counts.analyzed, 'every surviving file plants a PUT to {{$guid}}');
  });
});

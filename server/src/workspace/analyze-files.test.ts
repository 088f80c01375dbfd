import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeFiles, forEachAnalyzedFile, type FileOutcome } from './analyze-files';

const SEED = `### Seed a user under a random id
PUT https://api.example.com/users/{{$guid}}
Content-Type: application/json

{ "name": "Test User" }
`;
const HEALTH = `### Liveness probe
GET https://api.example.com/health
`;

describe('analyzeFiles', () => {
  let dir: string;
  const file = (name: string) => ({ path: path.join(dir, name), languageId: 'http' });

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'hml-analyze-')));
    writeFileSync(path.join(dir, 'seed.http'), SEED);
    writeFileSync(path.join(dir, 'health.http'), HEALTH);
    writeFileSync(path.join(dir, 'bom.http'), `\ufeff${SEED}`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function collect(files: { path: string; languageId: string }[], options = {}): Promise<FileOutcome[]> {
    const out: FileOutcome[] = [];
    for await (const o of analyzeFiles(files, { concurrency: 2, ...options })) out.push(o);
    return out;
  }

  it('yields one outcome per file in input order, with text and routes, and a vanished file as unreadable', async () => {
    const outcomes = await collect([file('seed.http'), file('gone.http'), file('health.http')]);
    assert.deepEqual(outcomes.map((o) => [path.basename(o.path), o.kind]), [['seed.http', 'analyzed'], ['gone.http', 'unreadable'], ['health.http', 'analyzed']]);
    const [seed, gone, health] = outcomes;
    assert.ok(seed.kind === 'analyzed' && health.kind === 'analyzed' && gone.kind === 'unreadable');
    assert.equal(seed.text, SEED);
    assert.deepEqual(seed.result.routes.map((r) => r.method), ['PUT']);
    assert.deepEqual(seed.result.findings.map((f) => f.ruleId), ['put-nondeterministic-uri']);
    assert.deepEqual(health.result.findings, []);
    assert.match(gone.message, /ENOENT/);
  });

  it('passes rule severities through and drops a leading byte-order mark so offsets match the editor', async () => {
    const [bom] = await collect([file('bom.http')], { rules: { 'put-nondeterministic-uri': 'error' } });
    assert.ok(bom.kind === 'analyzed');
    assert.equal(bom.text, SEED);
    assert.deepEqual(bom.result.findings.map((f) => [f.severity, SEED.slice(f.span.start, f.span.end)]), [['error', '{{$guid}}']]);
    const [off] = await collect([file('seed.http')], { rules: { 'put-nondeterministic-uri': 'off' } });
    assert.ok(off.kind === 'analyzed');
    assert.deepEqual(off.result.findings, []);
  });

  it('stops when cancelled and counts outcomes in the callback form', async () => {
    let seen = 0;
    const counts = await forEachAnalyzedFile([file('seed.http'), file('health.http'), file('bom.http')], () => { seen++; }, { isCancelled: () => seen >= 2 });
    assert.equal(seen, 2);
    assert.deepEqual(counts, { analyzed: 2, unreadable: 0 });
  });
});

import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ScanJobResult, ScanTask } from './scan-job';
import { MIN_FILES_FOR_WORKERS, scanInOrder, scanWorkerCount, type ScanPoolOptions } from './scan-pool';

const ROUTER = `import { Router } from 'express';

const router = Router();
const carts = new Map<string, { items: string[] }>();

router.get('/carts/:id', (req, res) => res.json(carts.get(req.params.id)));

router.post('/carts/:id', (req, res) => {
  carts.set(req.params.id, { items: req.body.items });
  res.json(carts.get(req.params.id));
});

export default router;
`;

const HELPERS = `export function formatPrice(cents: number): string {
  return (cents / 100).toFixed(2);
}
`;

const REQUESTS = `### Replace a cart
POST https://shop.example.com/carts/42
Content-Type: application/json

{ "items": ["sku-1"] }
`;

describe('scanInOrder', function () {
  this.timeout(20_000);
  let dir: string;
  let tasks: ScanTask[];

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'hml-pool-')));
    tasks = [];
    for (let i = 0; i < 6; i++) {
      writeFileSync(path.join(dir, `carts-${i}.ts`), ROUTER.replace('/carts/:id', `/carts-${i}/:id`));
      writeFileSync(path.join(dir, `price-${i}.ts`), HELPERS);
      tasks.push(task(`carts-${i}.ts`, 'typescript'), task(`price-${i}.ts`, 'typescript'));
    }
    writeFileSync(path.join(dir, 'carts.http'), REQUESTS);
    tasks.push(task('carts.http', 'http'), task('gone.ts', 'typescript'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function task(name: string, languageId: ScanTask['languageId']): ScanTask {
    return { path: path.join(dir, name), languageId, analyzeRequests: true, minifiedCheck: true };
  }

  async function collect(options: ScanPoolOptions): Promise<{ order: number[]; results: ScanJobResult[] }> {
    const order: number[] = [];
    const results: ScanJobResult[] = [];
    for await (const r of scanInOrder(tasks, { maxFileSize: 1_000_000 }, options)) {
      order.push(r.index);
      results.push(r.result);
    }
    return { order, results };
  }

  it('gives the same results in input order on worker threads as on the calling thread', async () => {
    const alone = await collect({ workers: 0 });
    const pooled = await collect({ workers: 2 });
    const workersOnly = await collect({ workers: 1, callerWorks: false });
    assert.deepEqual(alone.order, tasks.map((_, i) => i));
    assert.deepEqual(pooled, alone);
    assert.deepEqual(workersOnly, alone);
    const kinds = alone.results.map((r) => r.kind);
    assert.deepEqual(kinds.slice(-2), ['request', 'unreadable']);
    const cart = alone.results[0];
    assert.ok(cart.kind === 'code' && cart.facts?.routes.length === 2 && cart.text === readFileSync(tasks[0].path, 'utf8'));
    const helper = alone.results[1];
    assert.ok(helper.kind === 'code' && helper.facts?.routes.length === 0 && helper.text === undefined, 'no text for a file without routes');
  });

  it('reports the file a worker died on as unreadable, and finishes the others on the calling thread', async () => {
    const script = path.join(dir, 'dies.js');
    // Listens, says so, and dies on the first file it is given.
    writeFileSync(script, `const { parentPort } = require('node:worker_threads');
parentPort.on('message', () => process.exit(3));
parentPort.postMessage({ ready: true });
`);
    const { order, results } = await collect({ workers: 1, workerScript: script });
    const alone = await collect({ workers: 0 });
    assert.deepEqual(order, alone.order);
    const lost = results.map((r, i) => (r.kind === 'unreadable' ? path.basename(tasks[i].path) : undefined)).filter(Boolean);
    assert.equal(lost.length, 2, JSON.stringify(lost));
    assert.ok(lost.includes('gone.ts'));
    results.forEach((r, i) => {
      if (r.kind !== 'unreadable') assert.deepEqual(r, alone.results[i]);
      else if (!tasks[i].path.endsWith('gone.ts')) assert.match(r.message, /scan worker stopped on this file \(exit code 3\)/);
    });
  });

  it('blames no file when the worker script cannot start', async () => {
    const script = path.join(dir, 'broken.js');
    writeFileSync(script, `throw new Error('cannot load');\n`);
    const alone = await collect({ workers: 0 });
    assert.deepEqual(await collect({ workers: 2, workerScript: script, callerWorks: false }), alone);
  });

  it('starts workers only for large scans on more than two cores, unless the environment fixes the count', () => {
    assert.equal(scanWorkerCount(MIN_FILES_FOR_WORKERS - 1, {}, 8), 0);
    assert.equal(scanWorkerCount(MIN_FILES_FOR_WORKERS, {}, 4), 3);
    assert.equal(scanWorkerCount(5_000, {}, 16), 3);
    assert.equal(scanWorkerCount(5_000, {}, 2), 0);
    assert.equal(scanWorkerCount(5_000, { HTTP_METHOD_LINT_SCAN_WORKERS: '0' }, 8), 0);
    assert.equal(scanWorkerCount(3, { HTTP_METHOD_LINT_SCAN_WORKERS: '1' }, 2), 1);
    assert.equal(scanWorkerCount(5_000, { HTTP_METHOD_LINT_SCAN_WORKERS: '64' }, 2), 3);
  });
});

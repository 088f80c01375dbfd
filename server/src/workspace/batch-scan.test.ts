import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { LanguageId } from '../analysis/model';
import { scanFiles, type ScanFilesResult } from './batch-scan';

const APP = `import express from 'express';
import orders from './routes/orders';

const app = express();
app.use(express.json());
app.use('/api/v1', orders);
app.listen(8080);
`;

const ORDERS = `import { Router } from 'express';
import { replaceOrder } from '../handlers/orders';

const router = Router();

router.get('/orders/:orderId', (req, res) => res.json({ id: req.params.orderId }));
router.post('/orders/:orderId', replaceOrder);

export default router;
`;

const HANDLERS = `const orders = new Map<string, { id: string; lines: string[] }>();

export function replaceOrder(req, res) {
  orders.set(req.params.orderId, { ...req.body, id: req.params.orderId });
  res.json(orders.get(req.params.orderId));
}
`;

const MONEY = `export const toCents = (amount: number) => Math.round(amount * 100);
`;

const SEED = `### Seed an order under a fresh id
PUT https://shop.example.com/api/v1/orders/{{$guid}}
Content-Type: application/json

{ "lines": [] }
`;

describe('scanFiles', function () {
  this.timeout(20_000);
  let dir: string;
  let files: { path: string; languageId: LanguageId }[];

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'hml-scan-')));
    const write = (rel: string, text: string, languageId: LanguageId) => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
      files.push({ path: path.join(dir, rel), languageId });
    };
    files = [];
    write('src/app.ts', APP, 'typescript');
    write('src/handlers/orders.ts', HANDLERS, 'typescript');
    write('src/lib/money.ts', MONEY, 'typescript');
    write('src/routes/orders.ts', ORDERS, 'typescript');
    write('src/vendor/bundle.js', `${'var a=1;'.repeat(200)}\napp.get('/x', h);\n`, 'javascript');
    write('requests/seed.http', SEED, 'http');
    files.push({ path: path.join(dir, 'src/missing.ts'), languageId: 'typescript' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  const summary = (scan: ScanFilesResult) => scan.files.map((f) => (f.kind === 'unreadable'
    ? [rel(f.path), 'unreadable']
    : [rel(f.path), f.result.routes.map((r) => `${r.method} ${r.path.display}`), f.result.findings.map((x) => x.ruleId), f.text !== undefined]));

  it('links routes across files, lints code and request files, and keeps texts only where spans point', async () => {
    const scan = await scanFiles(files, { minifiedCheck: true, workers: 0 });
    assert.deepEqual(summary(scan), [
      ['src/app.ts', [], [], false],
      ['src/handlers/orders.ts', [], [], false],
      ['src/lib/money.ts', [], [], false],
      ['src/routes/orders.ts', ['GET /api/v1/orders/{orderId}', 'POST /api/v1/orders/{orderId}'], ['post-full-replacement'], true],
      ['requests/seed.http', ['PUT /api/v1/orders/{{$guid}}'], ['put-nondeterministic-uri'], true],
      ['src/missing.ts', 'unreadable'],
    ]);
    assert.deepEqual(scan.skipped, [{ path: path.join(dir, 'src/vendor/bundle.js'), reason: 'minified' }]);
    assert.equal(scan.cancelled, false);
  });

  it('gives the same outcome with worker threads, and honours rule settings there', async () => {
    const options = { minifiedCheck: true, rules: { 'put-nondeterministic-uri': 'off' as const } };
    const alone = await scanFiles(files, { ...options, workers: 0 });
    const pooled = await scanFiles(files, { ...options, workers: 1 });
    assert.deepEqual(pooled, alone);
    assert.deepEqual(summary(pooled)[4], ['requests/seed.http', ['PUT /api/v1/orders/{{$guid}}'], [], true]);
  });
});

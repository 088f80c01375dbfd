import * as assert from 'node:assert/strict';
import ts = require('typescript');
import { extractFileFacts } from './file-facts';
import { changeRange, forgetIncremental, incrementalPaths, parseIncremental } from './incremental';
import { loadProject } from './test-support';

/** mulberry32: a seeded stream, so a failing edit sequence can be replayed. */
function random(seed: number): { int(max: number): number; pick<T>(xs: readonly T[]): T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (max) => Math.floor(next() * max), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

const TYPED = [';', '{', '}', '(', ')', "'", '"', '`', ' ', '\n', '/', '=', '.', ',', '0', 'x', 'users', '*'];
const LINES = [
  '  const id = randomUUID();\n', '  users.set(req.params.id, req.body);\n', '  res.status(201).json(item);\n',
  '// TODO: validate\n', '  Object.assign(existing, req.body);\n', 'const users = new Map();\n', '  await db.user.create({ data: req.body });\n',
  "router.put('/things/:id', (req, res) => { things.set(req.params.id, req.body); res.json(req.body); });\n",
];

/** One editor-like change: a typed or deleted character, a flipped method, a line typed in or removed, a rename. */
function edit(text: string, rng: ReturnType<typeof random>): string {
  const at = rng.int(text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  switch (rng.int(7)) {
    case 0: return text.slice(0, at) + rng.pick(TYPED) + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + 1 + rng.int(3));
    case 2: {
      const m = /\.(put|post|get|patch)\(/g;
      const hits = [...text.matchAll(m)];
      if (hits.length === 0) return text;
      const hit = rng.pick(hits);
      const to = rng.pick(['put', 'post', 'patch', 'get']);
      return text.slice(0, hit.index + 1) + to + text.slice(hit.index + 1 + hit[1].length);
    }
    case 3: return text.slice(0, lineStart) + rng.pick(LINES) + text.slice(lineStart);
    case 4: {
      const end = text.indexOf('\n', lineStart);
      return end < 0 ? text : text.slice(0, lineStart) + text.slice(end + 1);
    }
    case 5: {
      const names = [...text.matchAll(/\b(users|store|items|db|randomUUID|req)\b/g)];
      if (names.length === 0) return text;
      const hit = rng.pick(names);
      return text.slice(0, hit.index) + `${hit[1]}2` + text.slice(hit.index + hit[1].length);
    }
    default: return text.slice(0, at) + text.slice(at + 1);
  }
}

function parentsAreConsistent(sf: ts.SourceFile): boolean {
  let ok = true;
  const visit = (node: ts.Node): void => {
    ts.forEachChild(node, (child) => {
      if (child.parent !== node) ok = false;
      visit(child);
    });
  };
  visit(sf);
  return ok;
}

/** Loose structural comparison of a tree: kinds and positions of every node, in order. */
function shape(sf: ts.SourceFile): string {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    out.push(`${node.kind}@${node.pos}-${node.end}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out.join(' ');
}

/** A route module in the style of the fixture apps, dense with handler evidence: stores, helpers, ORM calls, ids. */
const ORDERS_ROUTES = `import { Router, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { db, audit, pick } from '../lib';

export const router = Router();
const orders = new Map<string, Order>();
let nextId = 1;

interface Order { id: string; total: number; status: string }

function saveOrder(id: string, order: Order) {
  orders.set(id, order);
}

router.post('/orders', async (req: Request, res: Response) => {
  const id = randomUUID();
  const order = { ...req.body, id };
  saveOrder(id, order);
  res.location(\`/orders/\${id}\`);
  res.status(201).json(order);
});

router.put('/orders/:id', (req: Request, res: Response) => {
  orders.set(req.params.id, req.body);
  res.json(req.body);
});

router.patch('/orders/:id', async (req, res) => {
  const existing = orders.get(req.params.id);
  if (!existing) return res.status(404).end();
  Object.assign(existing, pick(req.body, ['total', 'status']));
  res.json(existing);
});

router.post('/orders/:id', async (req, res) => {
  await db.collection('orders').replaceOne({ _id: req.params.id }, req.body);
  res.json(req.body);
});

router.get('/orders/:id/touch', async (req, res) => {
  await db.order.update({ where: { id: req.params.id }, data: { seenAt: new Date() } });
  await audit('touch', req.params.id);
  res.json({ ok: true });
});

router.put('/orders', function create(req, res) {
  const id = String(nextId++);
  orders.set(id, { ...req.body, id });
  res.status(201).json({ id });
});

router.delete('/orders/:id', (req, res) => {
  orders.delete(req.params.id);
  res.status(204).end();
});
`;

describe('incremental re-parse of open documents', () => {
  const projects = ['express-app', 'fastify-app', 'koa-app', 'hono-app', 'nest-app', 'next-app'].map(loadProject);
  const inline = { files: [{ path: '/ws/inline/src/routes/orders.ts', text: ORDERS_ROUTES }] };
  const files = [inline, ...projects].flatMap((p) => p.files
    .filter((f) => /\.[cm]?[jt]sx?$/.test(f.path) && extractFileFacts(f, {}).routes.length > 0)
    .map((f) => ({ file: f, project: p })));

  it('finds the changed region of two texts', () => {
    assert.deepEqual(changeRange('router.put(', 'router.post('), { span: { start: 8, length: 1 }, newLength: 2 });
    assert.deepEqual(changeRange('aaa', 'aaaa'), { span: { start: 3, length: 0 }, newLength: 1 });
    assert.deepEqual(changeRange('abc', 'abc'), { span: { start: 3, length: 0 }, newLength: 0 });
    assert.deepEqual(changeRange('x = 1;', ''), { span: { start: 0, length: 6 }, newLength: 0 });
  });

  it('gives the same facts as a fresh parse over chains of random edits of real route files', function () {
    this.timeout(120_000);
    assert.ok(files.length >= 6, 'fixture route files');
    let compared = 0;
    let withEffects = 0;
    for (const [i, { file, project }] of files.entries()) {
      const rng = random(1000 + i);
      let text = file.text;
      const path = file.path;
      forgetIncremental(path);
      const history: string[] = [];
      for (let n = 0; n < 150; n++) {
        // Editors undo as often as they type: stepping back keeps most of the chain on parseable code.
        if (history.length > 0 && rng.int(5) < 2) text = history.pop() as string;
        else {
          history.push(text);
          text = edit(text, rng);
        }
        const texts = new Map(project.files.map((f) => [f.path, f.path === path ? text : f.text]));
        const reader = { readText: (p: string) => texts.get(p) };
        const incremental = extractFileFacts({ path, text }, { reader, incremental: true });
        const fresh = extractFileFacts({ path, text }, { reader });
        assert.deepEqual(incremental, fresh, `${path} after edit ${n} (seed ${1000 + i})`);
        compared++;
        if (fresh.routes.some((r) => r.effects.length > 0)) withEffects++;
      }
      forgetIncremental(path);
    }
    assert.ok(compared >= files.length * 150);
    assert.ok(withEffects > compared / 8, `effects were exercised (${withEffects}/${compared})`);
  });

  it('keeps parent pointers and node positions equal to a fresh parse', () => {
    const { file } = files[0];
    const rng = random(7);
    let text = file.text;
    forgetIncremental(file.path);
    for (let n = 0; n < 150; n++) {
      text = edit(text, rng);
      const { sf } = parseIncremental(file.path, text);
      assert.ok(parentsAreConsistent(sf), `parents after edit ${n}`);
      const fresh = ts.createSourceFile(file.path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      assert.equal(shape(sf), shape(fresh), `tree after edit ${n}`);
    }
    forgetIncremental(file.path);
  });

  it('keeps trees for a bounded set of open paths and forgets a closed one', () => {
    for (const p of incrementalPaths()) forgetIncremental(p);
    const text = "import { Router } from 'express';\nexport const router = Router();\nrouter.get('/a', (req, res) => res.json([]));\n";
    for (let i = 0; i < 12; i++) extractFileFacts({ path: `/ws/open/r${i}.ts`, text }, { incremental: true });
    const kept = incrementalPaths();
    assert.equal(kept.length, 8);
    assert.equal(kept[0], '/ws/open/r4.ts');
    forgetIncremental('/ws/open/r11.ts');
    assert.ok(!incrementalPaths().includes('/ws/open/r11.ts'));
    extractFileFacts({ path: '/ws/open/r11.ts', text }, {});
    assert.ok(!incrementalPaths().includes('/ws/open/r11.ts'), 'the full-parse path keeps no tree');
    for (const p of incrementalPaths()) forgetIncremental(p);
  });
});

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as ts from 'typescript';
import { collectEffects } from './index';
import { isFunctionLike } from './scope';
import { parse, run } from './test-support';
import { onInternalError } from './walker';

const REALISTIC = `
import { randomUUID } from 'crypto';
import { prisma } from './db';
const todos = new Map();
let nextId = 1;
function save(id, body) { todos.set(id, { ...todos.get(id), ...body }); }
router.put('/todos/:id', async (req, res) => {
  const existing = todos.get(req.params.id);
  if (!existing) { todos.set(req.params.id, { id: req.params.id, ...req.body }); return res.status(201).json(req.body); }
  if (req.body.title !== undefined) existing.title = req.body.title;
  save(req.params.id, req.body);
  await prisma.todo.update({ where: { id: req.params.id }, data: req.body });
  await pool.query('INSERT INTO audit (what) VALUES ($1)', ['put']);
  res.location('/todos/' + req.params.id).status(200).json(existing);
});
router.post('/todos', (req, res) => { const id = randomUUID(); todos.set(id, { id: nextId++, ...req.body }); res.sendStatus(201); });
`;

/** Every function-like node of a file: the things a route extractor might hand over, whole or half-typed. */
function functionsOf(sf: ts.SourceFile): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n)) out.push(n);
    if (ts.isCallExpression(n) && n.arguments.length > 0) out.push(n.arguments[n.arguments.length - 1]);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function collectAll(text: string): number {
  const sf = parse(text);
  let count = 0;
  for (const node of functionsOf(sf)) {
    const effects = collectEffects(node, { sourceFile: sf, filePath: sf.fileName });
    for (const e of effects) {
      assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end, 'span inside the text');
      assert.ok(e.description.length > 0 && !e.description.includes('\n'), 'one-line description');
    }
    count += effects.length;
  }
  return count;
}

describe('effects: hostile and half-typed input', () => {
  const errors: unknown[] = [];
  beforeEach(() => {
    errors.length = 0;
    onInternalError((e) => errors.push(e));
  });
  afterEach(() => {
    onInternalError(undefined);
    assert.deepEqual(errors.map(String), [], 'no detector threw');
  });

  it('finds the full set on the intact fixture (the property below is not vacuous)', () => {
    const kinds = new Set(run(REALISTIC, 'put').effects.map((e) => e.kind));
    for (const k of ['full-replace', 'partial-update', 'upsert', 'insert', 'mints-id', 'status', 'location-header'] as const) {
      assert.ok(kinds.has(k), `missing ${k}`);
    }
  });

  it('never throws on truncated or spliced handlers', function () {
    this.timeout(20_000);
    fc.assert(
      fc.property(fc.nat(REALISTIC.length), fc.nat(REALISTIC.length), fc.string({ maxLength: 8 }), (a, b, insert) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        collectAll(REALISTIC.slice(0, from) + insert + REALISTIC.slice(to));
      }),
      { numRuns: 150 },
    );
  });

  it('returns nothing for things that are not handlers', () => {
    const sf = parse('const x = 1; "handler"; router.put("/a", undefined);');
    for (const node of [sf, sf.statements[0], sf.statements[1], sf.endOfFileToken]) {
      assert.deepEqual(collectEffects(node, { sourceFile: sf, filePath: sf.fileName }), []);
    }
  });

  it('stays quick on a huge handler and on deep self-referencing aliases', function () {
    this.timeout(30_000); // a hang guard only: speed is measured by `npm run bench`, not asserted here
    const body = Array.from({ length: 2000 }, (_, i) => `  const v${i} = v${i === 0 ? 1999 : i - 1}; store[v${i}] = req.body;`).join('\n');
    const text = `const store = {};\nrouter.put('/x/:id', (req, res) => {\n${body}\n});`;
    const r = run(text, 'put');
    assert.equal(r.effects.length, 2000);
  });

  it('survives binary noise and unbalanced template literals', () => {
    const noise = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65535));
    assert.doesNotThrow(() => collectAll(noise));
    assert.doesNotThrow(() => collectAll('router.post("/x", (req, res) => { pool.query(`INSERT INTO t (a) VALUES (${'));
  });
});

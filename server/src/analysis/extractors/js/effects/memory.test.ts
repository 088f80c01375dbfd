import * as assert from 'node:assert/strict';
import { describeOf, run } from './test-support';

describe('effects: in-memory stores', () => {
  it('reads `store[id] = req.body` as a full replacement', () => {
    const r = run(`
const store: Record<string, Product> = {};
router.post('/products/:id', (req, res) => {
  store[req.params.id] = req.body;
  res.json(store[req.params.id]);
});`, 'post');
    assert.deepEqual(r.lines, ['full-replace: store[req.params.id] = req.body']);
    assert.equal(describeOf(r, 'full-replace'), 'store[req.params.id] = … stores the whole request body as the item');
  });

  it('reads `map.set(id, { id, ...req.body })` and a validated body as full replacements', () => {
    const r = run(`
const users = new Map<string, User>();
const UserSchema = z.object({ name: z.string() });
app.put('/users/:id', (req, res) => {
  const { id } = req.params;
  users.set(id, { id, ...req.body });
  const parsed = UserSchema.parse(req.body);
  users.set(id, { ...parsed, id });
  res.json(users.get(id));
});`, 'put');
    assert.deepEqual(r.lines, ['full-replace: users.set(id, { id, ...req.body })', 'full-replace: users.set(id, { ...parsed, id })']);
  });

  it('reads Object.assign(existing, req.body) and { ...existing, ...req.body } as partial updates', () => {
    const fixture = `
const todos = new Map();
app.put('/todos/:id', (req, res) => {
  const existing = todos.get(req.params.id);
  if (!existing) return res.status(404).end();
  Object.assign(existing, req.body);
  res.json(existing);
});
app.post('/todos/:id', (req, res) => {
  const current = todos.get(req.params.id);
  todos.set(req.params.id, { ...current, ...req.body });
  res.json(todos.get(req.params.id));
});`;
    assert.deepEqual(run(fixture, 'put').lines, ['status 404: res.status(404)', 'partial-update: Object.assign(existing, req.body)']);
    assert.deepEqual(run(fixture, 'post').lines, ['partial-update: todos.set(req.params.id, { ...current, ...req.body })']);
  });

  it('reads per-field assignments guarded by "was it sent" as one partial update', () => {
    const r = run(`
let todos = [];
app.put('/todos/:id', (req, res) => {
  const todo = todos.find((t) => t.id === req.params.id);
  if (!todo) return res.sendStatus(404);
  const { title, done } = req.body;
  if (title !== undefined) todo.title = title;
  if (typeof done === 'boolean') { todo.done = done; }
  todo.notes = req.body.notes ?? todo.notes;
  res.json(todo);
});`, 'put');
    assert.deepEqual(r.lines, ['status 404: res.sendStatus(404)', 'partial-update: todo.title = title']);
    assert.equal(describeOf(r, 'partial-update'), 'sets fields of todo only when they are sent: a partial update');
  });

  it('reads unconditional field writes on a stored item as a state change, not a partial update', () => {
    const r = run(`
const accounts = [];
app.put('/accounts/:id', (req, res) => {
  const account = accounts.find((a) => a.id === req.params.id);
  account.owner = req.body.owner;
  account.plan = req.body.plan;
  account.updatedAt = new Date();
  res.json(account);
});`, 'put');
    assert.deepEqual(r.lines, ['state-change: account.owner = req.body.owner']);
  });

  it('finds deletes: delete operator, Map.delete, filter reassignment, splice', () => {
    const r = run(`
const sessions = {};
const carts = new Map();
let orders = [];
const queue = [];
app.delete('/things/:id', (req, res) => {
  delete sessions[req.params.id];
  carts.delete(req.params.id);
  orders = orders.filter((o) => o.id !== req.params.id);
  const index = queue.findIndex((q) => q.id === req.params.id);
  queue.splice(index, 1);
  res.status(204).end();
});`, 'delete');
    assert.deepEqual(r.lines, [
      'delete: delete sessions[req.params.id]', 'delete: carts.delete(req.params.id)',
      'delete: orders = orders.filter((o) => o.id !== req.params.id)', 'delete: queue.splice(index, 1)', 'status 204: res.status(204)',
    ]);
  });

  it('reads replace-by-map on a module array by what replaces the match', () => {
    const merge = run(`
let notes = [];
app.put('/notes/:id', (req, res) => {
  notes = notes.map((n) => (n.id === req.params.id ? { ...n, ...req.body } : n));
  res.json({ ok: true });
});`, 'put');
    assert.deepEqual(merge.lines, ['partial-update: notes = notes.map((n) => (n.id === req.params.id ? { ...n, ...req.body } : n))']);
    const replace = run(`
let notes = [];
app.put('/notes/:id', (req, res) => {
  notes = notes.map((n) => (n.id === req.params.id ? { id: n.id, ...req.body } : n));
  res.json({ ok: true });
});`, 'put');
    assert.deepEqual(replace.effects.map((e) => e.kind), ['full-replace']);
  });

  it('finds find-or-create (upsert) and tells it apart from a uniqueness check', () => {
    const upsert = run(`
const profiles = new Map();
app.put('/profiles/:user', (req, res) => {
  let profile = profiles.get(req.params.user);
  if (!profile) {
    profile = { user: req.params.user };
    profiles.set(req.params.user, profile);
  }
  Object.assign(profile, req.body);
  res.json(profile);
});`, 'put');
    assert.deepEqual(upsert.lines, [
      'upsert: profiles.set(req.params.user, profile)', 'full-replace: profiles.set(req.params.user, profile)', 'partial-update: Object.assign(profile, req.body)',
    ]);
    const unique = run(`
const members = [];
app.post('/members', (req, res) => {
  const existing = members.find((m) => m.email === req.body.email);
  if (existing) return res.status(409).json({ error: 'taken' });
  members.push({ email: req.body.email });
  res.status(201).end();
});`, 'post');
    assert.ok(!unique.effects.some((e) => e.kind === 'upsert'), unique.lines.join('\n'));
  });

  it('keeps local scratch values, reads and logging silent', () => {
    const r = run(`
const inventory = new Map();
router.get('/inventory', (req, res) => {
  const out = [];
  const byId = new Map();
  for (const [id, item] of inventory) {
    out.push({ id, ...item });
    byId.set(id, item);
  }
  const one = inventory.get(req.query.id);
  const has = inventory.has('x');
  console.log('served', out.length);
  res.json({ out, one, has });
});`, 'get');
    assert.deepEqual(r.lines, []);
  });

  it('finds counters on stored items under GET, not cache fills', () => {
    const r = run(`
const pages = new Map();
const hits = {};
const cache = new Map();
app.get('/pages/:slug', (req, res) => {
  const page = pages.get(req.params.slug);
  page.views++;
  hits[req.params.slug] = (hits[req.params.slug] || 0) + 1;
  cache.set(req.params.slug, page);
  res.json(page);
});`, 'get');
    assert.deepEqual(r.lines, [
      'state-change: page.views++', 'state-change: hits[req.params.slug] = (hits[req.params.slug] || 0) + 1',
    ]);
  });

  it('treats fields a plain JS constructor initialises as the class store', () => {
    const r = run(`
class TodoStore {
  constructor() { this.items = []; }
  add(req, res) {
    this.items.push({ title: req.body.title });
    res.status(201).end();
  }
}`, 'add');
    assert.deepEqual(r.effects.map((e) => e.kind), ['insert', 'mints-id', 'status']);
  });

  it('treats class fields of a service as its store (NestJS in-memory service)', () => {
    const r = run(`
@Injectable()
export class CatsService {
  private readonly cats: Cat[] = [];
  private lastId = 0;
  create(dto: CreateCatDto): Cat {
    const cat = { id: ++this.lastId, ...dto };
    this.cats.push(cat);
    return cat;
  }
}`, 'create');
    assert.deepEqual(r.lines, ['mints-id: ++this.lastId', 'insert: this.cats.push(cat)']);
  });
});

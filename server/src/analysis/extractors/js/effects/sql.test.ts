import * as assert from 'node:assert/strict';
import { sqlEffects } from './detect-sql';
import { describeOf, parse, run } from './test-support';

describe('effects: SQL statements', () => {
  const fixture = `
import { Pool } from 'pg';
import { sql } from '@vercel/postgres';
const pool = new Pool();

router.post('/users', async (req, res) => {
  const { name, email } = req.body;
  const { rows } = await pool.query('INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id', [name, email]);
  res.status(201).location('/users/' + rows[0].id).json(rows[0]);
});

router.put('/users/:id', async (req, res) => {
  await pool.query(
    \`INSERT INTO users (id, name, email) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email\`,
    [req.params.id, req.body.name, req.body.email],
  );
  res.sendStatus(204);
});

router.patch('/users/:id', async (req, res) => {
  const text = 'UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email) WHERE id = $1';
  await pool.query(text, [req.params.id, req.body.name, req.body.email]);
  res.sendStatus(204);
});

router.get('/users/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  await pool.query('UPDATE users SET last_seen = now() WHERE id = $1', [req.params.id]);
  console.log('DELETE FROM users is never run here');
  res.json(rows[0]);
});

router.delete('/users/:id', async (req, res) => {
  await sql\`DELETE FROM users WHERE id = \${req.params.id}\`;
  res.sendStatus(204);
});`;

  it('an INSERT without the id column mints the id', () => {
    const r = run(fixture, 'post');
    assert.deepEqual(r.effects.map((e) => e.kind), ['insert', 'mints-id', 'status', 'location-header']);
    assert.ok(r.lines[0].startsWith("insert: pool.query('INSERT INTO users (name, email)"), r.lines[0]);
    assert.equal(describeOf(r, 'mints-id'), 'INSERT INTO users leaves out the id column: the database assigns it');
  });

  it('ON CONFLICT ... DO UPDATE is an upsert, COALESCE updates are partial', () => {
    assert.deepEqual(run(fixture, 'put').effects.map((e) => e.kind), ['upsert', 'status']);
    const patch = run(fixture, 'patch');
    assert.deepEqual(patch.lines, ['partial-update: pool.query(text, [req.params.id, req.body.name, req.body.email])', 'status 204: res.sendStatus(204)']);
  });

  it('SELECT and log lines are silent; an UPDATE under GET is a state change; tagged DELETE deletes', () => {
    assert.deepEqual(run(fixture, 'get').lines, ["state-change: pool.query('UPDATE users SET last_seen = now() WHERE id = $1', [req.params.id])"]);
    assert.deepEqual(run(fixture, 'delete').lines, ['delete: sql`DELETE FROM users WHERE id = ${req.params.id}`', 'status 204: res.sendStatus(204)']);
  });

  it('reads the statement itself: comments, table-named id columns, REPLACE and MERGE', () => {
    const node = parse('x').statements[0];
    const kinds = (text: string) => sqlEffects(text, node).map((f) => f.kind);
    assert.deepEqual(kinds('-- create\n/* audit */ insert into comments (post_id, body) values (?, ?)'), ['insert', 'mints-id']);
    assert.deepEqual(kinds('INSERT INTO "public"."comments" ("comment_id", body) VALUES ($1, $2)'), ['insert']);
    assert.deepEqual(kinds('INSERT INTO categories VALUES (?, ?)'), ['insert']);
    assert.deepEqual(kinds('INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 1'), ['upsert']);
    assert.deepEqual(kinds('INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)'), ['upsert']);
    assert.deepEqual(kinds('REPLACE INTO kv (k, v) VALUES (?, ?)'), ['upsert']);
    assert.deepEqual(kinds('MERGE INTO stock USING incoming ON ...'), ['upsert']);
    assert.deepEqual(kinds('TRUNCATE TABLE sessions'), ['delete']);
    assert.deepEqual(kinds('select * from users where name = \'INSERT INTO x (a) VALUES (1)\''), []);
    assert.deepEqual(kinds('with x as (select 1) delete from t'), []);
  });

  it('better-sqlite3 prepare().run() is reported once, at the prepared statement', () => {
    const r = run(`
import Database from 'better-sqlite3';
const db = new Database('app.db');
app.post('/notes', (req, res) => {
  const info = db.prepare('INSERT INTO notes (body) VALUES (?)').run(req.body.body);
  const note = db.prepare('SELECT * FROM notes WHERE id = ?').get(info.lastInsertRowid);
  res.status(201).json(note);
});`, 'post');
    assert.deepEqual(r.lines, [
      "insert: db.prepare('INSERT INTO notes (body) VALUES (?)')", "mints-id: db.prepare('INSERT INTO notes (body) VALUES (?)')", 'status 201: res.status(201)',
    ]);
  });
});

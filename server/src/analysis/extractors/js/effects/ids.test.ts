import * as assert from 'node:assert/strict';
import { describeOf, run } from './test-support';

describe('effects: server-minted ids', () => {
  it('finds randomUUID() and the insert under the minted key (Express + Map store)', () => {
    const r = run(`
import express from 'express';
import { randomUUID } from 'node:crypto';
const router = express.Router();
const todos = new Map<string, Todo>();

router.put('/todos', (req, res) => {
  const id = randomUUID();
  const todo = { id, title: req.body.title, done: false };
  todos.set(id, todo);
  res.status(201).json(todo);
});`, 'put');
    assert.deepEqual(r.lines, ['mints-id: randomUUID()', 'insert: todos.set(id, todo)', 'status 201: res.status(201)']);
    assert.equal(describeOf(r, 'mints-id'), 'randomUUID() mints the id on the server');
  });

  it('finds uuid v4 imported under an alias and crypto.randomUUID()', () => {
    const r = run(`
import { v4 as uuidv4 } from 'uuid';
import { v4 } from 'uuid';
import crypto from 'crypto';
let items = [];
app.post('/items', (req, res) => {
  const item = { id: uuidv4(), ...req.body };
  items.push(item);
  const other = { _id: v4(), ref: crypto.randomUUID() };
  items.push(other);
  res.json(item);
});`, 'post');
    assert.deepEqual(r.lines, [
      'mints-id: uuidv4()', 'insert: items.push(item)', 'mints-id: v4()', 'mints-id: crypto.randomUUID()', 'insert: items.push(other)',
    ]);
  });

  it('finds nanoid(), cuid createId(), ulid() and new ObjectId(), but not an ObjectId parsed from the URL', () => {
    const r = run(`
import { nanoid } from 'nanoid';
import { createId } from '@paralleldrive/cuid2';
import { ulid } from 'ulid';
import { ObjectId } from 'mongodb';
app.put('/links/:id', async (req, res) => {
  const found = await links.findOne({ _id: new ObjectId(req.params.id) });
  const slug = nanoid(8);
  const ref = createId();
  const key = ulid();
  const _id = new ObjectId();
  res.json({ found, slug, ref, key, _id });
});`, 'put');
    assert.deepEqual(r.lines, ['mints-id: nanoid(8)', 'mints-id: createId()', 'mints-id: ulid()', 'mints-id: new ObjectId()']);
  });

  it('treats Date.now() and Math.random() as ids only where an id goes', () => {
    const r = run(`
const notes = {};
app.post('/notes', (req, res) => {
  const note = { id: Date.now(), createdAt: Date.now(), text: req.body.text };
  const slug = Math.random().toString(36).slice(2);
  const jitter = Math.random() * 100;
  notes[note.id] = { ...note, slug };
  res.json(note);
});`, 'post');
    assert.deepEqual(r.lines, ['mints-id: Date.now()', 'mints-id: Math.random()', 'insert: notes[note.id] = { ...note, slug }']);
    assert.equal(describeOf(r, 'mints-id'), 'Date.now() is used as the id: the server mints it');
  });

  it('ignores generated values that are not the resource id (request ids, tokens)', () => {
    const r = run(`
import { randomUUID } from 'crypto';
app.put('/sessions/:user', async (req, res) => {
  const requestId = randomUUID();
  const token = randomUUID();
  logger.info({ requestId });
  res.json({ token });
});`, 'put');
    assert.deepEqual(r.lines, []);
  });

  it('finds module counters used as ids, and other module counters as state changes', () => {
    const r = run(`
let nextId = 1;
let created = 0;
const users: User[] = [];
router.post('/users', (req, res) => {
  const user = { id: nextId++, name: req.body.name };
  users.push(user);
  created += 1;
  let tries = 0;
  tries++;
  res.status(201).send(user);
});`, 'post');
    assert.deepEqual(r.lines, [
      'mints-id: nextId++', 'insert: users.push(user)', 'state-change: created += 1', 'status 201: res.status(201)',
    ]);
    assert.match(describeOf(r, 'mints-id') ?? '', /^nextId\+\+ mints the id from a server counter$/);
  });

  it('finds ids taken from the store size', () => {
    const r = run(`
const books = [];
app.post('/books', (req, res) => {
  const book = { id: books.length + 1, title: req.body.title };
  books.push(book);
  res.json(book);
});`, 'post');
    assert.deepEqual(r.lines, ['mints-id: books.length + 1', 'insert: books.push(book)']);
  });

  it('follows a same-file id helper and reports the generator inside it', () => {
    const r = run(`
import crypto from 'node:crypto';
function generateId() {
  return crypto.randomUUID();
}
const db = new Map();
app.put('/projects', (req, res) => {
  const project = { ...req.body, id: generateId() };
  db.set(project.id, project);
  res.json(project);
});`, 'put');
    assert.deepEqual(r.lines, ['mints-id: crypto.randomUUID()', 'insert: db.set(project.id, project)']);
  });

  it('marks an insert without an id as minted by the store, and one with the client id as a plain insert', () => {
    const minted = run(`
const tasks = [];
app.post('/tasks', (req, res) => {
  tasks.push({ title: req.body.title, done: false });
  res.sendStatus(201);
});`, 'post');
    assert.deepEqual(minted.lines, ['insert: tasks.push({ title: req.body.title, done: false })',
      'mints-id: tasks.push({ title: req.body.title, done: false })', 'status 201: res.sendStatus(201)']);
    const clientId = run(`
const tasks = [];
app.put('/tasks/:id', (req, res) => {
  tasks.push({ id: req.params.id, title: req.body.title });
  res.sendStatus(204);
});`, 'put');
    assert.deepEqual(clientId.lines, ['insert: tasks.push({ id: req.params.id, title: req.body.title })', 'status 204: res.sendStatus(204)']);
  });
});

import * as assert from 'node:assert/strict';
import { describeOf, run } from './test-support';

describe('effects: database and ORM calls', () => {
  describe('MongoDB driver', () => {
    const fixture = `
import { MongoClient, ObjectId } from 'mongodb';
const client = new MongoClient(process.env.MONGO_URL!);
const db = client.db('shop');

router.post('/customers', async (req, res) => {
  const { name, email } = req.body;
  const result = await db.collection('customers').insertOne({ name, email, createdAt: new Date() });
  res.status(201).json({ id: result.insertedId });
});

router.post('/customers/:id', async (req, res) => {
  await db.collection('customers').replaceOne({ _id: new ObjectId(req.params.id) }, req.body);
  res.json({ ok: true });
});

router.put('/customers/:id', async (req, res) => {
  const { name, phone } = req.body;
  await db.collection('customers').updateOne({ _id: new ObjectId(req.params.id) }, { $set: { name, phone } });
  res.sendStatus(204);
});

router.patch('/customers/:id', async (req, res) => {
  const customers = db.collection('customers');
  await customers.findOneAndUpdate({ _id: req.params.id }, { $set: req.body }, { upsert: true });
  res.end();
});

router.get('/customers/:id', async (req, res) => {
  const customers = db.collection('customers');
  await customers.updateOne({ _id: req.params.id }, { $inc: { views: 1 } });
  res.json(await customers.findOne({ _id: req.params.id }));
});

router.delete('/customers/:id', async (req, res) => {
  await db.collection('customers').deleteOne({ _id: new ObjectId(req.params.id) });
  res.status(204).end();
});`;

    it('insertOne without _id mints the id; with the status', () => {
      const r = run(fixture, 'post');
      assert.deepEqual(r.lines, [
        "insert: db.collection('customers').insertOne({ name, email, createdAt: new Date() })",
        "mints-id: db.collection('customers').insertOne({ name, email, createdAt: new Date() })",
        'status 201: res.status(201)',
      ]);
      assert.equal(describeOf(r, 'mints-id'), "db.collection('customers').insertOne() stores an item without an id: the database assigns it");
    });

    it('replaceOne is a full replacement; $set of picked fields a partial update; upsert: true an upsert', () => {
      assert.deepEqual(run(fixture, 'put').effects.map((e) => e.kind), ['partial-update', 'status']);
      assert.deepEqual(run(fixture, 'patch').lines, ["upsert: customers.findOneAndUpdate({ _id: req.params.id }, { $set: req.body }, { upsert: true })"]);
      const replace = fixture.replace("router.post('/customers', ", "router.options('/customers', ");
      assert.deepEqual(run(replace, 'post').lines, [
        'full-replace: db.collection(\'customers\').replaceOne({ _id: new ObjectId(req.params.id) }, req.body)',
      ]);
    });

    it('$inc under GET is a state change; findOne is not; deleteOne deletes', () => {
      assert.deepEqual(run(fixture, 'get').lines, ["state-change: customers.updateOne({ _id: req.params.id }, { $inc: { views: 1 } })"]);
      assert.deepEqual(run(fixture, 'delete').effects.map((e) => e.kind), ['delete', 'status']);
    });
  });

  it('Mongoose: whole-body findByIdAndUpdate, fresh documents, fetched documents', () => {
    const fixture = `
import Todo from '../models/todo';
import { Router } from 'express';
export const todos = Router();
todos.put('/:id', async (req, res) => {
  const todo = await Todo.findByIdAndUpdate(req.params.id, req.body, { new: true });
  res.json(todo);
});
todos.post('/', async (req, res) => {
  const todo = new Todo(req.body);
  await todo.save();
  res.status(201).json(todo);
});
todos.patch('/:id', async (req, res) => {
  const todo = await Todo.findById(req.params.id);
  if (req.body.title) todo.title = req.body.title;
  await todo.save();
  res.json(todo);
});
todos.delete('/:id', async (req, res) => {
  await Todo.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});`;
    assert.deepEqual(run(fixture, 'put').lines, ['full-replace: Todo.findByIdAndUpdate(req.params.id, req.body, { new: true })']);
    assert.deepEqual(run(fixture, 'post').lines, ['insert: todo.save()', 'status 201: res.status(201)']);
    assert.deepEqual(run(fixture, 'patch').lines, ['partial-update: todo.title = req.body.title', 'state-change: todo.save()']);
    assert.deepEqual(run(fixture, 'delete').lines, ['delete: Todo.findByIdAndDelete(req.params.id)', 'status 204: res.sendStatus(204)']);
  });

  describe('Prisma', () => {
    const fixture = `
import { prisma } from '@/lib/prisma';
app.put('/projects/:id', async (req, res) => {
  const project = await prisma.project.update({ where: { id: req.params.id }, data: req.body });
  res.json(project);
});
app.patch('/projects/:id', async (req, res) => {
  const { name, color } = req.body;
  const project = await prisma.project.update({
    where: { id: req.params.id },
    data: { ...(name !== undefined && { name }), ...(color ? { color } : {}) },
  });
  res.json(project);
});
app.post('/projects', async (req, res) => {
  const project = await prisma.project.create({ data: { name: req.body.name, ownerId: req.user.id } });
  res.status(201).json(project);
});
app.options('/projects/:id', async (req, res) => {
  await prisma.project.create({ data: { id: req.params.id, name: req.body.name } });
  await prisma.project.upsert({ where: { id: req.params.id }, create: req.body, update: req.body });
  res.end();
});
app.get('/projects/:id', async (req, res) => {
  const project = await prisma.project.findUnique({ where: { id: req.params.id } });
  await prisma.project.update({ where: { id: req.params.id }, data: { views: { increment: 1 } } });
  res.json(project);
});
app.delete('/projects/:id', async (req, res) => {
  await prisma.project.delete({ where: { id: req.params.id } });
  res.status(204).send();
});`;

    it('update with data: req.body is a full replacement, with optional fields a partial update', () => {
      const put = run(fixture, 'put');
      assert.deepEqual(put.lines, ['full-replace: prisma.project.update({ where: { id: req.params.id }, data: req.body })']);
      assert.equal(describeOf(put, 'full-replace'), 'prisma.project.update() writes the whole request body onto the stored item');
      assert.deepEqual(run(fixture, 'patch').effects.map((e) => e.kind), ['partial-update']);
    });

    it('create without id mints it; with the client id it is only an insert; upsert is an upsert', () => {
      assert.deepEqual(run(fixture, 'post').effects.map((e) => e.kind), ['insert', 'mints-id', 'status']);
      assert.deepEqual(run(fixture, 'options').effects.map((e) => e.kind), ['insert', 'upsert']);
    });

    it('findUnique is silent; increment under GET is a state change; delete deletes', () => {
      assert.deepEqual(run(fixture, 'get').lines, ['state-change: prisma.project.update({ where: { id: req.params.id }, data: { views: { increment: 1 } } })']);
      assert.deepEqual(run(fixture, 'delete').effects.map((e) => e.kind), ['delete', 'status']);
    });
  });

  it('Knex: insert, whole-body update, delete, onConflict().merge()', () => {
    const fixture = `
import knex from '../db/knex';
router.post('/tags', async (req, res) => {
  const [row] = await knex('tags').insert({ label: req.body.label }).returning('*');
  res.status(201).json(row);
});
router.put('/tags/:id', async (req, res) => {
  await knex('tags').where({ id: req.params.id }).update(req.body);
  res.sendStatus(204);
});
router.delete('/tags/:id', async (req, res) => {
  await knex('tags').where({ id: req.params.id }).del();
  res.sendStatus(204);
});
router.patch('/tags/:id', async (req, res) => {
  await knex('tags').insert({ id: req.params.id, ...req.body }).onConflict('id').merge();
  res.sendStatus(204);
});`;
    assert.deepEqual(run(fixture, 'post').effects.map((e) => e.kind), ['insert', 'mints-id', 'status']);
    assert.deepEqual(run(fixture, 'put').lines, ["full-replace: knex('tags').where({ id: req.params.id }).update(req.body)", 'status 204: res.sendStatus(204)']);
    assert.deepEqual(run(fixture, 'delete').lines, ["delete: knex('tags').where({ id: req.params.id }).del()", 'status 204: res.sendStatus(204)']);
    assert.deepEqual(run(fixture, 'patch').effects.map((e) => e.kind), ['upsert', 'status']);
  });

  it('Sequelize: values-first update, instance destroy, findOrCreate', () => {
    const fixture = `
import { Article } from '../models';
router.put('/articles/:id', async (req, res) => {
  await Article.update(req.body, { where: { id: req.params.id } });
  res.sendStatus(204);
});
router.delete('/articles/:id', async (req, res) => {
  const article = await Article.findByPk(req.params.id);
  await article.destroy();
  res.sendStatus(204);
});
router.post('/articles/:slug', async (req, res) => {
  const [article] = await Article.findOrCreate({ where: { slug: req.params.slug }, defaults: req.body });
  res.json(article);
});`;
    assert.deepEqual(run(fixture, 'put').lines, ['full-replace: Article.update(req.body, { where: { id: req.params.id } })', 'status 204: res.sendStatus(204)']);
    assert.deepEqual(run(fixture, 'delete').lines, ['delete: article.destroy()', 'status 204: res.sendStatus(204)']);
    assert.deepEqual(run(fixture, 'post').effects.map((e) => e.kind), ['upsert']);
  });

  it('Redis and file writes; reads and read-through cache fills are silent', () => {
    const r = run(`
import { writeFile } from 'node:fs/promises';
import fs from 'fs';
import { redis } from './redis';
import { cache } from './cache';
import { redisCache } from './redis';
app.get('/articles/:slug', async (req, res) => {
  const cached = await redis.get('article:' + req.params.slug);
  if (!cached) await cache.set('article:' + req.params.slug, 'x', { ttl: 60 });
  await redisCache.del('stale:' + req.params.slug);
  await redis.incr('views:' + req.params.slug);
  await writeFile('/tmp/last.json', JSON.stringify(req.params));
  fs.appendFileSync('access.log', req.params.slug + '\\n');
  const text = fs.readFileSync('x.md', 'utf8');
  res.json({ cached, text });
});`, 'get');
    assert.deepEqual(r.lines, [
      "state-change: redis.incr('views:' + req.params.slug)",
      "state-change: writeFile('/tmp/last.json', JSON.stringify(req.params))",
      "state-change: fs.appendFileSync('access.log', req.params.slug + '\\n')",
    ]);
  });

  it('models and collections that hold sessions are the database, not a key-value cache', () => {
    const fixture = `
import { Router } from 'express';
import { Session } from '../models/session';
import { db } from '../db';
const router = Router();
router.get('/sessions/:id/revoke', async (req, res) => {
  await Session.deleteOne({ _id: req.params.id });
  res.redirect('/account');
});
router.delete('/sessions/:id', async (req, res) => {
  await db.sessions.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});
router.post('/logout', async (req, res) => {
  await sessionStore.set(req.sessionID, { revoked: true });
  res.sendStatus(204);
});
const sessionStore = new RedisStore({ client: redisClient });`;
    assert.deepEqual(run(fixture, 'get').lines, ['delete: Session.deleteOne({ _id: req.params.id })']);
    assert.deepEqual(run(fixture, 'delete').lines, ['delete: db.sessions.deleteOne({ _id: req.params.id })', 'status 204: res.sendStatus(204)']);
    assert.deepEqual(run(fixture, 'post').lines, ['state-change: sessionStore.set(req.sessionID, { revoked: true })', 'status 204: res.sendStatus(204)']);
  });

  it('replaceOne with upsert: true both replaces and creates when missing', () => {
    const r = run(`
import { db } from '../db';
router.put('/settings/:key', async (req, res) => {
  await db.collection('settings').replaceOne({ _id: req.params.key }, req.body, { upsert: true });
  res.sendStatus(204);
});`, 'put');
    assert.deepEqual(r.effects.map((e) => e.kind), ['upsert', 'full-replace', 'status']);
  });

  it('is silent for HTTP clients, URL objects and reads that look like writes', () => {
    const r = run(`
import axios from 'axios';
import User from './models/user';
app.put('/proxy/:id', async (req, res) => {
  await axios.put('https://upstream/items/' + req.params.id, req.body);
  const params = new URLSearchParams(req.query);
  params.delete('debug');
  params.set('page', '1');
  const users = await User.find({ active: true });
  const headers = new Headers();
  headers.delete('x-debug');
  res.json(users);
});`, 'put');
    assert.deepEqual(r.lines, []);
  });
});

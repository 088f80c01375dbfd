import * as assert from 'node:assert/strict';
import { extractWorkspaceRoutes } from './workspace';

function routes(text: string, path = '/ws/src/file.ts') {
  return [...extractWorkspaceRoutes([{ path, text }]).values()].flat().map((r) => `${r.method} ${r.path.display}`);
}

describe('js routes: look-alikes are not routes', () => {
  it('HTTP clients, stores and ORMs in a file that also defines an Express app', () => {
    const text = `
import express from 'express';
import axios from 'axios';
import { db, users } from './db';
import { createCache } from 'cache-manager';

const app = express();
const cache = createCache();
const sessions = new Map<string, string>();
const http = {
  put: (url: string, body: unknown) => fetch(url, { method: 'PUT', body: JSON.stringify(body) }),
};

app.put('/users/:id', async (req, res) => {
  await axios.put('https://audit.example.com/users/' + req.params.id, req.body);
  await db.delete(users).where({ id: req.params.id });
  cache.post('/users', () => undefined);
  sessions.get('/users/:id');
  await http.put('/users/1', { name: 'x' });
  res.sendStatus(204);
});
`;
    assert.deepEqual(routes(text), ['PUT /users/{id}']);
  });

  it('supertest calls in a test file', () => {
    const text = `
import request from 'supertest';
import app from '../src/app';

it('updates', async () => {
  await request(app).put('/api/users/1').send({ name: 'Ada' }).expect(204);
  await request(app).get('/api/users', () => undefined);
  const agent = request.agent(app);
  await agent.delete('/api/users/1', () => undefined);
});
`;
    assert.deepEqual(routes(text, '/ws/test/users.test.ts'), []);
  });

  it('mock servers, client routers and unknown app factories', () => {
    const text = `
import { http, HttpResponse } from 'msw';
import { useRouter } from 'next/router';
import { createApp } from 'h3-lookalike';

export const handlers = [
  http.put('/api/users/:id', () => HttpResponse.json({})),
  http.post('/api/users', () => HttpResponse.json({}, { status: 201 })),
];

export function Nav() {
  const router = useRouter();
  router.push('/users', undefined, { shallow: true });
  return null;
}

const app = createApp();
app.get('/health', () => 'ok');
`;
    assert.deepEqual(routes(text), []);
  });

  it('a function taking a client is not a router unless a router is passed in', () => {
    const text = `
export function load(client) {
  client.get('/users', (err, body) => body);
  client.put('/users/1', { name: 'x' }, () => undefined);
}
`;
    assert.deepEqual(routes(text, '/ws/src/load.js'), []);
  });
});

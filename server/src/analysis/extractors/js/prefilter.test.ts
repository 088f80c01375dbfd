import * as assert from 'node:assert/strict';
import { mayHaveRoutes } from './prefilter';

describe('js routes: prefilter', () => {
  const parsed: Array<[string, string, string]> = [
    ['an Express import', 'src/app.ts', "import express from 'express';\nconst app = express();"],
    ['a NestJS controller', 'src/users.controller.ts', "import { Controller, Get } from '@nestjs/common';"],
    ['a Koa router', 'src/r.js', "const Router = require('@koa/router');"],
    ['a route module with no import', 'routes/users.js', "module.exports = (app) => {\n  app.get('/users', list);\n};"],
    ['a Fastify plugin with no import', 'plugins/x.ts', "export default async function (fastify) { fastify.post('/x', h); }"],
    ['array paths', 'routes/a.js', "router.get(['/a', '/b'], h);"],
    ['a router created by name', 'src/r.ts', "import { Router } from './http';\nexport const r = Router();"],
    ['a Pages API handler (by path)', 'pages/api/users/[id].ts', 'export default function handler(req, res) {}'],
    ['an App Router route file (by path)', 'app/api/users/route.ts', 'export async function GET() {}'],
  ];
  for (const [name, path, text] of parsed) it(`parses ${name}`, () => assert.equal(mayHaveRoutes(path, text), true));

  const skipped: Array<[string, string, string]> = [
    ['the word Expression', 'src/ast.ts', 'export function visit(node: ExpressionStatement) { return node.expression; }'],
    ['React Router', 'src/App.tsx', "import { useRouter } from 'next/router';\nconst router = useRouter();\n<BrowserRouter />"],
    ['a React component fetching', 'src/UserCard.tsx', "useEffect(() => { api.get(`/users/${id}`).then(setUser); }, [id]);"],
    ['map and cache keys', 'src/cache.ts', "const v = map.get('key'); cache.set('k', v);"],
    ['a binary file', 'src/x.ts', 'abc\u0000def'],
    ['an empty file', 'src/x.ts', ''],
  ];
  for (const [name, path, text] of skipped) it(`skips ${name}`, () => assert.equal(mayHaveRoutes(path, text), false));
});

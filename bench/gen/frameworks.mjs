// One generated service per framework: route modules mounted across files, the way each framework composes them
// (Express routers under app.use, Fastify plugins with prefixes, koa-router prefixes, Hono app.route, Nest
// controllers, Next.js app-router route.ts folders). Each returns [{ path, text }] relative to the service folder.
import { handlerBody, moduleHelpers, operationsFor } from './handlers.mjs';
import { camel, pascal } from './random.mjs';

const lower = (m) => m.toLowerCase();
const ext = (ts) => (ts ? 'ts' : 'js');

function imports(ts, extra) {
  const lines = [...extra, "import { randomUUID } from 'node:crypto';", "import { db } from '../db';"];
  lines.push("import { audit } from '../audit';", "import { pick, escapeRegExp, ValidationError } from '../util';");
  lines.push("import { workflows } from '../workflows';");
  return lines;
}

function workflowConsts(api) {
  return [`const ${camel(api.singular)}Workflow = workflows.for('${api.singular}');`, ''];
}

export function expressService(rng, resources, ts) {
  const files = [];
  const mounts = [];
  for (const resource of resources) {
    const api = operationsFor(rng, resource);
    const name = `${camel(api.plural)}Router`;
    const lines = imports(ts, ["import { Router } from 'express';"]);
    lines.push('', `export const ${name} = Router();`, '', ...workflowConsts(api));
    for (const op of api.ops) {
      const params = ts ? '(req: Request, res: Response)' : '(req, res)';
      lines.push(`${name}.${lower(op.method)}('${op.path || '/'}', async ${params} => {`, ...handlerBody(rng, 'express', api, op), '});', '');
    }
    lines.push(...moduleHelpers(rng, api, ts));
    files.push({ path: `src/routes/${api.plural}.${ext(ts)}`, text: lines.join('\n') });
    mounts.push({ name, plural: api.plural });
  }
  const version = rng.pick(['v1', 'v2', 'v3']);
  const app = ["import express from 'express';"];
  for (const m of mounts) app.push(`import { ${m.name} } from './routes/${m.plural}';`);
  app.push('', 'export function createApp() {', '  const app = express();', '  app.use(express.json({ limit: "1mb" }));');
  app.push('  const api = express.Router();');
  for (const m of mounts) app.push(`  api.use('/${m.plural}', ${m.name});`);
  app.push(`  app.use('/api/${version}', api);`, "  app.get('/healthz', (_req, res) => { res.json({ ok: true }); });", '  return app;', '}', '');
  files.push({ path: `src/app.${ext(ts)}`, text: app.join('\n') });
  return files;
}

export function fastifyService(rng, resources, ts) {
  const files = [];
  const plugins = [];
  for (const resource of resources) {
    const api = operationsFor(rng, resource);
    const fn = `${camel(api.plural)}Routes`;
    const lines = imports(ts, ts ? ["import type { FastifyInstance } from 'fastify';"] : []);
    lines.push('', ...workflowConsts(api));
    lines.push(`export default async function ${fn}(app${ts ? ': FastifyInstance' : ''}) {`);
    for (const op of api.ops) {
      const body = handlerBody(rng, 'fastify', api, op).map((l) => (l ? `  ${l}` : l));
      if (rng.chance(0.25)) {
        lines.push('  app.route({', `    method: '${op.method}',`, `    url: '${op.path || '/'}',`, '    handler: async (request, reply) => {');
        lines.push(...body.map((l) => (l ? `  ${l}` : l)), '    },', '  });', '');
      } else {
        lines.push(`  app.${lower(op.method)}('${op.path || '/'}', async (request, reply) => {`, ...body, '  });', '');
      }
    }
    lines.push('}', '', ...moduleHelpers(rng, api, ts));
    files.push({ path: `src/plugins/${api.plural}.${ext(ts)}`, text: lines.join('\n') });
    plugins.push({ fn, plural: api.plural });
  }
  const server = ["import Fastify from 'fastify';"];
  for (const p of plugins) server.push(`import ${p.fn} from './plugins/${p.plural}';`);
  server.push('', 'export async function buildServer() {', '  const app = Fastify({ logger: true });');
  for (const p of plugins) server.push(`  await app.register(${p.fn}, { prefix: '/${p.plural}' });`);
  server.push('  return app;', '}', '');
  files.push({ path: `src/server.${ext(ts)}`, text: server.join('\n') });
  return files;
}

export function koaService(rng, resources) {
  const files = [];
  const routers = [];
  for (const resource of resources) {
    const api = operationsFor(rng, resource);
    const name = `${camel(api.plural)}Router`;
    const lines = ["const Router = require('@koa/router');", "const { randomUUID } = require('node:crypto');"];
    lines.push("const { db } = require('../db');", "const { audit } = require('../audit');", "const { workflows } = require('../workflows');");
    lines.push("const { pick, escapeRegExp, ValidationError } = require('../util');", '');
    lines.push(`const ${name} = new Router({ prefix: '/${api.plural}' });`, '', ...workflowConsts(api));
    for (const op of api.ops) {
      lines.push(`${name}.${lower(op.method)}('${op.path || '/'}', async (ctx) => {`, ...handlerBody(rng, 'koa', api, op), '});', '');
    }
    lines.push(...moduleHelpers(rng, api, false), `module.exports = ${name};`, '');
    files.push({ path: `src/routes/${api.plural}.js`, text: lines.join('\n') });
    routers.push({ name, plural: api.plural });
  }
  const app = ["const Koa = require('koa');", "const bodyParser = require('koa-bodyparser');"];
  for (const r of routers) app.push(`const ${r.name} = require('./routes/${r.plural}');`);
  app.push('', 'const app = new Koa();', 'app.use(bodyParser());');
  for (const r of routers) app.push(`app.use(${r.name}.routes()).use(${r.name}.allowedMethods());`);
  app.push('', 'module.exports = app;', '');
  files.push({ path: 'src/app.js', text: app.join('\n') });
  return files;
}

export function honoService(rng, resources) {
  const files = [];
  const subs = [];
  for (const resource of resources) {
    const api = operationsFor(rng, resource);
    const name = camel(api.plural);
    const lines = imports(true, ["import { Hono } from 'hono';"]);
    lines.push('', `export const ${name} = new Hono();`, '', ...workflowConsts(api));
    for (const op of api.ops) {
      lines.push(`${name}.${lower(op.method)}('${op.path || '/'}', async (c) => {`, ...handlerBody(rng, 'hono', api, op), '});', '');
    }
    lines.push(...moduleHelpers(rng, api, true));
    files.push({ path: `src/routes/${api.plural}.ts`, text: lines.join('\n') });
    subs.push({ name, plural: api.plural });
  }
  const index = ["import { Hono } from 'hono';", "import { logger } from 'hono/logger';"];
  for (const s of subs) index.push(`import { ${s.name} } from './routes/${s.plural}';`);
  index.push('', "const app = new Hono().basePath('/api');", "app.use('*', logger());");
  for (const s of subs) index.push(`app.route('/${s.plural}', ${s.name});`);
  index.push('', 'export default app;', '');
  files.push({ path: 'src/index.ts', text: index.join('\n') });
  return files;
}

const NEST_DECORATOR = { GET: 'Get', POST: 'Post', PUT: 'Put', PATCH: 'Patch', DELETE: 'Delete' };

export function nestService(rng, resources) {
  const files = [];
  for (const resource of resources) {
    const api = operationsFor(rng, resource);
    const Entity = pascal(api.singular);
    const Plural = pascal(api.plural);
    const service = `${camel(api.plural)}Service`;
    const c = ["import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';"];
    c.push(`import { ${Plural}Service } from './${api.plural}.service';`, `import { Create${Entity}Dto, Update${Entity}Dto } from './dto';`, '');
    c.push(`@Controller('${api.plural}')`, `export class ${Plural}Controller {`, `  constructor(private readonly ${service}: ${Plural}Service) {}`, '');
    for (const op of api.ops) {
      const route = op.path.replace(/^\//, '');
      const args = [];
      if (op.shape !== 'collection') args.push("@Param('id') id: string");
      if (op.method !== 'GET' && op.method !== 'DELETE') args.push(`@Body() dto: ${op.kind === 'merge' ? 'Update' : 'Create'}${Entity}Dto`);
      if (op.kind === 'list') args.push("@Query('page') page = 1");
      c.push(`  @${NEST_DECORATOR[op.method]}(${route ? `'${route}'` : ''})`);
      if (op.kind === 'remove' || op.kind === 'merge') c.push('  @HttpCode(204)');
      const call = op.shape === 'collection' ? (op.kind === 'list' ? 'page' : 'dto') : args.length > 1 ? 'id, dto' : 'id';
      c.push(`  async ${camel(op.kind + (op.sub ?? op.action ?? ''))}(${args.join(', ')}) {`);
      c.push(`    return this.${service}.${camel(op.kind + (op.sub ?? op.action ?? ''))}(${call});`, '  }', '');
    }
    c.push('}', '');
    files.push({ path: `src/${api.plural}/${api.plural}.controller.ts`, text: c.join('\n') });
    const s = ["import { Injectable, NotFoundException } from '@nestjs/common';", "import { randomUUID } from 'node:crypto';"];
    s.push("import { InjectRepository } from '@nestjs/typeorm';", "import { Repository } from 'typeorm';", '');
    s.push('@Injectable()', `export class ${Plural}Service {`, `  constructor(@InjectRepository(${Entity}Entity) private readonly repo: Repository<${Entity}Entity>) {}`, '');
    for (const op of api.ops) {
      const name = camel(op.kind + (op.sub ?? op.action ?? ''));
      s.push(`  async ${name}(...args: unknown[]) {`);
      if (op.kind === 'create') s.push('    const id = randomUUID();', `    return this.repo.save({ id, ...(args[0] as object) });`);
      else if (op.kind === 'replace') s.push('    await this.repo.save({ id: args[0] as string, ...(args[1] as object) });');
      else if (op.kind === 'merge') s.push('    await this.repo.update(args[0] as string, args[1] as object);');
      else if (op.kind === 'remove') s.push('    await this.repo.delete(args[0] as string);');
      else s.push(`    const found = await this.repo.findOneBy({ id: args[0] as string });`, `    if (!found) throw new NotFoundException();`, '    return found;');
      s.push('  }', '');
    }
    s.push('}', '');
    files.push({ path: `src/${api.plural}/${api.plural}.service.ts`, text: s.join('\n') });
  }
  return files;
}

export function nextService(rng, resources) {
  const files = [];
  for (const resource of resources) {
    const api = operationsFor(rng, resource);
    const groups = new Map();
    for (const op of api.ops) {
      const dir = op.path.replace(/:id/, '[id]');
      if (!groups.has(dir)) groups.set(dir, []);
      const list = groups.get(dir);
      if (!list.some((o) => o.method === op.method)) list.push(op);
    }
    for (const [dir, ops] of groups) {
      const lines = ["import type { NextRequest } from 'next/server';", "import { randomUUID } from 'node:crypto';"];
      lines.push("import { db } from '@/lib/db';", "import { audit } from '@/lib/audit';", "import { pick, escapeRegExp, ValidationError } from '@/lib/util';");
      lines.push("import { workflows } from '@/lib/workflows';", '', ...workflowConsts(api));
      const hasId = dir.includes('[id]');
      for (const op of ops) {
        const ctx = hasId ? ', { params }: { params: Promise<{ id: string }> }' : '';
        lines.push(`export async function ${op.method}(request: NextRequest${ctx}) {`, '  const headers = new Headers();');
        lines.push(...handlerBody(rng, 'next', api, op), '}', '');
      }
      lines.push(...moduleHelpers(rng, api, true));
      files.push({ path: `app/api/${api.plural}${dir}/route.ts`, text: lines.join('\n') });
    }
  }
  return files;
}

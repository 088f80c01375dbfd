import * as assert from 'node:assert/strict';
import { applyFix, at, findingsOf, http as code } from '../testing/lint';

const RULE = 'put-partial-update';
const found = (text: string, path: string) => findingsOf(text, RULE, path).map((f) => at(text, f.span));
const patchFix = (text: string, path: string) => {
  const fix = findingsOf(text, RULE, path)[0]?.fixes.find((x) => x.id === 'change-method:PATCH');
  assert.ok(fix, 'a change-method:PATCH fix');
  return applyFix(text, fix);
};

describe(RULE, () => {
  describe('Express', () => {
    const text = code`
      import { Router } from 'express';
      import { db } from '../db';

      const router = Router();
      const todos = new Map<string, { id: string; title: string; done: boolean }>();

      router.put('/todos/:id', (req, res) => {
        const todo = todos.get(req.params.id);
        if (!todo) return res.sendStatus(404);
        Object.assign(todo, req.body);
        res.json(todo);
      });

      router.patch('/todos/:id', (req, res) => {
        const todo = todos.get(req.params.id);
        Object.assign(todo, req.body);
        res.json(todo);
      });

      router.put('/notes/:id', (req, res) => {
        const existing = todos.get(req.params.id);
        todos.set(req.params.id, { ...existing, ...req.body });
        res.sendStatus(204);
      });

      router.put('/cards/:id', async (req, res) => {
        await db.collection('cards').replaceOne({ _id: req.params.id }, req.body);
        res.sendStatus(204);
      });

      router.put('/lists/:id', (req, res) => {
        todos.set(req.params.id, { id: req.params.id, title: req.body.title, done: Boolean(req.body.done) });
        res.sendStatus(204);
      });

      router.put('/users/:id/preferences', async (req, res) => {
        await db.users.updateOne({ _id: req.params.id }, { $set: { preferences: req.body } });
        res.sendStatus(204);
      });

      export default router;
    `;
    const path = 'src/routes/todos.ts';

    it('reports Object.assign onto the stored item and a spread of it, naming the merge', () => {
      const [assign, spread, ...rest] = findingsOf(text, RULE, path);
      assert.equal(rest.length, 0, 'PATCH, replaceOne, a complete new object and a sub-document set to the body stay silent');
      assert.equal(at(text, assign.span), '7:put');
      assert.equal(assign.message, 'PUT /todos/{id} merges only the fields sent into the stored item (Object.assign() merges the sent fields into the stored item); PUT replaces the whole resource, a partial update is PATCH.');
      assert.equal(at(text, assign.evidence[0].span), '10:Object.assign(todo, req.body)');
      assert.equal(at(text, spread.span), '20:put');
    });

    it('changes router.put to router.patch', () => {
      assert.match(patchFix(text, path), /\nrouter\.patch\('\/todos\/:id', \(req, res\) => \{\n {2}const todo = todos\.get\(req\.params\.id\);\n {2}if \(!todo\)/);
    });
    it('suppresses above a chained .put( line, with its indentation, and rewrites it to .patch(', () => {
      const chained = code`
        import express from 'express';
        import { Todo } from './models/todo';
        const app = express();
        app
          .route('/todos/:id')
          .get(async (req, res) => res.json(await Todo.findById(req.params.id)))
          .put(async (req, res) => {
            const todo = await Todo.findById(req.params.id);
            Object.assign(todo, req.body);
            res.json(await todo.save());
          });
      `;
      const [f] = findingsOf(chained, RULE, 'src/app.ts');
      assert.equal(at(chained, f.span), '7:put');
      const after = applyFix(chained, f.fixes.find((x) => x.id === `suppress:${RULE}`)!);
      assert.match(after, /\n {2}\.get\([^\n]*\n {2}\/\/ http-method-lint-disable-next-line put-partial-update\n {2}\.put\(async/);
      assert.deepEqual(found(after, 'src/app.ts'), []);
      assert.match(patchFix(chained, 'src/app.ts'), /\n {2}\.patch\(async \(req, res\) => \{\n/);
    });
  });

  describe('Fastify, Koa and Hono', () => {
    it('Fastify: a Prisma update that keeps stored values for fields not sent', () => {
      const text = code`
        import type { FastifyInstance } from 'fastify';
        import { prisma } from '../prisma';

        export async function contacts(app: FastifyInstance) {
          app.put<{ Params: { id: string }; Body: { name?: string; phone?: string } }>('/contacts/:id', async (request) => {
            const current = await prisma.contact.findUniqueOrThrow({ where: { id: request.params.id } });
            return prisma.contact.update({
              where: { id: current.id },
              data: { name: request.body.name ?? current.name, phone: request.body.phone ?? current.phone },
            });
          });
        }
      `;
      assert.deepEqual(found(text, 'src/routes/contacts.ts'), ['5:put']);
      assert.match(patchFix(text, 'src/routes/contacts.ts'), /\n {2}app\.patch<\{ Params/);
    });

    it('Koa: a Sequelize row updated with only the sent fields', () => {
      const text = code`
        import Router from 'koa-router';
        import { Post } from '../models';

        const router = new Router({ prefix: '/posts' });

        router.put('/:id', async (ctx) => {
          const post = await Post.findByPk(ctx.params.id);
          post.set(ctx.request.body);
          await post.save();
          ctx.body = post;
        });

        router.put('/:id/cover', async (ctx) => {
          const post = await Post.findByPk(ctx.params.id);
          await post.update({ coverUrl: ctx.request.body.url });
          ctx.status = 204;
        });

        export default router;
      `;
      assert.deepEqual(found(text, 'src/routes/posts.ts'), ['6:put']);
    });

    it('Hono: a spread of the stored item and the body is a merge; a full object is not', () => {
      const text = code`
        import { Hono } from 'hono';
        const app = new Hono();
        const boards = new Map<string, { name: string; color: string; archived: boolean }>();

        app.put('/boards/:id', async (c) => {
          const board = boards.get(c.req.param('id'));
          if (!board) return c.notFound();
          boards.set(c.req.param('id'), { ...board, ...(await c.req.json()) });
          return c.body(null, 204);
        });

        app.put('/columns/:id', async (c) => {
          const { name, color, archived } = await c.req.json();
          boards.set(c.req.param('id'), { name, color, archived });
          return c.body(null, 204);
        });

        export default app;
      `;
      assert.deepEqual(found(text, 'src/app.ts'), ['5:put']);
      assert.match(patchFix(text, 'src/app.ts'), /\napp\.patch\('\/boards\/:id'/);
    });
  });

  describe('NestJS', () => {
    const text = code`
      import { Body, Controller, Param, Put } from '@nestjs/common';
      import { PrismaService } from '../prisma.service';
      import { UpdateUserDto } from './dto';

      @Controller('users')
      export class UsersController {
        constructor(private readonly prisma: PrismaService) {}

        @Put(':id')
        update(@Param('id') id: string, @Body() dto: UpdateUserDto) {
          return this.prisma.user.update({
            where: { id },
            data: { ...(dto.name !== undefined ? { name: dto.name } : {}), ...(dto.email && { email: dto.email }) },
          });
        }
      }
    `;
    const path = 'src/users/users.controller.ts';

    it('reports @Put whose update writes each field only when sent', () => {
      assert.deepEqual(found(text, path), ['9:Put']);
    });

    it('rewrites @Put to @Patch and imports Patch from @nestjs/common', () => {
      const after = patchFix(text, path);
      assert.match(after, /^import \{ Body, Controller, Param, Put, Patch \} from '@nestjs\/common';\n/);
      assert.match(after, /\n {2}@Patch\(':id'\)\n/);
    });

    it('offers no change when a local name Patch is taken by something else', () => {
      const taken = text.replace("import { UpdateUserDto } from './dto';", "import { UpdateUserDto, Patch } from './dto';");
      const [f] = findingsOf(taken, RULE, path);
      assert.deepEqual(f.fixes.map((x) => x.id), [`suppress:${RULE}`]);
    });
  });

  describe('Next.js', () => {
    it('App Router: export async function PUT with Object.assign onto a Mongoose document', () => {
      const text = code`
        import { NextResponse } from 'next/server';
        import { connect } from '@/lib/mongo';
        import { Recipe } from '@/models/recipe';

        export async function PUT(req: Request, { params }: { params: { id: string } }) {
          await connect();
          const recipe = await Recipe.findById(params.id);
          Object.assign(recipe, await req.json());
          await recipe.save();
          return NextResponse.json(recipe);
        }
      `;
      const path = 'app/api/recipes/[id]/route.ts';
      assert.deepEqual(found(text, path), ['5:PUT']);
      assert.match(patchFix(text, path), /\nexport async function PATCH\(req: Request/);
      const [f] = findingsOf(`${text}\nexport const PATCH = PUT;\n`, RULE, path);
      assert.deepEqual(f.fixes.map((x) => x.id), [`suppress:${RULE}`], 'PATCH is already exported');
    });

    it('Pages API: the PUT branch merges; the GET branch and the shared lookup are not charged with it', () => {
      const text = code`
        import type { NextApiRequest, NextApiResponse } from 'next';

        const memos = new Map<string, Record<string, unknown>>();

        export default function handler(req: NextApiRequest, res: NextApiResponse) {
          const id = String(req.query.id);
          const memo = memos.get(id);
          if (!memo) return res.status(404).end();
          if (req.method === 'PUT') {
            memos.set(id, { ...memo, ...req.body });
            return res.status(204).end();
          }
          if (req.method === 'GET') return res.json(memo);
          return res.status(405).end();
        }
      `;
      const path = 'pages/api/memos/[id].ts';
      assert.deepEqual(found(text, path), ['9:PUT']);
      assert.deepEqual(findingsOf(text, 'unsafe-get', path), [], "the GET branch does not run the PUT branch's write");
      assert.match(patchFix(text, path), /\n {2}if \(req\.method === 'PATCH'\) \{\n/);
    });
  });
});

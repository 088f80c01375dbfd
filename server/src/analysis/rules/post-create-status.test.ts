import * as assert from 'node:assert/strict';
import { at, findingsOf, http as code } from '../testing/lint';

const RULE = 'post-create-status';
const found = (text: string, path: string) => findingsOf(text, RULE, path).map((f) => at(text, f.span));

describe(RULE, () => {
  describe('Express', () => {
    const text = code`
      import { Router } from 'express';
      import { Order } from '../models/order';
      import { db } from '../db';

      const orders = Router();

      orders.post('/orders', async (req, res) => {
        const order = await Order.create(req.body);
        res.json(order);
      });

      orders.post('/carts', async (req, res) => {
        const cart = await Order.create({ items: [], owner: req.user.id });
        res.status(201).location(\`/carts/\${cart.id}\`).json(cart);
      });

      orders.post('/orders/:id/cancel', async (req, res) => {
        await db.collection('events').insertOne({ type: 'cancelled', order: req.params.id });
        res.json({ ok: true });
      });

      orders.post('/login', async (req, res) => {
        await db.collection('logins').insertOne({ user: req.body.email, at: new Date() });
        res.json({ token: 'x' });
      });

      orders.post('/reports', async (req, res) => {
        res.json(await db.collection('orders').aggregate(req.body.pipeline).toArray());
      });

      export default orders;
    `;
    const path = 'src/routes/orders.ts';

    it('reports the creation in a collection answered with a plain 200, at information level', () => {
      const [f, ...rest] = findingsOf(text, RULE, path);
      assert.equal(rest.length, 0, '201 + Location, actions, logins and reads stay silent');
      assert.equal(at(text, f.span), '7:post');
      assert.equal(f.severity, 'information');
      assert.equal(f.message, "POST /orders creates an item (Order.create() inserts a new item) but answers 200 without a Location header; 201 Created with Location tells the client the new item's URI (RFC 9110 §15.3.2).");
      assert.equal(at(text, f.evidence[0].span), '8:Order.create(req.body)');
      assert.deepEqual(f.fixes.map((x) => x.id), [`suppress:${RULE}`]);
    });

    it('is silent once the handler sets a Location header, even with 200', () => {
      const located = text.replace('  res.json(order);', "  res.setHeader('Location', `/orders/${order.id}`);\n  res.json(order);");
      assert.deepEqual(found(located, path), []);
    });
  });

  describe('other frameworks', () => {
    it('Fastify: reply.send() after an insert is 200', () => {
      const text = code`
        import type { FastifyInstance } from 'fastify';
        export default async function tasks(app: FastifyInstance) {
          app.post('/tasks', async (request, reply) => {
            const [task] = await app.knex('tasks').insert(request.body).returning('*');
            return reply.send(task);
          });
          app.post('/projects', async (request, reply) => {
            const [project] = await app.knex('projects').insert(request.body).returning('*');
            return reply.code(201).header('location', \`/projects/\${project.id}\`).send(project);
          });
        }
      `;
      assert.deepEqual(found(text, 'src/routes/tasks.ts'), ['3:post']);
    });

    it('Koa and Hono', () => {
      const koa = code`
        import Router from '@koa/router';
        import { Comment } from '../entities';
        const router = new Router({ prefix: '/articles/:slug/comments' });
        router.post('/', async (ctx) => {
          ctx.body = await Comment.save(new Comment({ article: ctx.params.slug, text: ctx.request.body.text }));
        });
        export default router;
      `;
      assert.deepEqual(found(koa, 'src/routes/comments.ts'), ['4:post']);
      const hono = code`
        import { Hono } from 'hono';
        const app = new Hono();
        const links: { id: string; url: string }[] = [];
        app.post('/links', async (c) => {
          const link = { id: crypto.randomUUID(), url: (await c.req.json()).url };
          links.push(link);
          return c.json(link, 201, { Location: \`/links/\${link.id}\` });
        });
        export default app;
      `;
      assert.deepEqual(found(hono, 'src/index.ts'), []);
    });

    it('NestJS: a @Post answers 201 by default and is silent, unless @HttpCode(200)', () => {
      const text = code`
        import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
        import { InjectModel } from '@nestjs/mongoose';
        import { Model } from 'mongoose';
        import { Cat } from './cat.schema';

        @Controller('cats')
        export class CatsController {
          constructor(@InjectModel(Cat.name) private readonly catModel: Model<Cat>) {}

          @Post()
          create(@Body() body: { name: string }) {
            return this.catModel.create({ name: body.name });
          }
        }
      `;
      const path = 'src/cats/cats.controller.ts';
      assert.deepEqual(found(text, path), []);
      const ok = text.replace('  @Post()\n', '  @Post()\n  @HttpCode(HttpStatus.OK)\n');
      assert.deepEqual(found(ok, path), ['10:Post']);
    });

    it('Next.js App Router and Pages API', () => {
      const app = code`
        import { NextResponse } from 'next/server';
        import { prisma } from '@/lib/prisma';
        export async function POST(req: Request) {
          const invoice = await prisma.invoice.create({ data: await req.json() });
          return NextResponse.json(invoice);
        }
      `;
      assert.deepEqual(found(app, 'app/api/invoices/route.ts'), ['3:POST']);
      const created = app.replace('NextResponse.json(invoice)', 'NextResponse.json(invoice, { status: 201, headers: { Location: `/api/invoices/${invoice.id}` } })');
      assert.deepEqual(found(created, 'app/api/invoices/route.ts'), []);
      const pages = code`
        import type { NextApiRequest, NextApiResponse } from 'next';
        import { prisma } from '../../lib/prisma';
        export default async function handler(req: NextApiRequest, res: NextApiResponse) {
          if (req.method === 'POST') {
            const invoice = await prisma.invoice.create({ data: req.body });
            return res.status(200).json(invoice);
          }
          return res.status(405).end();
        }
      `;
      assert.deepEqual(found(pages, 'pages/api/invoices.ts'), ['4:POST']);
    });
  });
});

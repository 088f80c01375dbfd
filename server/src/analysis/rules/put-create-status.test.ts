import * as assert from 'node:assert/strict';
import { at, findingsOf, http as code } from '../testing/lint';

const RULE = 'put-create-status';
const found = (text: string, path: string) => findingsOf(text, RULE, path).map((f) => at(text, f.span));

describe(RULE, () => {
  describe('Express', () => {
    const text = code`
      import { Router } from 'express';
      import { Document } from '../models/document';
      import { prisma } from '../prisma';

      export const documents = Router();

      documents.put('/documents/:id', async (req, res) => {
        const doc = await Document.findOneAndUpdate({ _id: req.params.id }, req.body, { upsert: true, new: true });
        res.json(doc);
      });

      documents.put('/drafts/:id', async (req, res) => {
        const existing = await Document.findById(req.params.id);
        const doc = await Document.findOneAndUpdate({ _id: req.params.id }, req.body, { upsert: true, new: true });
        res.status(existing ? 200 : 201).json(doc);
      });

      documents.put('/flags/:key', async (req, res) => {
        const flag = await prisma.flag.findUnique({ where: { key: req.params.key } });
        if (!flag) {
          await prisma.flag.create({ data: { key: req.params.key, ...req.body } });
          return res.sendStatus(201);
        }
        await prisma.flag.update({ where: { key: req.params.key }, data: req.body });
        res.sendStatus(204);
      });

      documents.put('/labels/:key', async (req, res) => {
        const label = await prisma.label.findUnique({ where: { key: req.params.key } });
        if (!label) {
          await prisma.label.create({ data: { key: req.params.key, ...req.body } });
        } else {
          await prisma.label.update({ where: { key: req.params.key }, data: req.body });
        }
        res.sendStatus(204);
      });

      documents.put('/documents/:id/title', async (req, res) => {
        await Document.updateOne({ _id: req.params.id }, { title: req.body.title });
        res.sendStatus(204);
      });
    `;
    const path = 'src/routes/documents.ts';

    it('reports the upsert that answers 200 and the find-or-create that answers 204', () => {
      const [upsert, findOrCreate, ...rest] = findingsOf(text, RULE, path);
      assert.equal(rest.length, 0, 'a conditional 200/201, an explicit 201 branch and a plain update stay silent');
      assert.equal(at(text, upsert.span), '7:put');
      assert.equal(upsert.message, 'PUT /documents/{id} can create the item (Document.findOneAndUpdate() with upsert: true creates the item when it is missing) but only answers 200; a PUT that creates must answer 201 Created (RFC 9110 §9.3.4).');
      assert.equal(at(text, upsert.evidence[0].span).split(',')[0], '8:Document.findOneAndUpdate({ _id: req.params.id }');
      assert.equal(at(text, findOrCreate.span), '28:put');
      assert.match(findOrCreate.message, /but only answers 204;/);
      assert.deepEqual(findOrCreate.evidence.map((e) => at(text, e.span).split('(')[0]), ['31:prisma.label.create', '35:res.sendStatus']);
    });

    it('offers no code fix, only the suppression', () => {
      assert.deepEqual(findingsOf(text, RULE, path)[0].fixes.map((f) => f.id), [`suppress:${RULE}`]);
    });

    it('leaves a PUT that mints its own id to put-nondeterministic-uri', () => {
      const minted = code`
        import { Router } from 'express';
        import { randomUUID } from 'node:crypto';
        import { db } from '../db';
        const router = Router();
        router.put('/shares/:name', async (req, res) => {
          await db.collection('shares').updateOne({ name: req.params.name }, { $setOnInsert: { _id: randomUUID() }, $set: req.body }, { upsert: true });
          res.json({ ok: true });
        });
      `;
      assert.deepEqual(found(minted, 'src/routes/shares.ts'), []);
      assert.deepEqual(findingsOf(minted, 'put-nondeterministic-uri', 'src/routes/shares.ts').length, 1);
    });
  });

  describe('other frameworks', () => {
    it('Fastify: INSERT ... ON CONFLICT DO UPDATE answering 204', () => {
      const text = code`
        import type { FastifyInstance } from 'fastify';
        export default async function preferences(app: FastifyInstance) {
          app.put('/preferences/:userId', async (request, reply) => {
            const { userId } = request.params as { userId: string };
            await app.pg.query(
              'INSERT INTO preferences (user_id, data) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET data = EXCLUDED.data',
              [userId, request.body],
            );
            return reply.code(204).send();
          });
        }
      `;
      assert.deepEqual(found(text, 'src/routes/preferences.ts'), ['3:put']);
    });

    it('Koa and Hono: Prisma upsert; a conditional created ? 201 : 200 is silent', () => {
      const koa = code`
        import Router from '@koa/router';
        import { prisma } from '../prisma';
        const router = new Router();
        router.put('/pages/:slug', async (ctx) => {
          ctx.body = await prisma.page.upsert({ where: { slug: ctx.params.slug }, create: { slug: ctx.params.slug, ...ctx.request.body }, update: ctx.request.body });
        });
        export default router;
      `;
      assert.deepEqual(found(koa, 'src/routes/pages.ts'), ['4:put']);
      const hono = code`
        import { Hono } from 'hono';
        import { prisma } from './prisma';
        const app = new Hono();
        app.put('/pages/:slug', async (c) => {
          const slug = c.req.param('slug');
          const before = await prisma.page.findUnique({ where: { slug } });
          const page = await prisma.page.upsert({ where: { slug }, create: { slug, ...(await c.req.json()) }, update: await c.req.json() });
          return c.json(page, before ? 200 : 201);
        });
        export default app;
      `;
      assert.deepEqual(found(hono, 'src/app.ts'), []);
    });

    it('NestJS: @Put with an upsert is reported unless @HttpCode or the code answers 201', () => {
      const text = code`
        import { Body, Controller, Param, Put } from '@nestjs/common';
        import { PrismaService } from '../prisma.service';

        @Controller('slots')
        export class SlotsController {
          constructor(private readonly prisma: PrismaService) {}

          @Put(':id')
          save(@Param('id') id: string, @Body() body: { startsAt: string }) {
            return this.prisma.slot.upsert({ where: { id }, create: { id, ...body }, update: body });
          }
        }
      `;
      assert.deepEqual(found(text, 'src/slots/slots.controller.ts'), ['8:Put']);
    });

    it('Next.js App Router and Pages API', () => {
      const app = code`
        import { prisma } from '@/lib/prisma';
        export async function PUT(req: Request, { params }: { params: { key: string } }) {
          const data = await req.json();
          await prisma.setting.upsert({ where: { key: params.key }, create: { key: params.key, ...data }, update: data });
          return new Response(null, { status: 204 });
        }
      `;
      assert.deepEqual(found(app, 'app/api/settings/[key]/route.ts'), ['2:PUT']);
      const pages = code`
        import type { NextApiRequest, NextApiResponse } from 'next';
        import { prisma } from '../../../lib/prisma';
        export default async function handler(req: NextApiRequest, res: NextApiResponse) {
          if (req.method !== 'PUT') return res.status(405).end();
          const key = String(req.query.key);
          const existing = await prisma.setting.findUnique({ where: { key } });
          await prisma.setting.upsert({ where: { key }, create: { key, ...req.body }, update: req.body });
          return res.status(existing ? 204 : 201).end();
        }
      `;
      assert.deepEqual(found(pages, 'pages/api/settings/[key].ts'), []);
    });
  });
});

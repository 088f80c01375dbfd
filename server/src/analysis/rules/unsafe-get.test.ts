import * as assert from 'node:assert/strict';
import { applyFix, at, findingsOf, http as code } from '../testing/lint';

const RULE = 'unsafe-get';
const found = (text: string, path: string) => findingsOf(text, RULE, path).map((f) => at(text, f.span));

describe(RULE, () => {
  describe('Express', () => {
    const text = code`
      import { Router } from 'express';
      import { Session } from '../models/session';
      import { db } from '../db';

      const router = Router();

      router.get('/sessions/:id/revoke', async (req, res) => {
        await Session.deleteOne({ _id: req.params.id });
        res.redirect('/account');
      });

      router.get('/newsletter/unsubscribe', async (req, res) => {
        await db.sessions.deleteOne({ token: req.query.token });
        await db.subscribers.updateOne({ email: req.query.email }, { $set: { subscribed: false } });
        res.send('You are unsubscribed.');
      });

      router.get('/sessions/:id', async (req, res) => {
        res.json(await Session.findById(req.params.id));
      });

      const pageCache = new Map<string, unknown>();
      router.get('/sessions/:id/summary', async (req, res) => {
        const hit = pageCache.get(req.params.id);
        if (hit) return res.json(hit);
        const summary = await Session.findById(req.params.id);
        pageCache.set(req.params.id, summary);
        res.json(summary);
      });

      router.delete('/sessions/:id', async (req, res) => {
        await Session.deleteOne({ _id: req.params.id });
        res.sendStatus(204);
      });

      router.get('/auth/github/callback', async (req, res) => {
        await Session.create({ user: req.query.code });
        res.redirect('/');
      });

      export default router;
    `;
    const path = 'src/routes/sessions.ts';

    it('reports GETs that delete or update, naming the call; reads, DELETE and OAuth callbacks are silent', () => {
      const [revoke, unsubscribe, ...rest] = findingsOf(text, RULE, path);
      assert.equal(rest.length, 0);
      assert.equal(at(text, revoke.span), '7:get');
      assert.equal(revoke.message, 'GET /sessions/{id}/revoke changes server state (Session.deleteOne() deletes stored data); GET is safe, so crawlers, prefetchers and caches may trigger it. Use POST, PUT, PATCH or DELETE for the change.');
      assert.equal(at(text, revoke.evidence[0].span), '8:Session.deleteOne({ _id: req.params.id })');
      assert.equal(at(text, unsubscribe.span), '12:get');
      assert.deepEqual(unsubscribe.evidence.map((e) => at(text, e.span).split('(')[0]), ['13:db.sessions.deleteOne', '14:db.subscribers.updateOne']);
    });

    it('offers only the suppression, placed above the route line', () => {
      const [f] = findingsOf(text, RULE, path);
      assert.deepEqual(f.fixes.map((x) => x.id), [`suppress:${RULE}`]);
      const after = applyFix(text, f.fixes[0]);
      assert.match(after, /\n\/\/ http-method-lint-disable-next-line unsafe-get\nrouter\.get\('\/sessions\/:id\/revoke'/);
      assert.deepEqual(found(after, path), ['13:get']);
    });
  });

  describe('Fastify', () => {
    it('reports a view counter in SQL under GET; a SELECT is silent', () => {
      const text = code`
        import Fastify from 'fastify';
        import postgres from '@fastify/postgres';

        const app = Fastify();
        app.register(postgres, { connectionString: process.env.DATABASE_URL });

        app.get('/articles/:slug', async (request) => {
          const { slug } = request.params as { slug: string };
          await app.pg.query('UPDATE articles SET views = views + 1 WHERE slug = $1', [slug]);
          const { rows } = await app.pg.query('SELECT * FROM articles WHERE slug = $1', [slug]);
          return rows[0];
        });

        app.get('/articles', async () => (await app.pg.query('SELECT * FROM articles ORDER BY created_at DESC')).rows);
      `;
      const [f, ...rest] = findingsOf(text, RULE, 'src/server.ts');
      assert.equal(rest.length, 0);
      assert.equal(at(text, f.span), '7:get');
      assert.match(f.message, /^GET \/articles\/\{slug\} changes server state \(UPDATE articles changes stored rows\); /);
      assert.equal(at(text, f.evidence[0].span).split(',')[0], "9:app.pg.query('UPDATE articles SET views = views + 1 WHERE slug = $1'");
    });
  });

  describe('Koa and Hono', () => {
    it('Koa: router.get that inserts; a HEAD-only read is silent', () => {
      const text = code`
        import Router from '@koa/router';
        import { prisma } from '../db';

        const router = new Router();

        router.get('/invites/:code/accept', async (ctx) => {
          const invite = await prisma.invite.findUniqueOrThrow({ where: { code: ctx.params.code } });
          await prisma.membership.create({ data: { teamId: invite.teamId, userId: ctx.state.user.id } });
          ctx.redirect(\`/teams/\${invite.teamId}\`);
        });

        router.head('/invites/:code', async (ctx) => {
          ctx.status = (await prisma.invite.count({ where: { code: ctx.params.code } })) ? 200 : 404;
        });

        export default router;
      `;
      assert.deepEqual(found(text, 'src/routes/invites.ts'), ['6:get']);
    });

    it('Hono: a GET that empties an in-memory store', () => {
      const text = code`
        import { Hono } from 'hono';
        const app = new Hono();
        const carts = new Map<string, string[]>();

        app.get('/carts/:id/clear', (c) => {
          carts.delete(c.req.param('id'));
          return c.redirect('/cart');
        });

        app.get('/carts/:id', (c) => c.json(carts.get(c.req.param('id')) ?? []));

        export default app;
      `;
      assert.deepEqual(found(text, 'src/index.ts'), ['5:get']);
    });
  });

  describe('NestJS', () => {
    it('reports @Get that calls a service method which writes; suppression sits above the decorator', () => {
      const text = code`
        import { Controller, Get, Param } from '@nestjs/common';
        import { InjectRepository } from '@nestjs/typeorm';
        import { Repository } from 'typeorm';
        import { Coupon } from './coupon.entity';

        @Controller('coupons')
        export class CouponsController {
          constructor(@InjectRepository(Coupon) private readonly coupons: Repository<Coupon>) {}

          @Get(':code/redeem')
          async redeem(@Param('code') code: string) {
            await this.coupons.increment({ code }, 'uses', 1);
            return this.coupons.findOneBy({ code });
          }

          @Get(':code')
          find(@Param('code') code: string) {
            return this.coupons.findOneBy({ code });
          }
        }
      `;
      const path = 'src/coupons/coupons.controller.ts';
      const [f, ...rest] = findingsOf(text, RULE, path);
      assert.equal(rest.length, 0);
      assert.equal(at(text, f.span), '10:Get');
      assert.match(f.message, /\(this\.coupons\.increment\(\) changes a stored counter\)/);
      const after = applyFix(text, f.fixes[0]);
      assert.match(after, /\n {2}\/\/ http-method-lint-disable-next-line unsafe-get\n {2}@Get\(':code\/redeem'\)\n/);
      assert.deepEqual(found(after, path), []);
    });
  });

  describe('Next.js', () => {
    it('App Router: export function GET that writes a file', () => {
      const text = code`
        import { writeFile } from 'node:fs/promises';

        export async function GET(req: Request) {
          const url = new URL(req.url);
          await writeFile('/var/data/last-visit.json', JSON.stringify({ path: url.pathname, at: Date.now() }));
          return Response.json({ ok: true });
        }
      `;
      assert.deepEqual(found(text, 'app/api/visits/route.ts'), ['3:GET']);
      assert.deepEqual(found(text, 'app/api/webhooks/stripe/route.ts'), [], 'webhook endpoints are GET by contract');
    });

    it("Pages API: the GET branch is charged with shared setup but not with the POST branch's insert", () => {
      const text = code`
        import type { NextApiRequest, NextApiResponse } from 'next';
        import { db } from '../../lib/db';

        export default async function handler(req: NextApiRequest, res: NextApiResponse) {
          if (req.method === 'POST') {
            const result = await db.collection('feedback').insertOne({ text: req.body.text, at: new Date() });
            return res.status(201).json({ id: result.insertedId });
          }
          if (req.method === 'GET') {
            return res.json(await db.collection('feedback').find().toArray());
          }
          return res.status(405).end();
        }
      `;
      assert.deepEqual(found(text, 'pages/api/feedback.ts'), []);
      const touching = text.replace("  if (req.method === 'POST') {", "  await db.collection('hits').updateOne({ path: req.url }, { $inc: { n: 1 } }, { upsert: true });\n  if (req.method === 'POST') {");
      const [f] = findingsOf(touching, RULE, 'pages/api/feedback.ts');
      assert.equal(at(touching, f.span), "10:GET");
      assert.equal(at(touching, f.evidence[0].span).split('(')[0], "5:db.collection");
    });
  });
});

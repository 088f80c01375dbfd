import * as assert from 'node:assert/strict';
import { applyFix, at, findingsOf, http as code } from '../testing/lint';

const RULE = 'put-nondeterministic-uri';
const found = (text: string, path: string) => findingsOf(text, RULE, path).map((f) => at(text, f.span));
const postFix = (text: string, path: string) => {
  const fix = findingsOf(text, RULE, path)[0]?.fixes.find((x) => x.id === 'change-method:POST');
  assert.ok(fix, 'a change-method:POST fix');
  return applyFix(text, fix);
};

describe(`${RULE} on route code`, () => {
  describe('Express', () => {
    const text = code`
      import express from 'express';
      import { randomUUID } from 'node:crypto';
      import { Order } from '../models/order';
      import { User } from '../models/user';
      import { db } from '../db';

      const router = express.Router();
      const uploads = new Map<string, { id: string; name: string; data: unknown }>();
      let tags: string[] = [];

      router.put('/orders', async (req, res) => {
        const order = await Order.create({ ...req.body, status: 'new' });
        res.json(order);
      });

      router.put('/uploads/:name', (req, res) => {
        const id = randomUUID();
        uploads.set(id, { id, name: req.params.name, data: req.body });
        res.json({ id });
      });

      router.put('/tags', (req, res) => {
        tags = [...req.body];
        res.json(tags);
      });

      router.put('/me', async (req, res) => {
        await User.updateOne({ _id: req.user.id }, req.body);
        res.sendStatus(204);
      });

      router.put('/user', async (req, res) => {
        Object.assign(req.user, req.body);
        await req.user.save();
        res.json(req.user);
      });

      router.put('/settings', async (req, res) => {
        await db.settings.replaceOne({ owner: req.user.id }, req.body, { upsert: true });
        res.sendStatus(204);
      });

      router.put('/orders/:id/shipping-address', async (req, res) => {
        await Order.updateOne({ _id: req.params.id }, { shippingAddress: req.body });
        res.sendStatus(204);
      });

      router.put('/orders/:id', async (req, res) => {
        await Order.replaceOne({ _id: req.params.id }, req.body);
        res.sendStatus(204);
      });

      export default router;
    `;
    const path = 'src/routes/orders.ts';

    it('reports the PUT to a collection that inserts, and the PUT that mints its id', () => {
      const [collection, minted, ...rest] = findingsOf(text, RULE, path);
      assert.equal(rest.length, 0, 'whole-collection replace, /me, /user, /settings, sub-resources and items stay silent');
      assert.equal(at(text, collection.span), '11:put');
      assert.equal(collection.message, "PUT targets the collection /orders; the server, not the client, chooses the new item's URI. Put the item's id in the URI or use POST.");
      assert.equal(at(text, collection.evidence[0].span), "12:Order.create({ ...req.body, status: 'new' })");
      assert.equal(at(text, minted.span), '16:put');
      assert.equal(minted.message, 'PUT /uploads/{name} creates the resource with an id minted on the server (randomUUID() mints the id on the server); with PUT the client names the resource, so this is POST semantics.');
      assert.equal(at(text, minted.evidence[0].span), '17:randomUUID()');
    });

    it('changes router.put to router.post for that route only', () => {
      const after = postFix(text, path);
      assert.match(after, /\nrouter\.post\('\/orders', async/);
      assert.equal(after.split('router.put(').length, 8);
    });
  });

  describe('Fastify', () => {
    const text = code`
      import fp from 'fastify-plugin';
      import type { FastifyPluginAsync } from 'fastify';
      import { nanoid } from 'nanoid';

      const links: FastifyPluginAsync = async (app) => {
        app.put<{ Params: { slug: string } }>('/links/:slug', async (request, reply) => {
          const id = nanoid();
          await app.pg.query('INSERT INTO links (id, slug, target) VALUES ($1, $2, $3)', [id, request.params.slug, request.body]);
          return reply.code(201).send({ id });
        });

        app.put<{ Params: { slug: string } }>('/aliases/:slug', async (request, reply) => {
          await app.pg.query('INSERT INTO aliases (slug, target) VALUES ($1, $2) ON CONFLICT (slug) DO UPDATE SET target = $2', [request.params.slug, request.body]);
          return reply.code(204).send();
        });
      };

      export default fp(links);
    `;
    const path = 'src/plugins/links.ts';

    it('reports the PUT whose handler mints the id; a client-keyed upsert is silent', () => {
      assert.deepEqual(found(text, path), ['6:put']);
      assert.match(postFix(text, path), /\n {2}app\.post<\{ Params: \{ slug: string \} \}>\('\/links\/:slug'/);
    });

    it('reports method: "PUT" on a collection in a route object and rewrites the literal', () => {
      const route = code`
        import Fastify from 'fastify';
        const app = Fastify();
        const comments: Array<{ id: number; text: string }> = [];
        let nextId = 1;
        app.route({
          method: 'PUT',
          url: '/comments',
          handler: async (request, reply) => {
            const comment = { id: nextId++, text: (request.body as { text: string }).text };
            comments.push(comment);
            return reply.send(comment);
          },
        });
      `;
      assert.deepEqual(found(route, 'src/server.ts'), ['6:PUT']);
      assert.match(postFix(route, 'src/server.ts'), /\n {2}method: 'POST',\n/);
    });
  });

  describe('Koa', () => {
    const text = code`
      import Router from '@koa/router';
      import { v4 as uuidv4 } from 'uuid';
      import { Ticket } from '../entities/ticket';
      import { AppDataSource } from '../data-source';

      const router = new Router();
      const tickets = AppDataSource.getRepository(Ticket);

      router.put('/tickets', async (ctx) => {
        const ticket = tickets.create({ ...ctx.request.body, id: uuidv4() });
        await tickets.save(ticket);
        ctx.body = ticket;
      });

      router.put('/tickets/:id/assignee', async (ctx) => {
        await tickets.update(ctx.params.id, { assignee: ctx.request.body.assignee });
        ctx.status = 204;
      });

      export default router;
    `;

    it('reports PUT /tickets that creates a ticket with a uuid; the assignee sub-resource is silent', () => {
      assert.deepEqual(found(text, 'src/routes/tickets.ts'), ['9:put']);
      assert.match(postFix(text, 'src/routes/tickets.ts'), /\nrouter\.post\('\/tickets', async \(ctx\)/);
    });
  });

  describe('Hono', () => {
    const text = code`
      import { Hono } from 'hono';

      type Env = { Bindings: { NOTES: KVNamespace } };
      const notes = new Hono<Env>();
      const drafts = new Map<string, string>();

      notes.put('/notes/:title', async (c) => {
        const key = crypto.randomUUID();
        drafts.set(key, await c.req.text());
        return c.json({ key }, 201);
      });

      notes.put('/notes/:title/body', async (c) => {
        drafts.set(c.req.param('title'), await c.req.text());
        return c.body(null, 204);
      });

      export default notes;
    `;

    it('reports the handler minting crypto.randomUUID(); a sub-resource keyed by the URI is silent', () => {
      assert.deepEqual(found(text, 'src/notes.ts'), ['7:put']);
      assert.match(postFix(text, 'src/notes.ts'), /\nnotes\.post\('\/notes\/:title', async/);
    });
  });

  describe('NestJS', () => {
    const text = code`
      import { Body, Controller, Put, Req } from '@nestjs/common';
      import { InjectModel } from '@nestjs/mongoose';
      import { Model } from 'mongoose';
      import { Device } from './device.schema';

      @Controller('devices')
      export class DevicesController {
        constructor(@InjectModel(Device.name) private readonly deviceModel: Model<Device>) {}

        @Put()
        register(@Body() body: { name: string; platform: string }) {
          return this.deviceModel.create({ name: body.name, platform: body.platform });
        }

        @Put('/me/push-token')
        savePushToken(@Req() req: { user: { deviceId: string } }, @Body() body: { token: string }) {
          return this.deviceModel.updateOne({ _id: req.user.deviceId }, { pushToken: body.token });
        }
      }
    `;
    const path = 'src/devices/devices.controller.ts';

    it('reports @Put() on the collection that creates a device', () => {
      assert.deepEqual(found(text, path), ['10:Put']);
    });

    it('rewrites @Put() to @Post() and imports Post', () => {
      const after = postFix(text, path);
      assert.match(after, /^import \{ Body, Controller, Put, Req, Post \} from '@nestjs\/common';\n/);
      assert.match(after, /\n {2}@Post\(\)\n {2}register\(/);
    });
  });

  describe('Next.js App Router', () => {
    const text = code`
      import { NextResponse } from 'next/server';
      import { prisma } from '@/lib/prisma';

      export async function PUT(req: Request) {
        const body = await req.json();
        const event = await prisma.event.create({ data: { title: body.title, startsAt: body.startsAt } });
        return NextResponse.json(event);
      }
    `;

    it('reports export function PUT on a collection folder that creates an event', () => {
      assert.deepEqual(found(text, 'app/api/events/route.ts'), ['4:PUT']);
      assert.match(postFix(text, 'app/api/events/route.ts'), /\nexport async function POST\(req: Request\)/);
    });

    it('offers no rename when the file already exports POST', () => {
      const both = `${text}\nexport async function POST(req: Request) {\n  return PUT(req);\n}\n`;
      const [f] = findingsOf(both, RULE, 'app/api/events/route.ts');
      assert.deepEqual(f.fixes.map((x) => x.id), [`suppress:${RULE}`]);
    });

    it('is silent for the same code on an item folder, a singleton and a sub-resource', () => {
      const replace = text.replace('create({ data: { title: body.title, startsAt: body.startsAt } })',
        'update({ where: { id: params.id }, data: body })').replace('(req: Request)', '(req: Request, { params }: { params: { id: string } })');
      assert.deepEqual(found(replace, 'app/api/events/[id]/route.ts'), []);
      assert.deepEqual(found(replace, 'app/api/settings/route.ts'), []);
      assert.deepEqual(found(replace, 'app/api/events/[id]/cover/route.ts'), []);
    });
  });

  describe('Next.js Pages API', () => {
    const text = code`
      import type { NextApiRequest, NextApiResponse } from 'next';
      import { randomUUID } from 'crypto';
      import { db } from '../../lib/db';

      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        switch (req.method) {
          case 'GET':
            return res.json(await db.collection('bookings').find().toArray());
          case 'PUT': {
            const booking = { _id: randomUUID(), ...req.body, createdAt: new Date() };
            await db.collection('bookings').insertOne(booking);
            return res.status(201).json(booking);
          }
          default:
            res.setHeader('Allow', 'GET, PUT');
            return res.status(405).end();
        }
      }
    `;

    it("reports case 'PUT' on a collection file that inserts with a minted id, and rewrites the literal", () => {
      assert.deepEqual(found(text, 'pages/api/bookings.ts'), ['9:PUT']);
      assert.match(postFix(text, 'pages/api/bookings.ts'), /\n {4}case 'POST': \{\n/);
    });
  });
});

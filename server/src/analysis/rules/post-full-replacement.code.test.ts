import * as assert from 'node:assert/strict';
import { applyFix, at, findingsOf, http as code } from '../testing/lint';

const RULE = 'post-full-replacement';
const found = (text: string, path: string) => findingsOf(text, RULE, path).map((f) => at(text, f.span));
const fixed = (text: string, path: string, fixId = 'change-method:PUT') => {
  const [f] = findingsOf(text, RULE, path);
  const fix = f?.fixes.find((x) => x.id === fixId);
  assert.ok(fix, `no ${fixId} fix among ${f?.fixes.map((x) => x.id).join(', ')}`);
  return applyFix(text, fix);
};

describe(`${RULE} on route code`, () => {
  describe('Express', () => {
    const text = code`
      import { Router } from 'express';
      import { Product } from '../models/product';
      import { db } from '../db';

      export const products = Router();

      products.post('/products', async (req, res) => {
        const product = await Product.create(req.body);
        res.status(201).location(\`/products/\${product.id}\`).json(product);
      });

      products.post('/products/:id', async (req, res) => {
        const product = await Product.findByIdAndUpdate(req.params.id, req.body, { new: true });
        res.json(product);
      });

      products.post('/products/:id/archive', async (req, res) => {
        await Product.updateOne({ _id: req.params.id }, { archived: true });
        res.sendStatus(204);
      });

      products.post('/products/:id/reviews', async (req, res) => {
        const review = await db.collection('reviews').insertOne({ productId: req.params.id, ...req.body });
        res.status(201).json(review);
      });

      products.post('/oauth/token/:clientId', async (req, res) => {
        await db.tokens.replaceOne({ clientId: req.params.clientId }, req.body);
        res.json({ ok: true });
      });

      products.post('/search/:index', async (req, res) => {
        await db.savedSearches.replaceOne({ index: req.params.index }, req.body);
        res.json(await db.products.find(req.body.query).toArray());
      });
    `;
    const path = 'src/routes/products.ts';

    it('reports the POST that writes the whole body onto the item, and names the call', () => {
      const [f, ...rest] = findingsOf(text, RULE, path);
      assert.equal(rest.length, 0, 'collections, actions, sub-collections, token and search endpoints stay silent');
      assert.equal(at(text, f.span), '12:post');
      assert.equal(f.message, 'POST to the item /products/{id} replaces the item (Product.findByIdAndUpdate() writes the whole request body onto the stored item); replacing the item at its own URI is what PUT means, and PUT makes retries safe.');
      assert.equal(at(text, f.evidence[0].span), '13:Product.findByIdAndUpdate(req.params.id, req.body, { new: true })');
    });

    it('changes router.post to router.put', () => {
      assert.match(fixed(text, path), /\nproducts\.put\('\/products\/:id', async/);
      assert.equal(fixed(text, path).split('products.put(').length, 2, 'only the reported route changes');
    });

    it('reads app.route(path).post() chains and suppresses above the chained line', () => {
      const chained = code`
        import express from 'express';
        import { Product } from './models/product';
        const app = express();
        app
          .route('/products/:id')
          .get(async (req, res) => res.json(await Product.findById(req.params.id)))
          .post(async (req, res) => {
            await Product.replaceOne({ _id: req.params.id }, req.body);
            res.sendStatus(204);
          });
      `;
      const [f] = findingsOf(chained, RULE, 'src/app.ts');
      assert.equal(at(chained, f.span), '7:post');
      const suppress = f.fixes.find((x) => x.id === `suppress:${RULE}`)!;
      const after = applyFix(chained, suppress);
      assert.match(after, /\n {2}\.get\([^\n]*\n {2}\/\/ http-method-lint-disable-next-line post-full-replacement\n {2}\.post\(async/);
      assert.deepEqual(found(after, 'src/app.ts'), []);
      assert.match(fixed(chained, 'src/app.ts'), /\n {2}\.put\(async \(req, res\) => \{\n {4}await Product\.replaceOne/);
    });
  });

  describe('Fastify', () => {
    const text = code`
      import type { FastifyInstance } from 'fastify';
      import { prisma } from '../prisma';

      export default async function invoices(app: FastifyInstance) {
        app.route({
          method: 'POST',
          url: '/invoices/:id',
          handler: async (request, reply) => {
            const { id } = request.params as { id: string };
            await prisma.invoice.update({ where: { id }, data: request.body as object });
            return reply.code(200).send({ id });
          },
        });

        app.route({
          method: ['POST', 'PUT'],
          url: '/drafts/:id',
          handler: async (request, reply) => {
            const { id } = request.params as { id: string };
            await prisma.draft.update({ where: { id }, data: request.body as object });
            return reply.send({ id });
          },
        });

        app.post('/invoices/:id/send', async (request, reply) => {
          const { id } = request.params as { id: string };
          await prisma.invoice.update({ where: { id }, data: { sentAt: new Date() } });
          return reply.code(202).send();
        });

        app.post('/invoices', async (request, reply) => {
          const invoice = await prisma.invoice.create({ data: request.body as object });
          return reply.code(201).header('Location', \`/invoices/\${invoice.id}\`).send(invoice);
        });
      }
    `;
    const path = 'src/plugins/invoices.ts';

    it('reports route({ method: "POST" }) on an item, on the method literal', () => {
      assert.deepEqual(found(text, path), ['6:POST', '16:POST']);
    });

    it("rewrites method: 'POST' to 'PUT', but not when the method list already has PUT", () => {
      assert.match(fixed(text, path), /\n {4}method: 'PUT',\n {4}url: '\/invoices\/:id',/);
      const drafts = findingsOf(text, RULE, path)[1];
      assert.deepEqual(drafts.fixes.map((x) => x.id), [`suppress:${RULE}`]);
    });
  });

  describe('Koa', () => {
    const text = code`
      import Router from '@koa/router';
      import { knex } from '../db';

      const router = new Router({ prefix: '/api/customers' });

      router.post('/:id', async (ctx) => {
        await knex('customers').where({ id: ctx.params.id }).update(ctx.request.body);
        ctx.status = 204;
      });

      router.post('/:id/notes', async (ctx) => {
        const [note] = await knex('notes').insert({ customer_id: ctx.params.id, text: ctx.request.body.text }).returning('*');
        ctx.status = 201;
        ctx.body = note;
      });

      router.del('/:id', async (ctx) => {
        await knex('customers').where({ id: ctx.params.id }).del();
        ctx.status = 204;
      });

      export default router;
    `;
    const path = 'src/routes/customers.ts';

    it('reports the update of the whole item; notes under the item and del are silent', () => {
      assert.deepEqual(found(text, path), ['6:post']);
      assert.match(fixed(text, path), /\nrouter\.put\('\/:id', async \(ctx\) => \{\n/);
    });
  });

  describe('Hono', () => {
    const text = code`
      import { Hono } from 'hono';
      import { drizzle } from 'drizzle-orm/d1';
      import { eq } from 'drizzle-orm';
      import { bookmarks } from './schema';

      const app = new Hono<{ Bindings: { DB: D1Database } }>();

      app.post('/bookmarks/:id', async (c) => {
        const db = drizzle(c.env.DB);
        const body = await c.req.json();
        await db.update(bookmarks).set(body).where(eq(bookmarks.id, c.req.param('id')));
        return c.json({ ok: true });
      });

      app.on('POST', '/bookmarks/:id/replace', async (c) => c.json({ ok: true }));

      app.post('/bookmarks', async (c) => {
        const db = drizzle(c.env.DB);
        const [row] = await db.insert(bookmarks).values(await c.req.json()).returning();
        return c.json(row, 201, { Location: \`/bookmarks/\${row.id}\` });
      });

      export default app;
    `;
    const path = 'src/index.ts';

    it('reports the item update and rewrites app.post', () => {
      assert.deepEqual(found(text, path), ['8:post']);
      assert.match(fixed(text, path), /\napp\.put\('\/bookmarks\/:id', async \(c\) => \{\n/);
    });
  });

  describe('NestJS', () => {
    const controller = code`
      import { Body, Controller, Param, Post } from '@nestjs/common';
      import { ArticlesService } from './articles.service';
      import { Article } from './article.entity';
      import { Repository } from 'typeorm';
      import { InjectRepository } from '@nestjs/typeorm';

      @Controller('articles')
      export class ArticlesController {
        constructor(@InjectRepository(Article) private readonly articles: Repository<Article>) {}

        @Post(':id')
        async replace(@Param('id') id: string, @Body() body: Article) {
          await this.articles.update(id, body);
          return this.articles.findOneBy({ id });
        }

        @Post(':id/publish')
        async publish(@Param('id') id: string) {
          await this.articles.update(id, { publishedAt: new Date() });
        }

        @Post()
        create(@Body() body: Article) {
          return this.articles.save(body);
        }
      }
    `;
    const path = 'src/articles/articles.controller.ts';

    it('reports @Post(":id") that writes the whole body; @Post(":id/publish") and @Post() are silent', () => {
      assert.deepEqual(found(controller, path), ['11:Post']);
    });

    it('rewrites @Post to @Put and imports Put from @nestjs/common', () => {
      const after = fixed(controller, path);
      assert.match(after, /^import \{ Body, Controller, Param, Post, Put \} from '@nestjs\/common';\n/);
      assert.match(after, /\n {2}@Put\(':id'\)\n {2}async replace\(/);
      assert.equal(after.split('@Post(').length, 3, 'the other routes keep @Post');
    });

    it('writes the local name of an aliased Put import, and adds nothing', () => {
      const aliased = controller.replace("import { Body, Controller, Param, Post } from '@nestjs/common';",
        "import {\n  Body,\n  Controller,\n  Param,\n  Post as NestPost,\n  Put as NestPut,\n} from '@nestjs/common';").replace(/@Post\(/g, '@NestPost(');
      const after = fixed(aliased, path);
      assert.match(after, /\n {2}@NestPut\(':id'\)\n {2}async replace\(/);
      assert.equal(after.match(/NestPut/g)?.length, 2, 'no second import');
    });

    it('adds Put on its own line to a one-name-per-line import', () => {
      const multiline = controller.replace("import { Body, Controller, Param, Post } from '@nestjs/common';",
        "import {\n  Body,\n  Controller,\n  Param,\n  Post,\n} from '@nestjs/common';");
      assert.match(fixed(multiline, path), /^import \{\n {2}Body,\n {2}Controller,\n {2}Param,\n {2}Post,\n {2}Put,\n\} from '@nestjs\/common';\n/);
    });

    it('suppresses above the decorator, with its indentation', () => {
      const [f] = findingsOf(controller, RULE, path);
      const after = applyFix(controller, f.fixes.find((x) => x.id === `suppress:${RULE}`)!);
      assert.match(after, /\n {2}\/\/ http-method-lint-disable-next-line post-full-replacement\n {2}@Post\(':id'\)\n/);
      assert.deepEqual(found(after, path), []);
    });
  });

  describe('Next.js App Router', () => {
    const route = code`
      import { NextResponse } from 'next/server';
      import { prisma } from '@/lib/prisma';

      export async function GET(_req: Request, { params }: { params: { id: string } }) {
        return NextResponse.json(await prisma.project.findUnique({ where: { id: params.id } }));
      }

      export async function POST(req: Request, { params }: { params: { id: string } }) {
        const data = await req.json();
        const project = await prisma.project.update({ where: { id: params.id }, data });
        return NextResponse.json(project);
      }
    `;
    const path = 'app/api/projects/[id]/route.ts';

    it('reports export async function POST on a [id] route and renames it to PUT', () => {
      assert.deepEqual(found(route, path), ['8:POST']);
      assert.match(fixed(route, path), /\nexport async function PUT\(req: Request/);
    });

    it('offers no rename when the file already exports PUT', () => {
      const withPut = `${route}\nexport const PUT = POST;\n`;
      const [f] = findingsOf(withPut, RULE, path);
      assert.deepEqual(f.fixes.map((x) => x.id), [`suppress:${RULE}`]);
    });

    it('renames export const POST = ...', () => {
      const arrow = code`
        import { prisma } from '@/lib/prisma';
        export const POST = async (req: Request, { params }: { params: { id: string } }) => {
          await prisma.project.update({ where: { id: params.id }, data: await req.json() });
          return new Response(null, { status: 204 });
        };
      `;
      assert.deepEqual(found(arrow, path), ['2:POST']);
      assert.match(fixed(arrow, path), /\nexport const PUT = async/);
    });

    it('is silent for POST on the collection route and on an action under the item', () => {
      const collection = route.replace('update({ where: { id: params.id }, data })', 'create({ data })');
      assert.deepEqual(found(collection, 'app/api/projects/route.ts'), []);
      assert.deepEqual(found(route, 'app/api/projects/[id]/archive/route.ts'), []);
      assert.deepEqual(found(route, 'app/api/graphql/[id]/route.ts'), []);
    });
  });

  describe('Next.js Pages API', () => {
    const handler = code`
      import type { NextApiRequest, NextApiResponse } from 'next';
      import { prisma } from '../../../lib/prisma';

      export default async function handler(req: NextApiRequest, res: NextApiResponse) {
        const id = String(req.query.id);
        if (req.method === 'GET') {
          return res.json(await prisma.team.findUnique({ where: { id } }));
        }
        if (req.method === 'POST') {
          const team = await prisma.team.update({ where: { id }, data: req.body });
          return res.json(team);
        }
        res.setHeader('Allow', ['GET', 'POST']);
        return res.status(405).end();
      }
    `;
    const path = 'pages/api/teams/[id].ts';

    it("reports the POST branch (its own effects, not the GET branch's) on the method literal", () => {
      const [f, ...rest] = findingsOf(handler, RULE, path);
      assert.equal(rest.length, 0);
      assert.equal(at(handler, f.span), '9:POST');
      assert.equal(at(handler, f.evidence[0].span), '10:prisma.team.update({ where: { id }, data: req.body })');
    });

    it("rewrites req.method === 'POST' to 'PUT', but not next to an existing PUT branch", () => {
      assert.match(fixed(handler, path), /\n {2}if \(req\.method === 'PUT'\) \{\n/);
      const withPut = handler.replace("  res.setHeader('Allow'", "  if (req.method === 'PUT') {\n    return res.status(409).end();\n  }\n  res.setHeader('Allow'");
      const [f] = findingsOf(withPut, RULE, path);
      assert.deepEqual(f.fixes.map((x) => x.id), [`suppress:${RULE}`]);
    });

    it('reads switch (req.method) cases', () => {
      const text = code`
        import type { NextApiRequest, NextApiResponse } from 'next';
        import { db } from '../../../lib/db';

        export default async function handler(req: NextApiRequest, res: NextApiResponse) {
          switch (req.method) {
            case 'GET':
              return res.json(await db.collection('teams').findOne({ _id: req.query.id }));
            case 'POST':
              await db.collection('teams').replaceOne({ _id: req.query.id }, req.body);
              return res.status(204).end();
            default:
              return res.status(405).end();
          }
        }
      `;
      assert.deepEqual(found(text, path), ['8:POST']);
      assert.match(fixed(text, path), /\n {4}case 'PUT':\n/);
      assert.deepEqual(found(text, 'pages/api/teams/index.ts'), [], 'a POST to the collection is creation');
    });
  });
});

import * as assert from 'node:assert/strict';
import { describeOf, run } from './test-support';

describe('effects: status codes and Location', () => {
  it('Express: res.status(201), res.location(), res.set(Location), conditional statuses', () => {
    const r = run(`
const items = new Map();
router.put('/items/:id', (req, res) => {
  const existed = items.has(req.params.id);
  items.set(req.params.id, req.body);
  res.set('Location', '/items/' + req.params.id);
  res.location(\`/items/\${req.params.id}\`);
  res.status(existed ? 200 : 201).json(req.body);
});`, 'put');
    assert.deepEqual(r.lines, [
      'full-replace: items.set(req.params.id, req.body)',
      "location-header: res.set('Location', '/items/' + req.params.id)",
      'location-header: res.location(`/items/${req.params.id}`)',
      'status 200: res.status(existed ? 200 : 201)',
      'status 201: res.status(existed ? 200 : 201)',
    ]);
    assert.equal(describeOf(r, 'location-header'), 'res.set() sets the Location header');
    assert.equal(r.effects.find((e) => e.status === 201)?.description, 'res.status() answers 201');
  });

  it('Fastify: reply.code(201).header("location", ...)', () => {
    const r = run(`
fastify.post('/orders', async (request, reply) => {
  const order = await db.order.create({ data: request.body });
  reply.code(201).header('location', \`/orders/\${order.id}\`);
  return order;
});`, 'post');
    assert.deepEqual(r.effects.map((e) => (e.kind === 'status' ? `status ${e.status}` : e.kind)), ['insert', 'status 201', 'location-header']);
  });

  it('Koa: ctx.status = 201 and ctx.set("Location", ...)', () => {
    const r = run(`
router.post('/posts', async (ctx) => {
  const post = await Post.create(ctx.request.body);
  ctx.set('Location', '/posts/' + post.id);
  ctx.status = 201;
  ctx.body = post;
});`, 'post');
    assert.deepEqual(r.lines, ["location-header: ctx.set('Location', '/posts/' + post.id)", 'status 201: ctx.status = 201']);
  });

  it('Hono: c.json(x, 201), c.body(null, 204), c.header("Location", ...)', () => {
    const r = run(`
const books = new Map();
app.post('/books', async (c) => {
  const body = await c.req.json();
  const id = crypto.randomUUID();
  books.set(id, { id, ...body });
  c.header('Location', \`/books/\${id}\`);
  return c.json(books.get(id), 201);
});
app.delete('/books/:id', (c) => {
  books.delete(c.req.param('id'));
  return c.body(null, 204);
});`, 'post');
    assert.deepEqual(r.lines, [
      'mints-id: crypto.randomUUID()', 'insert: books.set(id, { id, ...body })', "location-header: c.header('Location', `/books/${id}`)",
      'status 201: c.json(books.get(id), 201)',
    ]);
  });

  it('Next.js route handlers: NextResponse.json(x, { status, headers }) and new Response(null, { status: 204 })', () => {
    const fixture = `
import { NextResponse } from 'next/server';
import { prisma } from '@/lib/db';
export async function POST(request: Request) {
  const data = await request.json();
  const invoice = await prisma.invoice.create({ data });
  return NextResponse.json(invoice, { status: 201, headers: { Location: \`/api/invoices/\${invoice.id}\` } });
}
export async function DELETE(_req: Request, { params }: { params: { id: string } }) {
  await prisma.invoice.delete({ where: { id: params.id } });
  return new Response(null, { status: 204 });
}`;
    const post = run(fixture, 'POST');
    assert.deepEqual(post.effects.map((e) => (e.kind === 'status' ? `status ${e.status}` : e.kind)), ['insert', 'status 201', 'location-header']);
    assert.ok(post.lines[1].endsWith('{ Location: `/api/invoices/${invoice.id}` } })'), post.lines[1]);
    assert.deepEqual(run(fixture, 'DELETE').lines, [
      'delete: prisma.invoice.delete({ where: { id: params.id } })', 'status 204: new Response(null, { status: 204 })',
    ]);
  });

  it('NestJS: @HttpCode(HttpStatus.NO_CONTENT) and @Header("Location", ...) on the method', () => {
    const r = run(`
@Controller('cats')
export class CatsController {
  constructor(private readonly catsService: CatsService) {}

  @Put(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Header('Location', '/cats')
  async replace(@Param('id') id: string, @Body() dto: UpdateCatDto) {
    await this.catsService.replace(id, dto);
  }
}`, 'replace');
    assert.deepEqual(r.lines, ['status 204: @HttpCode(HttpStatus.NO_CONTENT)', "location-header: @Header('Location', '/cats')"]);
  });

  it('records no defaults, redirects or unrelated "location" strings', () => {
    const r = run(`
router.post('/login', (req, res) => {
  const url = new URL(req.body.next, 'http://x');
  url.searchParams.set('location', 'home');
  const status = computeStatus();
  res.status(status);
  res.json({ ok: true });
  res.redirect('/home');
});`, 'post');
    assert.deepEqual(r.lines, []);
  });
});

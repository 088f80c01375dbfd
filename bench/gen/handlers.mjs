// Handler bodies for generated route files. One description of each operation, spelled in each framework's idiom
// (req/res, request/reply, ctx, c, Nest DTOs, Next Request/Response). A few routes carry the method smells the linter
// looks for, at rates a real codebase might have, so the scan does real rule work.
import { ACTIONS, FIELDS, SUB_RESOURCES, camel, pascal } from './random.mjs';

/** How each framework reads the request and answers. `await` is left to the caller's async handler. */
const IDIOMS = {
  express: {
    id: 'req.params.id', body: 'req.body', query: (k) => `req.query.${k}`, log: 'req.log?.info',
    send: (status, expr) => (status === 204 ? 'res.status(204).end();' : `res.status(${status}).json(${expr});`),
    location: (expr) => `res.location(${expr});`, ret: '',
  },
  fastify: {
    id: 'request.params.id', body: 'request.body', query: (k) => `request.query.${k}`, log: 'request.log.info',
    send: (status, expr) => (status === 204 ? 'return reply.code(204).send();' : `return reply.code(${status}).send(${expr});`),
    location: (expr) => `reply.header('Location', ${expr});`, ret: 'return ',
  },
  koa: {
    id: 'ctx.params.id', body: 'ctx.request.body', query: (k) => `ctx.query.${k}`, log: 'ctx.log?.info',
    send: (status, expr) => (status === 204 ? 'ctx.status = 204;' : `ctx.status = ${status};\n    ctx.body = ${expr};`),
    location: (expr) => `ctx.set('Location', ${expr});`, ret: '',
  },
  hono: {
    id: "c.req.param('id')", body: 'await c.req.json()', query: (k) => `c.req.query('${k}')`, log: 'console.debug',
    send: (status, expr) => (status === 204 ? 'return c.body(null, 204);' : `return c.json(${expr}, ${status});`),
    location: (expr) => `c.header('Location', ${expr});`, ret: 'return ',
  },
  next: {
    id: '(await params).id', body: 'await request.json()', query: (k) => `request.nextUrl.searchParams.get('${k}')`, log: 'console.debug',
    send: (status, expr) => (status === 204 ? 'return new Response(null, { status: 204 });' : `return Response.json(${expr}, { status: ${status}, headers });`),
    location: (expr) => `headers.set('Location', ${expr});`, ret: 'return ',
  },
};

/**
 * The operations a resource module exposes: the usual CRUD set plus a few sub-resources and actions. `smell` marks
 * the deliberate contradictions (about one route in twelve).
 */
export function operationsFor(rng, resource) {
  const [plural, singular] = resource;
  const ops = [
    { method: 'GET', shape: 'collection', path: '', kind: 'list' },
    { method: 'POST', shape: 'collection', path: '', kind: 'create' },
    { method: 'GET', shape: 'item', path: '/:id', kind: 'read' },
  ];
  if (rng.chance(0.8)) ops.push({ method: 'PUT', shape: 'item', path: '/:id', kind: 'replace' });
  if (rng.chance(0.7)) ops.push({ method: 'PATCH', shape: 'item', path: '/:id', kind: 'merge' });
  ops.push({ method: 'DELETE', shape: 'item', path: '/:id', kind: 'remove' });
  for (const sub of rng.sample(SUB_RESOURCES, rng.int(0, 3))) {
    ops.push({ method: rng.pick(['GET', 'PUT']), shape: 'sub', path: `/:id/${sub}`, kind: 'sub', sub });
  }
  for (const action of rng.sample(ACTIONS, rng.int(0, 2))) {
    ops.push({ method: 'POST', shape: 'action', path: `/:id/${action}`, kind: 'action', action });
  }
  for (const op of ops) {
    if (!rng.chance(1 / 12)) continue;
    if (op.kind === 'create') Object.assign(op, { method: 'PUT', smell: 'put-mints-id' });
    else if (op.kind === 'replace') Object.assign(op, { method: 'POST', smell: 'post-replaces' });
    else if (op.kind === 'merge') Object.assign(op, { method: 'PUT', smell: 'put-partial' });
    else if (op.kind === 'read') Object.assign(op, { smell: 'get-mutates' });
  }
  return { plural, singular, ops };
}

/** Body lines of one handler, indented by two spaces (callers nest them further). */
export function handlerBody(rng, framework, api, op) {
  const io = IDIOMS[framework];
  const coll = `db.collection('${api.plural}')`;
  const Entity = pascal(api.singular);
  const fields = rng.sample(FIELDS, rng.int(2, 5));
  const out = [];
  const line = (s = '') => out.push(s ? `  ${s}` : '');
  if (rng.chance(0.3)) line(`${io.log}({ route: '${op.method} ${api.plural}${op.path}' }, 'handling request');`);
  switch (op.kind) {
    case 'list': {
      line(`const page = Math.max(1, Number(${io.query('page')} ?? 1));`);
      line(`const limit = Math.min(100, Number(${io.query('limit')} ?? 20));`);
      line(`const filter = buildFilter(${io.query('q')});`);
      line(`const items = await ${coll}.find(filter).skip((page - 1) * limit).limit(limit).toArray();`);
      line(`const total = await ${coll}.countDocuments(filter);`);
      line(io.send(200, '{ items: items.map(to' + Entity + 'View), page, total }'));
      break;
    }
    case 'read': {
      line(`const id = ${io.id};`);
      line(`const ${api.singular} = await ${coll}.findOne({ _id: id });`);
      if (op.smell === 'get-mutates') line(`await ${coll}.updateOne({ _id: id }, { $inc: { views: 1 } });`);
      line(`if (!${api.singular}) {`);
      line(`  ${io.send(404, `{ error: '${Entity} not found' }`).replace(/\n/g, '\n  ')}`);
      if (!io.ret) line('  return;');
      line('}');
      line(io.send(200, `to${Entity}View(${api.singular})`));
      break;
    }
    case 'create': {
      line(`const input = validate${Entity}(${io.body});`);
      line('const id = randomUUID();');
      line(`const created = { _id: id, ${fields.map((f) => `${f}: input.${f}`).join(', ')}, createdAt: new Date() };`);
      line(`await ${coll}.insertOne(created);`);
      if (op.smell !== 'put-mints-id') line(io.location(`\`/${api.plural}/\${id}\``));
      line(io.send(201, `to${Entity}View(created)`));
      break;
    }
    case 'replace': {
      line(`const id = ${io.id};`);
      line(`const input = validate${Entity}(${io.body});`);
      line(`const result = await ${coll}.replaceOne({ _id: id }, { _id: id, ...input, updatedAt: new Date() }, { upsert: true });`);
      line(`if (result.upsertedCount > 0) {`);
      line(`  ${io.send(201, `{ id }`).replace(/\n/g, '\n  ')}`);
      if (!io.ret) line('  return;');
      line('}');
      line(io.send(204));
      break;
    }
    case 'merge': {
      line(`const id = ${io.id};`);
      line(`const changes = pick(${io.body}, [${fields.map((f) => `'${f}'`).join(', ')}]);`);
      line(`const result = await ${coll}.updateOne({ _id: id }, { $set: changes });`);
      line(`if (result.matchedCount === 0) {`);
      line(`  ${io.send(404, `{ error: '${Entity} not found' }`).replace(/\n/g, '\n  ')}`);
      if (!io.ret) line('  return;');
      line('}');
      line(io.send(204));
      break;
    }
    case 'remove': {
      line(`const id = ${io.id};`);
      line(`await ${coll}.deleteOne({ _id: id });`);
      line(`await audit.record('${api.singular}.deleted', { id });`);
      line(io.send(204));
      break;
    }
    case 'sub': {
      line(`const id = ${io.id};`);
      if (op.method === 'GET') {
        line(`const owner = await ${coll}.findOne({ _id: id }, { projection: { ${camel(op.sub)}: 1 } });`);
        line(io.send(200, `owner?.${camel(op.sub)} ?? null`));
      } else {
        line(`const ${camel(op.sub)} = ${io.body};`);
        line(`await ${coll}.updateOne({ _id: id }, { $set: { ${camel(op.sub)} } });`);
        line(io.send(204));
      }
      break;
    }
    case 'action': {
      line(`const id = ${io.id};`);
      line(`const outcome = await ${camel(api.singular)}Workflow.${camel(op.action)}(id, { reason: ${io.query('reason')} });`);
      line(`if (!outcome.ok) {`);
      line(`  ${io.send(409, '{ error: outcome.error }').replace(/\n/g, '\n  ')}`);
      if (!io.ret) line('  return;');
      line('}');
      line(io.send(200, 'outcome.value'));
      break;
    }
    default:
      throw new Error(`unknown operation ${op.kind}`);
  }
  return out;
}

/** Helpers every route module declares, so files read like real modules and not like bare route lists. */
export function moduleHelpers(rng, api, ts) {
  const Entity = pascal(api.singular);
  const fields = rng.sample(FIELDS, rng.int(3, 7));
  const t = (type) => (ts ? `: ${type}` : '');
  const lines = [];
  if (ts) {
    lines.push(`export interface ${Entity} {`, '  _id: string;');
    for (const f of fields) lines.push(`  ${f}${rng.chance(0.3) ? '?' : ''}: ${rng.pick(['string', 'number', 'boolean', 'string | null'])};`);
    lines.push('  createdAt: Date;', '}', '');
  }
  lines.push(`function validate${Entity}(input${t('unknown')})${t(`Omit<${Entity}, '_id' | 'createdAt'>`)} {`);
  lines.push(`  if (typeof input !== 'object' || input === null) throw new ValidationError('${api.singular} must be an object');`);
  lines.push(`  const record = input${ts ? ' as Record<string, unknown>' : ''};`);
  for (const f of fields.slice(0, 3)) {
    lines.push(`  if (record.${f} === undefined) throw new ValidationError('${f} is required');`);
  }
  lines.push(`  return record${ts ? ` as Omit<${Entity}, '_id' | 'createdAt'>` : ''};`, '}', '');
  lines.push(`function to${Entity}View(doc${t(Entity)}) {`);
  lines.push(`  const { _id, ...rest } = doc;`);
  lines.push(`  return { id: _id, ...rest };`, '}', '');
  lines.push(`function buildFilter(q${t('unknown')}) {`);
  lines.push(`  if (typeof q !== 'string' || q.trim() === '') return {};`);
  lines.push(`  return { $or: [${fields.slice(0, 2).map((f) => `{ ${f}: { $regex: escapeRegExp(q), $options: 'i' } }`).join(', ')}] };`);
  lines.push('}', '');
  return lines;
}

import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { collectEffects } from './index';
import { parse } from './test-support';

/** The branch of the default handler that the Next.js Pages extractor would hand over for `method`. */
function branchFor(sf: ts.SourceFile, method: string): ts.Node {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIfStatement(n) && new RegExp(`=== '${method}'`).test(n.expression.getText(sf))) found = n.thenStatement;
    if (ts.isCaseClause(n) && ts.isStringLiteral(n.expression) && n.expression.text === method) {
      const clauses = (n.parent as ts.CaseBlock).clauses;
      let i = clauses.indexOf(n);
      while (i < clauses.length - 1 && clauses[i].statements.length === 0) i++;
      found = clauses[i];
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (!found) throw new Error(`no ${method} branch`);
  return found;
}

function linesOf(text: string, method: string): string[] {
  const sf = parse(text, '/app/pages/api/users/[id].ts');
  return collectEffects(branchFor(sf, method), { sourceFile: sf, filePath: sf.fileName }).map((e) =>
    `${e.kind === 'status' ? `status ${e.status}` : e.kind}: ${text.slice(e.span.start, e.span.end)}`);
}

describe('effects: one method branch of a Pages API handler', () => {
  const ifChain = `
import type { NextApiRequest, NextApiResponse } from 'next';
import { prisma } from '../../../lib/prisma';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const id = String(req.query.id);
  await prisma.auditLog.create({ data: { path: req.url, at: new Date() } });
  if (req.method === 'GET') {
    const user = await prisma.user.findUnique({ where: { id } });
    return res.status(200).json(user);
  }
  if (req.method === 'POST') {
    const user = await prisma.user.update({ where: { id }, data: req.body });
    return res.status(200).json(user);
  }
  if (req.method === 'DELETE') {
    await prisma.user.delete({ where: { id } });
    return res.status(204).end();
  }
  res.setHeader('Allow', ['GET', 'POST', 'DELETE']);
  res.status(405).end();
}`;

  it('takes the branch and the shared setup before it, not the sibling branches or the 405 fallback', () => {
    assert.deepEqual(linesOf(ifChain, 'POST'), [
      'insert: prisma.auditLog.create({ data: { path: req.url, at: new Date() } })',
      'mints-id: prisma.auditLog.create({ data: { path: req.url, at: new Date() } })',
      'full-replace: prisma.user.update({ where: { id }, data: req.body })',
      'status 200: res.status(200)',
    ]);
    assert.deepEqual(linesOf(ifChain, 'GET'), [
      'insert: prisma.auditLog.create({ data: { path: req.url, at: new Date() } })',
      'mints-id: prisma.auditLog.create({ data: { path: req.url, at: new Date() } })',
      'status 200: res.status(200)',
    ]);
  });

  it('reads switch cases, fall-through labels, and shared code after a case that breaks', () => {
    const text = `
import type { NextApiRequest, NextApiResponse } from 'next';
import { db } from '../../../lib/db';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { method } = req;
  switch (method) {
    case 'GET':
      res.json(await db.users.findOne({ _id: req.query.id }));
      break;
    case 'PUT':
    case 'PATCH':
      await db.users.updateOne({ _id: req.query.id }, { $set: { name: req.body.name } });
      res.status(204);
      break;
    default:
      await db.users.deleteOne({ _id: req.query.id });
      return res.status(405).end();
  }
  res.end();
}`;
    assert.deepEqual(linesOf(text, 'PUT'), [
      'partial-update: db.users.updateOne({ _id: req.query.id }, { $set: { name: req.body.name } })',
      'status 204: res.status(204)',
    ]);
    assert.deepEqual(linesOf(text, 'GET'), []);
  });

  it('leaves out the else arms of an if / else-if chain', () => {
    const text = `
export default async function handler(req, res) {
  if (req.method === 'GET') {
    res.json(await Todo.findById(req.query.id));
  } else if (req.method === 'PUT') {
    await Todo.replaceOne({ _id: req.query.id }, req.body);
    res.status(204).end();
  } else {
    await Todo.deleteMany({});
    res.status(405).end();
  }
}
import Todo from '../../../models/todo';`;
    assert.deepEqual(linesOf(text, 'PUT'), ['full-replace: Todo.replaceOne({ _id: req.query.id }, req.body)', 'status 204: res.status(204)']);
    assert.deepEqual(linesOf(text, 'GET'), []);
  });
});

import type { FastifyInstance } from 'fastify';
import { prisma } from '../db';

export default async function tags(app: FastifyInstance) {
  // post-create-status (information): a new tag is created, but the answer is a plain 200 without Location.
  app.post<{ Body: { name: string; color: string } }>('/tags', async (request, reply) => {
    const tag = await prisma.tag.create({ data: { name: request.body.name, color: request.body.color } });
    return reply.send(tag);
  });

  // The correct twin: 201 Created with the new label's URI.
  app.post<{ Body: { name: string } }>('/labels', async (request, reply) => {
    const label = await prisma.label.create({ data: { name: request.body.name } });
    return reply.code(201).header('Location', `/v1/labels/${label.id}`).send(label);
  });
}

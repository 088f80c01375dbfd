import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { prisma } from '../db';

interface UploadBody {
  filename: string;
  contentType: string;
  size: number;
}

export default async function uploads(app: FastifyInstance) {
  // put-nondeterministic-uri: PUT to the collection, and the server invents the new upload's id.
  app.put<{ Body: UploadBody }>('/uploads', async (request, reply) => {
    const upload = await prisma.upload.create({ data: { id: randomUUID(), ...request.body } });
    return reply.send(upload);
  });

  // The correct twin: the client names the upload in the URI, so repeating the PUT is harmless.
  app.put<{ Params: { key: string }; Body: UploadBody }>('/uploads/:key', async (request, reply) => {
    await prisma.upload.update({ where: { key: request.params.key }, data: request.body });
    return reply.code(204).send();
  });
}

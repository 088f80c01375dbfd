import Fastify from 'fastify';
import uploads from './plugins/uploads';
import tags from './plugins/tags';

const app = Fastify({ logger: true });

app.register(uploads, { prefix: '/v1' });
app.register(tags, { prefix: '/v1' });

app.listen({ port: 4000 });

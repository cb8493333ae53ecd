/**
 * A bare Fastify server answering 200 to POST /bare: the floor a webhook endpoint
 * on this machine can approach. Run as its own process by the webhook bench.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/bare', async () => ({}));
app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3197) }).then(() => console.log('ready'));

import { setTimeout as sleep } from 'node:timers/promises';
import { connectLive } from './support/live-client';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

async function until<T>(check: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = check();
    if (v) return v;
    await sleep(25);
  }
  throw new Error('not received in time');
}

describe('live feed over WebSocket', () => {
  let p: TestPlatform;
  let base: string;
  let admin: TestUser;
  let agent: TestUser;
  let otherTenant: TestUser;
  beforeAll(async () => {
    p = await startPlatform('gwlive');
    await p.http.listen({ host: '127.0.0.1', port: 0 });
    const address = p.http.server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    [admin, agent, otherTenant] = await Promise.all([p.user('a', 'admin'), p.user('a', 'agent'), p.user('b', 'admin')]);
  });
  afterAll(async () => {
    await p.stop();
  });

  it('pushes lead events of my tenant on the topics I subscribed to, and nothing of other tenants', async () => {
    const mine = await connectLive(base, admin.accessToken);
    const theirs = await connectLive(base, otherTenant.accessToken);
    for (const c of [mine, theirs]) c.ws.send(JSON.stringify({ type: 'subscribe', topics: ['leads', 'imports'] }));
    await until(() => mine.messages.find((m) => m.type === 'subscribed'));
    await until(() => theirs.messages.find((m) => m.type === 'subscribed'));

    const created = (await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: { contactPerson: 'Live Lead', phone: '9845099999' } })).json();
    const event = await until(() => mine.messages.find((m) => m.type === 'event'));
    expect(event).toMatchObject({ topic: 'leads', event: { type: 'lead.created', tenantId: p.tenants.a, data: { lead: { id: created.id } } } });
    await sleep(300);
    expect(theirs.messages.filter((m) => m.type === 'event')).toEqual([]);
    mine.ws.close();
    theirs.ws.close();
  });

  it('shows an agent only events about leads assigned to them', async () => {
    const c = await connectLive(base, agent.accessToken);
    c.ws.send(JSON.stringify({ type: 'subscribe', topics: ['leads'] }));
    await until(() => c.messages.find((m) => m.type === 'subscribed'));
    await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: { contactPerson: 'Not Yours', phone: '9845088881' } });
    const yours = (await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: { contactPerson: 'Yours', phone: '9845088882', assignedUserId: agent.id } })).json();
    const event = await until(() => c.messages.find((m) => m.type === 'event'));
    expect((event as { event: { data: { lead: { id: string } } } }).event.data.lead.id).toBe(yours.id);
    await sleep(200);
    expect(c.messages.filter((m) => m.type === 'event')).toHaveLength(1);
    c.ws.close();
  });

  it('refuses a connection without a valid token', async () => {
    const c = await connectLive(base, 'not-a-token');
    expect((await c.closed).code).toBe(4401);
  });

  it('explains bad client messages instead of dropping the socket', async () => {
    const c = await connectLive(base, admin.accessToken);
    c.ws.send('hello');
    c.ws.send(JSON.stringify({ type: 'subscribe', topics: ['everything'] }));
    await until(() => (c.messages.filter((m) => m.type === 'error').length === 2 ? true : undefined));
    expect(c.messages.filter((m) => m.type === 'error').map((m) => m.message)).toEqual([expect.stringMatching(/Expected/), 'Unknown topics: everything']);
    c.ws.close();
  });

  it('disconnects a client too slow to keep up rather than buffering without bound', async () => {
    const c = await connectLive(base, admin.accessToken);
    c.ws.send(JSON.stringify({ type: 'subscribe', topics: ['leads'] }));
    await until(() => c.messages.find((m) => m.type === 'subscribed'));
    c.ws.pause(); // stops reading: the server's send buffer fills
    const big = { id: '0193a000-0000-7000-8000-000000000099', type: 'lead.updated', version: 1, tenantId: p.tenants.a, occurredAt: new Date().toISOString(), correlationId: 'x', causationId: null, data: { lead: { notes: 'x'.repeat(200_000) } } };
    for (let i = 0; i < 200; i++) p.gateway.live.dispatch(big);
    c.ws.resume();
    const closed = await c.closed;
    expect(closed.code).toBe(1013);
  });
});

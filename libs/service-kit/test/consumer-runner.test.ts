import { connect, type NatsConnection } from 'nats';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConsumerRunner, PoisonMessageError, type ConsumedMessage } from '../src/nats/consumer-runner';
import { ensureStreams } from '../src/nats/ensure-streams';
import { Topology } from '../src/nats/topology';
import { createLogger } from '../src/logging/logger';
import { ServiceMetrics } from '../src/metrics/metrics';
import { createTestInfra, type TestInfra } from '../src/testing/test-infra';

describe('ConsumerRunner on a real JetStream', () => {
  let infra: TestInfra;
  let nc: NatsConnection;
  let topology: Topology;
  const logger = createLogger('test', 'silent');

  beforeAll(async () => {
    infra = await createTestInfra('consumer');
    nc = await connect({ servers: infra.natsUrl });
    topology = new Topology(infra.natsPrefix);
    await ensureStreams(await nc.jetstreamManager(), topology, ['LEADS', 'DLQ'], { replicas: 1, maxAgeHours: 1 });
  });

  afterAll(async () => {
    await nc.close();
    await infra.destroy();
  });

  async function deps() {
    return { js: nc.jetstream(), jsm: await nc.jetstreamManager(), topology, logger, metrics: new ServiceMetrics('test') };
  }

  async function publish(subject: string, body: object) {
    await nc.jetstream().publish(topology.subject(subject), Buffer.from(JSON.stringify(body)));
  }

  async function dlqMessages(): Promise<{ data: string; reason?: string; deliveries?: string; subject?: string }[]> {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(topology.stream('DLQ'));
    const out = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await jsm.streams.getMessage(topology.stream('DLQ'), { seq });
      out.push({
        data: new TextDecoder().decode(m.data),
        reason: m.header.get('Soraaya-Dlq-Reason'),
        deliveries: m.header.get('Soraaya-Dlq-Deliveries'),
        subject: m.header.get('Soraaya-Dlq-Subject'),
      });
    }
    return out;
  }

  it('dead-letters a message that keeps failing after the max deliveries, while later messages keep flowing', async () => {
    const seen: string[] = [];
    const attempts = new Map<string, number>();
    const handler = async (msg: ConsumedMessage) => {
      const body = JSON.parse(new TextDecoder().decode(msg.data)) as { n: string };
      attempts.set(body.n, (attempts.get(body.n) ?? 0) + 1);
      if (body.n === 'poison') throw new Error('cannot handle this one');
      seen.push(body.n);
    };
    const runner = new ConsumerRunner(
      { stream: 'LEADS', durable: 'poison-test', filterSubject: 'leads.test.v1', handler, maxDeliveries: 3, backoffBaseMs: 50, concurrency: 2 },
      await deps(),
    );
    runner.start();
    await publish('leads.test.v1', { n: 'a' });
    await publish('leads.test.v1', { n: 'poison' });
    for (let i = 0; i < 20; i++) await publish('leads.test.v1', { n: `later-${i}` });

    await waitFor(async () => (await dlqMessages()).length === 1 && seen.length === 21);
    await runner.stop();

    expect(attempts.get('poison')).toBe(3);
    expect(seen).toContain('later-19');
    const [dead] = await dlqMessages();
    expect(JSON.parse(dead!.data)).toEqual({ n: 'poison' });
    expect(dead!.reason).toBe('max_deliveries');
    expect(dead!.deliveries).toBe('3');
    expect(dead!.subject).toBe(topology.subject('leads.test.v1'));
    // Everything else was acked and the poison one terminated: nothing left pending on the consumer.
    const jsm = await nc.jetstreamManager();
    await waitFor(async () => {
      const info = await jsm.consumers.info(topology.stream('LEADS'), runner.durableName);
      return info.num_ack_pending + info.num_pending === 0;
    });
  });

  it('dead-letters a PoisonMessageError on the first delivery', async () => {
    const before = (await dlqMessages()).length;
    const runner = new ConsumerRunner(
      {
        stream: 'LEADS',
        durable: 'poison-fast',
        filterSubject: 'leads.fast.v1',
        handler: async () => {
          throw new PoisonMessageError('not a valid event');
        },
        maxDeliveries: 5,
      },
      await deps(),
    );
    runner.start();
    await publish('leads.fast.v1', { bad: true });
    await waitFor(async () => (await dlqMessages()).length === before + 1);
    await runner.stop();
    const last = (await dlqMessages()).at(-1)!;
    expect(last.reason).toBe('poison');
    expect(last.deliveries).toBe('1');
  });

  it('never runs more handlers at once than its concurrency, and stop() waits for in-flight work', async () => {
    let running = 0;
    let peak = 0;
    let finished = 0;
    const runner = new ConsumerRunner(
      {
        stream: 'LEADS',
        durable: 'concurrency',
        filterSubject: 'leads.slow.v1',
        concurrency: 3,
        handler: async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(40);
          running--;
          finished++;
        },
      },
      await deps(),
    );
    runner.start();
    for (let i = 0; i < 15; i++) await publish('leads.slow.v1', { i });
    await waitFor(async () => finished >= 6);
    await runner.stop();
    expect(peak).toBe(3);
    expect(running).toBe(0);
  });

  it('resumes after its consumer is deleted underneath it', async () => {
    const seen: number[] = [];
    const runner = new ConsumerRunner(
      {
        stream: 'LEADS',
        durable: 'resilient',
        filterSubject: 'leads.resilient.v1',
        handler: async (m) => {
          seen.push((JSON.parse(new TextDecoder().decode(m.data)) as { i: number }).i);
        },
      },
      await deps(),
    );
    runner.start();
    await publish('leads.resilient.v1', { i: 1 });
    await waitFor(async () => seen.includes(1));
    await (await nc.jetstreamManager()).consumers.delete(topology.stream('LEADS'), runner.durableName);
    await sleep(300);
    await publish('leads.resilient.v1', { i: 2 });
    await waitFor(async () => seen.includes(2), 20_000);
    await runner.stop();
  });
});

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error('condition not met in time');
}

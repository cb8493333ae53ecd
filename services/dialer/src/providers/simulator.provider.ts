import { fillScript } from '@soraaya/contracts';
import { untraced, uuid7, type Logger } from '@soraaya/service-kit';
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildConversation, pickScenario, seededRandom, transcriptText, type Random } from '../domain/conversation';
import { templateValues, type PlaceCallRequest, type TelephonyProvider } from './provider';

export type SimOutcome = 'answered' | 'no_answer' | 'busy' | 'voicemail' | 'failed';

export interface SimulatorConfig {
  webhookUrl: string;
  secret: string;
  auth: 'secret' | 'hmac';
  /** Seconds of real time per simulated second: 1 plays calls at true length, 0 delivers everything at once. */
  speed: number;
  outcomes: Record<SimOutcome, number>;
  seed: number;
  /** Delivery attempts per webhook (the gateway may be restarting, or NATS down: it answers 503). */
  maxDeliveries?: number;
}

/** "answered:60,no_answer:20,busy:8,voicemail:7,failed:5" → weights. */
export function parseOutcomeWeights(spec: string): Record<SimOutcome, number> {
  const weights: Record<SimOutcome, number> = { answered: 0, no_answer: 0, busy: 0, voicemail: 0, failed: 0 };
  for (const part of spec.split(',')) {
    const [k, v] = part.split(':').map((s) => s.trim());
    if (!(k! in weights) || !/^\d+(\.\d+)?$/.test(v ?? '')) throw new Error(`bad outcome weight "${part}" (use name:weight with names ${Object.keys(weights).join(', ')})`);
    weights[k as SimOutcome] = Number(v);
  }
  if (Object.values(weights).reduce((a, b) => a + b, 0) <= 0) throw new Error('outcome weights must add up to more than 0');
  return weights;
}

/**
 * A provider that needs no keys: it plays realistic calls and reports them as
 * signed VAPI server messages posted to the gateway's /webhooks/vapi, so a demo
 * exercises the same path as production.
 */
export class SimulatorProvider implements TelephonyProvider {
  readonly name = 'simulator';
  private readonly rnd: Random;
  private stopped = false;

  constructor(
    private readonly config: SimulatorConfig,
    private readonly logger: Logger,
  ) {
    this.rnd = seededRandom(config.seed);
  }

  async placeCall(req: PlaceCallRequest): Promise<{ providerCallId: string }> {
    const providerCallId = `sim-${uuid7()}`;
    // Detached from the dial's trace: like VAPI's, the simulator's webhooks start traces of their own at
    // the gateway (outgoing fetches made inside a span now carry its traceparent).
    void untraced(() => this.play(providerCallId, req)).catch((err: unknown) =>
      this.logger.error({ err, callId: req.callId }, 'simulated call failed to report'),
    );
    return { providerCallId };
  }

  stop(): void {
    this.stopped = true;
  }

  private drawOutcome(): SimOutcome {
    const entries = Object.entries(this.config.outcomes) as [SimOutcome, number][];
    let r = this.rnd() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      if (r < w) return k;
      r -= w;
    }
    return 'answered';
  }

  private async play(providerCallId: string, req: PlaceCallRequest): Promise<void> {
    const outcome = this.drawOutcome();
    const call = { id: providerCallId, metadata: { tenantId: req.tenantId, leadId: req.leadId, campaignId: req.campaignId, callId: req.callId, attempt: req.attempt } };
    const wait = (seconds: number) => (this.config.speed > 0 ? sleep(seconds * this.config.speed * 1000) : Promise.resolve());
    const send = (message: Record<string, unknown>) => this.deliver({ message: { ...message, call, timestamp: Date.now() } });

    await wait(1);
    if (outcome === 'failed') {
      await send({ type: 'status-update', status: 'ended', endedReason: 'twilio-failed-to-connect-call' });
      await send({ type: 'end-of-call-report', endedReason: 'twilio-failed-to-connect-call', durationSeconds: 0, cost: 0, artifact: {}, analysis: {} });
      return;
    }
    await send({ type: 'status-update', status: 'ringing' });
    if (outcome === 'busy' || outcome === 'no_answer') {
      await wait(outcome === 'busy' ? 2 : 30);
      const reason = outcome === 'busy' ? 'customer-busy' : 'customer-did-not-answer';
      await send({ type: 'status-update', status: 'ended', endedReason: reason });
      await send({ type: 'end-of-call-report', endedReason: reason, durationSeconds: 0, cost: 0.01, artifact: {}, analysis: {} });
      return;
    }
    await wait(6);
    await send({ type: 'status-update', status: 'in-progress' });
    if (outcome === 'voicemail') {
      await wait(20);
      await send({ type: 'end-of-call-report', endedReason: 'voicemail', durationSeconds: 20, cost: 0.04, artifact: { transcript: 'AI: Hello?\nUser: (voicemail greeting)' }, analysis: {} });
      return;
    }
    const values = templateValues(req);
    const conversation = buildConversation(
      {
        agentName: values['persona.name']!,
        firstName: values['lead.first_name']!,
        propertyName: values['property.name'] || 'our project',
        location: values['property.location'] || 'Mumbai',
        price: values['property.price'] || 'competitive prices',
        openingLine: req.persona ? fillScript(req.persona.firstMessage, values) : `Hello ${values['lead.first_name']}, this is ${values['company.name']}.`,
      },
      pickScenario(this.rnd),
      this.rnd,
    );
    const duration = 45 + Math.round(this.rnd() * 180);
    await wait(duration);
    await send({ type: 'status-update', status: 'ended', endedReason: 'customer-ended-call' });
    await send({
      type: 'end-of-call-report',
      endedReason: 'customer-ended-call',
      durationSeconds: duration,
      cost: Math.round((duration / 60) * 0.12 * 10_000) / 10_000,
      recordingUrl: `https://recordings.simulator.soraaya.local/${providerCallId}.wav`,
      artifact: { transcript: transcriptText(conversation), messages: timedMessages(conversation.lines, Date.now() - duration * 1000) },
      analysis: { summary: conversation.summary },
      summary: conversation.summary,
    });
  }

  /** Posts like VAPI does: signed, retried with backoff while the gateway cannot store it. */
  private async deliver(body: unknown): Promise<void> {
    const raw = JSON.stringify(body);
    const attempts = this.config.maxDeliveries ?? 8;
    for (let i = 1; i <= attempts && !this.stopped; i++) {
      const ts = String(Date.now());
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (this.config.auth === 'hmac') {
        headers['x-timestamp'] = ts;
        headers['x-signature'] = createHmac('sha256', this.config.secret).update(`${ts}.${raw}`).digest('hex');
      } else {
        headers.authorization = `Bearer ${this.config.secret}`;
      }
      try {
        const res = await fetch(this.config.webhookUrl, { method: 'POST', headers, body: raw, signal: AbortSignal.timeout(10_000) });
        if (res.ok) return;
        if (res.status < 500 && res.status !== 429) {
          this.logger.error({ status: res.status, body: (await res.text()).slice(0, 300) }, 'gateway refused a simulated webhook');
          return;
        }
      } catch {
        /* gateway unreachable: retry */
      }
      await sleep(Math.min(200 * 2 ** i, 5000));
    }
  }
}

/** VAPI-shaped artifact.messages with timings: ~2.5 words a second, a short pause between turns. */
function timedMessages(lines: { speaker: 'AI' | 'User'; text: string }[], callStartMs: number): Record<string, unknown>[] {
  let at = 0.5;
  return lines.map((l) => {
    const spoken = Math.max(0.8, Math.round((l.text.split(/\s+/).length / 2.5) * 10) / 10);
    const m = { role: l.speaker === 'AI' ? 'bot' : 'user', message: l.text, secondsFromStart: at, time: callStartMs + at * 1000, endTime: callStartMs + (at + spoken) * 1000, duration: spoken };
    at = Math.round((at + spoken + 0.6) * 10) / 10;
    return m;
  });
}

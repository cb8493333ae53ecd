import { leadImportRequestedV1 } from '@soraaya/contracts';
import { PoisonMessageError, type ConsumedMessage, type ConsumerSpec } from '@soraaya/service-kit';
import { failImport, runImport, type ImportRunnerDeps } from '../import/run-import';

/** Runs an accepted import. Long files keep the message alive with `working()` after each batch. */
export function leadImportRequestedConsumer(deps: ImportRunnerDeps, opts: { concurrency: number; maxDeliveries?: number }): ConsumerSpec {
  return {
    stream: 'LEADS',
    durable: 'lead-import-worker',
    filterSubject: leadImportRequestedV1.subject,
    concurrency: opts.concurrency,
    maxDeliveries: opts.maxDeliveries ?? 5,
    ackWaitMs: 60_000,
    handler: async (msg: ConsumedMessage) => {
      const event = parseEvent(msg);
      const origin = { tenantId: event.tenantId, correlationId: event.correlationId, causationId: event.id };
      try {
        await runImport(deps, event.tenantId, event.data.importId, origin, () => msg.working());
      } catch (err) {
        if (msg.lastAttempt) await failImport(deps, event.tenantId, event.data.importId, origin, `Import stopped after repeated failures: ${(err as Error).message}`).catch(() => undefined);
        throw err;
      }
    },
  };
}

function parseEvent(msg: ConsumedMessage) {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(msg.data));
  } catch {
    throw new PoisonMessageError('not JSON');
  }
  const parsed = leadImportRequestedV1.envelope.safeParse(json);
  if (!parsed.success) throw new PoisonMessageError(`not a ${leadImportRequestedV1.type} v1 event: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

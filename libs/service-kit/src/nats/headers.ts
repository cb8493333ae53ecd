import { CORRELATION_HEADER } from '@soraaya/contracts';
import { headers as natsHeaders, type MsgHdrs } from 'nats';

export function buildHeaders(values: Record<string, string | undefined>): MsgHdrs {
  const h = natsHeaders();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) h.set(k, v);
  return h;
}

export function correlationIdOf(h: MsgHdrs | undefined): string | undefined {
  return h?.get(CORRELATION_HEADER) || undefined;
}

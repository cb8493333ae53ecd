import { createHash } from 'node:crypto';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/**
 * The JetStream message id for a VAPI message, from VAPI's own identity of the
 * event: the call, the message type and what distinguishes one such message
 * from the next (status, timestamp). A retry of the same delivery maps to the
 * same id and is dropped by JetStream; two different messages never collide.
 */
export function vapiMessageId(message: Record<string, unknown>, rawBody: Buffer): string {
  const call = message.call as { id?: unknown } | undefined;
  const callId = typeof call?.id === 'string' ? call.id : null;
  const type = String(message.type ?? 'unknown');
  if (!callId) return `vapi:${type}:${sha(rawBody)}`;
  switch (type) {
    case 'status-update':
      return `vapi:${callId}:status-update:${String(message.status ?? '')}`;
    case 'end-of-call-report':
      return `vapi:${callId}:end-of-call-report`;
    default:
      return `vapi:${callId}:${type}:${message.timestamp !== undefined ? String(message.timestamp) : sha(rawBody)}`;
  }
}

/** Twilio callbacks: the call (or recording) and the state it reports, plus Twilio's sequence number when sent. */
export function twilioMessageId(kind: 'voice-status' | 'recording-status', params: Record<string, string>): string {
  if (kind === 'recording-status') return `twilio:rec:${params.RecordingSid ?? sha(JSON.stringify(params))}:${params.RecordingStatus ?? ''}`;
  return `twilio:${params.CallSid ?? sha(JSON.stringify(params))}:${params.CallStatus ?? ''}:${params.SequenceNumber ?? ''}`;
}

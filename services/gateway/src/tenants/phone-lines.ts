import type { DataSource } from 'typeorm';

export interface PhoneLine {
  id: string;
  tenantId: string;
  number: string;
  vapiPhoneNumberId: string | null;
  label: string;
  campaignId: string | null;
  createdAt: string;
}

interface PhoneLineRow {
  id: string;
  tenant_id: string;
  number_e164: string;
  vapi_phone_number_id: string | null;
  label: string;
  campaign_id: string | null;
  created_at: Date;
}

export function toPhoneLine(r: PhoneLineRow): PhoneLine {
  return { id: r.id, tenantId: r.tenant_id, number: r.number_e164, vapiPhoneNumberId: r.vapi_phone_number_id, label: r.label, campaignId: r.campaign_id, createdAt: r.created_at.toISOString() };
}

/** The dialled number as VAPI describes it on an inbound call: its phone-number id and/or the E.164 number. */
export interface DialledNumber {
  vapiPhoneNumberId: string | null;
  number: string | null;
}

/** Reads which of our numbers an inbound call reached: `message.phoneNumber`, else the call's own fields. */
export function dialledNumber(message: Record<string, unknown>): DialledNumber {
  const phoneNumber = (message.phoneNumber ?? {}) as { id?: unknown; number?: unknown };
  const call = (message.call ?? {}) as { phoneNumberId?: unknown; phoneNumber?: { number?: unknown } };
  const id = phoneNumber.id ?? call.phoneNumberId;
  const number = phoneNumber.number ?? call.phoneNumber?.number;
  return { vapiPhoneNumberId: typeof id === 'string' && id ? id : null, number: typeof number === 'string' && number ? number : null };
}

/**
 * Whose line an inbound call reached. Looked up for every `assistant-request`,
 * which must be answered within VAPI's 7.5 s, so hits are cached briefly.
 */
export class PhoneLineDirectory {
  private readonly cache = new Map<string, { line: PhoneLine | null; until: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly ttlMs = 30_000,
  ) {}

  async find(dialled: DialledNumber): Promise<PhoneLine | null> {
    if (!dialled.vapiPhoneNumberId && !dialled.number) return null;
    const key = `${dialled.vapiPhoneNumberId ?? ''}|${dialled.number ?? ''}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.line;
    // The provider's id is the firmer identity; the number is the fallback for lines registered without one.
    const rows: PhoneLineRow[] = await this.ds.query(
      `select * from gateway.phone_lines where vapi_phone_number_id = $1 or number_e164 = $2
        order by (vapi_phone_number_id = $1) desc nulls last limit 1`,
      [dialled.vapiPhoneNumberId, dialled.number],
    );
    const line = rows[0] ? toPhoneLine(rows[0]) : null;
    this.cache.set(key, { line, until: Date.now() + this.ttlMs });
    return line;
  }

  /** After an admin changes the lines: answers must follow at once, not after the cache expires. */
  forget(): void {
    this.cache.clear();
  }
}

import { randomFillSync } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time: one getrandom per 256 ids instead of one each
// (a per-request id at thousands of requests a second made randomFillSync show in profiles).
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

function random16(): Buffer {
  if (offset + 16 > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  return out;
}

/**
 * RFC 9562 UUID version 7: 48 bits of Unix milliseconds then random bits, so ids
 * sort by creation time (friendly to B-tree indexes and to reading logs).
 */
export function uuid7(now: number = Date.now()): string {
  const bytes = random16();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

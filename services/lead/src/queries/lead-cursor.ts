import type { LeadSort } from '@soraaya/contracts';
import { BadRequestError } from '@soraaya/service-kit';

export interface CursorPosition {
  value: string | number;
  id: string;
}

/** Opaque keyset cursor: the sort it belongs to and the last row's sort value and id. */
export function encodeCursor(sort: LeadSort, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ f: sort.field, d: sort.direction, v: position.value, id: position.id })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: LeadSort): CursorPosition {
  let parsed: { f?: unknown; d?: unknown; v?: unknown; id?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequestError('cursor: not a cursor this service issued', { issues: [{ path: 'cursor', message: 'is malformed' }] });
  }
  const validValue = typeof parsed.v === 'string' || typeof parsed.v === 'number';
  if (parsed.f !== sort.field || parsed.d !== sort.direction || !validValue || typeof parsed.id !== 'string' || !/^[0-9a-f-]{36}$/.test(parsed.id)) {
    throw new BadRequestError('cursor: belongs to a different sort or is damaged; start again from the first page', {
      issues: [{ path: 'cursor', message: 'does not match this sort' }],
    });
  }
  return { value: parsed.v as string | number, id: parsed.id };
}

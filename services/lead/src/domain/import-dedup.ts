import type { LeadStatus } from '@soraaya/contracts';
import type { LeadFields } from './lead-fields';
import { fillEmptyFields } from './lead-merge';

export interface ValidRow {
  row: number;
  fields: LeadFields;
  status: LeadStatus;
}

/** Rows of one batch that are the same person: the first row's fields, filled from the later ones. */
export interface RowGroup {
  first: ValidRow;
  fields: LeadFields;
  /** Later rows folded into the first. */
  duplicates: number[];
}

/**
 * Folds rows that share an E.164 phone or an email into one group, the first
 * row winning and later rows only filling its empty fields. Keys seen in an
 * earlier batch are handled by the database lookup instead.
 */
export function groupDuplicateRows(rows: ValidRow[]): RowGroup[] {
  const groups: RowGroup[] = [];
  const byPhone = new Map<string, RowGroup>();
  const byEmail = new Map<string, RowGroup>();
  for (const row of rows) {
    const email = row.fields.email;
    const group = byPhone.get(row.fields.phoneE164) ?? (email ? byEmail.get(email) : undefined);
    if (group) {
      group.duplicates.push(row.row);
      Object.assign(group.fields, fillEmptyFields(group.fields, row.fields));
    } else {
      const created: RowGroup = { first: row, fields: { ...row.fields }, duplicates: [] };
      groups.push(created);
      byPhone.set(row.fields.phoneE164, created);
      if (email) byEmail.set(email, created);
      continue;
    }
    if (!byPhone.has(row.fields.phoneE164)) byPhone.set(row.fields.phoneE164, group);
    if (email && !byEmail.has(email)) byEmail.set(email, group);
  }
  return groups;
}

import { IMPORT_FIELDS, type ImportField } from '@soraaya/contracts';

/** Header spellings seen in real exports, compared after lowercasing and dropping non-letters. */
const SYNONYMS: Record<ImportField, string[]> = {
  contactPerson: ['contactperson', 'name', 'fullname', 'contactname', 'leadname', 'customername', 'clientname', 'contact'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilenumber', 'mobileno', 'phoneno', 'contactnumber', 'cell', 'telephone', 'whatsapp'],
  email: ['email', 'emailaddress', 'emailid', 'mail'],
  propertyName: ['propertyname', 'property', 'project', 'projectname', 'listing'],
  propertyType: ['propertytype', 'type', 'unittype', 'configuration'],
  location: ['location', 'area', 'locality', 'address', 'city'],
  priceRange: ['pricerange', 'price', 'budget', 'budgetrange', 'expectedprice', 'cost'],
  status: ['status', 'leadstatus', 'stage'],
  priority: ['priority', 'leadpriority'],
  leadSource: ['leadsource', 'source', 'channel'],
  timeZone: ['timezone', 'tz', 'zone'],
  notes: ['notes', 'note', 'remarks', 'comments', 'comment'],
  budgetMinInr: ['budgetmin', 'budgetminimum', 'minbudget', 'budgetrangemin'],
  budgetMaxInr: ['budgetmax', 'budgetmaximum', 'maxbudget', 'budgetrangemax'],
  purchaseTimeline: ['purchasetimeline', 'timeline', 'buyingtimeline'],
  financingStatus: ['financingstatus', 'financing', 'finance', 'loanstatus'],
  decisionMakerRole: ['decisionmakerrole', 'decisionmaker', 'role'],
};

const key = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

export interface HeaderMapping {
  /** lead field → CSV header */
  fields: Partial<Record<ImportField, string>>;
  /** headers that feed no field (reported, not an error) */
  ignored: string[];
  /** problems that stop the import before any row is read */
  errors: string[];
}

/**
 * Maps CSV headers to lead fields: the explicit mapping wins for the fields it
 * names, the rest are recognised from common spellings. A required field
 * without a column, or an explicit mapping naming a missing header, is an error.
 */
export function mapHeaders(headers: string[], explicit: Partial<Record<ImportField, string>> = {}): HeaderMapping {
  const fields: Partial<Record<ImportField, string>> = {};
  const errors: string[] = [];
  const used = new Set<string>();
  const trimmed = headers.map((h) => h.trim());

  for (const [field, header] of Object.entries(explicit) as [ImportField, string][]) {
    const found = trimmed.find((h) => h === header.trim()) ?? trimmed.find((h) => h.toLowerCase() === header.trim().toLowerCase());
    if (!found) {
      errors.push(`mapping for ${field} names column "${header}", which the file does not have (columns: ${trimmed.join(', ')})`);
      continue;
    }
    fields[field] = found;
    used.add(found);
  }
  // Exact synonym matches first, so "budget" goes to priceRange only when no "price_range" exists, etc.
  for (const field of IMPORT_FIELDS) {
    if (fields[field]) continue;
    for (const synonym of SYNONYMS[field]) {
      const found = trimmed.find((h) => !used.has(h) && key(h) === synonym);
      if (found) {
        fields[field] = found;
        used.add(found);
        break;
      }
    }
  }
  for (const required of ['contactPerson', 'phone'] as const) {
    if (!fields[required]) errors.push(`no column for ${required} (looked for: ${SYNONYMS[required].slice(0, 4).join(', ')}…); pass an explicit mapping`);
  }
  const duplicates = trimmed.filter((h, i) => h && trimmed.indexOf(h) !== i);
  if (duplicates.length) errors.push(`duplicate column names: ${[...new Set(duplicates)].join(', ')}`);
  return { fields, ignored: trimmed.filter((h) => !used.has(h)), errors };
}

import { mapHeaders } from '../../src/domain/csv-header-mapping';
import { validateImportRow } from '../../src/domain/import-row';

const headers = ['contact_person', 'phone_number', 'email', 'property_name', 'property_type', 'location', 'price_range', 'status', 'priority', 'lead_source', 'timezone', 'notes'];
const { fields: mapping } = mapHeaders(headers);
const row = (patch: Record<string, string>) => ({
  contact_person: 'Aarav Mehta',
  phone_number: '+91 98200 12345',
  email: 'Aarav.Mehta@Example.in',
  property_name: 'Lodha Altamount',
  property_type: 'Penthouse',
  location: 'Altamount Road, Mumbai',
  price_range: '₹45 Cr',
  status: 'to_call',
  priority: 'High',
  lead_source: 'csv_import',
  timezone: 'Asia/Kolkata',
  notes: '',
  ...patch,
});

describe('validateImportRow', () => {
  it('normalises a good row', () => {
    const r = validateImportRow(row({}), 1, mapping, 'IN');
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('to_call');
    expect(r.fields).toMatchObject({
      contactPerson: 'Aarav Mehta',
      phoneE164: '+919820012345',
      phoneRaw: '+91 98200 12345',
      email: 'aarav.mehta@example.in',
      propertyType: 'penthouse',
      priority: 'high',
      priceMinInr: 450_000_000,
      priceMaxInr: 450_000_000,
      timeZone: 'Asia/Kolkata',
      notes: null,
    });
  });

  it.each([
    [{ phone_number: '12345' }, 'phone_number', /not a possible phone number/],
    [{ contact_person: '' }, 'contact_person', /required/i],
    [{ email: 'divya.nair@example' }, 'email', /valid email/],
    [{ priority: 'bogus_priority' }, 'priority', /Invalid option.*got "bogus_priority"/],
    [{ status: 'not_a_status' }, 'status', /Invalid option.*got "not_a_status"/],
    [{ timezone: 'Mars/Olympus' }, 'timezone', /not an IANA time zone/],
    [{ price_range: 'call me' }, 'price_range', /not a price/],
    [{ property_type: 'spaceship' }, 'property_type', /Invalid option/],
  ])('rejects %j naming column %s', (patch, column, message) => {
    const r = validateImportRow(row(patch), 7, mapping, 'IN');
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([{ row: 7, column, severity: 'error', message: expect.stringMatching(message) }]);
  });

  it('reports every problem of a row, not just the first', () => {
    const r = validateImportRow(row({ email: 'x@y', phone_number: '123' }), 3, mapping, 'IN');
    expect(r.issues.map((i) => i.column).sort()).toEqual(['email', 'phone_number']);
  });

  it('derives a missing zone from the phone and warns', () => {
    const r = validateImportRow(row({ timezone: '', phone_number: '+1 (415) 555-0132' }), 4, mapping, 'IN');
    expect(r.ok).toBe(true);
    expect(r.fields!.timeZone).toBe('America/New_York');
    expect(r.issues).toEqual([{ row: 4, column: 'timezone', severity: 'warning', message: expect.stringMatching(/set to America\/New_York from the phone's country \(US\), which spans several zones/) }]);
  });

  it('maps property type synonyms and defaults priority and source', () => {
    const r = validateImportRow(row({ property_type: 'Flat', priority: '', lead_source: '' }), 2, mapping, 'IN');
    expect(r.fields).toMatchObject({ propertyType: 'apartment', priority: 'medium', leadSource: 'csv_import' });
  });
});

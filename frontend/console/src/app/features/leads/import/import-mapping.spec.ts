import { mapHeaders } from '../../../../../../../services/lead/src/domain/csv-header-mapping';
import { IMPORT_FIELD_OPTIONS, explicitMapping, initialChoices, reviewMapping, serverMapping, type FieldMapping } from './import-mapping';

const SAMPLE_HEADERS = ['contact_person', 'phone_number', 'email', 'property_name', 'property_type', 'location', 'price_range', 'status', 'priority', 'lead_source', 'timezone', 'notes'];

describe('import column mapping: what the server will apply, shown before uploading', () => {
  // The console's copy of the rule against the lead service's own: same headers in, same mapping out.
  const cases: [string[], FieldMapping][] = [
    [SAMPLE_HEADERS, {}],
    [['Full Name', 'Mobile No.', 'E-mail', 'Budget', 'City', 'Remarks'], {}],
    [['Name', 'Phone', 'Price', 'Budget', 'Budget Min', 'Budget Max', 'Type', 'Role', 'Source'], {}],
    [['Customer', 'WhatsApp', 'Project'], {}],
    [['Customer', 'WhatsApp', 'Project'], { contactPerson: 'customer' }],
    [['name', 'phone', 'alt phone'], { phone: 'alt phone' }],
    [['name', 'phone', 'phone'], {}],
    [['name', 'phone'], { email: 'mail' }],
    [['  Name ', 'Contact', 'Contact Number'], {}],
    [[], {}],
  ];
  it.each(cases)('%j with %j maps as the lead service does', (headers, explicit) => {
    expect(serverMapping(headers, explicit)).toEqual(mapHeaders(headers, explicit));
  });

  it('lists every field a column can feed', () => {
    expect(new Set(IMPORT_FIELD_OPTIONS).size).toBe(17);
  });

  it('starts from the server\'s own guess, which for the sample needs no explicit mapping', () => {
    const choices = initialChoices(SAMPLE_HEADERS);
    expect(choices).toEqual(['contactPerson', 'phone', 'email', 'propertyName', 'propertyType', 'location', 'priceRange', 'status', 'priority', 'leadSource', 'timeZone', 'notes']);
    const review = reviewMapping(SAMPLE_HEADERS, choices);
    expect(review.errors).toEqual([]);
    expect(review.mapping).toBeNull();
    expect(review.columns.every((c) => c.recognised && c.effective === c.choice && !c.note)).toBe(true);
  });

  it('sends an explicit mapping when the person points a column elsewhere, and shows its effect', () => {
    const headers = ['Customer', 'Mobile', 'Comments', 'Budget'];
    const choices = initialChoices(headers);
    expect(choices).toEqual(['', 'phone', 'notes', 'priceRange']);
    // Unrecognised "Customer" is the name; "Budget" should be the budget minimum here.
    const review = reviewMapping(headers, ['contactPerson', 'phone', 'notes', 'budgetMinInr']);
    expect(review.errors).toEqual([]);
    expect(review.mapping).toEqual({ contactPerson: 'Customer', phone: 'Mobile', notes: 'Comments', budgetMinInr: 'Budget' });
    expect(review.columns.map((c) => c.effective)).toEqual(['contactPerson', 'phone', 'notes', 'budgetMinInr']);
    expect(review.columns.map((c) => c.recognised)).toEqual([false, true, true, false]);
  });

  it('says that a recognised column left out will still be read, since the API cannot skip it', () => {
    const review = reviewMapping(['Name', 'Phone', 'Notes'], ['contactPerson', 'phone', '']);
    expect(review.columns[2]).toMatchObject({ choice: '', effective: 'notes', note: expect.stringMatching(/will still read it as Notes; rename the column/) });
    expect(review.errors).toEqual([]);
  });

  it('refuses two columns for one field and a missing name or phone', () => {
    const review = reviewMapping(['A', 'B', 'C'], ['phone', 'phone', '']);
    expect(review.errors).toEqual(['2 columns feed Phone: choose one', 'Choose the column that holds the contact person: every lead needs one']);
  });

  it('reports a file that repeats a column name', () => {
    expect(reviewMapping(['name', 'phone', 'phone'], initialChoices(['name', 'phone', 'phone'])).errors).toEqual([expect.stringMatching(/repeats a column name \(phone\)/)]);
  });

  it('builds the explicit mapping from the chosen columns, skipping unnamed ones', () => {
    expect(explicitMapping(['Name', '', ' Mobile '], ['contactPerson', 'email', 'phone'])).toEqual({ contactPerson: 'Name', phone: 'Mobile' });
  });
});

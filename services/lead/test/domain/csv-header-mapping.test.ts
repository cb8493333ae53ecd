import { mapHeaders } from '../../src/domain/csv-header-mapping';

describe('mapHeaders', () => {
  it('maps the sample file headers', () => {
    const m = mapHeaders(['contact_person', 'phone_number', 'email', 'property_name', 'property_type', 'location', 'price_range', 'status', 'priority', 'lead_source', 'timezone', 'notes']);
    expect(m.errors).toEqual([]);
    expect(m.ignored).toEqual([]);
    expect(m.fields).toMatchObject({ contactPerson: 'contact_person', phone: 'phone_number', priceRange: 'price_range', timeZone: 'timezone', leadSource: 'lead_source' });
  });

  it.each([
    [['Full Name', 'Mobile', 'E-mail', 'Budget'], { contactPerson: 'Full Name', phone: 'Mobile', email: 'E-mail', priceRange: 'Budget' }],
    [['Name', 'Phone No.', 'Remarks'], { contactPerson: 'Name', phone: 'Phone No.', notes: 'Remarks' }],
    [['NAME', 'PHONE', 'Price'], { contactPerson: 'NAME', phone: 'PHONE', priceRange: 'Price' }],
  ])('recognises %j', (headers, expected) => {
    const m = mapHeaders(headers);
    expect(m.errors).toEqual([]);
    expect(m.fields).toEqual(expected);
  });

  it('lets an explicit mapping win and reports unmapped columns', () => {
    const m = mapHeaders(['Client', 'Cell', 'Name', 'Whatever'], { contactPerson: 'Client' });
    expect(m.fields).toEqual({ contactPerson: 'Client', phone: 'Cell' });
    expect(m.ignored).toEqual(['Name', 'Whatever']);
  });

  it('refuses files without a name or phone column, and mappings to missing columns', () => {
    expect(mapHeaders(['email']).errors).toEqual([expect.stringMatching(/no column for contactPerson/), expect.stringMatching(/no column for phone/)]);
    expect(mapHeaders(['name', 'phone'], { email: 'Mail Address' }).errors).toEqual([expect.stringMatching(/names column "Mail Address", which the file does not have/)]);
  });

  it('refuses duplicate column names', () => {
    expect(mapHeaders(['name', 'phone', 'phone']).errors).toEqual([expect.stringMatching(/duplicate column names: phone/)]);
  });
});

import { PROPERTY_TYPES as CONTRACT_PROPERTY_TYPES, createLeadV1, leadWritableSchema } from '@soraaya/contracts';
import { EMPTY_LEAD_FORM, PROPERTY_TYPES, createLeadBody, createLeadRefusal, leadFieldError, leadFormErrors, sentence, type LeadFormField } from './lead-form';

const EXISTING = '0193a000-0000-7000-8000-00000000abcd';

describe('add-lead form: the contract\'s rules while typing, the server\'s refusals on the fields', () => {
  it.each([
    ['contactPerson', '  ', /Enter the contact person/],
    ['contactPerson', 'x'.repeat(201), /At most 200 characters \(now 201\)/],
    ['phone', '', /Enter a phone number/],
    ['phone', '12', /Too short/],
    ['phone', 'abc-def', /needs digits/],
    ['email', 'divya.nair@example', /Enter an email address/],
    ['leadSource', 'Walk in!', /A short word/],
    ['timeZone', 'Mars/Olympus', /Not a time zone/],
    ['priceRange', 'x'.repeat(101), /At most 100/],
  ] as [LeadFormField, string, RegExp][])('%s %#: refused', (field, value, message) => {
    expect(leadFieldError(field, value)).toMatch(message);
  });

  it.each([
    ['contactPerson', 'Tanvi Kulkarni 🏡'],
    ['phone', '+91 (982) 001-2350'],
    ['email', ''],
    ['email', 'NEHA.JOSHI@EXAMPLE.IN'],
    ['leadSource', 'NRI_portal'],
    ['timeZone', 'Asia/Kolkata'],
    ['timeZone', ''],
  ] as [LeadFormField, string][])('%s %j is accepted', (field, value) => {
    expect(leadFieldError(field, value)).toBeNull();
  });

  it('agrees with the contract on emails', () => {
    for (const email of ['a@b.in', 'first.last+tag@example.co.uk', 'a..b@x.in', '.a@x.in', 'a@x', 'a b@x.in']) {
      const contract = leadWritableSchema.safeParse({ contactPerson: 'A', phone: '9820012345', email }).success;
      expect([email, leadFieldError('email', email) === null]).toEqual([email, contract]);
    }
  });

  it('offers the contract\'s property types', () => {
    expect(PROPERTY_TYPES).toEqual(CONTRACT_PROPERTY_TYPES);
  });

  it('checks a whole form', () => {
    expect(leadFormErrors(EMPTY_LEAD_FORM)).toEqual({ contactPerson: expect.any(String), phone: expect.any(String) });
  });

  it('sends a trimmed body without empty optional fields, which the contract accepts', () => {
    const body = createLeadBody({ ...EMPTY_LEAD_FORM, contactPerson: ' Meera Desai ', phone: '+91 (982) 001-2350', priceRange: '₹18 Cr', leadSource: 'Referral', propertyType: 'apartment' });
    expect(body).toEqual({ contactPerson: 'Meera Desai', phone: '+91 (982) 001-2350', priceRange: '₹18 Cr', leadSource: 'referral', propertyType: 'apartment', status: 'to_call', priority: 'medium' });
    expect(createLeadV1.request.safeParse(body).success).toBe(true);
  });

  it('puts the gateway\'s and the lead service\'s 400 issues on their fields', () => {
    const err = {
      status: 400,
      error: { error: { code: 'bad_request', message: 'Invalid request', details: { issues: [{ path: 'body.email', message: 'must be a valid email address' }, { path: 'phone', message: '"12345" is too short for a phone number in IN' }, { path: '(root)', message: 'odd' }] } } },
    };
    expect(createLeadRefusal(err)).toEqual({ fields: { email: 'must be a valid email address', phone: '"12345" is too short for a phone number in IN' }, other: ['odd'], existingLeadId: null });
  });

  it('turns a duplicate phone (409) into a message on the phone field and the lead to open', () => {
    const err = { status: 409, error: { error: { code: 'conflict', message: 'A lead with phone +919820012346 already exists', details: { field: 'phone', existingLeadId: EXISTING } } } };
    expect(createLeadRefusal(err)).toEqual({ fields: { phone: 'A lead with phone +919820012346 already exists' }, other: [], existingLeadId: EXISTING });
  });

  it('keeps other failures as a general message', () => {
    expect(createLeadRefusal({ status: 503, error: { error: { message: 'The lead service is not running' } } })).toEqual({ fields: {}, other: ['The lead service is not running'], existingLeadId: null });
    expect(createLeadRefusal({ status: 0, error: null }).other[0]).toMatch(/Cannot reach the server/);
  });

  it('reads server fragments as sentences after the label', () => {
    expect(sentence('Email', 'must be a valid email address')).toBe('Email must be a valid email address');
    expect(sentence('Phone', 'A lead with phone +91… already exists')).toBe('A lead with phone +91… already exists');
  });
});

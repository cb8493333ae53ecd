import { fillEmptyFields } from '../../src/domain/lead-merge';

describe('fillEmptyFields', () => {
  it('fills only what is empty and never touches identity or ownership', () => {
    const changes = fillEmptyFields(
      { email: 'a@x.in', propertyName: null, location: '', notes: null, priceRange: null, priceMinInr: null, priceMaxInr: null },
      { email: 'b@x.in', propertyName: 'Lodha', location: 'Worli', notes: 'n', phoneE164: '+919', campaignId: 'c', priceRange: '₹1 Cr', priceMinInr: 1e7, priceMaxInr: 1e7 },
    );
    expect(changes).toEqual({ propertyName: 'Lodha', location: 'Worli', notes: 'n', priceRange: '₹1 Cr', priceMinInr: 1e7, priceMaxInr: 1e7 });
  });

  it('changes nothing when the incoming row has nothing new (re-import)', () => {
    const lead = { email: 'a@x.in', propertyName: 'P', priceRange: '₹2 Cr', priceMinInr: 2e7, priceMaxInr: 2e7 };
    expect(fillEmptyFields(lead, lead)).toEqual({});
  });

  it('keeps a price range and its bounds together', () => {
    expect(fillEmptyFields({ priceRange: '₹2 Cr', priceMinInr: null }, { priceRange: '₹3 Cr', priceMinInr: 3e7, priceMaxInr: 3e7 })).toEqual({});
  });
});

import { EMPTY_PROPERTY, filterParams, formToWritable, inrFull, parseInr, priceHint, priceRangeProblem, priceText, propertyToForm, rowsToSpecs, specLabel, specValue, type Property } from './properties-view';

describe('properties: prices as people type them', () => {
  it.each([
    ['12.5 Cr', 125_000_000],
    ['12.5cr', 125_000_000],
    ['₹ 3 crore', 30_000_000],
    ['85 L', 8_500_000],
    ['85 lakh', 8_500_000],
    ['2.25 lakhs', 225_000],
    ['1,20,00,000', 12_000_000],
    ['Rs. 4500000', 4_500_000],
    ['500k', 500_000],
    ['  95000000 ', 95_000_000],
    ['', null],
    ['about 5 Cr', null],
    ['5 Cr 20 L', null],
    ['1.234567 L', null],
  ])('parseInr(%p) = %p', (text, rupees) => {
    expect(parseInr(text)).toBe(rupees);
  });

  it.each([
    [125_000_000, '12.5 Cr'],
    [8_500_000, '85 L'],
    [12_345_678, '1,23,45,678'],
    [45_000, '45,000'],
  ])('priceText(%p) = %s, and reads back the same', (rupees, text) => {
    expect(priceText(rupees)).toBe(text);
    expect(parseInr(text)).toBe(rupees);
  });

  it('grouped the Indian way', () => {
    expect(inrFull(125_000_000)).toBe('₹12,50,00,000');
  });

  it.each([
    ['12.5 Cr', true, '₹12,50,00,000 (12.5 Cr)'],
    ['85 L', true, '₹85,00,000 (85 L)'],
    ['45000', true, '₹45,000'],
    ['abc', false, 'Not an amount: try 12.5 Cr, 85 L or 4,50,00,000'],
    ['0', false, 'Not an amount: try 12.5 Cr, 85 L or 4,50,00,000'],
    ['99999999 Cr', false, 'Too large'],
  ])('priceHint(%p)', (text, ok, hint) => {
    expect(priceHint(text)).toEqual({ ok, text: hint });
  });

  it('a minimum above the maximum is a problem; one price alone is not', () => {
    expect(priceRangeProblem('15 Cr', '12 Cr')).toBe('The minimum is above the maximum');
    expect(priceRangeProblem('12 Cr', '12 Cr')).toBeNull();
    expect(priceRangeProblem('12 Cr', '')).toBeNull();
  });
});

describe('properties: specifications', () => {
  it.each([
    ['4', 4],
    ['3800.5', 3800.5],
    ['true', true],
    ['False', false],
    ['2027 Q4', '2027 Q4'],
    ['0091', 91],
    ['12345678901234567', '12345678901234567'],
  ])('specValue(%p) = %p', (text, value) => {
    expect(specValue(text)).toBe(value);
  });

  it('rows into an object, empty rows dropped, each problem on its row', () => {
    const { specs, problems } = rowsToSpecs([
      { key: 'bedrooms', value: '4' },
      { key: '', value: '' },
      { key: '', value: 'sea' },
      { key: 'Bedrooms', value: '5' },
      { key: 'facing', value: 'west' },
    ]);
    expect(specs).toEqual({ bedrooms: 4, facing: 'west' });
    expect(problems).toEqual({ 2: 'Give the value a name', 3: '“Bedrooms” is listed twice' });
  });

  it.each([
    ['carpetAreaSqft', 'Carpet area sqft'],
    ['possession_year', 'Possession year'],
    ['bedrooms', 'Bedrooms'],
  ])('specLabel(%s) = %s', (key, label) => {
    expect(specLabel(key)).toBe(label);
  });
});

describe('properties: form and body', () => {
  const property: Property = {
    id: 'p',
    tenantId: 't',
    name: 'Oberoi Three Sixty West',
    type: 'apartment',
    location: 'Worli, Mumbai',
    priceMinInr: 120_000_000,
    priceMaxInr: 350_000_000,
    amenities: ['sea view'],
    specifications: { bedrooms: 4, possession: '2027', furnished: false },
    availability: 'available',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    version: 2,
  };

  it('a stored property round-trips through the form unchanged', () => {
    const { id: _i, tenantId: _t, createdAt: _c, updatedAt: _u, version: _v, ...writable } = property;
    expect(propertyToForm(property)).toMatchObject({ priceMin: '12 Cr', priceMax: '35 Cr' });
    expect(formToWritable(propertyToForm(property))).toEqual(writable);
  });

  it('one price: the maximum left empty is the minimum', () => {
    expect(formToWritable({ ...EMPTY_PROPERTY, name: ' Villa ', location: 'Alibaug', priceMin: '9.5 Cr', priceMax: '' })).toMatchObject({ name: 'Villa', priceMinInr: 95_000_000, priceMaxInr: 95_000_000 });
  });

  it('no body while a price is no amount', () => {
    expect(formToWritable({ ...EMPTY_PROPERTY, priceMin: 'lots' })).toBeNull();
  });

  it('filters as query parameters, a one-letter location left out', () => {
    expect(filterParams({ types: ['villa', 'plot'], availability: [], location: ' W ', priceMinInr: 50_000_000, priceMaxInr: null })).toEqual({ type: 'villa,plot', priceMinInr: 50_000_000 });
    expect(filterParams({ types: [], availability: ['available'], location: 'Worli', priceMinInr: null, priceMaxInr: 1 })).toEqual({ availability: 'available', location: 'Worli', priceMaxInr: 1 });
  });
});

import { changedFields } from '../../core/ui/form-values';
import { EMPTY_PERSONA, campaignsUsing, filterPersonas, formToWritable, insertVariable, personaToForm, regionLabel, templateProblems, type Persona } from './personas-view';

const persona = (over: Partial<Persona>): Persona => ({
  id: 'p1',
  tenantId: 't',
  name: 'Aarav (Mumbai)',
  region: 'mumbai',
  accent: 'indian',
  communicationStyle: 'consultative',
  voiceProvider: 'vapi',
  voiceId: 'aarav',
  personalityTraits: ['warm'],
  marketKnowledge: null,
  firstMessage: 'Hello {{lead.first_name}}',
  scriptTemplate: 'Talk about {{property.name}}',
  escalationTriggers: [],
  active: true,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  version: 3,
  ...over,
});

describe('persona editor: templates', () => {
  it.each([
    ['known variables', 'Hello {{lead.first_name}}, from {{ company.name }}', []],
    ['an unknown one, named once', 'Hi {{lead.age}} {{lead.age}}', ['unknown variable {{lead.age}}']],
    ['an unpaired brace', 'Hi {{lead.first_name}', ['has unpaired {{ or }}']],
    ['both', 'Hi {{foo}} }}', ['unknown variable {{foo}}', 'has unpaired {{ or }}']],
    ['plain text', 'Hello there', []],
  ])('%s', (_what, template, problems) => {
    expect(templateProblems(template)).toEqual(problems);
  });

  it.each([
    ['at the caret', 'Hello !', 6, 6, { text: 'Hello {{lead.first_name}}!', caret: 25 }],
    ['over a selection', 'Hello NAME!', 6, 10, { text: 'Hello {{lead.first_name}}!', caret: 25 }],
    ['at the end without a caret', 'Hello ', null, null, { text: 'Hello {{lead.first_name}}', caret: 25 }],
    ['a caret past the end', 'Hi', 9, 9, { text: 'Hi{{lead.first_name}}', caret: 21 }],
  ])('insertVariable %s', (_what, text, start, end, expected) => {
    expect(insertVariable(text, start, end, 'lead.first_name')).toEqual(expected);
  });
});

describe('persona editor: form and body', () => {
  it('a stored persona round-trips through the form unchanged', () => {
    const p = persona({ marketKnowledge: 'Sea-facing towers' });
    const { id: _i, tenantId: _t, createdAt: _c, updatedAt: _u, version: _v, ...writable } = p;
    expect(formToWritable(personaToForm(p))).toEqual(writable);
  });

  it('trims, lower-cases the region and sends empty market knowledge as null', () => {
    const body = formToWritable({ ...EMPTY_PERSONA, name: '  Meera ', region: ' Navi Mumbai ', voiceId: ' v1 ', marketKnowledge: '   ', personalityTraits: [' warm ', ''] });
    expect(body).toMatchObject({ name: 'Meera', region: 'navi mumbai', voiceId: 'v1', marketKnowledge: null, personalityTraits: ['warm'] });
  });

  it('an update sends only what changed', () => {
    const before = formToWritable(personaToForm(persona({})));
    const after = { ...before, firstMessage: 'Namaste {{lead.first_name}}', personalityTraits: ['warm', 'patient'] };
    expect(changedFields(before, after)).toEqual({ firstMessage: 'Namaste {{lead.first_name}}', personalityTraits: ['warm', 'patient'] });
    expect(changedFields(before, { ...before })).toEqual({});
  });

  it('lists active personas first, filters by state and search', () => {
    const items = [persona({ id: 'a', name: 'Zoya', active: false }), persona({ id: 'b', name: 'Kabir', region: 'delhi' }), persona({ id: 'c', name: 'Aarav' })];
    expect(filterPersonas(items, 'all').map((p) => p.id)).toEqual(['c', 'b', 'a']);
    expect(filterPersonas(items, 'inactive').map((p) => p.id)).toEqual(['a']);
    expect(filterPersonas(items, 'active', 'DELHI').map((p) => p.id)).toEqual(['b']);
  });

  it.each([
    ['mumbai', 'Mumbai'],
    ['navi mumbai', 'Navi Mumbai'],
    ['north-goa', 'North-Goa'],
  ])('regionLabel(%s) = %s', (r, label) => {
    expect(regionLabel(r)).toBe(label);
  });
});

describe('persona editor: in use', () => {
  it('names the campaigns that call with it, archived ones aside', () => {
    const campaigns = [
      { name: 'Worli', status: 'active', personas: [{ personaId: 'p1' }, { personaId: 'p2' }] },
      { name: 'Old', status: 'archived', personas: [{ personaId: 'p1' }] },
      { name: 'Pune', status: 'draft', personas: [{ personaId: 'p2' }] },
    ];
    expect(campaignsUsing('p1', campaigns)).toEqual(['Worli']);
    expect(campaignsUsing('p3', campaigns)).toEqual([]);
  });
});

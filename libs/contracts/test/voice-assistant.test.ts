import { SCRIPT_VARIABLES, buildAssistant, fillScript, scriptValues, scriptVariablesUsed, voiceToolArguments, voiceToolDefinitions } from '../src';

const persona = {
  name: 'Asha (Mumbai)',
  firstMessage: 'Hi {{lead.first_name}}, this is {{persona.name}} from {{company.name}} about {{property.name}} at {{property.price}}.',
  scriptTemplate: 'You speak for {{company.name}} in the {{campaign.name}} campaign.',
  voiceProvider: 'azure',
  voiceId: 'en-IN-NeerjaNeural',
};
const lead = { contactPerson: 'Priya Sharma', location: 'Worli', propertyName: 'Lodha Park', priceRange: '₹8–12 Cr' };
const property = { name: 'Sea Breeze', location: 'Worli, Mumbai', type: 'apartment' as const, priceMinInr: 85_000_000, priceMaxInr: 120_000_000 };
const context = { lead, persona, properties: [property], campaignName: 'Worli launch', companyName: 'Soraaya Realty' };

describe('script values', () => {
  it('fills every variable the persona editor allows', () => {
    const values = scriptValues(context);
    expect(Object.keys(values).sort()).toEqual([...SCRIPT_VARIABLES].sort());
    expect(values).toMatchObject({ 'lead.first_name': 'Priya', 'persona.name': 'Asha', 'property.price': '₹8.5 Cr to ₹12 Cr', 'property.name': 'Sea Breeze' });
  });

  it.each([
    ['no property: the lead’s own interest', { ...context, properties: [] }, { 'property.name': 'Lodha Park', 'property.price': '₹8–12 Cr', 'property.type': '' }],
    ['no lead (an unknown caller): empty, never "undefined"', { ...context, lead: null, properties: [] }, { 'lead.first_name': '', 'property.name': '', 'lead.location': '' }],
    ['no persona', { ...context, persona: null }, { 'persona.name': 'your advisor' }],
    ['one price', { ...context, properties: [{ ...property, priceMaxInr: 85_000_000 }] }, { 'property.price': '₹8.5 Cr' }],
  ])('%s', (_name, ctx, expected) => {
    expect(scriptValues(ctx)).toMatchObject(expected);
  });

  it('fills templates, leaving unknown and missing names empty', () => {
    expect(fillScript('Hi {{lead.first_name}}, about {{ property.name }}{{x.y}}.', { 'lead.first_name': 'Priya', 'property.name': 'Lodha Park' })).toBe('Hi Priya, about Lodha Park.');
    expect(scriptVariablesUsed('{{a}} and {{ b.c }}')).toEqual(['a', 'b.c']);
  });
});

describe('the assistant a call gets', () => {
  const metadata = { tenantId: 't', leadId: 'l' };

  it('outbound: the persona’s opener, script, voice, tools and metadata', () => {
    const { assistant, variableValues } = buildAssistant({ ...context, direction: 'outbound', metadata });
    expect(assistant.firstMessage).toBe('Hi Priya, this is Asha from Soraaya Realty about Sea Breeze at ₹8.5 Cr to ₹12 Cr.');
    expect(assistant.voice).toEqual({ provider: 'azure', voiceId: 'en-IN-NeerjaNeural' });
    expect(assistant.metadata).toBe(metadata);
    const model = assistant.model as { messages: { content: string }[]; tools: { function: { name: string } }[] };
    expect(model.messages[0]!.content).toContain('You speak for Soraaya Realty in the Worli launch campaign.');
    expect(model.tools.map((t) => t.function.name)).toEqual(['book_callback', 'opt_out', 'find_properties']);
    expect(variableValues['lead.first_name']).toBe('Priya');
  });

  it.each([
    ['a known caller is greeted by name', lead, 'Hello Priya, thank you for calling Soraaya Realty. This is Asha; how can I help you today?'],
    ['an unknown caller without a name', null, 'Hello, thank you for calling Soraaya Realty. This is Asha; how can I help you today?'],
  ])('inbound: %s', (_name, who, greeting) => {
    const { assistant } = buildAssistant({ ...context, lead: who, direction: 'inbound', metadata });
    expect(assistant.firstMessage).toBe(greeting);
    expect(((assistant.model as { messages: { content: string }[] }).messages[0]!.content)).toContain('This person called us');
  });

  it('tool parameters use only the JSON Schema keys VAPI accepts', () => {
    const allowed = new Set(['type', 'items', 'properties', 'description', 'format', 'required', 'enum', 'title']);
    const walk = (schema: Record<string, unknown>): void => {
      for (const key of Object.keys(schema)) expect(allowed).toContain(key);
      for (const child of Object.values((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) walk(child);
    };
    for (const tool of voiceToolDefinitions() as { function: { parameters: Record<string, unknown> } }[]) walk(tool.function.parameters);
    const book = (voiceToolDefinitions()[0] as { function: { parameters: { properties: Record<string, { format?: string }>; required: string[] } } }).function.parameters;
    expect(book.properties.when!.format).toBe('date-time');
    expect(book.required).toEqual(['when']);
  });

  it.each([
    ['book_callback', { when: '2026-11-24T17:00:00+05:30' }, true],
    ['book_callback', { when: 'tomorrow at five' }, false],
    ['book_callback', {}, false],
    ['opt_out', {}, true],
    ['find_properties', { location: 'Worli', budgetMaxInr: 85_000_000 }, true],
    ['find_properties', { budgetMaxInr: '8.5 crore' }, false],
    ['find_properties', { colour: 'blue' }, false],
  ] as const)('%s arguments %j valid: %s', (name, args, ok) => {
    expect(voiceToolArguments[name].safeParse(args).success).toBe(ok);
  });
});

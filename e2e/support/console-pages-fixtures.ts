import { middayZone } from '@soraaya/service-kit/testing';
import { EVERY_DAY } from './dialer-fixtures';
import type { TestPlatform, TestUser } from './platform';

/**
 * What the console's calling, personas, properties and settings pages show in
 * the browser test: personas (one inactive), properties, two colleagues, a phone
 * line, and a campaign calling real-looking leads through the simulator (the
 * dialer must be running: its calls stay live long enough to be seen).
 */
export async function seedConsolePages(p: TestPlatform, admin: TestUser): Promise<{ callingCampaignId: string; personaIds: Record<string, string> }> {
  const api = async (method: string, url: string, body?: unknown) => {
    const res = await p.request({ method, url, user: admin, body });
    if (res.statusCode >= 300) throw new Error(`seeding ${method} ${url} failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const personaIds: Record<string, string> = {};
  for (const persona of [
    {
      name: 'Aarav (Mumbai)',
      region: 'mumbai',
      accent: 'indian',
      communicationStyle: 'consultative',
      voiceId: 'aarav-en-in',
      personalityTraits: ['warm', 'patient', 'knows Worli'],
      marketKnowledge: 'Sea-facing towers in Worli and Lower Parel; ₹8–25 Cr; possession 2027.',
      firstMessage: 'Hello {{lead.first_name}}, this is {{persona.name}} from {{company.name}}.',
      scriptTemplate: 'Ask about {{property.name}} in {{property.location}}: budget, timeline, financing.',
      escalationTriggers: ['asks for a discount', 'wants a site visit today'],
    },
    {
      name: 'Meera (Bangalore)',
      region: 'bangalore',
      accent: 'indian',
      communicationStyle: 'casual',
      voiceProvider: '11labs',
      voiceId: 'meera',
      firstMessage: 'Hi {{lead.first_name}}, Meera here from {{company.name}}.',
      scriptTemplate: 'Talk about {{property.name}} near the tech parks.',
    },
    {
      name: 'Oliver (NRI desk)',
      region: 'pune',
      accent: 'uk',
      communicationStyle: 'formal',
      voiceId: 'oliver-uk',
      firstMessage: 'Good evening {{lead.contact_person}}.',
      scriptTemplate: 'For NRI buyers: {{property.name}}, {{property.price}}.',
      active: false,
    },
  ]) {
    personaIds[persona.name] = (await api('POST', '/api/v1/agent-personas', persona)).id;
  }
  for (const property of [
    { name: 'Oberoi Three Sixty West', type: 'apartment', location: 'Worli, Mumbai', priceMinInr: 120_000_000, priceMaxInr: 350_000_000, amenities: ['sea view', 'concierge', 'spa'], specifications: { bedrooms: 4, carpetAreaSqft: 3800, possession: '2027' } },
    { name: 'Embassy Lake Terraces', type: 'apartment', location: 'Hebbal, Bangalore', priceMinInr: 45_000_000, priceMaxInr: 90_000_000, amenities: ['lake view', 'clubhouse'], specifications: { bedrooms: 3 } },
    { name: 'Lodha Villa Royale', type: 'villa', location: 'Alibaug', priceMinInr: 95_000_000, priceMaxInr: 95_000_000, amenities: ['private pool'], availability: 'reserved' },
    { name: 'Prestige Golfshire Plot 12', type: 'plot', location: 'Nandi Hills, Bangalore', priceMinInr: 8_500_000, priceMaxInr: 12_000_000, availability: 'sold' },
  ]) {
    await api('POST', '/api/v1/properties', property);
  }
  await api('POST', '/api/v1/users', { email: `rohan.${admin.id.slice(-6)}@example.in`, fullName: 'Rohan Mehta', role: 'manager', password: 'a long enough password' });
  await api('POST', '/api/v1/users', { email: `sana.${admin.id.slice(-6)}@example.in`, fullName: 'Sana Kapoor', role: 'agent', password: 'a long enough password' });
  await api('POST', '/api/v1/phone-lines', { number: `+91 22 5000 ${admin.id.replace(/\D/g, '').slice(-4).padStart(4, '1')}`, label: 'Mumbai office' });

  // Leads the simulator calls, named like people, in a zone where it is midday now (so the calling window is open).
  const zone = middayZone();
  const names = ['Ishaan Malhotra', 'Kavya Iyer', 'Rahul Deshpande', 'Ananya Sen', 'Farhan Qureshi', 'Diya Menon', 'Arjun Nair', 'Tara Bhatt', 'Kabir Joshi', 'Nisha Pillai', 'Vivaan Gupta', 'Zara Sheikh'];
  const base = 7_000_000 + Number.parseInt(admin.id.replace(/\D/g, '').slice(-5) || '0', 10);
  await p.gateway.runtime.ds.query(
    `insert into lead.leads (id, tenant_id, contact_person, phone_raw, phone_e164, status, priority, lead_source, time_zone, location, property_name)
     select gen_random_uuid(), $1, n, '+9198' || lpad((($3::int) + i)::text, 8, '0'), '+9198' || lpad((($3::int) + i)::text, 8, '0'), 'to_call', 'high', 'website', $2, 'Worli, Mumbai', 'Oberoi Three Sixty West'
       from unnest($4::text[]) with ordinality as t(n, i)`,
    [admin.tenantId, zone, base, names],
  );
  await p.gateway.runtime.ds.query(
    `insert into lead.lead_counts (tenant_id, status, priority, campaign_key, n) values ($1, 'to_call', 'high', '00000000-0000-0000-0000-000000000000', $2)
     on conflict (tenant_id, status, priority, campaign_key) do update set n = lead.lead_counts.n + excluded.n`,
    [admin.tenantId, names.length],
  );
  const campaign = await api('POST', '/api/v1/campaigns', {
    name: 'Worli Sea Face calls',
    description: 'High-priority website enquiries.',
    priority: 'high',
    personas: [
      { personaId: personaIds['Aarav (Mumbai)'], weight: 70 },
      { personaId: personaIds['Meera (Bangalore)'], weight: 30 },
    ],
    callingPolicy: { days: EVERY_DAY, windowStart: '00:00', windowEnd: '23:59', windowTimeZone: 'campaign', campaignTimeZone: zone, maxConcurrentCalls: 4, maxAttempts: 1 },
  });
  await api('POST', `/api/v1/campaigns/${campaign.id}/assign-leads`, { leadIds: (await p.gateway.runtime.ds.query(`select id from lead.leads where tenant_id = $1 and contact_person = any($2)`, [admin.tenantId, names])).map((r: { id: string }) => r.id) });
  await api('POST', '/api/v1/campaigns', { name: 'Pune NRI weekend', description: 'Ready to start.', priority: 'medium' });
  return { callingCampaignId: campaign.id, personaIds };
}

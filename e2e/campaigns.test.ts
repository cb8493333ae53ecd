import { callEndedV1, callStartedV1, intelCallAnalyzedV1, type EventDefinition } from '@soraaya/contracts';
import { buildEnvelope, uuid7 } from '@soraaya/service-kit';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

const persona = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  region: 'mumbai',
  accent: 'indian',
  communicationStyle: 'consultative',
  voiceId: 'vapi-voice-aanya',
  firstMessage: 'Namaste {{lead.first_name}}, this is {{persona.name}} from {{company.name}}.',
  scriptTemplate: 'Ask about {{property.name}} in {{property.location}} at {{property.price}}; confirm budget and timeline.',
  ...extra,
});
const property = (name: string, extra: Record<string, unknown> = {}) => ({ name, type: 'apartment', location: 'Worli, Mumbai', priceMinInr: 120_000_000, priceMaxInr: 150_000_000, amenities: ['sea view'], ...extra });

describe('campaign service through the gateway', () => {
  let p: TestPlatform;
  let manager: TestUser;
  let agent: TestUser;
  let other: TestUser;
  const api = (user: TestUser, method: string, url: string, body?: unknown) => p.request({ method, url, user, body });

  beforeAll(async () => {
    p = await startPlatform('campaigns', {}, { campaign: true });
    [manager, agent, other] = await Promise.all([p.user('a', 'manager'), p.user('a', 'agent'), p.user('b', 'admin')]);
  });
  afterAll(async () => {
    await p.stop();
  });

  describe('personas', () => {
    it('creates, validates script variables, updates with versions, and refuses duplicates', async () => {
      const res = await api(manager, 'POST', '/api/v1/agent-personas', persona('Aanya (Mumbai)'));
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({ name: 'Aanya (Mumbai)', region: 'mumbai', voiceProvider: 'vapi', active: true, version: 1 });
      expect((await api(manager, 'POST', '/api/v1/agent-personas', persona('aanya (mumbai)'))).statusCode).toBe(409);
      const bad = await api(manager, 'POST', '/api/v1/agent-personas', persona('Bad', { firstMessage: 'Hi {{lead.nickname}} {{ oops' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues).toEqual([
        { path: 'firstMessage', message: expect.stringMatching(/unknown variable \{\{lead.nickname\}\}/) },
        { path: 'firstMessage', message: 'has unpaired {{ or }}' },
      ]);
      const updated = await api(manager, 'PUT', `/api/v1/agent-personas/${created.id}`, { version: 1, changes: { communicationStyle: 'formal' } });
      expect(updated.json()).toMatchObject({ communicationStyle: 'formal', version: 2, firstMessage: created.firstMessage });
      expect((await api(manager, 'PUT', `/api/v1/agent-personas/${created.id}`, { version: 1, changes: { active: false } })).statusCode).toBe(409);
      expect((await api(manager, 'PUT', `/api/v1/agent-personas/${created.id}`, { version: 2, changes: { region: '123' } })).statusCode).toBe(400);
      // A change of one field leaves every other as stored, defaulted ones included (zod 4's partial() would refill defaults).
      const traits = (await api(manager, 'PUT', `/api/v1/agent-personas/${created.id}`, { version: 2, changes: { personalityTraits: ['warm'], escalationTriggers: ['asks for a human'], accent: 'uk', active: false } })).json();
      const renamed = await api(manager, 'PUT', `/api/v1/agent-personas/${created.id}`, { version: traits.version, changes: { marketKnowledge: 'Worli and Lower Parel' } });
      expect(renamed.json()).toMatchObject({ personalityTraits: ['warm'], escalationTriggers: ['asks for a human'], accent: 'uk', communicationStyle: 'formal', active: false, marketKnowledge: 'Worli and Lower Parel' });
      const reactivated = (await api(manager, 'PUT', `/api/v1/agent-personas/${created.id}`, { version: renamed.json().version, changes: { active: true } })).json();
      expect(reactivated).toMatchObject({ active: true, personalityTraits: ['warm'] });
    });

    it('lets agents read but not write', async () => {
      expect((await api(agent, 'GET', '/api/v1/agent-personas')).statusCode).toBe(200);
      expect((await api(agent, 'POST', '/api/v1/agent-personas', persona('Agent made'))).statusCode).toBe(403);
    });
  });

  describe('properties', () => {
    it('creates, filters, updates and refuses bad prices', async () => {
      expect((await api(manager, 'POST', '/api/v1/properties', property('Oberoi Three Sixty West'))).statusCode).toBe(201);
      expect((await api(manager, 'POST', '/api/v1/properties', property('Lodha Altamount', { type: 'penthouse', location: 'Altamount Road, Mumbai', priceMinInr: 450_000_000, priceMaxInr: 450_000_000 }))).statusCode).toBe(201);
      expect((await api(manager, 'POST', '/api/v1/properties', property('Embassy Lake Terraces', { location: 'Hebbal, Bangalore', priceMinInr: 70_000_000, priceMaxInr: 75_000_000, availability: 'sold' }))).statusCode).toBe(201);
      const bad = await api(manager, 'POST', '/api/v1/properties', property('Broken', { priceMinInr: 10, priceMaxInr: 5 }));
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toMatch(/priceMinInr must not exceed priceMaxInr/);
      const worli = (await api(manager, 'GET', '/api/v1/properties?location=worli&availability=available')).json();
      expect(worli.items.map((x: { name: string }) => x.name)).toEqual(['Oberoi Three Sixty West']);
      const pent = (await api(manager, 'GET', '/api/v1/properties?type=penthouse')).json().items[0];
      const upd = await api(manager, 'PUT', `/api/v1/properties/${pent.id}`, { version: 1, changes: { availability: 'reserved' } });
      expect(upd.json()).toMatchObject({ availability: 'reserved', version: 2 });
      expect((await api(manager, 'PUT', `/api/v1/properties/${pent.id}`, { version: 2, changes: { type: 'castle' } })).statusCode).toBe(400);
    });

    it('deletes a property no running campaign presents, and an unused persona', async () => {
      const tmp = (await api(manager, 'POST', '/api/v1/properties', property('Temporary Listing'))).json();
      expect((await api(manager, 'DELETE', `/api/v1/properties/${tmp.id}`)).json()).toEqual({ id: tmp.id });
      expect((await api(manager, 'GET', `/api/v1/properties/${tmp.id}`)).statusCode).toBe(404);
      const unused = (await api(manager, 'POST', '/api/v1/agent-personas', persona('Unused One'))).json();
      expect((await api(manager, 'DELETE', `/api/v1/agent-personas/${unused.id}`)).statusCode).toBe(200);
      expect((await api(manager, 'DELETE', `/api/v1/agent-personas/${unused.id}`)).statusCode).toBe(404);
    });

    it('matches properties to a lead with reasons, never offering sold ones', async () => {
      const lead = (await api(manager, 'POST', '/api/v1/leads', { contactPerson: 'Priya Raghavan', phone: '09820012346', location: 'Worli, Mumbai', propertyType: 'apartment', priceRange: '₹12 Cr - ₹15 Cr' })).json();
      const matches = (await api(manager, 'GET', `/api/v1/properties/match?leadId=${lead.id}`)).json();
      expect(matches.items[0]).toMatchObject({ property: { name: 'Oberoi Three Sixty West' }, score: 90, reasons: ['within budget', 'apartment, as wanted', 'in Worli, Mumbai'] });
      expect(matches.items.map((m: { property: { name: string } }) => m.property.name)).not.toContain('Embassy Lake Terraces');
    });
  });

  describe('campaign lifecycle', () => {
    let campaignId: string;
    let personaId: string;
    let leadIds: string[];

    beforeAll(async () => {
      personaId = (await api(manager, 'POST', '/api/v1/agent-personas', persona('Rohan (Mumbai)'))).json().id;
      leadIds = [];
      for (let i = 0; i < 5; i++) leadIds.push((await api(manager, 'POST', '/api/v1/leads', { contactPerson: `Campaign Lead ${i}`, phone: `98450${70000 + i}`, location: 'Bandra West, Mumbai' })).json().id);
    });

    it('creates a draft, checking that its personas and properties exist', async () => {
      const missing = await api(manager, 'POST', '/api/v1/campaigns', { name: 'Worli Q4', personas: [{ personaId: uuid7(), weight: 50 }] });
      expect(missing.statusCode).toBe(422);
      const props = (await api(manager, 'GET', '/api/v1/properties')).json().items;
      const res = await api(manager, 'POST', '/api/v1/campaigns', {
        name: 'Worli Q4',
        description: 'Sea-facing inventory',
        endDate: '2099-12-31',
        personas: [{ personaId, weight: 70 }],
        propertyIds: [props[0].id],
        qualificationCriteria: { budgetMinInr: 50_000_000, purchaseTimelines: ['immediate', '3_months'] },
        callingPolicy: { windowStart: '10:00', windowEnd: '19:00', maxAttempts: 4 },
      });
      expect(res.statusCode).toBe(201);
      const c = res.json();
      campaignId = c.id;
      expect(c).toMatchObject({ status: 'draft', leadCount: 0, callingPolicy: { windowStart: '10:00', maxAttempts: 4, windowTimeZone: 'lead', retryDelayMinutes: { noAnswer: 240 } } });
      expect((await api(manager, 'POST', '/api/v1/campaigns', { name: 'worli q4' })).statusCode).toBe(409);
      const badPolicy = await api(manager, 'POST', '/api/v1/campaigns', { name: 'Bad', callingPolicy: { windowStart: '21:00', windowEnd: '09:00' } });
      expect(badPolicy.statusCode).toBe(400);
    });

    it('refuses to start without leads, saying why', async () => {
      const res = await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/start`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.reasons).toEqual(['it has no leads: assign leads first']);
    });

    it('assigns leads by ids and by filter, counting what was new', async () => {
      const byIds = await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/assign-leads`, { leadIds: [...leadIds.slice(0, 2), uuid7()] });
      expect(byIds.json()).toEqual({ assigned: 2, alreadyInCampaign: 0, notFound: 1 });
      const byFilter = await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/assign-leads`, { filters: { search: 'campaign lead' } });
      expect(byFilter.json()).toEqual({ assigned: 3, alreadyInCampaign: 2, notFound: 0 });
      const leads = (await api(manager, 'GET', `/api/v1/campaigns/${campaignId}/leads`)).json();
      expect(leads.items).toHaveLength(5);
      expect(leads.items.every((l: { status: string }) => l.status === 'pending')).toBe(true);
      const lead = (await api(manager, 'GET', `/api/v1/leads/${leadIds[0]}`)).json().lead;
      expect(lead.campaignId).toBe(campaignId);
      expect((await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/assign-leads`, { leadIds: [leadIds[0]], filters: {} })).statusCode).toBe(400);
    });

    it('starts, announcing what the dialer needs; then pause, edit, resume and stop; forbidden moves refused', async () => {
      const started = await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/start`);
      expect(started.statusCode).toBe(200);
      expect(started.json()).toMatchObject({ status: 'active', leadCount: 5 });
      expect((await api(manager, 'PUT', `/api/v1/campaigns/${campaignId}`, { version: started.json().version, changes: { description: 'x' } })).statusCode).toBe(409);
      expect((await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/start`)).statusCode).toBe(409);
      expect((await api(agent, 'POST', `/api/v1/campaigns/${campaignId}/pause`)).statusCode).toBe(403);
      const paused = (await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/pause`, { reason: 'Diwali week' })).json();
      expect(paused.status).toBe('paused');
      const edited = await api(manager, 'PUT', `/api/v1/campaigns/${campaignId}`, { version: paused.version, changes: { callingPolicy: { ...paused.callingPolicy, maxConcurrentCalls: 8 } } });
      expect(edited.json().callingPolicy.maxConcurrentCalls).toBe(8);
      expect((await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/resume`)).json().status).toBe('active');
      await sleep(300);
      const jsm = await p.nc.jetstreamManager();
      const msg = await jsm.streams.getMessage(p.topology.stream('CAMPAIGNS'), { last_by_subj: p.topology.subject('campaigns.started.v1') });
      const event = JSON.parse(new TextDecoder().decode(msg.data));
      expect(event.data).toMatchObject({ campaign: { id: campaignId, status: 'active' }, personas: [{ id: personaId }], properties: [{ name: expect.any(String) }] });
    });

    it('lists campaigns by status and name', async () => {
      expect((await api(manager, 'GET', '/api/v1/campaigns?status=active')).json().items.map((c: { id: string }) => c.id)).toEqual([campaignId]);
      expect((await api(agent, 'GET', '/api/v1/campaigns?search=worli')).json().items).toHaveLength(1);
      expect((await api(manager, 'GET', '/api/v1/campaigns?status=running')).statusCode).toBe(400);
    });

    it('refuses to delete a persona a campaign uses', async () => {
      const res = await api(manager, 'DELETE', `/api/v1/agent-personas/${personaId}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/used by campaign "Worli Q4"; deactivate it instead/);
    });

    it('keeps exact performance figures from call and intelligence events, however often they are replayed', async () => {
      const js = p.nc.jetstream();
      const publish = async <D extends EventDefinition<string, z.ZodType>>(def: D, data: z.input<D['data']>) => {
        const envelope = buildEnvelope(def, { tenantId: p.tenants.a, correlationId: 'dialer-test' }, data);
        // Twice, without a message id: JetStream keeps both, so only the campaign service's inbox stands between them and double counting.
        for (let i = 0; i < 2; i++) await js.publish(p.topology.subject(def.subject), Buffer.from(JSON.stringify(envelope)));
      };
      const now = new Date().toISOString();
      for (const [i, leadId] of leadIds.entries()) {
        const callId = uuid7();
        await publish(callStartedV1, { callId, leadId, campaignId, personaId, attempt: 1, provider: 'simulator', startedAt: now });
        const answered = i < 3;
        await publish(callEndedV1, { callId, leadId, campaignId, personaId, attempt: 1, outcome: answered ? 'answered' : 'no_answer', endedReason: null, durationSeconds: answered ? 120 : 0, costUsd: 0.25, startedAt: now, endedAt: now, recordingUrl: null, transcript: null, summary: null });
        if (answered) await publish(intelCallAnalyzedV1, { callId, leadId, campaignId, personaId, classification: i === 0 ? 'qualified' : 'not_interested', score: 80, sentiment: 'positive' });
      }
      let perf;
      for (let t = 0; t < 100; t++) {
        perf = (await api(manager, 'GET', `/api/v1/campaigns/${campaignId}/performance`)).json();
        if (!perf.totals) throw new Error(`performance answered ${JSON.stringify(perf)}`);
        if (perf.totals.qualified + perf.totals.notInterested === 3 && perf.totals.dialed === 5) break;
        await sleep(100);
      }
      await sleep(500); // let any duplicate deliveries land
      perf = (await api(manager, 'GET', `/api/v1/campaigns/${campaignId}/performance`)).json();
      expect(perf.totals).toEqual({
        leadsAssigned: 5,
        dialed: 5,
        connected: 3,
        qualified: 1,
        notInterested: 2,
        followUp: 0,
        callbacks: 0,
        humanNeeded: 0,
        averageDurationSeconds: 120,
        costUsd: 1.25,
        costPerQualifiedLeadUsd: 1.25,
        connectRate: 0.6,
        qualificationRate: 0.3333,
        conversionRate: 0.2,
      });
      expect(perf.variants).toEqual([{ personaId, weight: 70, figures: expect.objectContaining({ dialed: 5, qualified: 1, leadsAssigned: 5 }) }]);
      const leads = (await api(manager, 'GET', `/api/v1/campaigns/${campaignId}/leads?status=qualified`)).json();
      expect(leads.items.map((l: { leadId: string }) => l.leadId)).toEqual([leadIds[0]]);
      const compared = (await api(manager, 'GET', `/api/v1/campaigns/compare?ids=${campaignId}`)).json();
      expect(compared.items[0].totals.qualified).toBe(1);
    });

    it('clones, stops and archives', async () => {
      const clone = await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/clone`, { name: 'Worli Q4 (copy)' });
      expect(clone.statusCode).toBe(201);
      expect(clone.json()).toMatchObject({ status: 'draft', leadCount: 0, personas: [{ personaId, weight: 70 }] });
      expect((await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/stop`)).json().status).toBe('completed');
      expect((await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/assign-leads`, { leadIds })).statusCode).toBe(409);
      expect((await api(manager, 'DELETE', `/api/v1/campaigns/${campaignId}`)).json().status).toBe('archived');
      expect((await api(manager, 'POST', `/api/v1/campaigns/${campaignId}/resume`)).statusCode).toBe(409);
    });

    it('refuses to start a campaign whose end date has passed or whose personas are all inactive', async () => {
      const lone = (await api(manager, 'POST', '/api/v1/agent-personas', persona('Inactive One', { active: false }))).json();
      const c = (await api(manager, 'POST', '/api/v1/campaigns', { name: 'Stale', endDate: '2020-01-01', personas: [{ personaId: lone.id, weight: 1 }] })).json();
      await api(manager, 'POST', `/api/v1/campaigns/${c.id}/assign-leads`, { leadIds: [leadIds[4]] });
      const res = await api(manager, 'POST', `/api/v1/campaigns/${c.id}/start`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.reasons).toEqual(['it has no active agent persona', 'its end date 2020-01-01 is in the past']);
    });

    it('answers 404 to another tenant on every campaign, persona and property route', async () => {
      const props = (await api(manager, 'GET', '/api/v1/properties')).json().items;
      for (const [method, url, body] of [
        ['GET', `/api/v1/campaigns/${campaignId}`, undefined],
        ['PUT', `/api/v1/campaigns/${campaignId}`, { version: 1, changes: {} }],
        ['POST', `/api/v1/campaigns/${campaignId}/pause`, undefined],
        ['POST', `/api/v1/campaigns/${campaignId}/clone`, { name: 'stolen' }],
        ['POST', `/api/v1/campaigns/${campaignId}/assign-leads`, { leadIds }],
        ['GET', `/api/v1/campaigns/${campaignId}/leads`, undefined],
        ['GET', `/api/v1/campaigns/${campaignId}/performance`, undefined],
        ['GET', `/api/v1/agent-personas/${personaId}`, undefined],
        ['PUT', `/api/v1/agent-personas/${personaId}`, { version: 1, changes: { name: 'x' } }],
        ['DELETE', `/api/v1/agent-personas/${personaId}`, undefined],
        ['GET', `/api/v1/properties/${props[0].id}`, undefined],
        ['PUT', `/api/v1/properties/${props[0].id}`, { version: 1, changes: { name: 'x' } }],
        ['DELETE', `/api/v1/properties/${props[0].id}`, undefined],
      ] as const) {
        const res = await api(other, method, url, body);
        expect([url, res.statusCode]).toEqual([url, 404]);
      }
      expect((await api(other, 'GET', '/api/v1/campaigns')).json().items).toEqual([]);
    });
  });
});

import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

/**
 * The role matrix and tenant isolation, route by route: every lead route is
 * tried by every role, and with another tenant's lead id.
 */
describe('gateway roles and tenant isolation', () => {
  let p: TestPlatform;
  let admin: TestUser;
  let manager: TestUser;
  let agent: TestUser;
  let otherAdmin: TestUser;
  let leadA: { id: string; version: number };
  let assigned: { id: string };
  let leadB: { id: string };

  beforeAll(async () => {
    p = await startPlatform('gwroles');
    [admin, manager, agent, otherAdmin] = await Promise.all([p.user('a', 'admin'), p.user('a', 'manager'), p.user('a', 'agent'), p.user('b', 'admin')]);
    leadA = (await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: { contactPerson: 'Aarav Mehta', phone: '+91 98200 12345' } })).json();
    assigned = (await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: { contactPerson: 'Priya Raghavan', phone: '09820012346', assignedUserId: agent.id } })).json();
    leadB = (await p.request({ method: 'POST', url: '/api/v1/leads', user: otherAdmin, body: { contactPerson: 'Rohan Kapoor', phone: '9820012347' } })).json();
  });
  afterAll(async () => {
    await p.stop();
  });

  type Case = { name: string; method: string; url: (id: string) => string; body?: (id: string) => unknown; allowed: ('admin' | 'manager' | 'agent')[] };
  const cases: Case[] = [
    { name: 'list leads', method: 'GET', url: () => '/api/v1/leads', allowed: ['admin', 'manager', 'agent'] },
    { name: 'create lead', method: 'POST', url: () => '/api/v1/leads', body: () => ({ contactPerson: 'X', phone: `98${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}` }), allowed: ['admin', 'manager'] },
    { name: 'update lead', method: 'PUT', url: (id) => `/api/v1/leads/${id}`, body: () => ({ version: 999, changes: { notes: 'x' } }), allowed: ['admin', 'manager'] },
    { name: 'delete lead', method: 'DELETE', url: (id) => `/api/v1/leads/${id}?version=999`, allowed: ['admin', 'manager'] },
    { name: 'bulk update', method: 'POST', url: () => '/api/v1/leads/bulk-update', body: (id) => ({ ids: [id], changes: { priority: 'high' } }), allowed: ['admin', 'manager'] },
    { name: 'silent leads', method: 'GET', url: () => '/api/v1/leads/silent', allowed: ['admin', 'manager'] },
    { name: 'export', method: 'GET', url: () => '/api/v1/leads/export', allowed: ['admin', 'manager'] },
    { name: 'import status', method: 'GET', url: () => '/api/v1/leads/imports/0193a000-0000-7000-8000-000000000000', allowed: ['admin', 'manager'] },
    { name: 'dnc list', method: 'GET', url: () => '/api/v1/dnc', allowed: ['admin', 'manager'] },
    { name: 'dnc add', method: 'POST', url: () => '/api/v1/dnc', body: () => ({ phone: '+919999999999' }), allowed: ['admin', 'manager'] },
    { name: 'users', method: 'GET', url: () => '/api/v1/users', allowed: ['admin'] },
    { name: 'audit', method: 'GET', url: () => '/api/v1/audit', allowed: ['admin'] },
  ];

  describe.each(cases)('$name', ({ method, url, body, allowed }) => {
    it.each(['admin', 'manager', 'agent'] as const)('as %s', async (role) => {
      const user = { admin, manager, agent }[role];
      const res = await p.request({ method, url: url(leadA.id), user, body: body?.(leadA.id) });
      if (allowed.includes(role)) expect(res.statusCode).not.toBe(403);
      else {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    });
  });

  it('lets an agent see and work only the leads assigned to them', async () => {
    const list = (await p.request({ method: 'GET', url: '/api/v1/leads', user: agent })).json();
    expect(list.items.map((l: { id: string }) => l.id)).toEqual([assigned.id]);
    expect((await p.request({ method: 'GET', url: `/api/v1/leads/${leadA.id}`, user: agent })).statusCode).toBe(404);
    expect((await p.request({ method: 'POST', url: `/api/v1/leads/${leadA.id}/notes`, user: agent, body: { body: 'hi' } })).statusCode).toBe(404);
    expect((await p.request({ method: 'PUT', url: `/api/v1/leads/${leadA.id}/status`, user: agent, body: { status: 'human_follow_up', reason: 'mine now' } })).statusCode).toBe(404);
    expect((await p.request({ method: 'POST', url: `/api/v1/leads/${assigned.id}/notes`, user: agent, body: { body: 'Spoke to her; wants Worli' } })).statusCode).toBe(201);
    const moved = await p.request({ method: 'PUT', url: `/api/v1/leads/${assigned.id}/status`, user: agent, body: { status: 'human_follow_up', reason: 'Asked for a site visit' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().status).toBe('human_follow_up');
  });

  describe('another tenant\'s lead id answers 404 on every lead route', () => {
    it.each([
      ['GET', (id: string) => `/api/v1/leads/${id}`, undefined],
      ['PUT', (id: string) => `/api/v1/leads/${id}`, { version: 1, changes: { notes: 'x' } }],
      ['DELETE', (id: string) => `/api/v1/leads/${id}`, undefined],
      ['PUT', (id: string) => `/api/v1/leads/${id}/status`, { status: 'human_follow_up', reason: 'steal it' }],
      ['GET', (id: string) => `/api/v1/leads/${id}/notes`, undefined],
      ['POST', (id: string) => `/api/v1/leads/${id}/notes`, { body: 'x' }],
      ['GET', (id: string) => `/api/v1/leads/${id}/timeline`, undefined],
    ] as const)('%s %s', async (method, url, body) => {
      const res = await p.request({ method, url: url(leadB.id), user: admin, body });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    });

    it('bulk update reports it as not found, and lists never show it', async () => {
      const bulk = (await p.request({ method: 'POST', url: '/api/v1/leads/bulk-update', user: admin, body: { ids: [leadB.id], changes: { priority: 'low' } } })).json();
      expect(bulk.failures).toEqual([{ code: 'not_found', message: 'Lead not found', ids: [leadB.id] }]);
      const list = (await p.request({ method: 'GET', url: '/api/v1/leads?search=rohan', user: admin })).json();
      expect(list.items).toEqual([]);
    });
  });
});

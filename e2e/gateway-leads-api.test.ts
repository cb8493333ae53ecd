import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

const SAMPLE = readFileSync(join(__dirname, '../services/lead/test/fixtures/leads-sample.csv'));

function multipart(file: { name: string; content: Buffer | string; type?: string } | null, fields: Record<string, string> = {}) {
  const boundary = `----soraaya${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`));
    parts.push(Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('gateway REST API over the lead service', () => {
  let p: TestPlatform;
  let admin: TestUser;
  beforeAll(async () => {
    p = await startPlatform('gwleads', { IMPORT_MAX_BYTES: '20000', IMPORT_BATCH_SIZE: '7' });
    admin = await p.user('a', 'admin');
  });
  afterAll(async () => {
    await p.stop();
  });

  it('creates, reads, updates, changes status, notes, timeline and deletes a lead', async () => {
    const created = await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: { contactPerson: 'Meera Desai', phone: '+91 (982) 001-2350', priceRange: '₹18 Cr' } });
    expect(created.statusCode).toBe(201);
    const lead = created.json();
    expect(lead).toMatchObject({ phoneE164: '+919820012350', priceMinInr: 180_000_000, status: 'to_call', version: 1 });

    const updated = await p.request({ method: 'PUT', url: `/api/v1/leads/${lead.id}`, user: admin, body: { version: 1, changes: { location: 'Lower Parel, Mumbai' } } });
    expect(updated.json()).toMatchObject({ version: 2, location: 'Lower Parel, Mumbai' });
    const stale = await p.request({ method: 'PUT', url: `/api/v1/leads/${lead.id}`, user: admin, body: { version: 1, changes: { location: 'x' } } });
    expect(stale.statusCode).toBe(409);

    const status = await p.request({ method: 'PUT', url: `/api/v1/leads/${lead.id}/status`, user: admin, body: { status: 'human_follow_up', reason: 'Wants a broker call' } });
    expect(status.json().status).toBe('human_follow_up');
    const forbidden = await p.request({ method: 'PUT', url: `/api/v1/leads/${lead.id}/status`, user: admin, body: { status: 'in_call', reason: 'x x x' } });
    expect(forbidden.statusCode).toBe(409);
    expect(forbidden.json().error).toMatchObject({ code: 'conflict', details: { allowed: expect.any(Array) } });

    expect((await p.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/notes`, user: admin, body: { body: 'Prefers WhatsApp' } })).statusCode).toBe(201);
    const notes = (await p.request({ method: 'GET', url: `/api/v1/leads/${lead.id}/notes`, user: admin })).json();
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['Prefers WhatsApp']);
    const timeline = (await p.request({ method: 'GET', url: `/api/v1/leads/${lead.id}/timeline`, user: admin })).json();
    expect(timeline.map((a: { kind: string }) => a.kind)).toEqual(['note', 'status_changed', 'updated', 'created']);

    const got = (await p.request({ method: 'GET', url: `/api/v1/leads/${lead.id}`, user: admin })).json();
    expect(got.lead.version).toBe(3);
    expect((await p.request({ method: 'DELETE', url: `/api/v1/leads/${lead.id}?version=3`, user: admin })).statusCode).toBe(200);
    expect((await p.request({ method: 'GET', url: `/api/v1/leads/${lead.id}`, user: admin })).statusCode).toBe(404);
  });

  it.each([
    ['POST', '/api/v1/leads', { contactPerson: 'X', phone: '12345' }, '"path":"phone"'],
    ['POST', '/api/v1/leads', { contactPerson: 'X', phone: '9820000001', email: 'nope' }, 'body.email'],
    ['POST', '/api/v1/leads', { phone: '9820000002' }, 'body.contactPerson'],
    ['GET', '/api/v1/leads?status=bogus', undefined, 'query.status.0'],
    ['GET', '/api/v1/leads?limit=ten', undefined, 'query.limit'],
    ['GET', '/api/v1/leads?sort=phone:up', undefined, 'query.sort'],
    ['GET', '/api/v1/leads?unknown=1', undefined, 'query'],
    ['GET', '/api/v1/leads/not-a-uuid', undefined, 'path.id'],
    ['PUT', '/api/v1/leads/0193a000-0000-7000-8000-000000000001', { changes: {} }, 'body.version'],
    ['POST', '/api/v1/leads/bulk-update', { ids: [], changes: { priority: 'high' } }, 'body.ids'],
    ['POST', '/api/v1/dnc', { phone: 'abc' }, 'phone'],
  ])('%s %s with bad input answers 400 naming %s', async (method, url, body, path) => {
    const res = await p.request({ method, url, user: admin, body });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('bad_request');
    expect(JSON.stringify(error)).toContain(path);
  });

  it('answers 400 to a body that is not JSON, 413 to an oversized one, and a JSON 404 to unknown routes', async () => {
    const notJson = await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: '{"contactPerson":', headers: { 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.message).toMatch(/not valid JSON/);
    const big = await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: { contactPerson: 'x'.repeat(2_000_000), phone: '1' } });
    expect(big.statusCode).toBe(413);
    const missing = await p.request({ method: 'GET', url: '/api/v1/nope', user: admin });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/v1/nope' } });
  });

  it('imports the sample CSV through multipart upload and reports per-row issues', async () => {
    const upload = multipart({ name: 'leads-sample.csv', content: SAMPLE });
    const res = await p.http.inject({ method: 'POST', url: '/api/v1/leads/import', payload: upload.payload, headers: { ...upload.headers, authorization: `Bearer ${admin.accessToken}` } });
    expect(res.statusCode).toBe(202);
    const started = res.json();
    expect(started).toMatchObject({ status: 'queued', fileName: 'leads-sample.csv', totalBytes: SAMPLE.length });
    let job = started;
    for (let i = 0; i < 100 && job.status !== 'completed'; i++) {
      await sleep(100);
      job = (await p.request({ method: 'GET', url: `/api/v1/leads/imports/${started.id}`, user: admin })).json();
    }
    expect(job.counts).toEqual({ rowsRead: 25, created: 18, merged: 1, unchanged: 0, rejected: 6, warnings: 1 });
    expect(job.issues.filter((i: { severity: string }) => i.severity === 'error')).toHaveLength(6);
  });

  it('refuses an upload that is too big (413), not CSV (415) or has no file (400), and keeps nothing', async () => {
    const big = multipart({ name: 'big.csv', content: Buffer.alloc(30_000, 'a') });
    const tooBig = await p.http.inject({ method: 'POST', url: '/api/v1/leads/import', payload: big.payload, headers: { ...big.headers, authorization: `Bearer ${admin.accessToken}` } });
    expect(tooBig.statusCode).toBe(413);
    const xlsx = multipart({ name: 'leads.xlsx', content: 'PK\u0003\u0004', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const wrongType = await p.http.inject({ method: 'POST', url: '/api/v1/leads/import', payload: xlsx.payload, headers: { ...xlsx.headers, authorization: `Bearer ${admin.accessToken}` } });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.message).toMatch(/not a CSV file/);
    const none = multipart(null, { mapping: '{}' });
    const noFile = await p.http.inject({ method: 'POST', url: '/api/v1/leads/import', payload: none.payload, headers: { ...none.headers, authorization: `Bearer ${admin.accessToken}` } });
    expect(noFile.statusCode).toBe(400);
    const badMap = multipart({ name: 'a.csv', content: 'name,phone\nA,9845011111\n' }, { mapping: '{"favourite":"x"}' });
    const badMapping = await p.http.inject({ method: 'POST', url: '/api/v1/leads/import', payload: badMap.payload, headers: { ...badMap.headers, authorization: `Bearer ${admin.accessToken}` } });
    expect(badMapping.statusCode).toBe(400);
    // Only the sample file's bytes are stored: refused uploads left no chunks behind.
    const jsm = await p.nc.jetstreamManager();
    const bucket = p.topology.bucket('lead_imports');
    const info = await jsm.streams.info(`OBJ_${bucket}`, { subjects_filter: `$O.${bucket}.C.>` });
    expect(Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('streams a CSV export with a BOM, honouring filters', async () => {
    const res = await p.request({ method: 'GET', url: '/api/v1/leads/export?priority=high', user: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.priority === 'high')).toBe(true);
    const bad = await p.request({ method: 'GET', url: '/api/v1/leads/export?search=ab', user: admin });
    expect(bad.statusCode).toBe(400);
  });

  it('lists with filters, sort and keyset pages; counts; DNC round trip', async () => {
    const page1 = (await p.request({ method: 'GET', url: '/api/v1/leads?status=to_call,follow_up&sort=contactPerson:asc&limit=3', user: admin })).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (await p.request({ method: 'GET', url: `/api/v1/leads?status=to_call,follow_up&sort=contactPerson:asc&limit=3&cursor=${page1.nextCursor}`, user: admin })).json();
    expect(page2.items[0].contactPerson >= page1.items[2].contactPerson).toBe(true);
    // The ids of everything a filter matches, a page at a time: what the console's "select all matching" acts on.
    const all = (await p.request({ method: 'GET', url: '/api/v1/leads?status=to_call,follow_up&limit=200', user: admin })).json();
    const ids: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res = await p.request({ method: 'GET', url: `/api/v1/leads/ids?status=to_call,follow_up&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, user: admin });
      expect(res.statusCode).toBe(200);
      const idsPage: { ids: string[]; nextCursor: string | null } = res.json();
      ids.push(...idsPage.ids);
      cursor = idsPage.nextCursor;
    }
    expect(ids.sort()).toEqual(all.items.map((l: { id: string }) => l.id).sort());
    expect((await p.request({ method: 'GET', url: '/api/v1/leads/ids?search=ab', user: admin })).statusCode).toBe(400);
    const counts = (await p.request({ method: 'GET', url: '/api/v1/leads/counts', user: admin })).json();
    expect(counts.total).toBeGreaterThan(0);
    expect((await p.request({ method: 'POST', url: '/api/v1/dnc', user: admin, body: { phone: '98200 12345', reason: 'asked' } })).statusCode).toBe(201);
    expect((await p.request({ method: 'GET', url: '/api/v1/dnc/check?phone=%2B919820012345', user: admin })).json().blocked).toBe(true);
    expect((await p.request({ method: 'DELETE', url: '/api/v1/dnc/%2B919820012345', user: admin })).json().removed).toBe(true);
  });

  it('records writes in the audit log, readable by admins', async () => {
    await sleep(100);
    const audit = (await p.request({ method: 'GET', url: '/api/v1/audit?limit=50', user: admin })).json();
    const actions = audit.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['POST /api/v1/leads', 'PUT /api/v1/leads/:id/status', 'DELETE /api/v1/leads/:id', 'POST /api/v1/leads/import']));
    expect(audit.items[0]).toMatchObject({ userId: admin.id, userEmail: admin.email, ip: expect.any(String), requestId: expect.any(String) });
  });

  it('serves the OpenAPI document generated from the route schemas, and the docs UI', async () => {
    const doc = (await p.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/leads', '/api/v1/leads/{id}', '/api/v1/leads/{id}/status', '/api/v1/leads/import', '/api/v1/auth/login', '/api/v1/dnc']));
    expect(doc.paths['/api/v1/leads'].post.requestBody.content['application/json'].schema.properties.phone).toMatchObject({ type: 'string' });
    expect(doc.paths['/api/v1/leads'].get.parameters.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['status', 'search', 'cursor', 'limit']));
    const ui = await p.request({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it('sets security headers and a request id on every response', async () => {
    const res = await p.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});

describe('gateway when the lead service is down', () => {
  it('answers 503 at once with a clear message, never a hung request', async () => {
    const p = await startPlatform('gwdown', {}, { lead: false });
    try {
      const admin = await p.user('a', 'admin');
      const started = Date.now();
      const res = await p.request({ method: 'GET', url: '/api/v1/leads', user: admin });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toMatch(/lead service is not running/);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await p.stop();
    }
  });
});

describe('gateway rate limits', () => {
  it('answers 429 with Retry-After past the per-user limit', async () => {
    const p = await startPlatform('gwrate', { RATE_LIMIT_PER_MINUTE: '5' }, { lead: false });
    try {
      const admin = await p.user('a', 'admin');
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await p.request({ method: 'GET', url: '/api/v1/auth/me', user: admin })).statusCode);
      expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const limited = await p.request({ method: 'GET', url: '/api/v1/auth/me', user: admin });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json().error.code).toBe('too_many_requests');
    } finally {
      await p.stop();
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

/** The same API over a real socket on loopback: cookies, streaming and CORS as a browser meets them. */
describe('gateway over real HTTP on loopback', () => {
  let p: TestPlatform;
  let base: string;
  let admin: TestUser;
  beforeAll(async () => {
    p = await startPlatform('gwhttp');
    await p.http.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(p.http.server.address() as { port: number }).port}`;
    admin = await p.user('a', 'admin');
  });
  afterAll(async () => {
    await p.stop();
  });

  it('logs in, sets the refresh cookie, and refreshes with the cookie alone', async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin.email, password: admin.password }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/soraaya_refresh=[^;]+; Path=\/api\/v1\/auth; Expires=.*; HttpOnly; SameSite=Strict/);
    const refreshed = await fetch(`${base}/api/v1/auth/refresh`, { method: 'POST', headers: { cookie: cookie.split(';')[0]! } });
    expect(refreshed.status).toBe(200);
  });

  it('creates and lists leads, and streams an export', async () => {
    const auth = { authorization: `Bearer ${admin.accessToken}` };
    const created = await fetch(`${base}/api/v1/leads`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ contactPerson: 'Kavya Menon', phone: '+91 98450 12355' }) });
    expect(created.status).toBe(201);
    const list = await fetch(`${base}/api/v1/leads?search=kavya`, { headers: auth });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
    const csv = await fetch(`${base}/api/v1/leads/export`, { headers: auth });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toMatch(/Kavya Menon/);
  });

  it('answers CORS preflights for the console origin only', async () => {
    const allowed = await fetch(`${base}/api/v1/leads`, { method: 'OPTIONS', headers: { origin: 'http://localhost:4200', 'access-control-request-method': 'GET' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const denied = await fetch(`${base}/api/v1/leads`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('gateway serving the console build', () => {
  it('serves the built console at / and its client-side routes, and keeps /api answers as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Soraaya</title><app-root></app-root>');
    writeFileSync(join(dir, 'main.js'), 'console.log(1)');
    const p = await startPlatform('gwstatic', { CONSOLE_DIST_DIR: dir }, { lead: false });
    try {
      const home = await p.request({ method: 'GET', url: '/' });
      expect(home.statusCode).toBe(200);
      expect(home.body).toMatch(/<app-root>/);
      expect((await p.request({ method: 'GET', url: '/main.js' })).body).toBe('console.log(1)');
      const deepLink = await p.request({ method: 'GET', url: '/leads/0193a000-0000-7000-8000-000000000001' });
      expect(deepLink.body).toMatch(/<app-root>/);
      const api = await p.request({ method: 'GET', url: '/api/v1/nothing-here' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('not_found');
    } finally {
      await p.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

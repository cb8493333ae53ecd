import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

describe('gateway auth: login, refresh rotation, logout, throttling', () => {
  let p: TestPlatform;
  let admin: TestUser;
  beforeAll(async () => {
    p = await startPlatform('gwauth', { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_LOCK_SECONDS: '60' }, { lead: false });
    admin = await p.user('a', 'admin');
  });
  afterAll(async () => {
    await p.stop();
  });

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    p.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

  it('logs in: short-lived access token, rotating refresh token in body and httpOnly cookie', async () => {
    const res = await login(admin.email.toUpperCase(), admin.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: admin.id, role: 'admin', tenantId: p.tenants.a, disabled: false });
    expect(body.accessToken.split('.')).toHaveLength(3);
    const cookie = res.cookies.find((c) => c.name === 'soraaya_refresh')!;
    expect(cookie).toMatchObject({ value: body.refreshToken, httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(new Date(body.accessTokenExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await login(admin.email, 'not the password', '10.0.0.2');
    const unknown = await login('nobody@example.in', 'whatever', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'unauthorized', message: 'Email or password is incorrect' } });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it.each([
    [{}, /email/],
    [{ email: 'a@b.in' }, /password/],
    [{ email: 'a@b.in', password: 'x', extra: 1 }, /Unrecognized key/],
  ])('answers 400 to a malformed login %#', async (payload, message) => {
    const res = await p.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(message);
  });

  it('locks an account after repeated failures with 429 and Retry-After, even for the right password', async () => {
    const victim = await p.user('a', 'agent', 'victim');
    for (let i = 0; i < 3; i++) expect((await login(victim.email, 'guess', `10.0.1.${i}`)).statusCode).toBe(401);
    const locked = await login(victim.email, victim.password, '10.0.1.9');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().error.message).toMatch(/Too many failed logins; try again in \d+ seconds/);
    expect(locked.json().error.message).not.toMatch(/exist/);
  });

  it('rotates the refresh token, and reuse of a spent one revokes the whole family', async () => {
    const first = (await login(admin.email, admin.password)).json();
    const second = await p.http.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(second.statusCode).toBe(200);
    const rotated = second.json();
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    // The old token again: treated as theft.
    const reuse = await p.http.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.message).toMatch(/already used/);
    // ...which also kills the newer token of the same family.
    const afterTheft = await p.http.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: rotated.refreshToken } });
    expect(afterTheft.statusCode).toBe(401);
  });

  it('refreshes from the cookie alone', async () => {
    const res = await login(admin.email, admin.password);
    const cookie = res.cookies.find((c) => c.name === 'soraaya_refresh')!;
    const refreshed = await p.http.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { soraaya_refresh: cookie.value } });
    expect(refreshed.statusCode).toBe(200);
  });

  it('logs out: the session\'s refresh token stops working', async () => {
    const session = (await login(admin.email, admin.password)).json();
    const out = await p.http.inject({ method: 'POST', url: '/api/v1/auth/logout', payload: { refreshToken: session.refreshToken } });
    expect(out.statusCode).toBe(204);
    expect((await p.http.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: session.refreshToken } })).statusCode).toBe(401);
  });

  it('refuses forged, tampered and missing access tokens', async () => {
    const [h, payload, sig] = admin.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, tid: p.tenants.b })).toString('base64url');
    for (const token of [`${h}.${elevated}.${sig}`, 'garbage', `${h}.${payload}.AAAA`]) {
      const res = await p.request({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(401);
    }
    expect((await p.request({ method: 'GET', url: '/api/v1/auth/me' })).json().error.message).toMatch(/Log in first/);
  });

  it('tells me who I am and what I may do', async () => {
    const me = await p.request({ method: 'GET', url: '/api/v1/auth/me', user: admin });
    expect(me.json()).toMatchObject({ id: admin.id, email: admin.email, role: 'admin' });
    const agent = await p.user('a', 'agent');
    const perms = (await p.request({ method: 'GET', url: '/api/v1/user/permissions', user: agent })).json();
    expect(perms.role).toBe('agent');
    expect(perms.permissions).toEqual(expect.arrayContaining([{ permission: 'leads:read', scope: 'own_leads' }, { permission: 'leads:notes', scope: 'own_leads' }]));
    expect(perms.permissions.map((x: { permission: string }) => x.permission)).not.toContain('leads:write');
  });

  it('lets me change my preferences and time zone, and refuses a bad zone', async () => {
    const ok = await p.request({ method: 'PATCH', url: '/api/v1/auth/me', user: admin, body: { timeZone: 'Europe/London', preferences: { theme: 'dark', refreshSeconds: 30 } } });
    expect(ok.json()).toMatchObject({ timeZone: 'Europe/London', preferences: { theme: 'dark', refreshSeconds: 30 } });
    const bad = await p.request({ method: 'PATCH', url: '/api/v1/auth/me', user: admin, body: { timeZone: 'Mars/Olympus' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toEqual({ path: 'body.timeZone', message: 'must be an IANA time zone such as Asia/Kolkata' });
  });

  it('signs out a disabled user everywhere', async () => {
    const target = await p.user('a', 'manager', 'leaver');
    const res = await p.request({ method: 'PATCH', url: `/api/v1/users/${target.id}`, user: admin, body: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect((await p.http.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: target.refreshToken } })).statusCode).toBe(401);
    expect((await login(target.email, target.password, '10.0.2.1')).statusCode).toBe(401);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, runConsoleSmoke } from '../frontend/console/e2e/console-smoke';
import { insertStoredCall, rebuildRollups } from './support/intel-fixtures';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

/**
 * The built console in Debian's Chromium (playwright-core, never a downloaded
 * browser) against the gateway and services on loopback: log in, every page,
 * the dashboard (with a live update), a lead's drawer, reload with the session restored from the refresh cookie,
 * the dark theme, a tablet width, log out. Screenshots go to
 * CONSOLE_SHOTS_DIR (default /tmp/console-shots) to be looked at.
 *
 * Uses frontend/console/dist as it is; builds it first only when it is missing
 * (npm run build:console), so rebuild after changing the console.
 */
const root = resolve(__dirname, '..');
const dist = join(root, 'frontend/console/dist/console/browser');

describe('console in a real browser', () => {
  let p: TestPlatform;
  let admin: TestUser;
  let baseUrl: string;
  const leadIds: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (scripts/infra-up.sh does it as root)`);
    if (!existsSync(join(dist, 'index.html'))) {
      execFileSync('npm', ['run', 'build:console'], { cwd: root, stdio: 'inherit', timeout: 600_000 });
    }
    p = await startPlatform('console', { CONSOLE_DIST_DIR: dist }, { listen: true, campaign: true, intelligence: true, notification: { timers: false } });
    baseUrl = p.baseUrl!;
    admin = await p.user('a', 'admin', 'console-admin');
    const leads = [
      { contactPerson: 'Priya Raghavan', phone: '+91 98200 12346', propertyName: 'Oberoi Three Sixty West', location: 'Worli, Mumbai', priority: 'high', budgetMinInr: 120_000_000, budgetMaxInr: 150_000_000 },
      { contactPerson: 'Vikram Shah', phone: '+91 98200 12349', propertyName: 'Four Seasons Residences', location: 'Worli, Mumbai', priority: 'medium' },
      { contactPerson: 'Nandini Rao', phone: '+91 98450 12361', propertyName: 'Embassy Lake Terraces', location: 'Hebbal, Bangalore', priority: 'low', email: 'nandini@example.in' },
    ];
    for (const lead of leads) {
      const res = await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: lead });
      if (res.statusCode !== 201) throw new Error(`seeding a lead failed: ${res.body}`);
      leadIds[lead.contactPerson] = res.json().id;
    }
    // A week of calls for the dashboard's charts: the lead's working hours, a few answered and qualified.
    const midnight = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    const names = Object.keys(leadIds);
    for (let day = 0; day < 7; day++) {
      for (let i = 0; i < 6; i++) {
        const hour = 10 + ((day + i * 2) % 9);
        const answered = (day + i) % 3 !== 0;
        await insertStoredCall(p, {
          tenantId: admin.tenantId,
          leadId: leadIds[names[(day + i) % names.length]!]!,
          // 04:30 UTC is 10:00 in Mumbai; today's calls stay in the past.
          startedAt: new Date(midnight - day * 86_400_000 + (day === 0 ? i * 60_000 : (hour - 5.5) * 3_600_000)).toISOString(),
          outcome: answered ? 'answered' : 'no_answer',
          seconds: answered ? 60 + 25 * i : 0,
          costUsd: answered ? 0.3 : 0.05,
          classification: answered ? (i % 2 ? 'qualified' : 'follow_up') : null,
          localHour: hour,
        });
      }
    }
    await rebuildRollups(p, admin.tenantId);
    const campaign = await p.request({ method: 'POST', url: '/api/v1/campaigns', user: admin, body: { name: 'Mumbai Luxury Q4', description: 'Sea-facing inventory before the year-end launches.', priority: 'high' } });
    if (campaign.statusCode !== 201) throw new Error(`seeding a campaign failed: ${campaign.body}`);
  }, 600_000);

  afterAll(async () => {
    await p?.stop();
  });

  it('logs in, updates live, shows every page and a lead, survives a reload, and logs out', async () => {
    const shotsDir = process.env.CONSOLE_SHOTS_DIR ?? '/tmp/console-shots';
    const result = await runConsoleSmoke({
      baseUrl,
      email: admin.email,
      password: admin.password,
      shotsDir,
      dark: true,
      leadQuery: 'search=priya',
      // A lead handed to a person shows up in the dashboard's activity list by itself.
      dashboardUpdate: async () => {
        const res = await p.request({ method: 'PUT', url: `/api/v1/leads/${leadIds['Vikram Shah']}/status`, user: admin, body: { status: 'human_input_needed', reason: 'Wants to negotiate in person' } });
        if (res.statusCode !== 200) throw new Error(`moving the lead failed: ${res.body}`);
        return 'Vikram Shah is now human input needed';
      },
      // A lead created through the API shows up in the open list by itself, over the WebSocket.
      liveUpdate: async () => {
        const res = await p.request({ method: 'POST', url: '/api/v1/leads', user: admin, body: { contactPerson: 'Arjun Live Reddy', phone: '+91 98480 22354' } });
        if (res.statusCode !== 201) throw new Error(`creating the live lead failed: ${res.body}`);
        return 'Arjun Live Reddy';
      },
    });
    expect(result.screenshots.length).toBeGreaterThanOrEqual(13);
    // The one expected failure: the refresh attempt on the first visit, before anyone has logged in.
    const unexpected = result.consoleErrors.filter((e) => !/status of 401/.test(e));
    expect(unexpected).toEqual([]);
  }, 120_000);
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runPagesSmoke } from '../frontend/console/e2e/console-pages-smoke';
import { CHROMIUM_PATH, runConsoleSmoke } from '../frontend/console/e2e/console-smoke';
import { seedConsolePages } from './support/console-pages-fixtures';
import { runLeadsJourney } from '../frontend/console/e2e/leads-journey';
import { runCampaignWizard } from '../frontend/console/e2e/campaign-wizard-journey';
import { insertStoredCall, rebuildRollups } from './support/intel-fixtures';
import { startPlatform, type TestPlatform, type TestUser } from './support/platform';

/**
 * The built console in Debian's Chromium (playwright-core, never a downloaded
 * browser) against the gateway and services on loopback: the landing page (its sample calls load), log in, every page,
 * the dashboard (with a live update), a lead's drawer, reload with the session restored from the refresh cookie,
 * the dark theme, a tablet width, log out; then, in a tenant of its own, the Leads page's
 * CSV import wizard, add-lead form and bulk status change; then the calling monitor (a campaign
 * started there, its calls arriving live, stop all), personas (a variable chip, a refused variable,
 * a save that lost a race), properties and settings. Screenshots go to
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
    // The webhook secret lets the simulator's calls (second test) reach the gateway.
    p = await startPlatform('console', { CONSOLE_DIST_DIR: dist, VAPI_WEBHOOK_SECRET: 'console-browser-secret-0123' }, { listen: true, campaign: true, intelligence: true, notification: { timers: false } });
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
    // The landing page's three generated sample calls, each with a play button and a recording the browser loaded.
    expect(result.samplePlayButtons).toBe(3);
    expect(result.sampleDurations).toHaveLength(3);
    for (const d of result.sampleDurations) expect(d).toBeGreaterThan(5);
    // Reports: the seeded week of calls (outside any campaign) in one row, and the CSV named by the gateway.
    expect(result.reportRows).toBeGreaterThanOrEqual(1);
    expect(result.reportCsvName).toMatch(/^soraaya-performance-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-campaign\.csv$/);
    expect(result.reportCsvLines.length).toBeGreaterThanOrEqual(3);
    expect(result.reportPdfName).toMatch(/^soraaya-performance-.+-campaign\.pdf$/);
    expect(result.reportPdfHead).toBe('%PDF-');
    // The one expected failure: the refresh attempt on the first visit, before anyone has logged in.
    const unexpected = result.consoleErrors.filter((e) => !/status of 401/.test(e));
    expect(unexpected).toEqual([]);
  }, 120_000);

  it('imports the sample CSV through the wizard, adds a lead and bulk-changes a status', async () => {
    // A tenant of its own, with no leads: the import's counts are the lead service's own (lead-import.test.ts).
    const leadsAdmin = await p.user('b', 'admin', 'leads-admin');
    const result = await runLeadsJourney({
      baseUrl,
      email: leadsAdmin.email,
      password: leadsAdmin.password,
      shotsDir: process.env.CONSOLE_SHOTS_DIR ?? '/tmp/console-shots',
      csvPath: join(root, 'services/lead/test/fixtures/leads-sample.csv'),
    });
    expect(result.counts).toEqual({ rowsRead: 25, created: 18, merged: 1, unchanged: 0, rejected: 6, warnings: 1 });
    expect(result.headline).toBe('25 rows read: 18 created, 1 merged, 6 rejected; 1 warning');
    // Six rejected rows and one warning, each in the table and in the downloaded report.
    expect(result.issueRows).toBe(7);
    expect(result.reportCsvLines).toHaveLength(8);
    expect(result.reportCsvLines[0]).toBe('row,column,severity,message');
    expect(result.reportCsvLines.filter((l) => l.includes(',error,'))).toHaveLength(6);

    expect(result.badPhoneMessage).toMatch(/phone/i);
    expect(result.duplicateMessage).toBe('A lead with phone +919820012345 already exists');
    expect(result.duplicateOffersLead).toBe(true);
    expect(result.addedPhoneE164).toBe('+919820099887');

    // Every imported lead asked to become "not interested": the one the dialer is calling cannot be moved by a person.
    expect(result.bulkHeadline).toBe('17 updated, 1 refused');
    expect(result.bulkRefused).toEqual([expect.stringMatching(/^1 · .+ — Farhan Qureshi$/)]);
    expect(result.exportCsvLines).toHaveLength(3);
    expect(result.consoleErrors.filter((e) => !/status of (401|409|400)/.test(e))).toEqual([]);
  }, 180_000);

  it('calling monitor, personas, properties and settings: live calls, stop all, editors, admin settings', async () => {
    // Every call answered, talking 7–34 s at this speed: long enough to watch a clock tick, short enough
    // that the simulator's pending timers do not hold jest open long after the platform stops.
    await p.startDialer({ SIMULATOR_SPEED: '0.15', SIMULATOR_OUTCOMES: 'answered:100' });
    const { personaIds } = await seedConsolePages(p, admin);
    const result = await runPagesSmoke({
      baseUrl,
      email: admin.email,
      password: admin.password,
      shotsDir: process.env.CONSOLE_SHOTS_DIR ?? '/tmp/console-shots',
      callingCampaign: 'Worli Sea Face calls',
      // Another person saves the persona first: the console's save must be refused and say so.
      changePersonaElsewhere: async (name) => {
        const id = personaIds[name]!;
        const { id: _i, tenantId: _t, createdAt: _c, updatedAt: _u, version, ...writable } = (await p.request({ method: 'GET', url: `/api/v1/agent-personas/${id}`, user: admin })).json();
        // The whole persona, as the console sends it: a partial update resets left-out fields to their defaults (zod 4 partial()).
        const res = await p.request({ method: 'PUT', url: `/api/v1/agent-personas/${id}`, user: admin, body: { version, changes: { ...writable, marketKnowledge: 'Changed in another tab.' } } });
        if (res.statusCode !== 200) throw new Error(`changing the persona elsewhere failed: ${res.body}`);
      },
    });
    expect(result.screenshots.length).toBeGreaterThanOrEqual(20);
    // 401: the refresh probe before logging in; 409: the persona save that lost the race, on purpose.
    expect(result.consoleErrors.filter((e) => !/status of (401|409)/.test(e))).toEqual([]);
  }, 180_000);

  it('creates a campaign through the wizard with one persona and one property, assigns leads and starts it', async () => {
    const active = (await p.request({ method: 'GET', url: '/api/v1/agent-personas?active=true', user: admin })).json().items as unknown[];
    if (!active.length) await seedConsolePages(p, admin);
    const result = await runCampaignWizard({
      baseUrl,
      email: admin.email,
      password: admin.password,
      shotsDir: process.env.CONSOLE_SHOTS_DIR ?? '/tmp/console-shots',
      campaignName: 'Worli ready-to-move',
      propertyName: 'Oberoi Three Sixty West',
      personaName: 'Aarav (Mumbai)',
    });
    expect(result.emptyNameError).toBe('A name is required');
    expect(result.review).toEqual(
      expect.arrayContaining(['Budget between ₹80 L and ₹5 Cr.', 'The agent leads with Oberoi Three Sixty West.', 'Every call uses Aarav (Mumbai).', 'At most 4 attempts per lead and 5 calls at once.']),
    );
    expect(result.assignMessage).toMatch(/^Leads assigned/);
    expect(result.startMessage).toBe('closed');
    const list = (await p.request({ method: 'GET', url: '/api/v1/campaigns', user: admin })).json().items as { name: string; status: string; leadCount: number; propertyIds: string[]; personas: unknown[] }[];
    const made = list.find((c) => c.name === 'Worli ready-to-move')!;
    expect(made).toMatchObject({ status: 'active', propertyIds: [expect.any(String)], personas: [expect.objectContaining({ weight: 50 })] });
    expect(made.leadCount).toBeGreaterThan(0);
    expect(result.screenshots.length).toBeGreaterThanOrEqual(12);
    expect(result.consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  }, 180_000);
});

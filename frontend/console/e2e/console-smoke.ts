/**
 * Drives the built console in Debian's Chromium against a running platform:
 * the landing page before login (sample calls loaded), logs in (landing on the dashboard), visits every page (Reports with its CSV), opens a lead, and saves a screenshot of each view.
 *
 *   CONSOLE_URL=http://127.0.0.1:8080 CONSOLE_EMAIL=… CONSOLE_PASSWORD=… \
 *     node_modules/.bin/tsx frontend/console/e2e/console-smoke.ts [/tmp/console-shots]
 *
 * The jest test e2e/console-browser.test.ts runs the same journey on a platform of its own.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export interface SmokeOptions {
  baseUrl: string;
  email: string;
  password: string;
  shotsDir: string;
  /** Also render every page in the dark theme. */
  dark?: boolean;
  /** Query of the lead list whose first lead is opened (default: a qualified one, likely to have calls). */
  leadQuery?: string;
  /**
   * Changes something behind the console's back while the lead list is open and returns a text
   * that must then appear in the list without a reload (the live feed at work).
   */
  liveUpdate?: () => Promise<string>;
  /** The same on the dashboard: a text that must then appear on it (in the activity list) without a reload. */
  dashboardUpdate?: () => Promise<string>;
  log?: (line: string) => void;
}

export interface SmokeResult {
  screenshots: string[];
  consoleErrors: string[];
  /** The landing page's sample calls: their play buttons and the seconds each recording loaded with. */
  samplePlayButtons: number;
  sampleDurations: number[];
  /** The Reports page: rows of its table, and the downloaded CSV (its name and lines). */
  reportRows: number;
  reportCsvName: string;
  reportCsvLines: string[];
  /** The downloaded PDF's name and first bytes. */
  reportPdfName: string;
  reportPdfHead: string;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Where a console page's screenshots and browser errors go. */
export interface PageSink {
  shotsDir: string;
  log: (line: string) => void;
  screenshots: string[];
  consoleErrors: string[];
  /** Wait this long before each screenshot (dialog and stepper animations). */
  settleMs?: number;
  acceptDownloads?: boolean;
}

/** A console tab in a fresh 1440x900 light context that records browser errors and saves named screenshots. */
export async function openConsolePage(browser: Browser, sink: PageSink): Promise<{ page: Page; shot: (name: string) => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', ...(sink.acceptDownloads ? { acceptDownloads: true } : {}) });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') sink.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => sink.consoleErrors.push(e.message));
  const shot = async (name: string) => {
    const file = join(sink.shotsDir, `${name}.png`);
    if (sink.settleMs) await page.waitForTimeout(sink.settleMs);
    await page.screenshot({ path: file });
    sink.screenshots.push(file);
    sink.log(`screenshot ${file}`);
  };
  return { page, shot };
}

/** Logs in through the login page and waits for the dashboard. */
export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/dashboard/);
}

export async function runConsoleSmoke(opts: SmokeOptions): Promise<SmokeResult> {
  const log = opts.log ?? (() => undefined);
  mkdirSync(opts.shotsDir, { recursive: true });
  const browser = await launchChromium();
  const screenshots: string[] = [];
  const consoleErrors: string[] = [];
  try {
    const { page, shot } = await openConsolePage(browser, { shotsDir: opts.shotsDir, log, screenshots, consoleErrors });

    // Logged out, `/` is the landing page: sample calls that load and play, a way to log in.
    await page.goto(`${opts.baseUrl}/`, { waitUntil: 'networkidle' });
    await page.waitForURL(/\/welcome/);
    await page.locator('audio.sample-audio').nth(2).waitFor({ state: 'attached' });
    const samplePlayButtons = await page.getByRole('button', { name: /^Play / }).count();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('audio.sample-audio')).every((a) => (a as HTMLAudioElement).duration > 0), undefined, { timeout: 15_000 });
    const sampleDurations = await page.locator('audio.sample-audio').evaluateAll((els) => els.map((a) => (a as HTMLAudioElement).duration));
    await settle(page);
    await shot('00-welcome');
    await page.locator('details.transcript summary').first().click();
    await page.locator('#samples').scrollIntoViewIfNeeded();
    await shot('00-welcome-samples');
    await page.getByRole('button', { name: 'Request a demo' }).click();
    await page.getByText('Enter your name.').waitFor();
    await page.locator('#demo').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500); // the error lines slide in
    await shot('00-welcome-demo-invalid');
    // A valid request is thanked (nothing is stored: there is no endpoint for it yet).
    await page.getByLabel('Your name').fill('Meera Iyer');
    await page.getByLabel('Company').fill('Iyer Realty');
    await page.getByLabel('Work email').fill('meera@iyer-realty.in');
    await page.getByLabel('Phone').fill('+91 98765 43210');
    await page.getByRole('button', { name: 'Request a demo' }).click();
    await page.getByText('Thank you, Meera Iyer!').waitFor();
    await shot('00-welcome-demo-thanks');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('#h-hero').scrollIntoViewIfNeeded();
    await shot('00-welcome-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 820, height: 1000 });
    await shot('00-welcome-tablet');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('link', { name: 'Log in' }).first().click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').waitFor();
    await shot('01-login');
    await page.getByLabel('Email').fill(opts.email);
    await page.getByLabel('Password', { exact: true }).fill(opts.password);
    await page.getByRole('button', { name: 'Log in' }).click();

    // Logging in lands on the dashboard.
    await page.waitForURL(/\/dashboard/);
    await page.locator('section[aria-label="Key figures"] article').nth(11).waitFor({ timeout: 15_000 });
    await settle(page);
    await shot('02-dashboard');
    await scrollContent(page, 'bottom');
    await shot('02-dashboard-charts');
    await scrollContent(page, 'top');
    if (opts.dashboardUpdate) {
      const expected = await opts.dashboardUpdate();
      await page.locator('#h-activity + ul').getByText(expected).waitFor({ timeout: 15_000 });
      log(`dashboard live update seen: ${expected}`);
    }
    await page.getByRole('link', { name: 'Leads', exact: true }).first().click();
    await page.waitForURL(/\/leads/);
    await page.locator('table[aria-label="Leads"] tr.row').first().waitFor({ timeout: 15_000 });
    await settle(page);
    await shot('02-leads');

    if (opts.liveUpdate) {
      const expected = await opts.liveUpdate();
      await page.locator('table[aria-label="Leads"]').getByText(expected).waitFor({ timeout: 15_000 });
      log(`live update seen: ${expected}`);
    }

    // A reload with filters in the URL: the session comes back from the refresh cookie, the filter from the URL.
    await page.goto(`${opts.baseUrl}/leads?${opts.leadQuery ?? 'status=qualified'}`, { waitUntil: 'networkidle' });
    await page.locator('table[aria-label="Leads"] tr.row').first().waitFor({ timeout: 15_000 });
    await page.locator('table[aria-label="Leads"] tr.row').first().click();
    await page.locator('app-lead-detail h2').waitFor();
    await settle(page);
    await shot('03-lead-detail');
    await page.getByRole('tab', { name: /Calls/ }).click();
    await settle(page);
    await shot('04-lead-calls');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await settle(page);
    await shot('05-lead-timeline');
    await page.getByRole('button', { name: 'Close lead details' }).click();

    for (const [path, name] of [
      ['/notifications', '06-notifications'],
      ['/campaigns', '07-campaigns'],
      ['/insights', '08-insights'],
    ] as const) {
      await page.getByRole('link', { name: new RegExp(path.slice(1), 'i') }).first().click();
      await page.waitForURL(new RegExp(path));
      await page.locator('h1').first().waitFor();
      await settle(page);
      await shot(name);
    }

    // Reports: the default last 30 days by campaign, a row per group, the CSV downloaded under the server's name.
    await page.getByRole('link', { name: 'Reports' }).first().click();
    await page.waitForURL(/\/reports/);
    await page.locator('table.report-table tbody tr').first().waitFor({ timeout: 15_000 });
    const reportRows = await page.locator('table.report-table tbody tr').count();
    await settle(page);
    await shot('08-reports');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const reportCsvName = csv.suggestedFilename();
    const reportCsvLines = readFileSync((await csv.path())!, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter(Boolean);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF' }).click()]);
    const reportPdfName = pdf.suggestedFilename();
    const reportPdfHead = readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1');
    await scrollContent(page, 'bottom');
    await shot('08-reports-charts');

    if (opts.dark) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${opts.baseUrl}/reports`, { waitUntil: 'networkidle' });
      await page.locator('table.report-table tbody tr').first().waitFor({ timeout: 15_000 });
      await settle(page);
      await shot('10-reports-dark');
      await page.goto(`${opts.baseUrl}/leads`, { waitUntil: 'networkidle' });
      await page.locator('table[aria-label="Leads"] tr.row').first().waitFor({ timeout: 15_000 });
      await settle(page);
      await shot('09-leads-dark');
      await page.goto(`${opts.baseUrl}/dashboard`, { waitUntil: 'networkidle' });
      await settle(page);
      await shot('09-dashboard-dark');
      await scrollContent(page, 'bottom');
      await shot('09-dashboard-dark-charts');
      await page.goto(`${opts.baseUrl}/insights`, { waitUntil: 'networkidle' });
      await settle(page);
      await shot('10-insights-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    }

    // Tablet width: the sidebar folds into a menu.
    await page.setViewportSize({ width: 820, height: 1000 });
    await page.goto(`${opts.baseUrl}/leads`, { waitUntil: 'networkidle' });
    await settle(page);
    await shot('11-leads-tablet');
    await page.goto(`${opts.baseUrl}/dashboard`, { waitUntil: 'networkidle' });
    await settle(page);
    await shot('12-dashboard-tablet');
    await page.goto(`${opts.baseUrl}/reports`, { waitUntil: 'networkidle' });
    await page.locator('table.report-table tbody tr').first().waitFor({ timeout: 15_000 });
    await settle(page);
    await shot('13-reports-tablet');

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    return { screenshots, consoleErrors, samplePlayButtons, sampleDurations, reportRows, reportCsvName, reportCsvLines, reportPdfName, reportPdfHead };
  } finally {
    await browser.close();
  }
}

/** Pages scroll inside the sidenav content, not the document: a full-page screenshot would not show more. */
async function scrollContent(page: Page, to: 'top' | 'bottom'): Promise<void> {
  await page.locator('mat-sidenav-content').evaluate((el, where) => el.scrollTo(0, where === 'top' ? 0 : el.scrollHeight), to);
  await page.waitForTimeout(300);
}

/** Lets requests finish and animations end before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // ngx-charts fades its marks in over ~500 ms.
  await page.waitForTimeout(1200);
}

if (require.main === module) {
  const shotsDir = process.argv[2] ?? '/tmp/console-shots';
  runConsoleSmoke({
    baseUrl: process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080',
    email: process.env.CONSOLE_EMAIL ?? 'admin@soraaya.local',
    password: process.env.CONSOLE_PASSWORD ?? process.env.SORAAYA_ADMIN_PASSWORD ?? '',
    shotsDir,
    dark: true,
    log: console.log,
  })
    .then((r) => {
      if (r.consoleErrors.length) console.log(`browser console errors:\n  ${r.consoleErrors.join('\n  ')}`);
      console.log(`done: ${r.screenshots.length} screenshots in ${shotsDir}`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

/**
 * Drives the built console in Debian's Chromium against a running platform:
 * logs in (landing on the dashboard), visits every page, opens a lead, and saves a screenshot of each view.
 *
 *   CONSOLE_URL=http://127.0.0.1:8080 CONSOLE_EMAIL=… CONSOLE_PASSWORD=… \
 *     node_modules/.bin/tsx frontend/console/e2e/console-smoke.ts [/tmp/console-shots]
 *
 * The jest test e2e/console-browser.test.ts runs the same journey on a platform of its own.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
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
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export async function runConsoleSmoke(opts: SmokeOptions): Promise<SmokeResult> {
  const log = opts.log ?? (() => undefined);
  mkdirSync(opts.shotsDir, { recursive: true });
  const browser = await launchChromium();
  const screenshots: string[] = [];
  const consoleErrors: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    const shot = async (name: string) => {
      const file = join(opts.shotsDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      screenshots.push(file);
      log(`screenshot ${file}`);
    };

    await page.goto(`${opts.baseUrl}/`, { waitUntil: 'networkidle' });
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

    if (opts.dark) {
      await page.emulateMedia({ colorScheme: 'dark' });
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

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    return { screenshots, consoleErrors };
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

/**
 * The console's calling monitor, personas, properties and settings pages in
 * Debian's Chromium against a running platform: starts a campaign from the
 * monitor and watches its calls appear and their clocks tick without a reload,
 * stops all calling behind a confirmation, edits a persona (a variable chip, a
 * refused variable, a save that lost a race), filters and edits properties, and
 * works through settings (profile, refresh rate, notification preferences,
 * users, phone lines). Screenshots of each, light, dark and at tablet width.
 *
 *   CONSOLE_URL=… CONSOLE_EMAIL=… CONSOLE_PASSWORD=… node_modules/.bin/tsx frontend/console/e2e/console-pages-smoke.ts [/tmp/console-shots]
 *
 * e2e/console-browser.test.ts runs it on a platform of its own, after the main journey.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, logIn, openConsolePage } from './console-smoke';

export interface PagesSmokeOptions {
  baseUrl: string;
  email: string;
  password: string;
  shotsDir: string;
  /** The campaign to start from the monitor: its calls must then show up there by themselves. */
  callingCampaign?: string;
  /** Changes the named persona behind the console's back (another person saving first). */
  changePersonaElsewhere?: (name: string) => Promise<void>;
  log?: (line: string) => void;
}

export interface PagesSmokeResult {
  screenshots: string[];
  consoleErrors: string[];
}

export async function runPagesSmoke(opts: PagesSmokeOptions): Promise<PagesSmokeResult> {
  const log = opts.log ?? (() => undefined);
  mkdirSync(opts.shotsDir, { recursive: true });
  const browser = await launchChromium();
  const screenshots: string[] = [];
  const consoleErrors: string[] = [];
  try {
    const { page, shot } = await openConsolePage(browser, { shotsDir: opts.shotsDir, log, screenshots, consoleErrors });

    await logIn(page, opts.baseUrl, opts.email, opts.password);

    // Calling monitor, reached from the sidebar.
    await page.getByRole('link', { name: 'Calling monitor' }).click();
    await page.waitForURL(/\/calling/);
    const campaigns = page.locator('section[aria-labelledby="h-campaigns"] tbody');
    await campaigns.locator('tr').first().waitFor();
    await settle(page);
    if (opts.callingCampaign) {
      await page.getByRole('button', { name: `Start calling ${opts.callingCampaign}` }).click();
      await page.getByRole('button', { name: `Stop calling ${opts.callingCampaign}` }).waitFor({ timeout: 15_000 });
      // Its calls arrive over the live feed: no reload.
      const live = page.locator('section[aria-labelledby="h-live"] tbody tr:has(app-status-chip)');
      await live.first().waitFor({ timeout: 30_000 });
      const clockCell = live.first().locator('td.clock span[aria-hidden="true"]');
      const before = await clockCell.textContent();
      await page.waitForTimeout(2200);
      const after = await clockCell.textContent();
      if (before === after) throw new Error(`the call's clock did not tick (${before})`);
      log(`live calls seen; clock ${before} → ${after}`);
    }
    await settle(page);
    await shot('13-calling');

    // Stop all: a confirmation first; cancelling changes nothing, confirming pauses every calling campaign.
    const stopAll = page.getByRole('button', { name: 'Stop all calling' });
    if (await stopAll.isVisible()) {
      await stopAll.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await page.waitForTimeout(300);
      await shot('13-calling-stop-all');
      await dialog.getByLabel('Reason (optional)').fill('Lunch break for the sales team');
      await dialog.getByRole('button', { name: 'Stop all calling' }).click();
      await dialog.waitFor({ state: 'detached' });
      if (opts.callingCampaign) await page.getByRole('button', { name: `Resume calling ${opts.callingCampaign}` }).waitFor({ timeout: 15_000 });
      log('stop all confirmed');
    }

    // Personas: the list, then one in the editor.
    await page.getByRole('link', { name: 'Agent personas' }).click();
    await page.waitForURL(/\/personas/);
    const personaRows = page.locator('table[aria-label="Personas"] tr.row');
    await personaRows.first().waitFor();
    await settle(page);
    await shot('14-personas');
    await personaRows.first().click();
    const editor = page.locator('section.editor');
    await editor.locator('h2').waitFor();
    const name = (await editor.locator('h2').textContent())!.trim();
    await settle(page);
    await shot('14-persona-editor');
    // A variable chip goes in at the cursor of the field last focused.
    const script = editor.getByLabel('Script', { exact: true });
    await script.click();
    await script.press('End');
    await script.pressSequentially(' Budget: ');
    await editor.getByRole('button', { name: /^Insert lead\.price_range/ }).click();
    const scriptText = await script.inputValue();
    if (!scriptText.endsWith('Budget: {{lead.price_range}}')) throw new Error(`the chip did not insert at the cursor: ${scriptText}`);
    // An unknown variable is refused before it reaches the server, in the server's words.
    await script.pressSequentially(' {{lead.age}}');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('Unknown variable {{lead.age}}').waitFor();
    await scrollTo(editor.getByText('Unknown variable {{lead.age}}'));
    await shot('14-persona-invalid');
    await script.fill(scriptText);
    if (opts.changePersonaElsewhere) {
      // Someone else saves first: the save is refused and the editor shows their version.
      await opts.changePersonaElsewhere(name);
      await editor.getByRole('button', { name: 'Save changes' }).click();
      await editor.getByText(/Someone else changed/).waitFor({ timeout: 10_000 });
      await scrollTo(editor.locator('.editor-head'));
      await shot('14-persona-conflict');
      await script.click();
      await script.press('End');
      await script.pressSequentially(' Budget: ');
      await editor.getByRole('button', { name: /^Insert lead\.price_range/ }).click();
    }
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`${name} saved`).waitFor({ timeout: 10_000 });
    log('persona saved');
    // A new persona: the form starts with a greeting that uses variables.
    await page.getByRole('button', { name: 'New persona' }).click();
    await editor.locator('h2', { hasText: 'New persona' }).waitFor();
    await editor.getByLabel('Name', { exact: true }).fill('Riya (Hyderabad)');
    await editor.getByLabel('Region', { exact: true }).fill('Hyderabad');
    await editor.getByLabel('Voice id', { exact: true }).fill('riya');
    await editor.getByLabel('Script', { exact: true }).fill('Ask about {{property.name}} near HITEC City.');
    await editor.getByRole('button', { name: 'Create persona' }).click();
    await page.getByText('Riya (Hyderabad) saved').waitFor({ timeout: 10_000 });

    // Properties: filters in the URL, the list, the editor.
    await page.getByRole('link', { name: 'Properties' }).click();
    await page.waitForURL(/\/properties/);
    const propertyRows = page.locator('table[aria-label="Properties"] tr.row');
    await propertyRows.first().waitFor();
    await settle(page);
    await shot('15-properties');
    await propertyRows.first().click();
    await page.locator('section.editor h2').waitFor();
    await settle(page);
    await shot('15-property-editor');
    await page.goto(`${opts.baseUrl}/properties?type=villa,apartment&availability=available`, { waitUntil: 'networkidle' });
    await propertyRows.first().waitFor();
    await settle(page);
    await shot('15-properties-filtered');

    // Settings: each tab.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings/);
    await page.getByRole('tab').first().waitFor();
    await settle(page);
    await shot('16-settings-profile');
    for (const [tab, file] of [
      ['Notifications', '16-settings-notifications'],
      ['Users', '16-settings-users'],
      ['Phone lines', '16-settings-phone-lines'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await settle(page);
      await shot(file);
    }
    // A number that is no E.164 number is refused beside the field.
    await page.getByLabel('Number', { exact: true }).fill('022 5000');
    await page.getByLabel('Label', { exact: true }).fill('Pune office');
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByText(/E\.164 number such as/).first().waitFor();
    await page.waitForTimeout(400); // the message fades in
    await shot('16-settings-phone-line-invalid');

    // Dark theme and a tablet width for the same pages.
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const [path, file] of [
      ['/calling', '17-calling-dark'],
      ['/personas?persona=new', '17-persona-editor-dark'],
      ['/properties', '17-properties-dark'],
      ['/settings', '17-settings-dark'],
      ['/settings?tab=users', '17-settings-users-dark'],
    ] as const) {
      await page.goto(`${opts.baseUrl}${path}`, { waitUntil: 'networkidle' });
      await page.locator('h1').first().waitFor();
      await settle(page);
      await shot(file);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 820, height: 1000 });
    for (const [path, file] of [
      ['/calling', '18-calling-tablet'],
      ['/personas?persona=new', '18-persona-editor-tablet'],
      ['/properties', '18-properties-tablet'],
      ['/settings?tab=users', '18-settings-users-tablet'],
    ] as const) {
      await page.goto(`${opts.baseUrl}${path}`, { waitUntil: 'networkidle' });
      await page.locator('h1').first().waitFor();
      await settle(page);
      await shot(file);
    }
    return { screenshots, consoleErrors };
  } finally {
    await browser.close();
  }
}

async function scrollTo(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await target.page().waitForTimeout(200);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(800);
}

if (require.main === module) {
  const shotsDir = process.argv[2] ?? '/tmp/console-shots';
  runPagesSmoke({
    baseUrl: process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080',
    email: process.env.CONSOLE_EMAIL ?? 'admin@soraaya.local',
    password: process.env.CONSOLE_PASSWORD ?? process.env.SORAAYA_ADMIN_PASSWORD ?? '',
    shotsDir,
    ...(process.env.CONSOLE_CALLING_CAMPAIGN ? { callingCampaign: process.env.CONSOLE_CALLING_CAMPAIGN } : {}),
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

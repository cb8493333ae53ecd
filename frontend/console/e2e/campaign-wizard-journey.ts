/// <reference lib="dom" />
/**
 * The Campaigns page's creation wizard in Debian's Chromium: Next refused on an
 * empty name, every step filled (a budget typed "80 L"–"5 Cr", one property, one
 * persona, the calling window), the review in sentences, created; then leads
 * assigned by a filter and the campaign started. Screenshots of each step, and
 * the review in the dark theme and at tablet width.
 *
 * e2e/console-browser.test.ts runs it.
 */
import { launchChromium, logIn, openConsolePage } from './console-smoke';

export interface CampaignWizardOptions {
  baseUrl: string;
  email: string;
  password: string;
  shotsDir: string;
  campaignName: string;
  propertyName: string;
  personaName: string;
  log?: (line: string) => void;
}

export interface CampaignWizardResult {
  screenshots: string[];
  consoleErrors: string[];
  emptyNameError: string;
  review: string[];
  assignMessage: string;
  startMessage: string;
}

export async function runCampaignWizard(opts: CampaignWizardOptions): Promise<CampaignWizardResult> {
  const log = opts.log ?? (() => undefined);
  const browser = await launchChromium();
  const screenshots: string[] = [];
  const consoleErrors: string[] = [];
  try {
    const { page, shot } = await openConsolePage(browser, { shotsDir: opts.shotsDir, log, screenshots, consoleErrors, settleMs: 400 });

    await logIn(page, opts.baseUrl, opts.email, opts.password);
    await page.getByRole('link', { name: 'Campaigns', exact: true }).first().click();
    await page.getByRole('button', { name: 'New campaign' }).click();
    const wizard = page.getByRole('dialog');
    await wizard.getByLabel('Name').waitFor();

    // Basics: Next refuses an empty name.
    await wizard.getByRole('button', { name: 'Next' }).first().click();
    const emptyNameError = (await wizard.locator('mat-hint.bad').first().innerText()).trim();
    await shot('campaign-wizard-01-basics-refused');
    await wizard.getByLabel('Name').fill(opts.campaignName);
    await wizard.getByLabel('Description').fill('Ready-to-move sea-facing homes for buyers who can decide this quarter.');
    await shot('campaign-wizard-02-basics');
    await wizard.getByRole('button', { name: 'Next' }).first().click();

    // Who qualifies.
    await wizard.getByLabel('Budget at least').fill('80 L');
    await wizard.getByLabel('Budget at most').fill('5 Cr');
    await wizard.getByRole('checkbox', { name: '3 months' }).check();
    await wizard.getByRole('checkbox', { name: 'The person on the call must be the decision maker' }).check();
    await shot('campaign-wizard-03-criteria');
    await wizard.locator('.mat-horizontal-stepper-content-current').getByRole('button', { name: 'Next' }).click();

    // Properties.
    await wizard.getByLabel('Add a property').click();
    await page.getByRole('option', { name: opts.propertyName }).click();
    await wizard.getByRole('list', { name: 'Chosen properties in order' }).getByText(opts.propertyName).waitFor();
    await shot('campaign-wizard-04-properties');
    await wizard.locator('.mat-horizontal-stepper-content-current').getByRole('button', { name: 'Next' }).click();

    // Personas.
    await wizard.getByLabel('Add a persona').click();
    await page.getByRole('option', { name: opts.personaName }).click();
    await wizard.getByText('100% of calls').waitFor();
    await shot('campaign-wizard-05-personas');
    await wizard.locator('.mat-horizontal-stepper-content-current').getByRole('button', { name: 'Next' }).click();

    // Calling window and pacing.
    await wizard.getByLabel('Attempts per lead').fill('4');
    await shot('campaign-wizard-06-pacing');
    await wizard.locator('.mat-horizontal-stepper-content-current').getByRole('button', { name: 'Next' }).click();

    // Review.
    await wizard.getByRole('button', { name: 'Create campaign' }).waitFor();
    const review = (await wizard.locator('section.review p').allInnerTexts()).map((t) => t.trim());
    await shot('campaign-wizard-07-review');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('campaign-wizard-07-review-dark');
    await page.setViewportSize({ width: 820, height: 1180 });
    await shot('campaign-wizard-07-review-tablet');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });

    await wizard.getByRole('button', { name: 'Create campaign' }).click();
    await wizard.getByText('is created as a draft').waitFor();
    await shot('campaign-wizard-08-created');
    await wizard.getByRole('button', { name: 'Assign leads matching this filter' }).click();
    const status = wizard.locator('p.after-message');
    await status.waitFor();
    const assignMessage = (await status.innerText()).trim();
    await shot('campaign-wizard-09-assigned');
    await wizard.getByRole('button', { name: 'Start calling' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    const startMessage = (await page.getByRole('dialog').count()) ? (await status.innerText()).trim() : 'closed';
    await page.locator('table[aria-label="Campaigns"]').getByText(opts.campaignName).waitFor();
    await page.waitForTimeout(800);
    await shot('campaign-wizard-10-started');
    log(`assign: ${assignMessage}; start: ${startMessage}`);
    return { screenshots, consoleErrors, emptyNameError, review, assignMessage, startMessage };
  } finally {
    await browser.close();
  }
}

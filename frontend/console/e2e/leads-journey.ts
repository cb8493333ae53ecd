/// <reference lib="dom" />
/**
 * The Leads page's write paths in Debian's Chromium, for a tenant with no leads
 * yet: import a CSV through the wizard (file → columns → progress → per-row
 * report, downloaded), add a lead (the contract's checks, the server's refusals
 * on the fields, a duplicate phone offering the existing lead), and bulk-change
 * a status (the per-lead refusals in words). Screenshots of each step, light,
 * dark and at tablet width.
 *
 * e2e/console-browser.test.ts runs it on a platform of its own.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launchChromium, logIn, openConsolePage } from './console-smoke';

export interface LeadsJourneyOptions {
  baseUrl: string;
  email: string;
  password: string;
  shotsDir: string;
  /** The CSV to import (the README's leads-sample.csv). */
  csvPath: string;
  log?: (line: string) => void;
}

export interface LeadsJourneyResult {
  screenshots: string[];
  consoleErrors: string[];
  /** The result step's count tiles, by key (rowsRead, created, merged, unchanged, rejected, warnings). */
  counts: Record<string, number>;
  headline: string;
  /** Rows of the per-row report table (every page of it). */
  issueRows: number;
  /** Lines of the downloaded report, header included. */
  reportCsvLines: string[];
  /** The phone of the added lead as the server stored it, shown after saving. */
  addedPhoneE164: string;
  /** The message the phone field showed for a duplicate, and whether "open the existing lead" was offered. */
  duplicateMessage: string;
  duplicateOffersLead: boolean;
  /** The message the phone field showed for a number the server cannot read. */
  badPhoneMessage: string;
  /** The bulk status change's summary, headline and refused lines. */
  bulkHeadline: string;
  bulkRefused: string[];
  /** Lines of the export of two selected leads, header included. */
  exportCsvLines: string[];
}

export async function runLeadsJourney(opts: LeadsJourneyOptions): Promise<LeadsJourneyResult> {
  const log = opts.log ?? (() => undefined);
  const browser = await launchChromium();
  const screenshots: string[] = [];
  const consoleErrors: string[] = [];
  try {
    const { page, shot } = await openConsolePage(browser, { shotsDir: opts.shotsDir, log, screenshots, consoleErrors, settleMs: 350, acceptDownloads: true });

    await logIn(page, opts.baseUrl, opts.email, opts.password);
    await page.getByRole('link', { name: 'Leads', exact: true }).first().click();
    await page.getByRole('button', { name: 'Import CSV' }).waitFor();
    await page.getByText('No leads yet.').waitFor({ timeout: 15_000 });

    // ---- Import through the wizard ----
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const wizard = page.getByRole('dialog');
    await wizard.getByRole('button', { name: 'Choose a CSV file' }).waitFor();
    await shot('leads-20-import-file-empty');
    await wizard.locator('input[type="file"]').setInputFiles(opts.csvPath);
    await wizard.getByText('leads-sample.csv').first().waitFor();
    await shot('leads-21-import-file-chosen');
    await wizard.getByRole('button', { name: 'Next: columns' }).click();
    await wizard.getByRole('table', { name: 'Column mapping' }).waitFor();
    await shot('leads-22-import-columns');
    await wizard.getByRole('button', { name: 'Import', exact: true }).click();
    const headlineLocator = wizard.locator('p.headline');
    await headlineLocator.waitFor({ timeout: 30_000 });
    const headline = (await headlineLocator.innerText()).replace(/^\S+\s*/, '').trim(); // after the icon's ligature
    const counts: Record<string, number> = {};
    for (const tile of await wizard.locator('ul.tiles li').all()) {
      const key = (await tile.getAttribute('data-count')) ?? '';
      counts[key] = Number((await tile.locator('.value').innerText()).replace(/,/g, ''));
    }
    await shot('leads-23-import-result');
    const issueRows = await countIssueRows(page);
    const [download] = await Promise.all([page.waitForEvent('download'), wizard.getByRole('button', { name: 'Download as CSV' }).click()]);
    const reportCsvLines = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
    log(`import: ${headline}; ${issueRows} issue rows; report ${reportCsvLines.length} lines`);
    await wizard.getByRole('button', { name: 'Show the imported leads' }).click();
    await page.waitForURL(/importId=/);
    await page.locator('table[aria-label="Leads"] tr.row').nth(17).waitFor({ timeout: 15_000 });
    await settle(page);
    await shot('leads-24-leads-of-the-import');

    // ---- Add a lead ----
    await page.getByRole('button', { name: 'Add lead' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('button', { name: 'Add lead' }).click();
    await form.getByText('Enter a phone number').waitFor();
    await shot('leads-25-add-lead-checks');
    await form.getByLabel('Contact person').fill('Meera Kapoor');
    await form.getByLabel('Phone').fill('12345');
    await form.getByRole('button', { name: 'Add lead' }).click();
    const phoneError = form.locator('mat-form-field').filter({ has: page.getByLabel('Phone') }).locator('mat-error');
    await phoneError.waitFor();
    const badPhoneMessage = (await phoneError.innerText()).trim();
    // Aarav Mehta's number from the file, written another way: the server knows it is the same phone.
    await form.getByLabel('Phone').fill('098200 12345');
    await form.getByRole('button', { name: 'Add lead' }).click();
    await form.getByRole('button', { name: 'Open the existing lead' }).waitFor();
    const duplicateMessage = (await phoneError.innerText()).trim();
    const duplicateOffersLead = await form.getByRole('button', { name: 'Open the existing lead' }).isVisible();
    await shot('leads-26-add-lead-duplicate');
    await form.getByLabel('Phone').fill('098200 99887');
    await form.getByLabel('Price range').fill('₹9 Cr - ₹11 Cr');
    await form.getByRole('button', { name: 'Add lead' }).click();
    await form.getByText('Phone, as stored (E.164)').waitFor();
    const addedPhoneE164 = (await form.locator('dd.mono').innerText()).trim();
    await shot('leads-27-add-lead-saved');
    await form.getByRole('button', { name: 'Done' }).click();
    await form.waitFor({ state: 'detached' });

    // ---- Bulk status change over the imported leads ----
    await page.getByRole('checkbox', { name: 'Select every lead on this page' }).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByText('18 leads selected').waitFor();
    await shot('leads-28-bulk-selected');
    await bar.getByRole('button', { name: 'Status' }).click();
    const change = page.getByRole('dialog');
    await change.getByRole('combobox', { name: 'New status' }).click();
    await page.getByRole('option', { name: 'Not interested' }).click();
    await change.getByLabel('Reason').fill('Bought in another project');
    await shot('leads-29-bulk-status-dialog');
    await change.getByRole('button', { name: 'Change status' }).click();
    const result = page.getByRole('region', { name: 'Result of the bulk action' });
    await result.waitFor({ timeout: 15_000 });
    const bulkHeadline = (await result.locator('strong').innerText()).trim();
    const bulkRefused = (await result.locator('li').allInnerTexts()).map((t) => t.trim());
    await settle(page);
    await shot('leads-30-bulk-result');
    log(`bulk: ${bulkHeadline} / ${bulkRefused.join(' | ')}`);

    // ---- Export two selected leads ----
    const rows = page.locator('table[aria-label="Leads"] tr.row');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await bar.getByText('2 leads selected').waitFor();
    const [exported] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: 'Export' }).click()]);
    const exportCsvLines = readFileSync((await exported.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n').filter(Boolean);

    // ---- Dark theme and tablet width ----
    await page.emulateMedia({ colorScheme: 'dark' });
    await settle(page);
    await shot('leads-31-bulk-dark');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    // This time the file is dropped on the wizard, as from a file manager.
    const dropped = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'leads-sample.csv', { type: 'text/csv' }));
      return dt;
    }, readFileSync(opts.csvPath, 'utf8'));
    await page.getByRole('dialog').locator('.drop').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByRole('dialog').getByText('leads-sample.csv').first().waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Next: columns' }).click();
    await page.getByRole('table', { name: 'Column mapping' }).waitFor();
    await shot('leads-32-import-columns-dark');
    await page.setViewportSize({ width: 820, height: 1000 });
    await shot('leads-33-import-columns-dark-tablet');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.emulateMedia({ colorScheme: 'light' });
    await settle(page);
    await shot('leads-34-leads-selected-tablet');
    await page.getByRole('button', { name: 'Add lead' }).click();
    await page.getByRole('dialog').getByLabel('Contact person').waitFor();
    await shot('leads-35-add-lead-tablet');
    await page.keyboard.press('Escape');

    return { screenshots, consoleErrors, counts, headline, issueRows, reportCsvLines, addedPhoneE164, duplicateMessage, duplicateOffersLead, badPhoneMessage, bulkHeadline, bulkRefused, exportCsvLines };
  } finally {
    await browser.close();
  }
}

/** Rows of the per-row report across its pages (10 a page). */
async function countIssueRows(page: Page): Promise<number> {
  const table = page.getByRole('dialog').locator('table.issues');
  let n = await table.locator('tr.mat-mdc-row').count();
  const next = page.getByRole('dialog').getByRole('button', { name: 'Next page' });
  while ((await next.count()) && (await next.isEnabled())) {
    await next.click();
    n += await table.locator('tr.mat-mdc-row').count();
  }
  return n;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(600);
}

// Deleting several at once (issue 14): checkboxes, "Delete N snapshots", one undo window for
// the batch, then the DELETEs one at a time with their progress; a failure stays on its row.
import * as path from 'node:path';
import type { Request } from '@playwright/test';
import { test, expect, signIn, row } from './fixtures';
import { installClock } from './clock';
import { axeViolations } from './layout';

const deletes = (requests: Request[]) => requests.filter((r) => r.method() === 'DELETE');
const NAMES = ['weekly-snapshot-2025-01-08', 'nightly-run-1', 'postfix-config-test'];

/** Chooses `names` by their row checkboxes, with the keyboard. */
async function choose(page: import('@playwright/test').Page, names: string[]) {
  for (const name of names) {
    const box = row(page, name).getByRole('checkbox', { name: `Select ${name}` });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
}

test('three chosen rows: one confirm, one undo window, then the DELETEs one at a time', async ({ page, sim, apiRequests }) => {
  await installClock(page);
  await signIn(page, sim);
  const all = page.getByRole('checkbox', { name: 'Select all on this page' });
  await expect(all).toBeChecked({ checked: false });
  await choose(page, NAMES);
  await expect(page.getByText('3 selected')).toBeVisible();
  await expect(all).toBeChecked({ indeterminate: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Delete 3 snapshots' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete snapshots' });
  await expect(dialog).toContainText('These 3 snapshots will be deleted for good:');
  expect((await dialog.getByRole('listitem').allTextContents()).sort()).toEqual([...NAMES].sort());
  await expect(dialog).toContainText('you have 5 seconds to undo');
  expect(await axeViolations(page)).toEqual([]);

  // Each answer held back a moment, so the progress can be seen and the order checked.
  await sim.fault('snapshot_delete', { kind: 'latency', ms: 1_500 }, 3);
  const spans: { start: number; end?: number }[] = [];
  page.on('request', (r) => { if (r.method() === 'DELETE') spans.push({ start: Date.now() }); });
  page.on('requestfinished', (r) => { if (r.method() === 'DELETE') spans[spans.length - 1].end = Date.now(); });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  for (const name of NAMES) await expect(row(page, name)).toContainText('Deleting in 5 s');
  await expect(page.getByText('Deleting 3 snapshots in 5 s')).toBeVisible();
  expect(deletes(apiRequests)).toHaveLength(0);

  await page.clock.runFor(5_100);
  await expect(page.getByRole('status').filter({ hasText: /^Deleting 2 of 3…$/ })).toBeVisible();
  for (const name of NAMES) await expect(row(page, name)).toHaveCount(0, { timeout: 15_000 });
  // One notice for the batch, not one per snapshot.
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Deleted 3 snapshots.');
  await expect(page.getByRole('status', { name: 'Notifications' })).not.toContainText('Deleted snapshot');
  expect(deletes(apiRequests)).toHaveLength(3);
  // One at a time: each DELETE starts once the one before it has its answer.
  for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end!);
  expect(spans).toHaveLength(3);
});

test('a failure is told on its row and the others still go; nothing is retried', async ({ page, sim, apiRequests }) => {
  await installClock(page);
  await signIn(page, sim);
  await choose(page, NAMES);
  await sim.fault('snapshot_delete', { kind: 'status', status: 500 }, 1);
  await page.getByRole('button', { name: 'Delete 3 snapshots' }).click();
  await page.getByRole('dialog', { name: 'Delete snapshots' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await page.clock.runFor(5_100);
  // They go in the list's order (newest first): nightly-run-1's DELETE is the one that fails.
  await expect(row(page, 'weekly-snapshot-2025-01-08')).toHaveCount(0);
  await expect(row(page, 'postfix-config-test')).toHaveCount(0);
  await expect(row(page, 'nightly-run-1')).toContainText('The API failed while trying to delete snapshot nightly-run-1 (error 500).');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    '1 snapshot could not be deleted; the reason is on its row.');
  await page.clock.runFor(30_000);
  expect(deletes(apiRequests)).toHaveLength(3);
  await expect(row(page, 'nightly-run-1').getByRole('button', { name: 'Delete nightly-run-1' })).toBeVisible();
});

test('Undo all in the window sends nothing and keeps every row', async ({ page, sim, apiRequests }) => {
  await installClock(page);
  await signIn(page, sim);
  await choose(page, NAMES);
  await page.getByRole('button', { name: 'Delete 3 snapshots' }).click();
  await page.getByRole('dialog', { name: 'Delete snapshots' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Undo all' }).click();
  await page.clock.runFor(10_000);
  expect(deletes(apiRequests)).toHaveLength(0);
  for (const name of NAMES) await expect(row(page, name).getByRole('button', { name: `Delete ${name}` })).toBeVisible();
});

test('a search or filter that hides chosen rows un-chooses them: the batch is only rows still shown', async ({ page, sim, apiRequests }) => {
  await signIn(page, sim);
  await choose(page, NAMES);
  await expect(page.getByText('3 selected')).toBeVisible();
  // "nightly" hides two of the three chosen rows.
  await page.getByRole('searchbox', { name: 'Search' }).fill('nightly');
  await expect(row(page, 'postfix-config-test')).toHaveCount(0);
  await expect(page.getByText('1 selected')).toBeVisible();
  // Shown again, they stay un-chosen: nothing hidden was kept for the batch.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(row(page, 'postfix-config-test').getByRole('checkbox', { name: 'Select postfix-config-test' })).not.toBeChecked();
  await expect(row(page, 'nightly-run-1').getByRole('checkbox', { name: 'Select nightly-run-1' })).toBeChecked();
  await page.getByRole('button', { name: 'Delete 1 snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete snapshots' });
  await expect(dialog.getByRole('listitem')).toHaveText(['nightly-run-1']);
  // The server filter too.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await choose(page, ['weekly-snapshot-2025-01-08']);
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('combobox', { name: 'Filter by server' }).selectOption({ label: 'web-server-01' });
  await expect(page.getByText('1 selected')).toBeVisible();
  expect(deletes(apiRequests)).toHaveLength(0);
});

test.describe('a page of 25 from 5,000', () => {
  test.use({ simOptions: { createDelayMs: 60_000, restoreDelayMs: 60_000, seed: 'large', consoleDir: path.resolve(__dirname, '..', '..', 'dist'), extraArgs: [] } });

  test('"Select all on this page" chooses the 25 shown; the confirm lists 10 names and "and 15 more"', async ({ page, sim, apiRequests }) => {
    await signIn(page, sim);
    const all = page.getByRole('checkbox', { name: 'Select all on this page' });
    await all.check();
    await expect(page.getByRole('table').getByRole('checkbox', { checked: true })).toHaveCount(25);
    await page.getByRole('button', { name: 'Delete 25 snapshots' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete snapshots' });
    await expect(dialog.getByRole('listitem')).toHaveCount(10);
    await expect(dialog).toContainText('and 15 more');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await all.uncheck();
    await expect(page.getByRole('table').getByRole('checkbox', { checked: true })).toHaveCount(0);
    expect(deletes(apiRequests)).toHaveLength(0);
  });
});
